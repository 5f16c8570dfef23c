// Hostile strings in every URL parameter, query parameter, form field and JSON body of every route module:
// never a 500, and nothing of another organisation changes.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { replyErrors, type FormReply } from "~/lib/form-action.server";
import { messageIn } from "~/lib/i18n";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
const modules = import.meta.glob<{ loader?: Handler; action?: Handler }>("../../app/routes/*.{ts,tsx}", {
  eager: true,
});
const routes = Object.entries(modules).map(([file, module]) => ({
  id: file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, ""),
  module,
}));

const HOSTILE = [
  "' OR 1=1 --",
  '"; DROP TABLE "Patent"; --',
  'NEAR(电池 芯片) title:x* "unterminated',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "../../../../etc/passwd",
  "\u0000\u0001\uD800",
  "😀".repeat(300),
  "长".repeat(20_000),
  "-1",
  "1e309",
  '{"__proto__":{"admin":true}}',
];
const FIELDS = [
  "intent",
  "q",
  "page",
  "size",
  "sort",
  "year",
  "from",
  "to",
  "university",
  "cluster",
  "filter",
  "status",
  "type",
  "open",
  "table",
  "id",
  "email",
  "password",
  "name",
  "title",
  "description",
  "message",
  "price",
  "licenseTermMonths",
  "kind",
  "feeModel",
  "lumpSum",
  "note",
  "query",
  "score",
  "scoreMode",
  "maturity",
  "transferable",
  "declarationId",
  "patentId",
  "signatoryName",
  "agree",
  "visibility",
  "budgetMin",
  "deadline",
  "step",
  "redirectTo",
  "token",
  "map:0",
  "organization.name",
  "ids",
  "compare",
  "fee",
];
const VISITORS = ["anonymous", "sme", "staff"] as const;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};

/** Signing out (the logout route, DELETE /api/v1/session, "sign out everywhere") ends a session on the server:
 * the visitor signs in again before the next try. */
async function keepSignedIn() {
  const live = new Set(
    (
      await prisma.session.findMany({ where: { userId: { in: Object.values(userIds) } }, select: { userId: true } })
    ).map((session) => session.userId),
  );
  for (const [visitor, userId] of Object.entries(userIds)) {
    if (!live.has(userId)) cookies[visitor] = (await startSession(userId)).split(";")[0];
  }
}
let otherUniversityId = "";

async function fingerprintOfOthers(): Promise<string> {
  const [patents, declarations, users] = await Promise.all([
    prisma.patent.findMany({ where: { ownerId: otherUniversityId }, orderBy: { id: "asc" } }),
    prisma.openLicenseDeclaration.findMany({ where: { declarantId: otherUniversityId }, orderBy: { id: "asc" } }),
    prisma.user.findMany({ where: { organizationId: otherUniversityId }, orderBy: { id: "asc" } }),
  ]);
  // Amounts are BIGINT, read as bigint, which JSON.stringify refuses: written as their digits.
  const text = JSON.stringify({ patents, declarations, users }, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  return createHash("sha256").update(text).digest("hex");
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
  await createUser({
    email: "staff@other.example",
    name: "other staff",
    password: "hostile password",
    role: "UNIVERSITY_STAFF",
    organizationId: other.id,
  });
  for (const [visitor, role, organizationId] of [
    ["sme", "SME", enterprise.id],
    ["staff", "UNIVERSITY_STAFF", own.id],
  ] as const) {
    const user = await createUser({
      email: `${visitor}@hostile.example`,
      name: visitor,
      password: "hostile password",
      role,
      organizationId,
    });
    userIds[visitor] = user.id;
    cookies[visitor] = (await startSession(user.id)).split(";")[0];
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
  return {
    Origin: "http://localhost",
    Host: "localhost",
    ...(cookies[visitor] ? { Cookie: cookies[visitor] } : {}),
    ...extra,
  };
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
          if (module.loader)
            tries.push([
              "GET",
              () =>
                module.loader!({
                  request: new Request(url, { headers: headersFor(visitor) }),
                  params,
                  context: { clientIp: "127.0.0.1" },
                }),
            ]);
          if (module.action) {
            const form = new FormData();
            for (const field of FIELDS) form.append(field, hostile);
            tries.push([
              "POST form",
              () =>
                module.action!({
                  request: new Request(url, { method: "POST", headers: headersFor(visitor), body: form }),
                  params,
                  context: { clientIp: "127.0.0.1" },
                }),
            ]);
            const json = JSON.stringify(Object.fromEntries(FIELDS.map((field) => [field, hostile])));
            tries.push([
              "POST json",
              () =>
                module.action!({
                  request: new Request(url, {
                    method: "POST",
                    headers: headersFor(visitor, { "Content-Type": "application/json" }),
                    body: json,
                  }),
                  params,
                  context: { clientIp: "127.0.0.1" },
                }),
            ]);
            tries.push([
              "DELETE",
              () =>
                module.action!({
                  request: new Request(url, {
                    method: "DELETE",
                    headers: headersFor(visitor, { "Content-Type": "application/json" }),
                    body: "{",
                  }),
                  params,
                  context: { clientIp: "127.0.0.1" },
                }),
            ]);
          }
          for (const [method, run] of tries) {
            const status = await statusOf(run);
            if (status >= 500)
              failures.push(`${method} ${id} as ${visitor} with ${JSON.stringify(hostile.slice(0, 40))}: ${status}`);
          }
        }
        await keepSignedIn();
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprintOfOthers()).toBe(before);
  }, 900_000);

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
          const request = new Request(`http://localhost/${id.replace(/\./g, "/")}`, {
            method: "POST",
            headers: headersFor(visitor, { "Content-Type": type }),
            body,
          });
          const status = await statusOf(() =>
            module.action!({ request, params: { id: "1" }, context: { clientIp: "127.0.0.1" } }),
          );
          if (status >= 500) failures.push(`${id} ${type} as ${visitor}: ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

// Targets that browsers would follow off the site (a tab or backslash is dropped or read as "/"), break the
// Location header (CR/LF, NUL, text beyond Latin-1) or hide "//" behind percent-encoding.
const REDIRECT_TARGETS = [
  "/%09/evil.com",
  "/\t/evil.com",
  "/%5Cevil.com",
  "/\\evil.com",
  "//evil.com",
  "/%2F%2Fevil.com",
  "/%252F/evil.com",
  "https://evil.com",
  "/a\r\nSet-Cookie: x=1",
  "/a%0D%0ASet-Cookie:%20x=1",
  "/a\u0000b",
  "/a%00b",
  "/\u0085evil.com",
  "javascript:alert(1)",
  "/patents?q=电池",
  "/专利/1",
  "长".repeat(3000),
];

/** Where a redirect goes: the Location of a thrown or returned redirect, else null. */
async function locationOf(run: () => unknown): Promise<{ status: number; location: string | null }> {
  try {
    const result = await run();
    return result instanceof Response
      ? { status: result.status, location: result.headers.get("Location") }
      : { status: 200, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    return { status: 500, location: null };
  }
}

/** A redirect to this site; a form holding a raw NUL is refused whole (400) before any redirect. */
const fine = (target: string, answer: { status: number; location: string | null }) =>
  (answer.status === 302 && onThisSite(answer.location)) || (target.includes("\u0000") && answer.status === 400);

function onThisSite(location: string | null): boolean {
  return (
    location !== null &&
    location.startsWith("/") &&
    !location.startsWith("//") &&
    !/[\u0000-\u0020\u007f-\uffff\\]/.test(location) &&
    new URL(location, "http://localhost").origin === "http://localhost"
  );
}

describe("redirect targets", () => {
  const route = (id: string) => routes.find((candidate) => candidate.id === id)!.module;

  it("after signing in (already or now) go only to paths on this site, encoded, and never answer 500", async () => {
    await createUser({
      email: "redirected@hostile.example",
      name: "redirected",
      password: "redirect password",
      role: "SME",
    });
    const failures: string[] = [];
    for (const target of REDIRECT_TARGETS) {
      await keepSignedIn();
      const already = await locationOf(() =>
        route("login").loader!({
          request: new Request(`http://localhost/login?redirectTo=${encodeURIComponent(target)}`, {
            headers: headersFor("sme"),
          }),
          params: {},
          context: {},
        }),
      );
      if (already.status !== 302 || !onThisSite(already.location))
        failures.push(
          `GET /login as signed in, ${JSON.stringify(target.slice(0, 30))}: ${already.status} ${already.location}`,
        );
      const form = new FormData();
      form.append("email", "redirected@hostile.example");
      form.append("password", "redirect password");
      form.append("redirectTo", target);
      const signedIn = await locationOf(() =>
        route("login").action!({
          request: new Request("http://localhost/login", {
            method: "POST",
            headers: headersFor("anonymous"),
            body: form,
          }),
          params: {},
          context: {},
        }),
      );
      if (!fine(target, signedIn))
        failures.push(`POST /login, ${JSON.stringify(target.slice(0, 30))}: ${signedIn.status} ${signedIn.location}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("of the language switch go only to paths on this site, and keep a Chinese search", async () => {
    const failures: string[] = [];
    for (const target of REDIRECT_TARGETS) {
      const form = new FormData();
      form.append("language", "en");
      form.append("returnTo", target);
      const switched = await locationOf(() =>
        route("lang").action!({
          request: new Request("http://localhost/lang", {
            method: "POST",
            headers: headersFor("anonymous"),
            body: form,
          }),
          params: {},
          context: {},
        }),
      );
      if (!fine(target, switched))
        failures.push(`POST /lang, ${JSON.stringify(target.slice(0, 30))}: ${switched.status} ${switched.location}`);
    }
    expect(failures).toEqual([]);
    const form = new FormData();
    form.append("language", "zh");
    form.append("returnTo", "/patents?q=电池&cluster=NEV");
    const kept = await locationOf(() =>
      route("lang").action!({
        request: new Request("http://localhost/lang", { method: "POST", headers: headersFor("anonymous"), body: form }),
        params: {},
        context: {},
      }),
    );
    expect(kept.location).toBe("/patents?q=%E7%94%B5%E6%B1%A0&cluster=NEV");
    expect(new URL(kept.location!, "http://localhost").searchParams.get("q")).toBe("电池");
  });
});

describe("calendar-invalid dates", () => {
  const DATES = [
    "2026-13-01",
    "2027-1-1",
    "+275760-09-13",
    "2027-02-30",
    "9999-12-31",
    "2027-00-01",
    "0000-01-01",
    "2027-02-29T00:00:00Z",
  ];
  const route = (id: string) => routes.find((candidate) => candidate.id === id)!.module;

  it("are refused as a need's deadline with a 4xx and a message on the field, in the user's language, on the page and the API", async () => {
    await keepSignedIn();
    const before = await prisma.technologyNeed.count();
    for (const deadline of DATES) {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        title: "耐低温电池",
        description: "需要在零下三十度工作的动力电池。",
        visibility: "PUBLIC",
        deadline,
      }))
        form.append(name, value);
      const page = (await route("needs.new").action!({
        request: new Request("http://localhost/needs/new", { method: "POST", headers: headersFor("sme"), body: form }),
        params: {},
        context: {},
      })) as { init: { status: number }; data: { result: FormReply } };
      expect(page.init.status, deadline).toBe(400);
      const message = replyErrors(page.data.result).deadline;
      expect(message, deadline).toMatch(/^need\.deadline/);
      expect(messageIn("zh", message)).not.toBe(messageIn("en", message));
      const api = (await route("api.v1.needs").action!({
        request: new Request("http://localhost/api/v1/needs", {
          method: "POST",
          headers: headersFor("sme", { "Content-Type": "application/json" }),
          body: JSON.stringify({
            title: "耐低温电池",
            description: "需要在零下三十度工作的动力电池。",
            visibility: "PUBLIC",
            deadline,
          }),
        }),
        params: {},
        context: {},
      })) as Response;
      expect(api.status, deadline).toBe(400);
      expect((await api.json()).issues).toEqual([expect.objectContaining({ path: "deadline" })]);
    }
    expect(await prisma.technologyNeed.count()).toBe(before);
  });
});
