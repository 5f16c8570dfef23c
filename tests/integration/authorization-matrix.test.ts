// Every route module × every kind of visitor → the status the server answers. The list of routes is read
// from app/routes, so a new route without a row here fails this test.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

type RouteModule = {
  default?: unknown;
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
};

const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const routeId = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");
const routes = new Map(Object.entries(modules).map(([file, module]) => [routeId(file), module]));

const VISITORS = ["anonymous", "sme", "ownStaff", "otherStaff", "admin"] as const;
type Visitor = (typeof VISITORS)[number];
type Row = [method: "GET" | "POST" | "DELETE", route: string, statuses: [number, number, number, number, number]];

// anonymous, SME, staff of the owning university, staff of another university, administrator
const MATRIX: Row[] = [
  ["GET", "_index", [200, 200, 200, 200, 200]],
  ["GET", "healthz", [200, 200, 200, 200, 200]],
  ["GET", "patents._index", [200, 200, 200, 200, 200]],
  ["GET", "compare", [200, 200, 200, 200, 200]],
  ["GET", "patents.$id", [200, 200, 200, 200, 200]],
  ["GET", "api.v1.patents", [200, 200, 200, 200, 200]],
  ["GET", "api.v1.patents.$id", [200, 200, 200, 200, 200]],
  ["GET", "lang", [302, 302, 302, 302, 302]],
  ["POST", "lang", [400, 400, 400, 400, 400]],
  ["GET", "login", [200, 302, 302, 302, 302]],
  ["POST", "login", [400, 400, 400, 400, 400]],
  ["GET", "logout", [302, 302, 302, 302, 302]],
  ["POST", "logout", [302, 302, 302, 302, 302]],
  ["POST", "join", [400, 400, 400, 400, 400]],
  ["GET", "account", [302, 200, 200, 200, 200]],
  ["POST", "account", [302, 400, 400, 400, 400]],
  ["GET", "register.$token", [410, 410, 410, 410, 410]],
  ["POST", "register.$token", [410, 410, 410, 410, 410]],
  ["POST", "forgot-password", [400, 400, 400, 400, 400]],
  ["POST", "reset-password.$token", [400, 400, 400, 400, 400]],
  ["GET", "invitations.$token", [404, 404, 404, 404, 404]],
  ["POST", "invitations.$token", [404, 404, 404, 404, 404]],
  ["GET", "admin", [302, 403, 403, 403, 200]],
  ["GET", "admin._index", [302, 403, 403, 403, 302]],
  ["GET", "admin.organizations", [302, 403, 403, 403, 200]],
  ["POST", "admin.organizations", [302, 403, 403, 403, 404]],
  ["GET", "admin.users", [302, 403, 403, 403, 200]],
  ["POST", "admin.users", [302, 403, 403, 403, 400]],
  ["GET", "admin.invitations", [302, 403, 403, 403, 200]],
  ["POST", "admin.invitations", [302, 403, 403, 403, 400]],
  ["GET", "admin.audit", [302, 403, 403, 403, 200]],
  ["GET", "admin.outbox", [302, 403, 403, 403, 200]],
  ["GET", "api.v1.session", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.session", [400, 400, 400, 400, 400]],
  ["DELETE", "api.v1.session", [200, 200, 200, 200, 200]],
  ["GET", "api.v1.me", [401, 200, 200, 200, 200]],
  ["GET", "api.v1.register", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.register", [400, 400, 400, 400, 400]],
  ["GET", "api.v1.register.confirm", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.register.confirm", [400, 400, 400, 400, 400]],
  ["GET", "api.v1.organizations.$id.verify", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.organizations.$id.verify", [401, 403, 403, 403, 200]],
  ["GET", "api.v1.patents.$id.open-license", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.patents.$id.open-license", [401, 403, 400, 403, 400]],
  ["GET", "api.v1.open-licenses.$id", [405, 405, 405, 405, 405]],
  ["DELETE", "api.v1.open-licenses.$id", [401, 403, 200, 403, 409]],
  ["GET", "api.v1.open-licenses.$id.accept", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.open-licenses.$id.accept", [401, 400, 403, 403, 403]],
  ["GET", "api.v1.licenses.$id", [401, 200, 200, 404, 200]],
  ["GET", "contracts.$number", [200, 200, 200, 200, 200]],
  ["POST", "patents.$id", [302, 400, 400, 400, 400]],
  ["GET", "licenses._index", [302, 200, 200, 200, 200]],
  ["GET", "deals._index", [302, 200, 200, 200, 200]],
  ["GET", "licenses.$id", [302, 200, 200, 404, 200]],
  ["GET", "api.v1.licenses", [401, 200, 200, 200, 200]],
  ["GET", "university.patents", [302, 403, 200, 200, 200]],
  ["GET", "api.v1.patents.$id.deals", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.patents.$id.deals", [401, 400, 403, 403, 403]],
  ["GET", "api.v1.deals.$id", [401, 200, 200, 404, 200]],
  ["POST", "api.v1.deals.$id", [401, 400, 400, 400, 400]],
  ["GET", "deals.$id", [302, 200, 200, 404, 200]],
  ["GET", "notifications", [302, 200, 200, 200, 200]],
  ["GET", "licenses.$id.pdf", [302, 200, 200, 404, 200]],
  ["GET", "licenses.$id.recordal", [302, 200, 200, 404, 200]],
  // The matrix's deal is still being negotiated: no contract, no recordal yet (404 for its parties too).
  ["GET", "deals.$id.pdf", [302, 404, 404, 404, 404]],
  ["GET", "deals.$id.recordal", [302, 404, 404, 404, 404]],
  ["GET", "payments.$id", [302, 200, 200, 404, 200]],
  ["POST", "payments.$id", [302, 403, 400, 404, 400]],
  ["GET", "royalties.$id", [302, 200, 200, 404, 200]],
  ["POST", "royalties.$id", [302, 400, 403, 404, 403]],
  ["GET", "api.v1.licenses.$id.sales-reports", [401, 200, 200, 404, 200]],
  ["POST", "api.v1.licenses.$id.sales-reports", [401, 400, 400, 400, 400]],
  ["GET", "api.v1.payments.$id", [401, 200, 200, 404, 200]],
  ["GET", "api.v1.patents.$id.fee-guidance", [200, 200, 200, 200, 200]],
  ["GET", "api.v1.payments.$id.receipts", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.payments.$id.receipts", [401, 400, 400, 400, 400]],
  ["POST", "notifications", [302, 200, 200, 200, 200]],
  ["GET", "dashboard", [302, 200, 200, 200, 200]],
  ["POST", "deals.$id", [302, 400, 400, 404, 400]],
  ["POST", "university.patents", [302, 403, 400, 400, 400]],
  ["GET", "admin.stats", [302, 403, 403, 403, 200]],
  ["GET", "university.stats", [302, 403, 200, 200, 302]],
  ["GET", "api.v1.stats", [401, 403, 200, 200, 200]],
  ["GET", "stats.export.$table", [302, 403, 200, 200, 200]],
  ["GET", "university", [302, 403, 200, 200, 200]],
  ["GET", "university.import._index", [302, 403, 200, 200, 200]],
  ["POST", "university.import._index", [302, 403, 400, 400, 400]],
  ["GET", "university.import.template", [302, 403, 200, 200, 200]],
  ["GET", "university.import.$id", [302, 403, 200, 404, 200]],
  ["POST", "university.import.$id", [302, 403, 400, 404, 400]],
  ["GET", "university.import.$id.report", [302, 403, 200, 404, 200]],
  ["GET", "university.assessment", [302, 403, 200, 200, 200]],
  ["POST", "university.assessment", [302, 403, 400, 400, 400]],
  ["GET", "needs._index", [200, 200, 200, 200, 200]],
  ["GET", "needs.new", [302, 200, 403, 403, 403]],
  ["POST", "needs.new", [302, 400, 403, 403, 403]],
  ["GET", "needs.$id", [200, 200, 200, 200, 200]],
  ["POST", "needs.$id", [302, 400, 400, 400, 400]],
  ["GET", "saved-searches", [302, 200, 200, 200, 200]],
  ["POST", "saved-searches", [302, 400, 400, 400, 400]],
  ["GET", "api.v1.needs", [200, 200, 200, 200, 200]],
  ["POST", "api.v1.needs", [401, 400, 403, 403, 403]],
  ["GET", "api.v1.needs.$id", [200, 200, 200, 200, 200]],
  ["GET", "api.v1.saved-searches", [401, 200, 200, 200, 200]],
  ["POST", "api.v1.saved-searches", [401, 400, 400, 400, 400]],
  ["GET", "api.v1.saved-searches.$id", [405, 405, 405, 405, 405]],
  ["DELETE", "api.v1.saved-searches.$id", [401, 404, 404, 404, 404]],
  ["GET", "api.v1.patents.$id.watch", [405, 405, 405, 405, 405]],
  ["POST", "api.v1.patents.$id.watch", [401, 200, 200, 200, 403]],
];

const cookies = new Map<Visitor, string>();
const userIds = new Map<Visitor, string>();
const params: Record<string, string> = {};

beforeAll(async () => {
  const own = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  const enterprise = await createEnterprise("重庆矩阵科技有限公司");
  const patent = await createPatent({ ownerId: own.id, title: "一种矩阵测试装置" });
  params.id = String(patent.id);
  params.token = "no-such-token";
  const declaration = await declareOpenLicense(patent.id, own.id);
  params.declarationId = declaration.id;
  const license = await prisma.license.create({
    data: {
      contractNumber: "PB-2026-L-000001",
      patentId: patent.id,
      licensorId: own.id,
      licenseeId: enterprise.id,
      kind: "OPEN",
      declarationId: declaration.id,
      termsSnapshot: "{}",
      startsOn: new Date(),
      endsOn: new Date("2030-01-01T00:00:00Z"),
      signedAt: new Date(),
      contractText: "专利实施许可合同\n合同编号 PB-2026-L-000001",
    },
  });
  params.licenseId = license.id;
  params.paymentId = (
    await prisma.payment.create({
      data: { licenseId: license.id, kind: "UP_FRONT", amountFen: 1_000_000, dueOn: new Date("2030-01-01T00:00:00Z") },
    })
  ).id;
  const deal = await prisma.deal.create({
    data: {
      patentId: patent.id,
      requesterId: enterprise.id,
      ownerId: own.id,
      kind: "ORDINARY",
      status: "NEGOTIATING",
      terms: "{}",
      termsBy: "REQUESTER",
    },
  });
  params.dealId = deal.id;
  const patentImport = await prisma.patentImport.create({
    data: {
      organizationId: own.id,
      createdById: "matrix",
      fileName: "patents.csv",
      filePath: "/nonexistent/patents.csv",
      fileBytes: 0,
      fileSha256: "0".repeat(64),
      status: "DONE",
    },
  });
  params.importId = patentImport.id;
  const need = await prisma.technologyNeed.create({
    data: {
      organizationId: enterprise.id,
      createdById: "matrix",
      title: "矩阵测试需求",
      description: "需要一种矩阵测试装置。",
      visibility: "PUBLIC",
    },
  });
  params.needId = need.id;
  params.number = license.contractNumber;
  const accounts: Array<[Visitor, string, "SME" | "UNIVERSITY_STAFF" | "ADMIN", string | null]> = [
    ["sme", "sme@matrix.example", "SME", enterprise.id],
    ["ownStaff", "own@matrix.example", "UNIVERSITY_STAFF", own.id],
    ["otherStaff", "other@matrix.example", "UNIVERSITY_STAFF", other.id],
    ["admin", "admin@matrix.example", "ADMIN", null],
  ];
  for (const [visitor, email, role, organizationId] of accounts) {
    const user = await createUser({ email, name: visitor, password: "matrix password", role, organizationId });
    userIds.set(visitor, user.id);
    cookies.set(visitor, (await startSession(user.id)).split(";")[0]);
  }
  // The verify endpoint is exercised on the SME's real organisation.
  params.verifyId = enterprise.id;
});

/** The URL parameters of a route, filled with the fixtures this test made. */
function paramsFor(route: string): Record<string, string> {
  const id = route.includes("import")
    ? params.importId
    : route.includes("needs")
      ? params.needId
      : route.includes("saved-searches")
        ? "no-such-search"
        : route.includes("patents.")
          ? params.id
          : route.includes("organizations")
            ? params.verifyId
            : route.includes("open-licenses")
              ? params.declarationId
              : route.includes("payments")
                ? params.paymentId
                : route.includes("licenses") || route.includes("royalties")
                  ? params.licenseId
                  : route.includes("deals")
                    ? params.dealId
                    : params.id;
  return { id, token: params.token, number: params.number, table: "universities" };
}

function urlOf(route: string): string {
  const values = paramsFor(route);
  const path = route
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => (segment.startsWith("$") ? values[segment.slice(1)] : segment))
    .join("/");
  return `http://localhost/${path}`;
}

function requestFor(method: string, route: string, visitor: Visitor): Request {
  const headers: Record<string, string> = { Origin: "http://localhost", Host: "localhost" };
  const cookie = cookies.get(visitor);
  if (cookie) headers.Cookie = cookie;
  if (method === "GET") return new Request(urlOf(route), { headers });
  if (route.startsWith("api."))
    return new Request(urlOf(route), {
      method,
      headers: { ...headers, "Content-Type": "application/json" },
      body: "{}",
    });
  return new Request(urlOf(route), { method, headers, body: new FormData() });
}

async function statusOf(run: () => unknown): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    const init =
      (result as { type?: string; init?: { status?: number } } | null)?.type === "DataWithResponseInit"
        ? (result as { init?: { status?: number } }).init
        : undefined;
    return init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** Parent layouts' loaders run too (not those of resource routes, which have no UI): the first one that
 * does not answer 200 decides. */
function parentsOf(route: string): string[] {
  if (!routes.get(route)?.default) return [];
  const segments = route.split(".");
  return segments
    .slice(1)
    .map((_, i) => segments.slice(0, i + 1).join("."))
    .filter((parent) => routes.get(parent)?.default && !parent.endsWith("_index"));
}

async function answer(method: string, route: string, visitor: Visitor): Promise<number> {
  const context = { clientIp: "127.0.0.1" };
  const routeParams = paramsFor(route);
  if (method === "GET") {
    for (const parent of parentsOf(route)) {
      const status = await statusOf(() =>
        routes.get(parent)!.loader!({ request: requestFor("GET", parent, visitor), params: routeParams, context }),
      );
      if (status !== 200) return status;
    }
    return statusOf(() =>
      routes.get(route)!.loader!({ request: requestFor(method, route, visitor), params: routeParams, context }),
    );
  }
  return statusOf(() =>
    routes.get(route)!.action!({ request: requestFor(method, route, visitor), params: routeParams, context }),
  );
}

describe("authorization matrix", () => {
  it("has a row for every loader and action in app/routes", () => {
    const covered = new Set(MATRIX.map(([method, route]) => `${method === "GET" ? "loader" : "action"} ${route}`));
    const missing = [...routes].flatMap(([route, module]) => [
      ...(module.loader && !covered.has(`loader ${route}`) ? [`loader ${route}`] : []),
      ...(module.action && !covered.has(`action ${route}`) ? [`action ${route}`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it.each(MATRIX)("%s %s", async (method, route, expected) => {
    const module = routes.get(route);
    expect(module, `no route module ${route}`).toBeDefined();
    const actual: number[] = [];
    for (const visitor of VISITORS) actual.push(await answer(method, route, visitor));
    // Reset what a row may have changed, so that every row meets the same state.
    await prisma.organization.update({ where: { id: params.verifyId }, data: { verifiedAt: null } });
    await prisma.openLicenseDeclaration.update({
      where: { id: params.declarationId },
      data: { status: "ACTIVE", withdrawnAt: null },
    });
    // Signing out ends a session on the server: the next row signs the visitor in again.
    for (const [visitor, userId] of userIds) {
      if ((await prisma.session.count({ where: { userId } })) === 0)
        cookies.set(visitor, (await startSession(userId)).split(";")[0]);
    }
    expect(Object.fromEntries(VISITORS.map((v, i) => [v, actual[i]]))).toEqual(
      Object.fromEntries(VISITORS.map((v, i) => [v, expected[i]])),
    );
  });
});
