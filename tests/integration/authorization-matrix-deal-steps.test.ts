// The deal's own steps × every kind of visitor, through the page and the JSON API: who may withdraw a request
// (the requester only) and who may decline it (the owner only). The route-level matrix posts an empty form;
// this one posts the step itself.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { action as apiAction } from "~/routes/api.v1.deals.$id";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const VISITORS = ["anonymous", "sme", "ownStaff", "otherStaff", "admin"] as const;
type Visitor = (typeof VISITORS)[number];
const cookies = new Map<Visitor, string>();
let dealId = "";

beforeEach(async () => {
  if (dealId) {
    await prisma.deal.update({ where: { id: dealId }, data: { status: "NEGOTIATING" } });
    return;
  }
  const own = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  const enterprise = await createEnterprise("重庆矩阵科技有限公司");
  await prisma.organization.update({ where: { id: enterprise.id }, data: { verifiedAt: new Date() } });
  const patent = await createPatent({ ownerId: own.id, title: "一种矩阵撤回装置" });
  const terms = {
    kind: "ORDINARY",
    feeModel: "LUMP_SUM",
    lumpSumFen: 1_000_000,
    paymentSchedule: "ONCE",
    licenseTermMonths: 12,
    territory: "中国大陆",
  };
  dealId = (
    await prisma.deal.create({
      data: {
        patentId: patent.id,
        requesterId: enterprise.id,
        ownerId: own.id,
        kind: "ORDINARY",
        status: "NEGOTIATING",
        terms: JSON.stringify(terms),
        termsBy: "REQUESTER",
      },
    })
  ).id;
  const accounts: Array<[Visitor, string, "SME" | "UNIVERSITY_STAFF" | "ADMIN", string | null]> = [
    ["sme", "sme@steps.example", "SME", enterprise.id],
    ["ownStaff", "own@steps.example", "UNIVERSITY_STAFF", own.id],
    ["otherStaff", "other@steps.example", "UNIVERSITY_STAFF", other.id],
    ["admin", "admin@steps.example", "ADMIN", null],
  ];
  for (const [visitor, email, role, organizationId] of accounts) {
    const user = await createUser({ email, name: visitor, password: "matrix password", role, organizationId });
    cookies.set(visitor, (await startSession(user.id)).split(";")[0]);
  }
});

async function postStep(visitor: Visitor, step: string): Promise<number> {
  const headers: Record<string, string> = {
    Origin: "http://localhost",
    Host: "localhost",
    "Content-Type": "application/json",
  };
  const cookie = cookies.get(visitor);
  if (cookie) headers.Cookie = cookie;
  const request = new Request(`http://localhost/api/v1/deals/${dealId}`, {
    method: "POST",
    headers,
    body: JSON.stringify({ step, message: "" }),
  });
  try {
    return ((await apiAction({ request, params: { id: dealId }, context: {} })) as Response).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

// anonymous, the requesting SME, staff of the owning university, staff of another university, administrator
const STEPS: Array<[step: string, statuses: [number, number, number, number, number]]> = [
  ["withdraw", [401, 200, 403, 404, 403]],
  ["decline", [401, 403, 200, 404, 403]],
];

describe("authorization matrix of a deal's steps", () => {
  it.each(STEPS)("POST api.v1.deals.$id step %s", async (step, expected) => {
    const actual: Record<string, number> = {};
    for (const visitor of VISITORS) {
      actual[visitor] = await postStep(visitor, step);
      await prisma.deal.update({ where: { id: dealId }, data: { status: "NEGOTIATING" } });
    }
    expect(actual).toEqual(Object.fromEntries(VISITORS.map((v, i) => [v, expected[i]])));
  });
});
