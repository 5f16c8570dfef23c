import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { replyErrors, type FormReply } from "~/lib/form-action.server";
import { messageIn } from "~/lib/i18n";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { fingerprint } from "~/models/contract/contract.server";
import { verificationCode, verifyContract } from "~/models/contract/verification.server";
import { getLicenseFor } from "~/models/license/read.server";
import {
  acceptOpenLicense,
  declareOpenLicense,
  declareOpenLicenses,
  withdrawOpenLicense,
} from "~/models/open-license/open-license.server";
import { verifyOrganization } from "~/models/organization/organization.server";
import { confirmPayment, reportSales } from "~/models/payment/payment.server";
import { action as acceptApi } from "~/routes/api.v1.open-licenses.$id.accept";
import { action as declareApi } from "~/routes/api.v1.patents.$id.open-license";
import { action as patentPageAction, loader as patentPageLoader } from "~/routes/patents.$id";
import { addCoOwners, createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const lumpSum = {
  feeModel: "LUMP_SUM" as const,
  lumpSumFen: 8_000_000,
  paymentSchedule: "ONCE" as const,
  licenseTermMonths: 36,
  territory: "中国大陆",
};
const royalty = {
  feeModel: "ROYALTY" as const,
  royaltyBasisPoints: 300,
  paymentSchedule: "YEARLY" as const,
  licenseTermMonths: 24,
  territory: "中国大陆",
};
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
  const admin = await createUser({
    email: "admin@ol.example",
    name: "Admin",
    password: "admin password",
    role: "ADMIN",
  });
  await verifyOrganization(admin.id, company.id);
  staff = await currentUser(
    (
      await createUser({
        email: "tto@ol.example",
        name: "TTO",
        password: "staff password",
        role: "UNIVERSITY_STAFF",
        organizationId: university.id,
      })
    ).id,
  );
  otherStaff = await currentUser(
    (
      await createUser({
        email: "other@ol.example",
        name: "Other",
        password: "staff password",
        role: "UNIVERSITY_STAFF",
        organizationId: other.id,
      })
    ).id,
  );
  smeUserId = (
    await createUser({
      email: "buyer@ol.example",
      name: "Buyer",
      password: "buyer password",
      role: "SME",
      organizationId: company.id,
    })
  ).id;
  sme = await currentUser(smeUserId);
  unverifiedSme = await currentUser(
    (
      await createUser({
        email: "new@ol.example",
        name: "New",
        password: "buyer password",
        role: "SME",
        organizationId: newcomer.id,
      })
    ).id,
  );
  patentId = (
    await createPatent({
      ownerId: university.id,
      title: "一种开放许可测试装置",
      expiresOn: new Date("2040-03-01T00:00:00Z"),
    })
  ).id;
});

describe("declaring an open license", () => {
  it("is refused, naming the rule, for a patent not in force, pledged, or a utility model without an evaluation report", async () => {
    const lapsed = await createPatent({ ownerId: university.id, title: "一种失效装置", legalStatus: "LAPSED" });
    const pledged = await createPatent({ ownerId: university.id, title: "一种质押装置", pledged: true });
    const utility = await createPatent({ ownerId: university.id, title: "一种实用新型装置", type: "UTILITY_MODEL" });
    await expect(declareOpenLicense(staff, lapsed.id, lumpSum, NOW)).rejects.toMatchObject({
      status: 409,
      code: "NOT_IN_FORCE",
      message: "openLicense.err.notInForce",
    });
    expect(messageIn("en", "openLicense.err.notInForce")).toContain("art. 50");
    expect(messageIn("zh", "openLicense.err.notInForce")).toContain("第五十条");
    await expect(declareOpenLicense(staff, pledged.id, lumpSum, NOW)).rejects.toMatchObject({
      status: 409,
      code: "PLEDGED",
    });
    await expect(declareOpenLicense(staff, utility.id, lumpSum, NOW)).rejects.toMatchObject({
      status: 409,
      code: "EVALUATION_REPORT_REQUIRED",
      message: "openLicense.err.evaluationReport",
    });
    await prisma.patent.update({ where: { id: utility.id }, data: { hasEvaluationReport: true } });
    await expect(declareOpenLicense(staff, utility.id, lumpSum, NOW)).resolves.toMatchObject({
      status: "ACTIVE",
      version: 1,
    });
  });

  it("is refused while an exclusive license is in force, and for a term beyond the patent's expiry", async () => {
    const licensed = await createPatent({ ownerId: university.id, title: "一种独占许可装置" });
    await prisma.license.create({
      data: {
        contractNumber: "PB-2025-L-900001",
        patentId: licensed.id,
        licensorId: university.id,
        licenseeId: sme.organization!.id,
        kind: "EXCLUSIVE",
        termsSnapshot: "{}",
        startsOn: new Date("2025-01-01T00:00:00Z"),
        endsOn: new Date("2028-01-01T00:00:00Z"),
        signedAt: new Date("2025-01-01T00:00:00Z"),
      },
    });
    await expect(declareOpenLicense(staff, licensed.id, lumpSum, NOW)).rejects.toMatchObject({
      status: 409,
      code: "EXCLUSIVE_LICENSE_IN_FORCE",
      message: "openLicense.err.exclusiveInForce",
    });
    await expect(
      declareOpenLicense(staff, licensed.id, lumpSum, new Date("2028-02-01T00:00:00Z")),
    ).resolves.toMatchObject({ status: "ACTIVE" });
    const ending = await createPatent({
      ownerId: university.id,
      title: "一种将届满装置",
      expiresOn: new Date("2027-01-01T00:00:00Z"),
    });
    await expect(declareOpenLicense(staff, ending.id, lumpSum, NOW)).rejects.toMatchObject({
      status: 400,
      code: "TERM_BEYOND_EXPIRY",
    });
  });

  it("is only for the owning university's staff or an administrator", async () => {
    await expect(declareOpenLicense(otherStaff, patentId, lumpSum, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(declareOpenLicense(sme, patentId, lumpSum, NOW)).rejects.toMatchObject({ status: 403 });
  });

  it("publishes new terms as a new version, and licensees keep the terms they signed", async () => {
    const first = await declareOpenLicense(staff, patentId, lumpSum, NOW);
    const { license } = await acceptOpenLicense(
      sme,
      first.id,
      { signatoryName: "李四", intendedUse: "用于新能源汽车电池包的量产" },
      NOW,
    );
    const second = await declareOpenLicense(staff, patentId, royalty, NOW);
    expect(second).toMatchObject({ version: 2, status: "ACTIVE", feeModel: "ROYALTY" });
    expect(await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "SUPERSEDED",
    });
    expect(JSON.parse(license.termsSnapshot)).toMatchObject({
      feeModel: "LUMP_SUM",
      lumpSumFen: 8_000_000,
      version: 1,
    });
    await expect(
      acceptOpenLicense(sme, first.id, { signatoryName: "李四", intendedUse: "again" }, NOW),
    ).resolves.toMatchObject({ created: false, license: { id: license.id } });
  });
});

describe("taking an open license", () => {
  it("concludes a license with a snapshot, a contract number, the contract text and its SHA-256, awaiting the first payment", async () => {
    const declaration = await prisma.openLicenseDeclaration.findFirstOrThrow({ where: { patentId, status: "ACTIVE" } });
    const verifiedCompany = await createEnterprise("重庆第二家科技有限公司");
    await prisma.organization.update({ where: { id: verifiedCompany.id }, data: { verifiedAt: NOW } });
    const buyer = await currentUser(
      (
        await createUser({
          email: "second@ol.example",
          name: "Second",
          password: "buyer password",
          role: "SME",
          organizationId: verifiedCompany.id,
        })
      ).id,
    );
    const lump = await declareOpenLicense(
      staff,
      (await createPatent({ ownerId: university.id, title: "一种一次性付费装置" })).id,
      lumpSum,
      NOW,
    );
    const { license, created, status } = await acceptOpenLicense(
      buyer,
      lump.id,
      { signatoryName: "王五", intendedUse: "用于储能电站" },
      NOW,
    );
    expect(created).toBe(true);
    expect(status).toBe("AWAITING_PAYMENT");
    expect(license.contractNumber).toMatch(/^PB-2026-L-\d{6}$/);
    expect(license.contractText).toContain("王五");
    expect(license.contractText).toContain("《专利法》第五十条");
    expect(license.contractSha256).toBe(fingerprint(license.contractText!));
    expect(license.endsOn).toEqual(new Date("2029-03-01T00:00:00Z"));
    // A royalty with nothing due up front is active at once.
    const { status: royaltyStatus } = await acceptOpenLicense(
      buyer,
      declaration.id,
      { signatoryName: "王五", intendedUse: "用于储能电站" },
      NOW,
    );
    expect(royaltyStatus).toBe("ACTIVE");
    const detail = await getLicenseFor(buyer, license.id, NOW);
    expect(detail.history.map((event) => event.kind)).toEqual(["SIGNED", "PAYMENT_DUE"]);
    // Anyone holding the contract can check it by its number and the code printed on it.
    expect(await verifyContract(license.contractNumber, verificationCode(license.contractSha256!))).toMatchObject({
      fingerprint: license.contractSha256,
      licensee: { name: "重庆第二家科技有限公司" },
    });
  });

  it("is refused to an unverified company, after withdrawal, and keeps existing licenses when withdrawn", async () => {
    const declaration = await prisma.openLicenseDeclaration.findFirstOrThrow({ where: { patentId, status: "ACTIVE" } });
    await expect(
      acceptOpenLicense(unverifiedSme, declaration.id, { signatoryName: "赵六", intendedUse: "试用" }, NOW),
    ).rejects.toMatchObject({ status: 403, code: "NOT_VERIFIED" });
    await expect(withdrawOpenLicense(otherStaff, declaration.id, NOW)).rejects.toMatchObject({ status: 403 });
    const before = await prisma.license.count({ where: { patentId } });
    await expect(withdrawOpenLicense(staff, declaration.id, NOW)).resolves.toMatchObject({
      status: "WITHDRAWN",
      withdrawnAt: NOW,
    });
    await expect(withdrawOpenLicense(staff, declaration.id, NOW)).rejects.toMatchObject({ status: 409 });
    const late = await createEnterprise("重庆晚到科技有限公司");
    await prisma.organization.update({ where: { id: late.id }, data: { verifiedAt: NOW } });
    const lateBuyer = await currentUser(
      (
        await createUser({
          email: "late@ol.example",
          name: "Late",
          password: "buyer password",
          role: "SME",
          organizationId: late.id,
        })
      ).id,
    );
    await expect(
      acceptOpenLicense(lateBuyer, declaration.id, { signatoryName: "钱七", intendedUse: "量产" }, NOW),
    ).rejects.toMatchObject({ status: 409, code: "WITHDRAWN", message: "openLicense.err.withdrawn" });
    expect(await prisma.license.count({ where: { patentId } })).toBe(before);
  });

  it("gives each of many simultaneous takers exactly one license", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种并发许可装置" });
    const declaration = await declareOpenLicense(staff, target.id, royalty, NOW);
    const buyers: CurrentUser[] = [];
    for (let i = 0; i < 8; i++) {
      const company = await createEnterprise(`重庆并发${i}科技有限公司`);
      await prisma.organization.update({ where: { id: company.id }, data: { verifiedAt: NOW } });
      buyers.push(
        await currentUser(
          (
            await createUser({
              email: `rush${i}@ol.example`,
              name: `Rush ${i}`,
              password: "buyer password",
              role: "SME",
              organizationId: company.id,
            })
          ).id,
        ),
      );
    }
    // Every company clicks twice at the same moment.
    const results = await Promise.all(
      buyers.flatMap((buyer) =>
        [0, 1].map(() =>
          acceptOpenLicense(buyer, declaration.id, { signatoryName: buyer.name, intendedUse: "量产" }, NOW),
        ),
      ),
    );
    const licenses = await prisma.license.findMany({ where: { declarationId: declaration.id } });
    expect(licenses).toHaveLength(8);
    expect(new Set(licenses.map((l) => l.contractNumber)).size).toBe(8);
    expect(new Set(results.map((r) => r.license.id)).size).toBe(8);
    expect(
      await prisma.dealEvent.count({ where: { licenseId: { in: licenses.map((l) => l.id) }, kind: "SIGNED" } }),
    ).toBe(8);
  });

  it("shows a license only to its parties and administrators", async () => {
    const license = await prisma.license.findFirstOrThrow({
      where: { licenseeId: sme.organization!.id, kind: "OPEN" },
    });
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
    const { declared, refused } = await declareOpenLicenses(
      staff,
      [a.id, b.id, lapsed.id, foreign.id, a.id],
      lumpSum,
      NOW,
    );
    expect(declared.map((d) => d.patentId)).toEqual([a.id, b.id]);
    expect(refused).toEqual([
      { patentId: lapsed.id, code: "NOT_IN_FORCE", message: "openLicense.err.notInForce" },
      { patentId: foreign.id, code: "FORBIDDEN", message: "auth.forbidden" },
    ]);
  });
});

describe("the open-license API", () => {
  const post = async (url: string, userId: string, body: unknown) =>
    new Request(`http://localhost${url}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: await cookieOf(userId) },
      body: JSON.stringify(body),
    });

  it("declares with the published field names and answers 201", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种接口声明装置" });
    const request = await post(`/api/v1/patents/${target.id}/open-license`, staff.id, {
      feeModel: "ENTRY_PLUS_ROYALTY",
      entryFeeFen: 3_000_000,
      royaltyRateBp: 250,
      paymentSchedule: "YEARLY",
      termYears: 3,
    });
    const response = await declareApi({ request, params: { id: String(target.id) }, context: {} });
    expect(response.status).toBe(201);
    const declaration = await response.json();
    expect(declaration).toMatchObject({
      patentId: target.id,
      status: "ACTIVE",
      version: 1,
      entryFeeFen: 3_000_000,
      royaltyBasisPoints: 250,
      licenseTermMonths: 36,
    });

    const bad = await declareApi({
      request: await post(`/api/v1/patents/${target.id}/open-license`, staff.id, {
        feeModel: "LUMP_SUM",
        paymentSchedule: "ONCE",
        termYears: 3,
        royaltyRateBp: 100,
      }),
      params: { id: String(target.id) },
      context: {},
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "lumpSumFen",
      "royaltyBasisPoints",
    ]);

    const accept = await acceptApi({
      request: await post(`/api/v1/open-licenses/${declaration.id}/accept`, smeUserId, {
        signatoryName: "李四",
        intendedUse: "量产",
        agree: true,
      }),
      params: { id: declaration.id },
      context: {},
    });
    expect(accept.status).toBe(201);
    expect(await accept.json()).toMatchObject({
      status: "AWAITING_PAYMENT",
      contractNumber: expect.stringMatching(/^PB-\d{4}-L-/),
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const again = await acceptApi({
      request: await post(`/api/v1/open-licenses/${declaration.id}/accept`, smeUserId, {
        signatoryName: "李四",
        intendedUse: "量产",
        agree: true,
      }),
      params: { id: declaration.id },
      context: {},
    });
    expect(again.status).toBe(200);
    const unticked = await acceptApi({
      request: await post(`/api/v1/open-licenses/${declaration.id}/accept`, smeUserId, {
        signatoryName: "李四",
        intendedUse: "量产",
        agree: false,
      }),
      params: { id: declaration.id },
      context: {},
    });
    expect(unticked.status).toBe(400);
  });
});

describe("money under a license", () => {
  it("computes royalties from sales reports, flags overdue payments and is confirmed once by the licensor", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种提成付款装置" });
    const declaration = await declareOpenLicense(
      staff,
      target.id,
      {
        feeModel: "ENTRY_PLUS_ROYALTY",
        entryFeeFen: 2_000_000,
        royaltyBasisPoints: 250,
        paymentSchedule: "YEARLY",
        licenseTermMonths: 36,
        territory: "中国大陆",
      },
      NOW,
    );
    const { license } = await acceptOpenLicense(
      sme,
      declaration.id,
      { signatoryName: "李四", intendedUse: "量产" },
      NOW,
    );
    await expect(
      reportSales(staff, license.id, { period: "2026", revenueFen: 100_000_000, units: 0 }, NOW),
    ).rejects.toMatchObject({ status: 403 });
    // A year is reported once it is over (tests/integration/payments.test.ts has every rule).
    const yearOver = new Date("2027-01-05T00:00:00Z");
    await expect(
      reportSales(sme, license.id, { period: "2026-Q1", revenueFen: 100_000_000, units: 0 }, yearOver),
    ).rejects.toMatchObject({ status: 400, path: "period" });
    await expect(
      reportSales(sme, license.id, { period: "2026", revenueFen: 100_000_000, units: 0 }, NOW),
    ).rejects.toMatchObject({ status: 400, code: "PERIOD_NOT_OVER" });
    const royalty = await reportSales(sme, license.id, { period: "2026", revenueFen: 100_000_000, units: 0 }, yearOver);
    expect(royalty).toMatchObject({ kind: "ROYALTY", amountFen: 2_500_000, dueOn: new Date("2027-02-04T00:00:00Z") });
    await expect(
      reportSales(sme, license.id, { period: "2026", revenueFen: 1, units: 0 }, yearOver),
    ).rejects.toMatchObject({ status: 409 });

    const later = new Date("2027-03-01T00:00:00Z");
    const detail = await getLicenseFor(sme, license.id, later);
    expect(detail.status).toBe("AWAITING_PAYMENT");
    expect(detail.payments.map((p) => [p.kind, p.amountFen, p.overdue])).toEqual([
      ["UP_FRONT", 2_000_000, true],
      ["ROYALTY", 2_500_000, true],
    ]);
    const upFront = detail.payments[0];
    const receipt = { amountFen: 2_000_000, receivedOn: new Date("2026-03-20T00:00:00Z"), reference: "CQ-2026-0320" };
    await expect(confirmPayment(sme, upFront.id, receipt, later)).rejects.toMatchObject({ status: 403 });
    await confirmPayment(staff, upFront.id, receipt, later);
    await expect(
      confirmPayment(staff, upFront.id, { ...receipt, reference: "CQ-2026-0321" }, later),
    ).rejects.toMatchObject({ status: 409 });
    expect((await getLicenseFor(sme, license.id, later)).status).toBe("ACTIVE");
    await expect(confirmPayment(otherStaff, detail.payments[1].id, receipt, later)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("a co-owned patent (Patent Law art. 14)", () => {
  let coOwned: { id: number };
  let partner: { id: string; name: string };
  let secondPartner: { id: string; name: string };
  let stranger: { id: string };
  const consentOf = (organizationId: string, consentedOn = "2026-02-10", reference = "渝合同意〔2026〕7号") => ({
    organizationId,
    consentedOn: new Date(`${consentedOn}T00:00:00Z`),
    reference,
  });
  const everyConsent = () => [consentOf(partner.id), consentOf(secondPartner.id, "2026-02-20", "  CQ-CONSENT-0042  ")];

  beforeAll(async () => {
    partner = await createEnterprise("重庆共有人甲科技有限公司");
    secondPartner = await createEnterprise("重庆共有人乙材料有限公司");
    stranger = await createEnterprise("重庆局外科技有限公司");
    coOwned = await createPatent({
      ownerId: university.id,
      title: "一种共有专利测试装置",
      filingDate: new Date("2020-03-01T00:00:00Z"),
    });
    await addCoOwners(coOwned.id, partner.id, secondPartner.id);
  });

  it("refuses a declaration without every co-owner's written consent, naming the rule in the user's language", async () => {
    const refusal = { status: 409, code: "CO_OWNER_CONSENT_REQUIRED", message: "ol.consent.required" };
    await expect(declareOpenLicense(staff, coOwned.id, lumpSum, NOW)).rejects.toMatchObject(refusal);
    await expect(
      declareOpenLicense(staff, coOwned.id, { ...lumpSum, consents: [consentOf(partner.id)] }, NOW),
    ).rejects.toMatchObject(refusal);
    expect(messageIn("zh", "ol.consent.required")).toContain("《专利法》第十四条");
    expect(messageIn("en", "ol.consent.required")).toContain("Patent Law art. 14");
    expect(await prisma.openLicenseDeclaration.count({ where: { patentId: coOwned.id } })).toBe(0);
  });

  it("refuses a consent from an organisation that is not a co-owner, or the same co-owner twice", async () => {
    for (const outsider of [stranger.id, university.id]) {
      await expect(
        declareOpenLicense(staff, coOwned.id, { ...lumpSum, consents: [...everyConsent(), consentOf(outsider)] }, NOW),
      ).rejects.toMatchObject({
        status: 400,
        code: "CONSENT_NOT_CO_OWNER",
        path: "consents.2.organizationId",
        message: "ol.consent.notCoOwner",
      });
    }
    await expect(
      declareOpenLicense(staff, coOwned.id, { ...lumpSum, consents: [...everyConsent(), consentOf(partner.id)] }, NOW),
    ).rejects.toMatchObject({ status: 400, code: "CONSENT_TWICE" });
    expect(messageIn("en", "ol.consent.notCoOwner")).toContain("art. 14");
    expect(await prisma.openLicenseDeclaration.count({ where: { patentId: coOwned.id } })).toBe(0);
  });

  it("refuses a consent dated in the future or before the filing date, and a reference that is empty, too long or not one plain line", async () => {
    const withSecond = (consent: ReturnType<typeof consentOf>) => ({
      ...lumpSum,
      consents: [consentOf(partner.id), consent],
    });
    await expect(
      declareOpenLicense(staff, coOwned.id, withSecond(consentOf(secondPartner.id, "2026-03-02")), NOW),
    ).rejects.toMatchObject({
      status: 400,
      code: "CONSENT_IN_FUTURE",
      path: "consents.1.consentedOn",
      message: "ol.consent.dateFuture",
    });
    await expect(
      declareOpenLicense(staff, coOwned.id, withSecond(consentOf(secondPartner.id, "2020-02-29")), NOW),
    ).rejects.toMatchObject({ status: 400, code: "CONSENT_BEFORE_FILING", path: "consents.1.consentedOn" });
    for (const [reference, message] of [
      ["   ", "validation.required"],
      ["号".repeat(101), "validation.tooLong"],
      ["CQ-7\u202Egnp.exe", "ol.consent.referenceCharacters"],
      ["第一行\n第二行", "ol.consent.referenceCharacters"],
    ]) {
      await expect(
        declareOpenLicense(staff, coOwned.id, withSecond(consentOf(secondPartner.id, "2026-02-20", reference)), NOW),
      ).rejects.toMatchObject({
        status: 400,
        code: "CONSENT_REFERENCE_INVALID",
        path: "consents.1.reference",
        message,
      });
    }
    expect(await prisma.openLicenseDeclaration.count({ where: { patentId: coOwned.id } })).toBe(0);
  });

  it("declares with every co-owner's consent and records each consent with the declaration", async () => {
    // 20:00 UTC is already 1 March in China: a consent signed that morning is not in the future.
    const evening = new Date("2026-02-28T20:00:00Z");
    const consents = [consentOf(partner.id), consentOf(secondPartner.id, "2026-03-01", "  CQ-CONSENT-0042  ")];
    const declaration = await declareOpenLicense(staff, coOwned.id, { ...lumpSum, consents }, evening);
    expect(declaration).toMatchObject({ version: 1, status: "ACTIVE" });
    const rows = await prisma.declarationConsent.findMany({
      where: { declarationId: declaration.id },
      orderBy: { consentedOn: "asc" },
    });
    expect(
      rows.map(({ organizationId, consentedOn, reference }) => ({ organizationId, consentedOn, reference })),
    ).toEqual([
      { organizationId: partner.id, consentedOn: new Date("2026-02-10T00:00:00Z"), reference: "渝合同意〔2026〕7号" },
      { organizationId: secondPartner.id, consentedOn: new Date("2026-03-01T00:00:00Z"), reference: "CQ-CONSENT-0042" },
    ]);
    expect(declaration.consents).toHaveLength(2);
  });

  it("asks every co-owner's consent again for a new version", async () => {
    const first = await prisma.openLicenseDeclaration.findFirstOrThrow({
      where: { patentId: coOwned.id, status: "ACTIVE" },
    });
    await expect(declareOpenLicense(staff, coOwned.id, royalty, NOW)).rejects.toMatchObject({
      status: 409,
      code: "CO_OWNER_CONSENT_REQUIRED",
    });
    expect(await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "ACTIVE",
    });
    const second = await declareOpenLicense(staff, coOwned.id, { ...royalty, consents: everyConsent() }, NOW);
    expect(second).toMatchObject({ version: 2, status: "ACTIVE" });
    expect(await prisma.declarationConsent.count({ where: { declarationId: second.id } })).toBe(2);
    expect(await prisma.declarationConsent.count({ where: { declarationId: first.id } })).toBe(2);
  });

  it("leaves a patent with no co-owners as it was: declared without consents, and no consent can be given to it", async () => {
    const alone = await createPatent({ ownerId: university.id, title: "一种独有专利测试装置" });
    await expect(
      declareOpenLicense(staff, alone.id, { ...lumpSum, consents: [consentOf(partner.id)] }, NOW),
    ).rejects.toMatchObject({ status: 400, code: "CONSENT_NOT_CO_OWNER" });
    const declaration = await declareOpenLicense(staff, alone.id, lumpSum, NOW);
    expect(declaration).toMatchObject({ version: 1, status: "ACTIVE", consents: [] });
    expect(await prisma.declarationConsent.count({ where: { declarationId: declaration.id } })).toBe(0);
  });

  it("is refused in a bulk declaration, naming the rule", async () => {
    const other = await createPatent({ ownerId: university.id, title: "一种批量共有装置" });
    await addCoOwners(other.id, partner.id);
    const { declared, refused } = await declareOpenLicenses(staff, [other.id], lumpSum, NOW);
    expect(declared).toEqual([]);
    expect(refused).toEqual([
      { patentId: other.id, code: "CO_OWNER_CONSENT_REQUIRED", message: "ol.consent.required" },
    ]);
  });

  it("is refused and recorded the same way through the JSON API", async () => {
    const target = await createPatent({ ownerId: university.id, title: "一种接口共有装置" });
    await addCoOwners(target.id, partner.id, secondPartner.id);
    const declare = async (body: unknown) =>
      declareApi({
        request: new Request(`http://localhost/api/v1/patents/${target.id}/open-license`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: await cookieOf(staff.id) },
          body: JSON.stringify(body),
        }),
        params: { id: String(target.id) },
        context: {},
      });
    const terms = { feeModel: "LUMP_SUM", lumpSumFen: 5_000_000, paymentSchedule: "ONCE", termYears: 3 };
    const today = new Date().toISOString().slice(0, 10);
    const tomorrowPlusOne = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const consent = (organizationId: string, consentedOn = "2025-06-01", reference = "同意书-2025-06") => ({
      organizationId,
      consentedOn,
      reference,
    });

    const missing = await declare({ ...terms, consents: [consent(partner.id)] });
    expect(missing.status).toBe(409);
    expect(await missing.json()).toEqual({
      error: expect.stringContaining("Patent Law art. 14"),
      issues: [{ path: "consents", message: expect.stringContaining("every co-owner") }],
    });
    const outsider = await declare({
      ...terms,
      consents: [consent(partner.id), consent(secondPartner.id), consent(stranger.id)],
    });
    expect(outsider.status).toBe(400);
    expect((await outsider.json()).issues).toEqual([
      { path: "consents.2.organizationId", message: expect.stringContaining("not one of them") },
    ]);
    const future = await declare({
      ...terms,
      consents: [consent(partner.id), consent(secondPartner.id, tomorrowPlusOne)],
    });
    expect(future.status).toBe(400);
    expect((await future.json()).issues).toEqual([
      { path: "consents.1.consentedOn", message: "The consent cannot be dated in the future" },
    ]);
    const malformed = await declare({
      ...terms,
      consents: [consent(partner.id, "2025-02-30"), consent(secondPartner.id, today, "a\u2066b")],
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).issues.map((issue: { path: string }) => issue.path)).toEqual([
      "consents.0.consentedOn",
      "consents.1.reference",
    ]);
    expect(await prisma.openLicenseDeclaration.count({ where: { patentId: target.id } })).toBe(0);

    const accepted = await declare({
      ...terms,
      consents: [consent(partner.id), consent(secondPartner.id, today, " 乙方同意函 ")],
    });
    expect(accepted.status).toBe(201);
    const body = await accepted.json();
    expect(body.consents).toEqual(
      expect.arrayContaining([
        { organizationId: partner.id, consentedOn: "2025-06-01T00:00:00.000Z", reference: "同意书-2025-06" },
        { organizationId: secondPartner.id, consentedOn: `${today}T00:00:00.000Z`, reference: "乙方同意函" },
      ]),
    );
    expect(await prisma.declarationConsent.count({ where: { declarationId: body.id } })).toBe(2);
  });

  it("takes each co-owner's consent on the patent page, keeps what was typed with the refusal, and shows all owners, the consents and the family", async () => {
    const target = await createPatent({
      ownerId: university.id,
      title: "一种页面共有装置",
      familyId: "family-page-test",
    });
    const twin = await createPatent({
      ownerId: university.id,
      title: "一种页面共有装置",
      type: "UTILITY_MODEL",
      familyId: "family-page-test",
    });
    await addCoOwners(target.id, partner.id, secondPartner.id);
    await addCoOwners(twin.id, partner.id, secondPartner.id);
    const url = `http://localhost/patents/${target.id}`;
    const headers = async () => ({ Origin: "http://localhost", Host: "localhost", Cookie: await cookieOf(staff.id) });
    const page = await patentPageLoader({
      request: new Request(url, { headers: await headers() }),
      params: { id: String(target.id) },
      context: {},
    });
    // Fieldsets follow the page's order of co-owners.
    const [first, second] = page.patent.coOwners;
    const post = async (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        intent: "declare",
        feeModel: "LUMP_SUM",
        lumpSum: "30000",
        paymentSchedule: "ONCE",
        licenseTermMonths: "24",
        "coOwners.0.organizationId": first.id,
        "coOwners.1.organizationId": second.id,
        ...fields,
      }))
        form.append(name, value);
      const result = (await patentPageAction({
        request: new Request(url, { method: "POST", headers: await headers(), body: form }),
        params: { id: String(target.id) },
        context: {},
      })) as unknown as
        { init: { status: number }; data: { result: FormReply } } | { result: FormReply; done?: string };
      const { status, reply } =
        "data" in result ? { status: result.init.status, reply: result.data } : { status: 200, reply: result };
      return { status, ...reply, fieldErrors: replyErrors(reply.result), values: reply.result.initialValue };
    };
    const typed = {
      "coOwners.0.consented": "yes",
      "coOwners.0.consentedOn": "2025-05-05",
      "coOwners.0.reference": "甲方同意书",
      "coOwners.1.consentedOn": "2025-05-06",
      "coOwners.1.reference": "乙方同意书",
    };

    const unticked = await post(typed);
    expect(unticked).toMatchObject({ status: 409, fieldErrors: { consents: "ol.consent.required" } });
    expect(unticked.values).toMatchObject({
      lumpSum: "30000",
      coOwners: {
        0: { consented: "yes", consentedOn: "2025-05-05", reference: "甲方同意书" },
        1: { consentedOn: "2025-05-06", reference: "乙方同意书" },
      },
    });
    const tooLate = await post({
      ...typed,
      "coOwners.1.consented": "yes",
      "coOwners.1.consentedOn": new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(tooLate).toMatchObject({ status: 400, fieldErrors: { "coOwners.1.consentedOn": "ol.consent.dateFuture" } });
    const noReference = await post({ ...typed, "coOwners.1.consented": "yes", "coOwners.1.reference": " " });
    expect(noReference).toMatchObject({
      status: 400,
      fieldErrors: { "coOwners.1.reference": "validation.required" },
      values: { lumpSum: "30000" },
    });
    expect(await prisma.openLicenseDeclaration.count({ where: { patentId: target.id } })).toBe(0);
    expect(await post({ ...typed, "coOwners.1.consented": "yes" })).toMatchObject({ status: 200, done: "ol.declared" });

    const { patent } = await patentPageLoader({
      request: new Request(url),
      params: { id: String(target.id) },
      context: {},
    });
    expect(patent.owner.name).toBe("重庆大学");
    expect(patent.coOwners.map((o) => o.name).sort()).toEqual(["重庆共有人乙材料有限公司", "重庆共有人甲科技有限公司"]);
    expect(patent.family).toEqual([
      { id: twin.id, type: "UTILITY_MODEL", applicationNumber: twin.applicationNumber, filingDate: "2020-03-01" },
    ]);
    expect(patent.openLicense?.consents.map((c) => [c.organization.id, c.consentedOn])).toEqual(
      expect.arrayContaining([
        [first.id, "2025-05-05"],
        [second.id, "2025-05-06"],
      ]),
    );
    const { patent: utilityModel } = await patentPageLoader({
      request: new Request(`http://localhost/patents/${twin.id}`),
      params: { id: String(twin.id) },
      context: {},
    });
    expect(utilityModel.family).toEqual([
      { id: target.id, type: "INVENTION", applicationNumber: target.applicationNumber, filingDate: "2020-03-01" },
    ]);
    expect(utilityModel.openLicense).toBeNull();
  });
});
