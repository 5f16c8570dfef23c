// Hostile strings in every URL parameter, query parameter, form field and JSON body of every route module:
// never a 500, and nothing of another organisation changes.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
const modules = import.meta.glob<{ loader?: Handler; action?: Handler }>("../../app/routes/*.{ts,tsx}", { eager: true });
const routes = Object.entries(modules).map(([file, module]) => ({ id: file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, ""), module }));

const HOSTILE = [
  "' OR 1=1 --",
  "\"; DROP TABLE \"Patent\"; --",
  "NEAR(电池 芯片) title:x* \"unterminated",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "../../../../etc/passwd",
  "\u0000\u0001\uD800",
  "😀".repeat(300),
  "长".repeat(20_000),
  "-1",
  "1e309",
  "{\"__proto__\":{\"admin\":true}}",
];
const FIELDS = [
  "intent", "q", "page", "size", "sort", "year", "from", "to", "university", "cluster", "filter", "status", "type", "open", "table", "id", "email", "password",
  "name", "title", "description", "message", "price", "licenseTermMonths", "kind", "feeModel", "lumpSum", "note", "query", "score", "scoreMode", "maturity",
  "transferable", "declarationId", "patentId", "signatoryName", "agree", "visibility", "budgetMin", "deadline", "step", "redirectTo", "token", "map:0", "organization.name",
  "ids", "compare", "fee",
];
const VISITORS = ["anonymous", "sme", "staff"] as const;
const cookies: Record<string, string> = {};
let otherUniversityId = "";

async function fingerprintOfOthers(): Promise<string> {
  const [patents, declarations, users] = await Promise.all([
    prisma.patent.findMany({ where: { ownerId: otherUniversityId }, orderBy: { id: "asc" } }),
    prisma.openLicenseDeclaration.findMany({ where: { declarantId: otherUniversityId }, orderBy: { id: "asc" } }),
    prisma.user.findMany({ where: { organizationId: otherUniversityId }, orderBy: { id: "asc" } }),
  ]);
  return createHash("sha256").update(JSON.stringify({ patents, declarations, users })).digest("hex");
}

beforeAll(async () => {
  const own = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  otherUniversityId = other.id;
  const enterprise = await createEnterprise("重庆敌意测试有限公司");
  await prisma.organization.update({ where: { id: enterprise.id }, data: { verifiedAt: new Date() } });
  const theirs = await createPatent({ ownerId: other.id, title: "别校的专利" });
  await declareOpenLicense(theirs.id, other.id);
  await createPatent({ ownerId: own.id, title: "本校的专利" });
  await createUser({ email: "staff@other.example", name: "other staff", password: "hostile password", role: "UNIVERSITY_STAFF", organizationId: other.id });
  for (const [visitor, role, organizationId] of [["sme", "SME", enterprise.id], ["staff", "UNIVERSITY_STAFF", own.id]] as const) {
    const user = await createUser({ email: `${visitor}@hostile.example`, name: visitor, password: "hostile password", role, organizationId });
    cookies[visitor] = (await startSession(user.id, 1)).split(";")[0];
  }
});

/** The status a handler answers (thrown responses included); anything else thrown would be a 500. */
async function statusOf(run: () => unknown): Promise<number> {
  try {
    const result = (await run()) as { type?: string; init?: { status?: number } } | Response | null;
    if (result instanceof Response) return result.status;
    return result?.type === "DataWithResponseInit" ? (result.init?.status ?? 200) : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    return 500;
  }
}

function headersFor(visitor: (typeof VISITORS)[number], extra: Record<string, string> = {}) {
  return { Origin: "http://localhost", Host: "localhost", ...(cookies[visitor] ? { Cookie: cookies[visitor] } : {}), ...extra };
}

describe("hostile input", () => {
  it("never gets a 500 from any loader or action, whoever sends it", async () => {
    const before = await fingerprintOfOthers();
    const failures: string[] = [];
    for (const { id, module } of routes) {
      const params = { id: "", token: "", number: "", table: "" };
      for (const hostile of HOSTILE) {
        for (const key of Object.keys(params) as Array<keyof typeof params>) params[key] = hostile;
        const query = new URLSearchParams(FIELDS.map((field) => [field, hostile])).toString();
        const url = `http://localhost/${id.replace(/\./g, "/")}?${query}`;
        for (const visitor of VISITORS) {
          const tries: Array<[string, () => unknown]> = [];
          if (module.loader) tries.push(["GET", () => module.loader!({ request: new Request(url, { headers: headersFor(visitor) }), params, context: { clientIp: "127.0.0.1" } })]);
          if (module.action) {
            const form = new FormData();
            for (const field of FIELDS) form.append(field, hostile);
            tries.push(["POST form", () => module.action!({ request: new Request(url, { method: "POST", headers: headersFor(visitor), body: form }), params, context: { clientIp: "127.0.0.1" } })]);
            const json = JSON.stringify(Object.fromEntries(FIELDS.map((field) => [field, hostile])));
            tries.push(["POST json", () => module.action!({ request: new Request(url, { method: "POST", headers: headersFor(visitor, { "Content-Type": "application/json" }), body: json }), params, context: { clientIp: "127.0.0.1" } })]);
            tries.push(["DELETE", () => module.action!({ request: new Request(url, { method: "DELETE", headers: headersFor(visitor, { "Content-Type": "application/json" }), body: "{" }), params, context: { clientIp: "127.0.0.1" } })]);
          }
          for (const [method, run] of tries) {
            const status = await statusOf(run);
            if (status >= 500) failures.push(`${method} ${id} as ${visitor} with ${JSON.stringify(hostile.slice(0, 40))}: ${status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprintOfOthers()).toBe(before);
  }, 240_000);

  it("answers wrong content types, huge and malformed JSON bodies with a 4xx", async () => {
    const api = routes.filter(({ id, module }) => id.startsWith("api.") && module.action);
    const bodies: Array<[string, BodyInit]> = [
      ["text/plain", "hello"],
      ["application/json", "x".repeat(200_000)],
      ["application/json", new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0x7d])],
      ["application/json", "[]"],
      ["application/json", "null"],
    ];
    const failures: string[] = [];
    for (const { id, module } of api) {
      for (const [type, body] of bodies) {
        for (const visitor of VISITORS) {
          const request = new Request(`http://localhost/${id.replace(/\./g, "/")}`, { method: "POST", headers: headersFor(visitor, { "Content-Type": type }), body });
          const status = await statusOf(() => module.action!({ request, params: { id: "1" }, context: { clientIp: "127.0.0.1" } }));
          if (status >= 500) failures.push(`${id} ${type} as ${visitor}: ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
