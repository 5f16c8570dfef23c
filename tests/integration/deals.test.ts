import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account.server";
import { advanceDeal, getDealFor, requestDeal } from "~/models/deal.server";
import { declareOpenLicense, withdrawOpenLicense } from "~/models/open-license.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense as declareFixture } from "../helpers/fixtures";

const NOW = new Date("2026-04-01T00:00:00Z");
const terms = { feeModel: "LUMP_SUM" as const, lumpSumFen: 30_000_000, paymentSchedule: "ONCE" as const, licenseTermMonths: 36, territory: "中国大陆" };

async function userOf(email: string, role: "SME" | "UNIVERSITY_STAFF", organizationId: string): Promise<CurrentUser> {
  const created = await createUser({ email, name: email.split("@")[0], password: "deal password", role, organizationId });
  return (await getUser(new Request("http://localhost/", { headers: { Cookie: (await startSession(created.id, 1)).split(";")[0] } })))!;
}

let staff: CurrentUser;
let buyer: CurrentUser;
let rival: CurrentUser;
let outsider: CurrentUser;
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  const companies = await Promise.all(["重庆甲科技有限公司", "重庆乙科技有限公司"].map((name) => createEnterprise(name)));
  await prisma.organization.updateMany({ where: { id: { in: companies.map((c) => c.id) } }, data: { verifiedAt: NOW } });
  staff = await userOf("tto@deal.example", "UNIVERSITY_STAFF", university.id);
  outsider = await userOf("out@deal.example", "UNIVERSITY_STAFF", other.id);
  buyer = await userOf("a@deal.example", "SME", companies[0].id);
  rival = await userOf("b@deal.example", "SME", companies[1].id);
});

/** Requests, agrees and has both sides sign; returns the deal as concluded (or throws at conclusion). */
async function negotiateToSignature(company: CurrentUser, patentId: number, kind: "ORDINARY" | "EXCLUSIVE" | "SOLE" | "ASSIGNMENT") {
  const deal = await requestDeal(company, patentId, { kind, message: "我们希望取得许可", terms }, NOW);
  await advanceDeal(staff, deal.id, { step: "accept" }, NOW);
  await advanceDeal(company, deal.id, { step: "sign", signatoryName: "企业代表", agree: true }, NOW);
  return deal;
}

describe("negotiated deals", () => {
  it("go from a request through a counter-offer and a thread to both signatures and a license", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种谈判许可装置" });
    const deal = await requestDeal(buyer, patent.id, { kind: "EXCLUSIVE", message: "请求独占许可", terms }, NOW);
    await advanceDeal(staff, deal.id, { step: "message", message: "请说明实施计划" }, NOW);
    await advanceDeal(staff, deal.id, { step: "counter", message: "价格需提高", terms: { ...terms, lumpSumFen: 50_000_000 } }, NOW);
    await expect(advanceDeal(staff, deal.id, { step: "accept" }, NOW)).rejects.toMatchObject({ code: "OWN_PROPOSAL" });
    await advanceDeal(buyer, deal.id, { step: "accept" }, NOW);
    await expect(advanceDeal(buyer, deal.id, { step: "counter", message: "", terms }, NOW)).rejects.toMatchObject({ code: "AGREED" });
    await advanceDeal(buyer, deal.id, { step: "sign", signatoryName: "甲公司代表", agree: true }, NOW);
    const concluded = await advanceDeal(staff, deal.id, { step: "sign", signatoryName: "学校代表", agree: true }, NOW);
    expect(concluded.status).toBe("SIGNED");
    const license = await prisma.license.findUniqueOrThrow({ where: { id: concluded.licenseId! } });
    expect(license).toMatchObject({ kind: "EXCLUSIVE", licenseeId: buyer.organization!.id, valueFen: 50_000_000 });
    const thread = (await getDealFor(buyer, deal.id)).messages.map((m) => m.kind);
    expect(thread).toEqual(["PROPOSAL", "MESSAGE", "COUNTER", "ACCEPTED", "SIGNED", "SIGNED", "CONCLUDED"]);
    await expect(getDealFor(outsider, deal.id)).rejects.toMatchObject({ status: 404 });
    // Each step told the other side: the owner of the request, counter-offer's answer, signatures, conclusion.
    const ownerNotices = await prisma.notification.findMany({ where: { organizationId: university.id }, orderBy: { createdAt: "asc" } });
    expect(ownerNotices.map((n) => n.kind)).toEqual(expect.arrayContaining(["notify.dealRequested", "notify.dealAccepted", "notify.dealSigned", "notify.dealConcluded"]));
    const buyerNotices = await prisma.notification.findMany({ where: { organizationId: buyer.organization!.id } });
    expect(buyerNotices.map((n) => n.kind).sort()).toEqual(["notify.dealConcluded", "notify.dealCountered", "notify.dealMessage"]);
    // Art. 51: no open license now, while the exclusive license is in force.
    await expect(declareOpenLicense(staff, patent.id, terms, NOW)).rejects.toMatchObject({ code: "EXCLUSIVE_LICENSE_IN_FORCE" });
  });

  it("refuses an exclusive or sole license while an open license is declared", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种已开放许可装置" });
    const declaration = await declareFixture(patent.id, university.id);
    await expect(requestDeal(buyer, patent.id, { kind: "SOLE", message: "", terms }, NOW)).rejects.toMatchObject({ status: 409, code: "OPEN_LICENSE_DECLARED", message: expect.stringContaining("art. 51") });
    await expect(requestDeal(buyer, patent.id, { kind: "ORDINARY", message: "", terms }, NOW)).resolves.toMatchObject({ status: "NEGOTIATING" });
    await withdrawOpenLicense(staff, declaration.id, NOW);
    await expect(requestDeal(buyer, patent.id, { kind: "SOLE", message: "", terms }, NOW)).resolves.toMatchObject({ kind: "SOLE" });
  });

  it("concludes exactly one of two exclusive deals signed at the same moment; the other gets a 409", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种争夺独占装置" });
    const first = await negotiateToSignature(buyer, patent.id, "EXCLUSIVE");
    const second = await negotiateToSignature(rival, patent.id, "EXCLUSIVE");
    const results = await Promise.allSettled([
      advanceDeal(staff, first.id, { step: "sign", signatoryName: "学校代表", agree: true }, NOW),
      advanceDeal(staff, second.id, { step: "sign", signatoryName: "学校代表", agree: true }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ status: 409, code: "EXCLUSIVE_CONFLICT" });
    expect(await prisma.license.count({ where: { patentId: patent.id, kind: "EXCLUSIVE" } })).toBe(1);
  });

  it("moves the patent to the assignee on an assignment and ends its declarations, keeping existing licenses", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种转让装置" });
    const declaration = await declareFixture(patent.id, university.id);
    await prisma.license.create({ data: { contractNumber: "PB-2026-L-990001", patentId: patent.id, licensorId: university.id, licenseeId: rival.organization!.id, kind: "OPEN", declarationId: declaration.id, termsSnapshot: "{}", startsOn: NOW, endsOn: new Date("2029-01-01T00:00:00Z"), signedAt: NOW } });
    const deal = await negotiateToSignature(buyer, patent.id, "ASSIGNMENT");
    const concluded = await advanceDeal(staff, deal.id, { step: "sign", signatoryName: "学校代表", agree: true }, NOW);
    expect(await prisma.transfer.findUniqueOrThrow({ where: { id: concluded.transferId! } })).toMatchObject({ assigneeId: buyer.organization!.id, priceFen: 30_000_000 });
    expect(await prisma.patent.findUniqueOrThrow({ where: { id: patent.id } })).toMatchObject({ ownerId: buyer.organization!.id, transferable: false });
    expect(await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: declaration.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await prisma.license.count({ where: { patentId: patent.id } })).toBe(1);
  });

  it("lets only the parties act, and only a verified company sign", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种权限测试装置" });
    const deal = await requestDeal(buyer, patent.id, { kind: "ORDINARY", message: "", terms }, NOW);
    await expect(advanceDeal(outsider, deal.id, { step: "accept" }, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(advanceDeal(rival, deal.id, { step: "message", message: "插一句" }, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(requestDeal(staff, patent.id, { kind: "ORDINARY", message: "", terms }, NOW)).rejects.toMatchObject({ status: 403 });
    await advanceDeal(staff, deal.id, { step: "accept" }, NOW);
    await prisma.organization.update({ where: { id: buyer.organization!.id }, data: { verifiedAt: null } });
    const unverified = (await getUser(new Request("http://localhost/", { headers: { Cookie: (await startSession((await prisma.user.findUniqueOrThrow({ where: { email: "a@deal.example" } })).id, 1)).split(";")[0] } })))!;
    await expect(advanceDeal(unverified, deal.id, { step: "sign", signatoryName: "代表", agree: true }, NOW)).rejects.toMatchObject({ status: 403, code: "NOT_VERIFIED" });
    await prisma.organization.update({ where: { id: buyer.organization!.id }, data: { verifiedAt: NOW } });
    await advanceDeal(staff, deal.id, { step: "decline", message: "暂不许可" }, NOW);
    await expect(advanceDeal(buyer, deal.id, { step: "message", message: "为什么？" }, NOW)).rejects.toMatchObject({ status: 409, code: "CLOSED" });
  });
});
