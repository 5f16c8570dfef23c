import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser, verifyOrganization } from "~/models/account.server";
import { fingerprint } from "~/models/contract.server";
import { confirmPayment, reportSales } from "~/models/payment.server";
import { acceptOpenLicense, declareOpenLicense, declareOpenLicenses, getLicenseFor, publicContract, withdrawOpenLicense } from "~/models/open-license.server";
import { action as acceptApi } from "~/routes/api.v1.open-licenses.$id.accept";
import { action as declareApi } from "~/routes/api.v1.patents.$id.open-license";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const lumpSum = { feeModel: "LUMP_SUM" as const, lumpSumFen: 8_000_000, paymentSchedule: "ONCE" as const, licenseTermMonths: 36, territory: "中国大陆" };
const royalty = { feeModel: "ROYALTY" as const, royaltyBasisPoints: 300, paymentSchedule: "YEARLY" as const, licenseTermMonths: 24, territory: "中国大陆" };
const NOW = new Date("2026-03-01T00:00:00Z");

const cookieOf = async (userId: string) => (await startSession(userId, 1)).split(";")[0];
async function currentUser(userId: string): Promise<CurrentUser> {
  return (await getUser(new Request("http://localhost/", { headers: { Cookie: await cookieOf(userId) } })))!;
}

let staff: CurrentUser;
let otherStaff: CurrentUser;
let sme: CurrentUser;
let unverifiedSme: CurrentUser;
let smeUserId: string;
let patentId: number;
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  const company = await createEnterprise("重庆许可测试科技有限公司");
  const newcomer = await createEnterprise("重庆未核验科技有限公司");
  const admin = await createUser({ email: "admin@ol.example", name: "Admin", password: "admin password", role: "ADMIN" });
  await verifyOrganization(admin.id, company.id);
  staff = await currentUser((await createUser({ email: "tto@ol.example", name: "TTO", password: "staff password", role: "UNIVERSITY_STAFF", organizationId: university.id })).id);
  otherStaff = await currentUser((await createUser({ email: "other@ol.example", name: "Other", password: "staff password", role: "UNIVERSITY_STAFF", organizationId: other.id })).id);
  smeUserId = (await createUser({ email: "buyer@ol.example", name: "Buyer", password: "buyer password", role: "SME", organizationId: company.id })).id;
  sme = await currentUser(smeUserId);
  unverifiedSme = await currentUser((await createUser({ email: "new@ol.example", name: "New", password: "buyer password", role: "SME", organizationId: newcomer.id })).id);
  patentId = (await createPatent({ ownerId: university.id, title: "一种开放许可测试装置", expiresOn: new Date("2040-03-01T00:00:00Z") })).id;
});

describe("declaring an open license", () => {
  it("is refused, naming the rule, for a patent not in force, pledged, or a utility model without an evaluation report", async () => {
    const lapsed = await createPatent({ ownerId: university.id, title: "一种失效装置", legalStatus: "LAPSED" });
    const pledged = await createPatent({ ownerId: university.id, title: "一种质押装置", pledged: true });
    const utility = await createPatent({ ownerId: university.id, title: "一种实用新型装置", type: "UTILITY_MODEL" });
    await expect(declareOpenLicense(staff, lapsed.id, lumpSum, NOW)).rejects.toMatchObject({ status: 409, code: "NOT_IN_FORCE", message: expect.stringContaining("art. 50") });
    await expect(declareOpenLicense(staff, pledged.id, lumpSum, NOW)).rejects.toMatchObject({ status: 409, code: "PLEDGED" });
    await expect(declareOpenLicense(staff, utility.id, lumpSum, NOW)).rejects.toMatchObject({ status: 409, code: "EVALUATION_REPORT_REQUIRED", message: expect.stringContaining("evaluation report") });
    await prisma.patent.update({ where: { id: utility.id }, data: { hasEvaluationReport: true } });
    await expect(declareOpenLicense(staff, utility.id, lumpSum, NOW)).resolves.toMatchObject({ status: "ACTIVE", version: 1 });
  });

  it("is refused while an exclusive license is in force, and for a term beyond the patent's expiry", async () => {
    const licensed = await createPatent({ ownerId: university.id, title: "一种独占许可装置" });
    await prisma.license.create({
      data: { contractNumber: "PB-2025-L-900001", patentId: licensed.id, licensorId: university.id, licenseeId: sme.organization!.id, kind: "EXCLUSIVE", termsSnapshot: "{}", startsOn: new Date("2025-01-01T00:00:00Z"), endsOn: new Date("2028-01-01T00:00:00Z"), signedAt: new Date("2025-01-01T00:00:00Z") },
    });
    await expect(declareOpenLicense(staff, licensed.id, lumpSum, NOW)).rejects.toMatchObject({ status: 409, code: "EXCLUSIVE_LICENSE_IN_FORCE", message: expect.stringContaining("art. 51") });
    await expect(declareOpenLicense(staff, licensed.id, lumpSum, new Date("2028-02-01T00:00:00Z"))).resolves.toMatchObject({ status: "ACTIVE" });
    const ending = await createPatent({ ownerId: university.id, title: "一种将届满装置", expiresOn: new Date("2027-01-01T00:00:00Z") });
    await expect(declareOpenLicense(staff, ending.id, lumpSum, NOW)).rejects.toMatchObject({ status: 400, code: "TERM_BEYOND_EXPIRY" });
  });

  it("is only for the owning university's staff or an administrator", async () => {
    await expect(declareOpenLicense(otherStaff, patentId, lumpSum, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(declareOpenLicense(sme, patentId, lumpSum, NOW)).rejects.toMatchObject({ status: 403 });
  });

  it("publishes new terms as a new version, and licensees keep the terms they signed", async () => {
    const first = await declareOpenLicense(staff, patentId, lumpSum, NOW);
    const { license } = await acceptOpenLicense(sme, first.id, { signatoryName: "李四", intendedUse: "用于新能源汽车电池包的量产" }, NOW);
    const second = await declareOpenLicense(staff, patentId, royalty, NOW);
    expect(second).toMatchObject({ version: 2, status: "ACTIVE", feeModel: "ROYALTY" });
    expect(await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "SUPERSEDED" });
    expect(JSON.parse(license.termsSnapshot)).toMatchObject({ feeModel: "LUMP_SUM", lumpSumFen: 8_000_000, version: 1 });
    await expect(acceptOpenLicense(sme, first.id, { signatoryName: "李四", intendedUse: "again" }, NOW)).resolves.toMatchObject({ created: false, license: { id: license.id } });
  });
});

describe("taking an open license", () => {
  it("concludes a license with a snapshot, a contract number, the contract text and its SHA-256, awaiting the first payment", async () => {
    const declaration = await prisma.openLicenseDeclaration.findFirstOrThrow({ where: { patentId, status: "ACTIVE" } });
    const verifiedCompany = await createEnterprise("重庆第二家科技有限公司");
    await prisma.organization.update({ where: { id: verifiedCompany.id }, data: { verifiedAt: NOW } });
    const buyer = await currentUser((await createUser({ email: "second@ol.example", name: "Second", password: "buyer password", role: "SME", organizationId: verifiedCompany.id })).id);
    const lump = await declareOpenLicense(staff, (await createPatent({ ownerId: university.id, title: "一种一次性付费装置" })).id, lumpSum, NOW);
    const { license, created, status } = await acceptOpenLicense(buyer, lump.id, { signatoryName: "王五", intendedUse: "用于储能电站" }, NOW);
    expect(created).toBe(true);
    expect(status).toBe("AWAITING_PAYMENT");
    expect(license.contractNumber).toMatch(/^PB-2026-L-\d{6}$/);
    expect(license.contractText).toContain("王五");
    expect(license.contractText).toContain("《专利法》第五十条");
    expect(license.contractSha256).toBe(fingerprint(license.contractText!));
    expect(license.endsOn).toEqual(new Date("2029-03-01T00:00:00Z"));
    // A royalty with nothing due up front is active at once.
    const { status: royaltyStatus } = await acceptOpenLicense(buyer, declaration.id, { signatoryName: "王五", intendedUse: "用于储能电站" }, NOW);
    expect(royaltyStatus).toBe("ACTIVE");
    const detail = await getLicenseFor(buyer, license.id, NOW);
    expect(detail.history.map((event) => event.kind)).toEqual(["SIGNED", "PAYMENT_DUE"]);
    expect(await publicContract(license.contractNumber)).toMatchObject({ contractSha256: license.contractSha256, licensee: { name: "重庆第二家科技有限公司" } });
  });

  it("is refused to an unverified company, after withdrawal, and keeps existing licenses when withdrawn", async () => {
    const declaration = await prisma.openLicenseDeclaration.findFirstOrThrow({ where: { patentId, status: "ACTIVE" } });
    await expect(acceptOpenLicense(unverifiedSme, declaration.id, { signatoryName: "赵六", intendedUse: "试用" }, NOW)).rejects.toMatchObject({ status: 403, code: "NOT_VERIFIED" });
    await expect(withdrawOpenLicense(otherStaff, declaration.id, NOW)).rejects.toMatchObject({ status: 403 });
    const before = await prisma.license.count({ where: { patentId } });
    await expect(withdrawOpenLicense(staff, declaration.id, NOW)).resolves.toMatchObject({ status: "WITHDRAWN", withdrawnAt: NOW });
    await expect(withdrawOpenLicense(staff, declaration.id, NOW)).rejects.toMatchObject({ status: 409 });
    const late = await createEnterprise("重庆晚到科技有限公司");
    await prisma.organization.update({ where: { id: late.id }, data: { verifiedAt: NOW } });
    const lateBuyer = await currentUser((await createUser({ email: "late@ol.example", name: "Late", password: "buyer password", role: "SME", organizationId: late.id })).id);
    await expect(acceptOpenLicense(lateBuyer, declaration.id, { signatoryName: "钱七", intendedUse: "量产" }, NOW)).rejects.toMatchObject({ status: 409, code: "WITHDRAWN", message: expect.stringContaining("art. 52") });
    expect(await prisma.license.count({ where: { patentId } })).toBe(before);
  });

  it("gives each of many simultaneous takers exactly one license", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种并发许可装置" });
    const declaration = await declareOpenLicense(staff, target.id, royalty, NOW);
    const buyers: CurrentUser[] = [];
    for (let i = 0; i < 8; i++) {
      const company = await createEnterprise(`重庆并发${i}科技有限公司`);
      await prisma.organization.update({ where: { id: company.id }, data: { verifiedAt: NOW } });
      buyers.push(await currentUser((await createUser({ email: `rush${i}@ol.example`, name: `Rush ${i}`, password: "buyer password", role: "SME", organizationId: company.id })).id));
    }
    // Every company clicks twice at the same moment.
    const results = await Promise.all(buyers.flatMap((buyer) => [0, 1].map(() => acceptOpenLicense(buyer, declaration.id, { signatoryName: buyer.name, intendedUse: "量产" }, NOW))));
    const licenses = await prisma.license.findMany({ where: { declarationId: declaration.id } });
    expect(licenses).toHaveLength(8);
    expect(new Set(licenses.map((l) => l.contractNumber)).size).toBe(8);
    expect(new Set(results.map((r) => r.license.id)).size).toBe(8);
    expect(await prisma.dealEvent.count({ where: { licenseId: { in: licenses.map((l) => l.id) }, kind: "SIGNED" } })).toBe(8);
  });

  it("shows a license only to its parties and administrators", async () => {
    const license = await prisma.license.findFirstOrThrow({ where: { licenseeId: sme.organization!.id, kind: "OPEN" } });
    await expect(getLicenseFor(sme, license.id)).resolves.toMatchObject({ id: license.id });
    await expect(getLicenseFor(staff, license.id)).resolves.toMatchObject({ id: license.id });
    await expect(getLicenseFor(otherStaff, license.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("bulk declaration", () => {
  it("declares every patent the law and the user's rights allow, and names the rule for each refusal", async () => {
    const a = await createPatent({ ownerId: university.id, title: "一种批量甲装置" });
    const b = await createPatent({ ownerId: university.id, title: "一种批量乙装置" });
    const lapsed = await createPatent({ ownerId: university.id, title: "一种批量失效装置", legalStatus: "LAPSED" });
    const foreign = await createPatent({ ownerId: otherStaff.organization!.id, title: "一种他校装置" });
    const { declared, refused } = await declareOpenLicenses(staff, [a.id, b.id, lapsed.id, foreign.id, a.id], lumpSum, NOW);
    expect(declared.map((d) => d.patentId)).toEqual([a.id, b.id]);
    expect(refused).toEqual([
      { patentId: lapsed.id, code: "NOT_IN_FORCE", message: expect.stringContaining("art. 50") },
      { patentId: foreign.id, code: "FORBIDDEN", message: "auth.forbidden" },
    ]);
  });
});

describe("the open-license API", () => {
  const post = async (url: string, userId: string, body: unknown) =>
    new Request(`http://localhost${url}`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: await cookieOf(userId) }, body: JSON.stringify(body) });

  it("declares with the published field names and answers 201", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种接口声明装置" });
    const request = await post(`/api/v1/patents/${target.id}/open-license`, staff.id, { feeModel: "ENTRY_PLUS_ROYALTY", entryFeeFen: 3_000_000, royaltyRateBp: 250, paymentSchedule: "YEARLY", termYears: 3 });
    const response = await declareApi({ request, params: { id: String(target.id) }, context: {} });
    expect(response.status).toBe(201);
    const declaration = await response.json();
    expect(declaration).toMatchObject({ patentId: target.id, status: "ACTIVE", version: 1, entryFeeFen: 3_000_000, royaltyBasisPoints: 250, licenseTermMonths: 36 });

    const bad = await declareApi({ request: await post(`/api/v1/patents/${target.id}/open-license`, staff.id, { feeModel: "LUMP_SUM", paymentSchedule: "ONCE", termYears: 3, royaltyRateBp: 100 }), params: { id: String(target.id) }, context: {} });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(["lumpSumFen", "royaltyBasisPoints"]);

    const accept = await acceptApi({ request: await post(`/api/v1/open-licenses/${declaration.id}/accept`, smeUserId, { signatoryName: "李四", intendedUse: "量产", agree: true }), params: { id: declaration.id }, context: {} });
    expect(accept.status).toBe(201);
    expect(await accept.json()).toMatchObject({ status: "AWAITING_PAYMENT", contractNumber: expect.stringMatching(/^PB-\d{4}-L-/), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = await acceptApi({ request: await post(`/api/v1/open-licenses/${declaration.id}/accept`, smeUserId, { signatoryName: "李四", intendedUse: "量产", agree: true }), params: { id: declaration.id }, context: {} });
    expect(again.status).toBe(200);
    const unticked = await acceptApi({ request: await post(`/api/v1/open-licenses/${declaration.id}/accept`, smeUserId, { signatoryName: "李四", intendedUse: "量产", agree: false }), params: { id: declaration.id }, context: {} });
    expect(unticked.status).toBe(400);
  });
});

describe("money under a license", () => {
  it("computes royalties from sales reports, flags overdue payments and is confirmed once by the licensor", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种提成付款装置" });
    const declaration = await declareOpenLicense(staff, target.id, { feeModel: "ENTRY_PLUS_ROYALTY", entryFeeFen: 2_000_000, royaltyBasisPoints: 250, paymentSchedule: "YEARLY", licenseTermMonths: 36, territory: "中国大陆" }, NOW);
    const { license } = await acceptOpenLicense(sme, declaration.id, { signatoryName: "李四", intendedUse: "量产" }, NOW);
    await expect(reportSales(staff, license.id, { period: "2026", revenueFen: 100_000_000, units: 0 }, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(reportSales(sme, license.id, { period: "2026-Q1", revenueFen: 100_000_000, units: 0 }, NOW)).rejects.toMatchObject({ status: 400, path: "period" });
    const royalty = await reportSales(sme, license.id, { period: "2026", revenueFen: 100_000_000, units: 0 }, NOW);
    expect(royalty).toMatchObject({ kind: "ROYALTY", amountFen: 2_500_000, dueOn: new Date("2026-03-31T00:00:00Z") });
    await expect(reportSales(sme, license.id, { period: "2026", revenueFen: 1, units: 0 }, NOW)).rejects.toMatchObject({ status: 409 });

    const later = new Date("2026-05-01T00:00:00Z");
    const detail = await getLicenseFor(sme, license.id, later);
    expect(detail.status).toBe("AWAITING_PAYMENT");
    expect(detail.payments.map((p) => [p.kind, p.amountFen, p.overdue])).toEqual([["UP_FRONT", 2_000_000, true], ["ROYALTY", 2_500_000, true]]);
    const upFront = detail.payments[0];
    await expect(confirmPayment(sme, upFront.id, later)).rejects.toMatchObject({ status: 403 });
    await confirmPayment(staff, upFront.id, later);
    await expect(confirmPayment(staff, upFront.id, later)).rejects.toMatchObject({ status: 409 });
    expect((await getLicenseFor(sme, license.id, later)).status).toBe("ACTIVE");
    await expect(confirmPayment(otherStaff, detail.payments[1].id, later)).rejects.toMatchObject({ status: 404 });
  });
});
