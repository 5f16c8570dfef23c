// Money under a license that an auditor can follow (issue 16): sales reports only for periods that are over and in
// the license's term, no empty or overflowing amounts; receipts with amount, day and voucher, partial payments,
// a confirmation step; one overdue mail to both sides. On SQLite and PostgreSQL alike.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { replyErrors, type FormReply } from "~/lib/form-action.server";
import { messageIn } from "~/lib/i18n";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { getLicenseFor } from "~/models/license/read.server";
import { acceptOpenLicense, declareOpenLicense } from "~/models/open-license/open-license.server";
import { verifyOrganization } from "~/models/organization/organization.server";
import { confirmPayment, getPaymentFor, mailOverduePayments, reportSales } from "~/models/payment/payment.server";
import { MAX_AMOUNT_FEN, SalesReportForm } from "~/models/payment/schemas";
import { action as salesReportsApi, loader as salesReportsApiLoader } from "~/routes/api.v1.licenses.$id.sales-reports";
import { loader as paymentApi } from "~/routes/api.v1.payments.$id";
import { action as receiptsApi } from "~/routes/api.v1.payments.$id.receipts";
import { action as paymentPageAction, loader as paymentPageLoader } from "~/routes/payments.$id";
import { action as royaltiesPageAction } from "~/routes/royalties.$id";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const SIGNED = new Date("2026-03-01T00:00:00Z");
const cookieOf = async (userId: string) => (await startSession(userId, 1)).split(";")[0];
const currentUser = async (userId: string): Promise<CurrentUser> =>
  (await getUser(new Request("http://localhost/", { headers: { Cookie: await cookieOf(userId) } })))!;

let staff: CurrentUser;
let otherStaff: CurrentUser;
let sme: CurrentUser;
let university: { id: string };
let company: { id: string };

/** A license taken from an open license declared by `staff` and signed by `sme` on SIGNED. */
async function licenseOn(title: string, terms: Parameters<typeof declareOpenLicense>[2], signed = SIGNED) {
  const patent = await createPatent({ ownerId: university.id, title });
  const declaration = await declareOpenLicense(staff, patent.id, terms, signed);
  return (await acceptOpenLicense(sme, declaration.id, { signatoryName: "李四", intendedUse: "量产" }, signed)).license;
}

const jsonRequest = async (url: string, user: CurrentUser, body: unknown, method = "POST") =>
  new Request(`http://localhost${url}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      Origin: "http://localhost",
      Host: "localhost",
      Cookie: await cookieOf(user.id),
    },
    body: JSON.stringify(body),
  });
const formRequest = async (url: string, user: CurrentUser, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { Origin: "http://localhost", Host: "localhost", Cookie: await cookieOf(user.id) },
    body: form,
  });
};
type PageResult = { init: { status: number } | null; data: Record<string, unknown> };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  company = await createEnterprise("重庆付款测试科技有限公司");
  const admin = await createUser({
    email: "admin@pay.example",
    name: "Admin",
    password: "admin password",
    role: "ADMIN",
  });
  await verifyOrganization(admin.id, company.id);
  staff = await currentUser(
    (
      await createUser({
        email: "tto@pay.example",
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
        email: "other@pay.example",
        name: "Other",
        password: "staff password",
        role: "UNIVERSITY_STAFF",
        organizationId: other.id,
      })
    ).id,
  );
  sme = await currentUser(
    (
      await createUser({
        email: "buyer@pay.example",
        name: "Buyer",
        password: "buyer password",
        role: "SME",
        organizationId: company.id,
      })
    ).id,
  );
});

describe("sales reports", () => {
  const quarterly = {
    feeModel: "ROYALTY" as const,
    royaltyBasisPoints: 300,
    paymentSchedule: "QUARTERLY" as const,
    licenseTermMonths: 24,
    territory: "中国大陆",
  };

  it("are refused for 0000-Q1, 9999-Q4, a future or unfinished quarter and one before the term, each naming its rule; then the honest report is taken", async () => {
    const license = await licenseOn("一种季度提成装置", quarterly);
    const now = new Date("2026-07-10T00:00:00Z"); // 2026-Q2 is over, 2026-Q3 is running
    const report = (period: string) => reportSales(sme, license.id, { period, revenueFen: 100_000_000, units: 0 }, now);
    await expect(report("0000-Q1")).rejects.toMatchObject({
      status: 400,
      code: "PERIOD_OUTSIDE_TERM",
      path: "period",
      message: "pay.err.periodOutsideTerm",
    });
    await expect(report("9999-Q4")).rejects.toMatchObject({ status: 400, code: "PERIOD_OUTSIDE_TERM" });
    await expect(report("2027-Q4")).rejects.toMatchObject({
      status: 400,
      code: "PERIOD_NOT_OVER",
      message: "pay.err.periodNotOver",
    });
    await expect(report("2026-Q3")).rejects.toMatchObject({ status: 400, code: "PERIOD_NOT_OVER" });
    await expect(report("2025-Q4")).rejects.toMatchObject({ status: 400, code: "PERIOD_OUTSIDE_TERM" });
    await expect(report("2026")).rejects.toMatchObject({
      status: 400,
      code: "PERIOD_FORMAT",
      message: "pay.err.periodQuarter",
    });
    expect(messageIn("zh", "pay.err.periodNotOver")).toContain("尚未结束");
    expect(messageIn("en", "pay.err.periodOutsideTerm")).toContain("outside the license's term");
    // The quarter the license started in (from 1 March) and the one after it are honest reports.
    await expect(report("2026-Q1")).resolves.toMatchObject({ kind: "ROYALTY", amountFen: 3_000_000 });
    await expect(report("2026-q2")).resolves.toMatchObject({ amountFen: 3_000_000 });
    await expect(report("2026-Q2")).rejects.toMatchObject({ status: 409, code: "PERIOD_REPORTED" });
    expect(await prisma.salesReport.count({ where: { licenseId: license.id } })).toBe(2);
  });

  it("refuses an empty revenue instead of taking it as 0, on the page and in the API", async () => {
    const license = await licenseOn("一种空销售额装置", { ...quarterly, paymentSchedule: "YEARLY" });
    expect(SalesReportForm.safeParse({ period: "2026", revenue: "", units: "" }).error?.issues[0]).toMatchObject({
      path: ["revenue"],
      message: "pay.err.revenueRequired",
    });
    expect(SalesReportForm.safeParse({ period: "2026", revenue: "  ", units: "3" }).success).toBe(false);
    expect(SalesReportForm.parse({ period: "2026", revenue: "0", units: "" })).toEqual({
      period: "2026",
      revenueFen: 0,
      units: 0,
    });
    expect(SalesReportForm.parse({ period: "2026", revenue: "1,234,567.89", units: "12" })).toEqual({
      period: "2026",
      revenueFen: 123_456_789,
      units: 12,
    });

    const page = (await royaltiesPageAction({
      request: await formRequest(`/royalties/${license.id}`, sme, { period: "2026", revenue: "", units: "0" }),
      params: { id: license.id },
      context: {},
    })) as unknown as PageResult;
    expect(page.init?.status).toBe(400);
    expect(replyErrors(page.data.result as FormReply)).toEqual({ revenue: "pay.err.revenueRequired" });

    const api = await salesReportsApi({
      request: await jsonRequest(`/api/v1/licenses/${license.id}/sales-reports`, sme, { period: "2026" }),
      params: { id: license.id },
      context: {},
    });
    expect(api.status).toBe(400);
    expect((await api.json()).issues).toEqual([
      { path: "revenueFen", message: "Enter the sales revenue (0 if nothing was sold)" },
    ]);
    expect(await prisma.salesReport.count({ where: { licenseId: license.id } })).toBe(0);
  });

  it("answers 400, never 500, when a per-unit fee at the maximum times 100,000 units or a revenue above the cap would overflow", async () => {
    // ¥1,000,000,000 a unit: the largest amount a declaration or a deal may carry (MAX_AMOUNT_FEN).
    const license = await licenseOn(
      "一种按件提成装置",
      {
        feeModel: "PER_UNIT",
        perUnitFen: MAX_AMOUNT_FEN,
        paymentSchedule: "YEARLY",
        licenseTermMonths: 60,
        territory: "中国大陆",
      },
      new Date("2025-01-10T00:00:00Z"),
    );
    const later = new Date("2026-01-05T00:00:00Z");
    await expect(
      reportSales(sme, license.id, { period: "2025", revenueFen: 0, units: 100_000 }, later),
    ).rejects.toMatchObject({ status: 400, code: "ROYALTY_CAP", message: "pay.err.royaltyCap" });
    const api = await salesReportsApi({
      request: await jsonRequest(`/api/v1/licenses/${license.id}/sales-reports`, sme, {
        period: "2025",
        revenueFen: 0,
        units: 100_000,
      }),
      params: { id: license.id },
      context: {},
    });
    expect(api.status).toBe(400);
    expect((await api.json()).error).toContain("exceeds the largest single payment");
    const huge = await salesReportsApi({
      request: await jsonRequest(`/api/v1/licenses/${license.id}/sales-reports`, sme, {
        period: "2025",
        revenueFen: 2 ** 53,
        units: 1e15,
      }),
      params: { id: license.id },
      context: {},
    });
    expect(huge.status).toBe(400);
    expect([...new Set((await huge.json()).issues.map((i: { path: string }) => i.path))].sort()).toEqual([
      "revenueFen",
      "units",
    ]);
    const page = (await royaltiesPageAction({
      request: await formRequest(`/royalties/${license.id}`, sme, {
        period: "2025",
        revenue: "999999999999",
        units: "100000",
      }),
      params: { id: license.id },
      context: {},
    })) as unknown as PageResult;
    expect(page.init?.status).toBe(400);
    expect(replyErrors(page.data.result as FormReply)).toEqual({ revenue: "pay.err.revenueCap" });
    expect(await prisma.salesReport.count({ where: { licenseId: license.id } })).toBe(0);
  });

  it("are filed by the licensee only, through the API with 201, and listed for both parties", async () => {
    // The API reports at the real clock: a license signed in January 2025 has its year 2025 over and in its term.
    const license = await licenseOn(
      "一种接口报告装置",
      { ...quarterly, paymentSchedule: "YEARLY", royaltyBasisPoints: 250, licenseTermMonths: 60 },
      new Date("2025-01-10T00:00:00Z"),
    );
    const body = { period: "2025", revenueFen: 40_000_000, units: 10 };
    const post = async (user: CurrentUser, payload: unknown) =>
      salesReportsApi({
        request: await jsonRequest(`/api/v1/licenses/${license.id}/sales-reports`, user, payload),
        params: { id: license.id },
        context: {},
      });
    expect((await post(staff, body)).status).toBe(403);
    expect((await post(otherStaff, body)).status).toBe(404);
    const future = await post(sme, { ...body, period: String(new Date().getUTCFullYear() + 1) });
    expect(future.status).toBe(400);
    expect((await future.json()).error).toBe("This period is not over yet: its sales are reported once it has ended");
    const taken = await post(sme, body);
    expect(taken.status).toBe(201);
    expect(await taken.json()).toMatchObject({ kind: "ROYALTY", amountFen: 1_000_000 });
    expect((await post(sme, body)).status).toBe(409);
    const listed = await salesReportsApiLoader({
      request: new Request(`http://localhost/api/v1/licenses/${license.id}/sales-reports`, {
        headers: { Cookie: await cookieOf(staff.id) },
      }),
      params: { id: license.id },
      context: {},
    });
    expect((await listed.json()).items).toMatchObject([
      { period: "2025", revenueFen: 40_000_000, units: 10, payment: { amountFen: 1_000_000 } },
    ]);
  });
});

describe("confirming a payment", () => {
  const entryPlusRoyalty = {
    feeModel: "ENTRY_PLUS_ROYALTY" as const,
    entryFeeFen: 2_000_000,
    royaltyBasisPoints: 250,
    paymentSchedule: "YEARLY" as const,
    licenseTermMonths: 36,
    territory: "中国大陆",
  };
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("records the amount, the day and the voucher; a partial payment leaves the rest due; the payment is paid once covered", async () => {
    const license = await licenseOn("一种部分付款装置", entryPlusRoyalty);
    const now = new Date("2026-04-20T00:00:00Z");
    const [upFront] = (await getLicenseFor(staff, license.id, now)).payments;
    await expect(confirmPayment(staff, upFront.id, undefined, now)).rejects.toMatchObject({
      status: 400,
      code: "RECEIPT_REQUIRED",
      message: "pay.err.receiptRequired",
    });
    await expect(
      confirmPayment(sme, upFront.id, { amountFen: 500_000, receivedOn: day("2026-03-10"), reference: "BOC-001" }, now),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      confirmPayment(
        otherStaff,
        upFront.id,
        { amountFen: 500_000, receivedOn: day("2026-03-10"), reference: "BOC-001" },
        now,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      confirmPayment(
        staff,
        upFront.id,
        { amountFen: 500_000, receivedOn: day("2026-04-21"), reference: "BOC-001" },
        now,
      ),
    ).rejects.toMatchObject({ status: 400, code: "RECEIVED_IN_FUTURE", path: "receivedOn" });
    await expect(
      confirmPayment(
        staff,
        upFront.id,
        { amountFen: 500_000, receivedOn: day("2026-02-27"), reference: "BOC-001" },
        now,
      ),
    ).rejects.toMatchObject({ status: 400, code: "RECEIVED_BEFORE_SIGNATURE" });
    await expect(
      confirmPayment(
        staff,
        upFront.id,
        { amountFen: 2_000_001, receivedOn: day("2026-03-10"), reference: "BOC-001" },
        now,
      ),
    ).rejects.toMatchObject({ status: 400, code: "ABOVE_DUE", path: "amount" });

    await expect(
      confirmPayment(
        staff,
        upFront.id,
        { amountFen: 500_000, receivedOn: day("2026-03-10"), reference: "BOC-001" },
        now,
      ),
    ).resolves.toMatchObject({ outstandingFen: 1_500_000, paid: false });
    let detail = await getLicenseFor(sme, license.id, now);
    expect(detail.status).toBe("AWAITING_PAYMENT");
    expect(detail.payments[0]).toMatchObject({ paidAt: null, overdue: true }); // due on 31 March, 1,500,000 still unpaid
    expect(await getPaymentFor(sme, upFront.id, now)).toMatchObject({
      receivedFen: 500_000,
      outstandingFen: 1_500_000,
      mayConfirm: false,
      receipts: [{ amountFen: 500_000, receivedOn: "2026-03-10", reference: "BOC-001" }],
    });
    await expect(
      confirmPayment(staff, upFront.id, { amountFen: 100, receivedOn: day("2026-03-12"), reference: "BOC-001" }, now),
    ).rejects.toMatchObject({ status: 409, code: "REFERENCE_USED", path: "reference" });
    await expect(
      confirmPayment(
        staff,
        upFront.id,
        { amountFen: 1_500_001, receivedOn: day("2026-03-12"), reference: "BOC-002" },
        now,
      ),
    ).rejects.toMatchObject({ code: "ABOVE_DUE" });

    await expect(
      confirmPayment(
        staff,
        upFront.id,
        { amountFen: 1_500_000, receivedOn: day("2026-04-02"), reference: "BOC-002" },
        now,
      ),
    ).resolves.toMatchObject({ outstandingFen: 0, paid: true });
    detail = await getLicenseFor(sme, license.id, now);
    expect(detail.status).toBe("ACTIVE");
    expect(
      detail.history
        .filter((e) => e.kind.startsWith("PAID"))
        .map((e) => [e.kind, e.detail.amountFen, e.detail.reference, e.detail.outstandingFen]),
    ).toEqual([
      ["PAID_IN_PART", 500_000, "BOC-001", 1_500_000],
      ["PAID", 1_500_000, "BOC-002", 0],
    ]);
    await expect(
      confirmPayment(staff, upFront.id, { amountFen: 1, receivedOn: day("2026-04-02"), reference: "BOC-003" }, now),
    ).rejects.toMatchObject({ status: 409, code: "ALREADY_PAID" });
    expect(await prisma.paymentReceipt.count({ where: { paymentId: upFront.id } })).toBe(2);
  });

  it("of two confirmations of the whole amount at the same moment, exactly one is recorded", async () => {
    const license = await licenseOn("一种并发收款装置", entryPlusRoyalty);
    const [upFront] = (await getLicenseFor(staff, license.id)).payments;
    const results = await Promise.allSettled([
      confirmPayment(staff, upFront.id, { amountFen: 2_000_000, receivedOn: day("2026-03-05"), reference: "A-1" }),
      confirmPayment(staff, upFront.id, { amountFen: 2_000_000, receivedOn: day("2026-03-05"), reference: "A-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      status: 409,
      code: "ALREADY_PAID",
    });
    expect(
      await prisma.paymentReceipt.aggregate({ where: { paymentId: upFront.id }, _sum: { amountFen: true } }),
    ).toMatchObject({ _sum: { amountFen: 2_000_000n } });
  });

  it("takes a confirmation step on the page: review writes nothing, confirm records the receipt", async () => {
    const license = await licenseOn("一种确认步骤装置", entryPlusRoyalty);
    const [upFront] = (await getLicenseFor(staff, license.id)).payments;
    const url = `/payments/${upFront.id}`;
    const page = async (user: CurrentUser, fields: Record<string, string>) => {
      try {
        return (await paymentPageAction({
          request: await formRequest(url, user, fields),
          params: { id: upFront.id },
          context: {},
        })) as unknown as PageResult | Response;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    const bad = (await page(staff, {
      intent: "review",
      amount: "",
      receivedOn: "2026-02-30",
      reference: "",
    })) as PageResult;
    expect(bad.init?.status).toBe(400);
    expect(replyErrors(bad.data.result as FormReply)).toEqual({
      amount: "pay.err.amountRequired",
      receivedOn: "pay.err.dateFormat",
      reference: "pay.err.referenceRequired",
    });

    const review = (await page(staff, {
      intent: "review",
      amount: "5,000.50",
      receivedOn: "2026-03-03",
      reference: "ICBC 20260303-17",
    })) as PageResult;
    expect(review.data).toMatchObject({ step: "review", amountFen: 500_050, leftFen: 1_499_950 });
    expect(await prisma.paymentReceipt.count({ where: { paymentId: upFront.id } })).toBe(0);

    expect(
      (
        (await page(sme, {
          intent: "confirm",
          amount: "5000.50",
          receivedOn: "2026-03-03",
          reference: "X",
        })) as Response
      ).status,
    ).toBe(403);
    const confirmed = (await page(staff, {
      intent: "confirm",
      amount: "5000.50",
      receivedOn: "2026-03-03",
      reference: "ICBC 20260303-17",
    })) as Response;
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`${url}?confirmed=1`);
    const shown = await paymentPageLoader({
      request: new Request(`http://localhost${url}?confirmed=1`, { headers: { Cookie: await cookieOf(sme.id) } }),
      params: { id: upFront.id },
      context: {},
    });
    expect(shown).toMatchObject({
      confirmed: true,
      payment: {
        receivedFen: 500_050,
        outstandingFen: 1_499_950,
        receipts: [{ reference: "ICBC 20260303-17", receivedOn: "2026-03-03" }],
      },
    });
  });

  it("through the API: 201 with what is left, 400 for a receipt without its voucher, the payment readable by both parties", async () => {
    const license = await licenseOn("一种接口收款装置", entryPlusRoyalty);
    const [upFront] = (await getLicenseFor(staff, license.id)).payments;
    const post = async (user: CurrentUser, body: unknown) =>
      receiptsApi({
        request: await jsonRequest(`/api/v1/payments/${upFront.id}/receipts`, user, body),
        params: { id: upFront.id },
        context: {},
      });
    const missing = await post(staff, { amountFen: 1_000_000, receivedOn: "2026-03-04" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).issues).toEqual([
      { path: "reference", message: "Enter the voucher reference, so that the receipt can be checked" },
    ]);
    expect((await post(sme, { amountFen: 1_000_000, receivedOn: "2026-03-04", reference: "V-9" })).status).toBe(403);
    const created = await post(staff, { amountFen: 1_000_000, receivedOn: "2026-03-04", reference: "V-9" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ outstandingFen: 1_000_000, paid: false });
    const read = await paymentApi({
      request: new Request(`http://localhost/api/v1/payments/${upFront.id}`, {
        headers: { Cookie: await cookieOf(sme.id) },
      }),
      params: { id: upFront.id },
      context: {},
    });
    expect(await read.json()).toMatchObject({
      kind: "UP_FRONT",
      amountFen: 2_000_000,
      receivedFen: 1_000_000,
      outstandingFen: 1_000_000,
      receipts: [{ reference: "V-9", receivedOn: "2026-03-04" }],
    });
    const hidden = await paymentApi({
      request: new Request(`http://localhost/api/v1/payments/${upFront.id}`, {
        headers: { Cookie: await cookieOf(otherStaff.id) },
      }),
      params: { id: upFront.id },
      context: {},
    });
    expect(hidden.status).toBe(404);
  });
});

describe("amounts above 32 bits", () => {
  it("are stored, paid in part and read back exactly, as 64-bit integers on either database", async () => {
    // ¥500,000,000.00: 50,000,000,000 fen, 23 times what a 32-bit integer column holds.
    const lumpSumFen = 50_000_000_000;
    const license = await licenseOn("一种大额许可装置", {
      feeModel: "LUMP_SUM",
      lumpSumFen,
      paymentSchedule: "ONCE",
      licenseTermMonths: 60,
      territory: "中国大陆",
    });
    expect(await prisma.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({
      valueFen: 50_000_000_000n,
    });
    const now = new Date("2026-03-10T00:00:00Z");
    const [upFront] = (await getLicenseFor(staff, license.id, now)).payments;
    expect(upFront.amountFen).toBe(lumpSumFen);
    const created = await receiptsApi({
      request: await jsonRequest(`/api/v1/payments/${upFront.id}/receipts`, staff, {
        amountFen: 30_000_000_001,
        receivedOn: "2026-03-04",
        reference: "V-BIG-1",
      }),
      params: { id: upFront.id },
      context: {},
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ receivedFen: 30_000_000_001, outstandingFen: 19_999_999_999 });
    const read = await paymentApi({
      request: new Request(`http://localhost/api/v1/payments/${upFront.id}`, {
        headers: { Cookie: await cookieOf(sme.id) },
      }),
      params: { id: upFront.id },
      context: {},
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      amountFen: 50_000_000_000,
      outstandingFen: 19_999_999_999,
      receipts: [{ amountFen: 30_000_000_001, reference: "V-BIG-1" }],
    });
    const paid = await confirmPayment(
      staff,
      upFront.id,
      { amountFen: 19_999_999_999, receivedOn: new Date("2026-03-09T00:00:00Z"), reference: "V-BIG-2" },
      now,
    );
    expect(paid).toMatchObject({ receivedFen: 50_000_000_000, outstandingFen: 0, paid: true });
    expect(
      await prisma.paymentReceipt.aggregate({ where: { paymentId: upFront.id }, _sum: { amountFen: true } }),
    ).toMatchObject({ _sum: { amountFen: 50_000_000_000n } });
  });
});

describe("overdue payments", () => {
  it("are mailed once to the members of both sides, however often and however many servers run the job", async () => {
    // Earlier tests' payments are overdue by now too: announce them first, so this test counts its own mails.
    await mailOverduePayments(new Date("2026-12-31T00:00:00Z"));
    const license = await licenseOn("一种逾期提醒装置", {
      feeModel: "LUMP_SUM",
      lumpSumFen: 8_000_000,
      paymentSchedule: "ONCE",
      licenseTermMonths: 36,
      territory: "中国大陆",
    });
    const paid = await licenseOn("一种按时付款装置", {
      feeModel: "LUMP_SUM",
      lumpSumFen: 1_000_000,
      paymentSchedule: "ONCE",
      licenseTermMonths: 36,
      territory: "中国大陆",
    });
    const [paidPayment] = (await getLicenseFor(staff, paid.id, SIGNED)).payments;
    await confirmPayment(
      staff,
      paidPayment.id,
      { amountFen: 1_000_000, receivedOn: new Date("2026-03-02T00:00:00Z"), reference: "ON-TIME" },
      new Date("2026-03-02T00:00:00Z"),
    );
    const [payment] = (await getLicenseFor(staff, license.id, SIGNED)).payments;
    const mailsAbout = () =>
      prisma.outboxEmail.findMany({ where: { subject: { contains: license.contractNumber } }, orderBy: { to: "asc" } });

    expect(await mailOverduePayments(new Date("2026-03-20T00:00:00Z"))).toBe(0); // not due yet (31 March)
    const later = new Date("2026-04-02T00:00:00Z");
    const runs = await Promise.all([mailOverduePayments(later), mailOverduePayments(later)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await mailOverduePayments(new Date("2026-05-01T00:00:00Z"))).toBe(0);
    const mails = await mailsAbout();
    expect(mails.map((m) => m.to)).toEqual(["buyer@pay.example", "tto@pay.example"]);
    expect(mails[0].body).toContain("应付 8 万元");
    expect(mails[0].body).toContain("Amount CNY 80,000");
    expect(mails[0].body).toContain(`/payments/${payment.id}`);
    expect(mails[0].subject).toBe(`付款逾期 / Payment overdue: ${license.contractNumber}`);
    expect(await prisma.outboxEmail.count({ where: { subject: { contains: paid.contractNumber } } })).toBe(0);
    const history = (await getLicenseFor(staff, license.id, later)).history;
    expect(history.filter((e) => e.kind === "OVERDUE_NOTICE")).toHaveLength(1);
  });
});
