// Issue 16: the minimum annual royalty, when the agreed terms have one, is in the payment schedule. Once a contract
// year is over and its 30 days to report have passed, a shortfall of the royalties reported for that year against
// the minimum is a payment of its own kind, due 30 days later; once per license and year.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { messageIn } from "~/lib/i18n";
import { contractText } from "~/models/contract/contract.server";
import { licenseYears, listSalesReports, scheduleMinimumRoyalties } from "~/models/payment/payment.server";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const START = new Date("2026-01-01T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let university: { id: string };
let company: { id: string };
let serial = 0;

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  company = await createEnterprise("重庆保底科技有限公司");
});

/** A negotiated license with 2 % royalty on revenue, reported quarterly, and these sales reports' royalties. */
async function licenseWith(
  minimumAnnualRoyaltyFen: number | null,
  royalties: Record<string, number>,
  endsOn = day("2028-07-01"),
) {
  const patent = await createPatent({ ownerId: university.id, title: `一种保底提成装置${++serial}` });
  const terms = {
    feeModel: "ROYALTY",
    royaltyBasisPoints: 200,
    royaltyBase: "NET_SALES",
    paymentSchedule: "QUARTERLY",
    licenseTermMonths: 30,
    territory: "中国大陆",
    ...(minimumAnnualRoyaltyFen ? { minimumAnnualRoyaltyFen } : {}),
  };
  const license = await prisma.license.create({
    data: {
      contractNumber: `PB-2026-L-9${String(serial).padStart(5, "0")}`,
      patentId: patent.id,
      licensorId: university.id,
      licenseeId: company.id,
      kind: "ORDINARY",
      termsSnapshot: JSON.stringify(terms),
      startsOn: START,
      endsOn,
      signedAt: START,
    },
  });
  for (const [period, amountFen] of Object.entries(royalties)) {
    const report = await prisma.salesReport.create({
      data: { licenseId: license.id, period, revenueFen: amountFen * 50, reportedById: "test" },
    });
    await prisma.payment.create({
      data: { licenseId: license.id, kind: "ROYALTY", amountFen, dueOn: day("2030-01-01"), salesReportId: report.id },
    });
  }
  return license;
}

const shortfalls = (licenseId: string) =>
  prisma.payment.findMany({
    where: { licenseId, kind: "MINIMUM_ROYALTY" },
    orderBy: { dueOn: "asc" },
    select: { amountFen: true, dueOn: true },
  });

describe("the minimum annual royalty", () => {
  it("counts the license's contract years from its start, the last one ending with it", () => {
    expect(
      licenseYears({ startsOn: START, endsOn: day("2028-07-01") }).map(({ year, start, end }) => [
        year,
        start.toISOString().slice(0, 10),
        end.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      [1, "2026-01-01", "2027-01-01"],
      [2, "2027-01-01", "2028-01-01"],
      [3, "2028-01-01", "2028-07-01"],
    ]);
  });

  it("makes the shortfall of a year's reported royalties a payment of its own, once the year's reports are in, and only once", async () => {
    // Year 1 reported ¥3,000 of royalties against a ¥10,000 minimum; 2027-Q1 belongs to year 2.
    const license = await licenseWith(1_000_000, {
      "2026-Q1": 100_000,
      "2026-Q2": 100_000,
      "2026-Q4": 100_000,
      "2027-Q1": 900_000,
    });
    expect(await scheduleMinimumRoyalties(day("2027-01-20"), license.id)).toEqual([]);
    const settled = await scheduleMinimumRoyalties(day("2027-02-01"), license.id);
    expect(settled).toMatchObject([{ year: 1, amountFen: 700_000 }]);
    // Settled 30 days after the year's end (2027-01-31), due 30 days after that.
    expect(await shortfalls(license.id)).toEqual([{ amountFen: 700_000n, dueOn: day("2027-03-02") }]);
    const event = await prisma.dealEvent.findFirstOrThrow({
      where: { licenseId: license.id, kind: "MINIMUM_ROYALTY_DUE" },
    });
    expect(JSON.parse(event.detail)).toMatchObject({
      year: 1,
      minimumFen: 1_000_000,
      reportedFen: 300_000,
      amountFen: 700_000,
      from: "2026-01-01",
      to: "2027-01-01",
    });
    // A second run, or two at the same moment, add nothing.
    const again = await Promise.all([
      scheduleMinimumRoyalties(day("2027-03-01"), license.id),
      scheduleMinimumRoyalties(day("2027-03-01"), license.id),
    ]);
    expect(again.flat()).toEqual([]);
    expect(await shortfalls(license.id)).toHaveLength(1);
    // The royalties page lists the minimum and its shortfalls beside the reports.
    const admin = { id: "admin", role: "ADMIN", organization: null } as unknown as CurrentUser;
    const page = await listSalesReports(admin, license.id);
    expect(page.terms.minimumAnnualRoyaltyFen).toBe(1_000_000);
    expect(page.shortfalls).toMatchObject([{ amountFen: 700_000, dueOn: day("2027-03-02"), paidAt: null }]);
    expect([messageIn("zh", "pay.kind.MINIMUM_ROYALTY"), messageIn("en", "pay.kind.MINIMUM_ROYALTY")]).toEqual([
      "最低年提成差额",
      "Minimum annual royalty shortfall",
    ]);
  });

  it("owes nothing for a year whose royalties reached the minimum, and the whole minimum for a partial last year without sales", async () => {
    const license = await licenseWith(1_000_000, { "2026-Q3": 600_000, "2026-Q4": 500_000, "2027-Q2": 400_000 });
    const settled = await scheduleMinimumRoyalties(day("2029-01-01"), license.id);
    expect(settled.map(({ year, amountFen }) => [year, amountFen])).toEqual([
      [2, 600_000],
      [3, 1_000_000],
    ]);
    expect(await shortfalls(license.id)).toEqual([
      { amountFen: 600_000n, dueOn: day("2028-03-01") },
      { amountFen: 1_000_000n, dueOn: day("2028-08-30") },
    ]);
  });

  it("is stated in the contract's payment clause as the schedule applies it", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种保底条款装置" });
    const parties = { name: "重庆大学", creditCode: "12500000450400000X" };
    const text = contractText({
      contractNumber: null,
      kind: "ORDINARY",
      patent,
      licensor: parties,
      licensee: { name: "重庆保底科技有限公司", creditCode: "91500000MA5U000000" },
      terms: {
        feeModel: "ROYALTY",
        lumpSumFen: null,
        entryFeeFen: null,
        royaltyBasisPoints: 200,
        royaltyBase: "NET_SALES",
        perUnitFen: null,
        minimumAnnualRoyaltyFen: 1_000_000,
        paymentSchedule: "QUARTERLY",
        licenseTermMonths: 30,
        territory: "中国大陆",
        fieldOfUse: null,
      },
      signatoryName: null,
      intendedUse: null,
      signedAt: null,
      startsOn: null,
      endsOn: null,
      receivingAccount: null,
      signatures: { licensor: null, licensee: null },
    });
    expect(text).toContain("年度届满后30日内报告的该年度提成不足此数的，被许可人于其后30日内支付差额");
    expect(text).toContain(
      "if the royalties reported for a year within 30 days of its end fall short of this sum, the licensee pays the shortfall within the following 30 days",
    );
  });

  it("schedules nothing when the agreed terms have no minimum", async () => {
    const license = await licenseWith(null, {});
    expect(await scheduleMinimumRoyalties(day("2029-01-01"), license.id)).toEqual([]);
    expect(await shortfalls(license.id)).toEqual([]);
  });
});
