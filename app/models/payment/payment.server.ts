// Money under a license, in integer fen: the fee due on signature, running royalties computed from the sales
// the licensee reports each period, the receipts the licensor confirms (amount, day, voucher), what is still
// due, and the one mail to both sides when a payment is overdue (ADR 017).
import type { Prisma } from "~/generated/prisma/client";
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { addMonths, chinaToday, isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { formatFen } from "~/lib/format";
import { fenOf } from "~/lib/money";
import { publicUrl } from "~/lib/public-url.server";
import { patentTurn, takeTurn } from "~/lib/sql-dialect.server";
import { sendMail } from "~/models/mail.server";
import { notify } from "~/models/notification.server";
import {
  MAX_AMOUNT_FEN,
  PaymentReceiptJson,
  SalesReportJson,
  type PaymentReceiptInput,
  type SalesReportInput,
} from "~/models/payment/schemas";

const PAYMENT_DAYS = 30;
const DAY_MS = 86_400_000;
const dueAfter = (from: Date) => new Date(from.getTime() + PAYMENT_DAYS * DAY_MS);

/** The fee due on signature (lump sum or entry fee), payable within 30 days. */
export async function scheduleUpFront(
  tx: Prisma.TransactionClient,
  licenseId: string,
  amountFen: number,
  now: Date,
): Promise<void> {
  if (amountFen <= 0) return;
  await tx.payment.create({ data: { licenseId, kind: "UP_FRONT", amountFen, dueOn: dueAfter(now) } });
  await tx.dealEvent.create({
    data: {
      licenseId,
      kind: "PAYMENT_DUE",
      at: now,
      detail: JSON.stringify({ amountFen, dueOn: isoDay(dueAfter(now)) }),
    },
  });
}

/** What is still owed on a payment: its amount less the parts the licensor has already recorded as received. */
export function outstandingFen(payment: { amountFen: bigint; receipts: Array<{ amountFen: bigint }> }): number {
  return Math.max(0, fenOf(payment.amountFen) - receivedFen(payment.receipts));
}

function receivedFen(receipts: Array<{ amountFen: bigint }>): number {
  return receipts.reduce((sum, receipt) => sum + fenOf(receipt.amountFen), 0);
}

export function isOverdue(payment: { paidAt: Date | null; dueOn: Date }, now = new Date()): boolean {
  return !payment.paidAt && payment.dueOn < now;
}

function parse<T>(
  schema: {
    safeParse: (
      input: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
  },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DomainError("INVALID", issue.message, { status: 400, path: issue.path.map(String).join(".") || undefined });
}

type PartyLicense = { id: string; licensorId: string; licenseeId: string };
const isParty = (user: CurrentUser, license: PartyLicense) =>
  user.role === "ADMIN" || [license.licensorId, license.licenseeId].includes(user.organization?.id ?? "");

// ——— Receipts ———

/**
 * The licensor confirms money it received against a payment: the amount, the day it arrived and the voucher
 * reference. A partial receipt leaves the rest due; the payment is paid once its receipts cover it. Checked and
 * written in one transaction, so two confirmations at once never take more than is due.
 */
export async function confirmPayment(
  user: CurrentUser,
  paymentId: string,
  receipt?: PaymentReceiptInput,
  now = new Date(),
) {
  const input = receipt
    ? parse(PaymentReceiptJson, {
        ...receipt,
        receivedOn: receipt.receivedOn instanceof Date ? isoDay(receipt.receivedOn) : receipt.receivedOn,
      })
    : null;
  return prisma.$transaction(async (tx) => {
    // Writing the row first holds it (PostgreSQL's row lock, SQLite's write lock) until this transaction ends: a
    // second confirmation at the same moment waits, then reads the receipts this one added.
    await tx.payment.updateMany({ where: { id: paymentId, paidAt: null }, data: { confirmedById: user.id } });
    const payment = await tx.payment.findUnique({
      where: { id: paymentId },
      include: {
        receipts: true,
        license: { select: { id: true, licensorId: true, licenseeId: true, contractNumber: true, signedAt: true } },
      },
    });
    if (!payment || !isParty(user, payment.license))
      throw new DomainError("NOT_FOUND", "pay.err.notFound", { status: 404 });
    if (!canManageFor(user, payment.license.licensorId))
      throw new DomainError("FORBIDDEN", "pay.err.licensorOnly", { status: 403 });
    if (!input) throw new DomainError("RECEIPT_REQUIRED", "pay.err.receiptRequired", { status: 400, path: "amount" });
    const received = receivedFen(payment.receipts);
    const outstanding = outstandingFen(payment);
    if (payment.paidAt || outstanding <= 0)
      throw new DomainError("ALREADY_PAID", "pay.err.alreadyPaid", { status: 409 });
    if (input.amountFen > outstanding)
      throw new DomainError("ABOVE_DUE", "pay.err.amountAboveDue", { status: 400, path: "amount" });
    if (input.receivedOn > chinaToday(now))
      throw new DomainError("RECEIVED_IN_FUTURE", "pay.err.dateFuture", { status: 400, path: "receivedOn" });
    if (input.receivedOn < new Date(`${isoDay(payment.license.signedAt)}T00:00:00Z`))
      throw new DomainError("RECEIVED_BEFORE_SIGNATURE", "pay.err.dateBeforeSignature", {
        status: 400,
        path: "receivedOn",
      });
    const reused = await tx.paymentReceipt.findFirst({
      where: { reference: input.reference, payment: { licenseId: payment.licenseId } },
      select: { id: true },
    });
    if (reused) throw new DomainError("REFERENCE_USED", "pay.err.referenceUsed", { status: 409, path: "reference" });
    const left = outstanding - input.amountFen;
    if (left === 0) await tx.payment.update({ where: { id: paymentId }, data: { paidAt: now } });
    const created = await tx.paymentReceipt.create({
      data: {
        paymentId,
        amountFen: input.amountFen,
        receivedOn: input.receivedOn,
        reference: input.reference,
        confirmedById: user.id,
      },
    });
    await tx.dealEvent.create({
      data: {
        licenseId: payment.licenseId,
        kind: left === 0 ? "PAID" : "PAID_IN_PART",
        at: now,
        detail: JSON.stringify({
          amountFen: input.amountFen,
          paymentId,
          receiptId: created.id,
          receivedOn: isoDay(input.receivedOn),
          reference: input.reference,
          outstandingFen: left,
        }),
      },
    });
    await notify(tx, payment.license.licenseeId, "notify.paymentConfirmed", `/payments/${payment.id}`, {
      contract: payment.license.contractNumber,
    });
    return {
      licenseId: payment.licenseId,
      receiptId: created.id,
      receivedFen: received + input.amountFen,
      outstandingFen: left,
      paid: left === 0,
    };
  });
}

/** A payment's license as its page and its overdue mail name it: contract, patent and both parties. */
const PAYMENT_LICENSE = {
  id: true,
  contractNumber: true,
  licensorId: true,
  licenseeId: true,
  patent: { select: { id: true, title: true, titleEn: true } },
  licensor: { select: { name: true, nameEn: true } },
  licensee: { select: { name: true, nameEn: true } },
} satisfies Prisma.LicenseSelect;

/** A payment for its license's parties: its receipts, what is still due, and whether this user may confirm. */
export async function getPaymentFor(user: CurrentUser, paymentId: string, now = new Date()) {
  const payment = await prisma.payment.findUnique({
    where: { id: paymentId },
    include: {
      receipts: { orderBy: { createdAt: "asc" } },
      salesReport: { select: { period: true, revenueFen: true, units: true } },
      license: { select: PAYMENT_LICENSE },
    },
  });
  if (!payment || !isParty(user, payment.license))
    throw new DomainError("NOT_FOUND", "pay.err.notFound", { status: 404 });
  const { amountFen, salesReport, ...rest } = payment;
  return {
    ...rest,
    amountFen: fenOf(amountFen),
    salesReport: salesReport && { ...salesReport, revenueFen: fenOf(salesReport.revenueFen) },
    receipts: payment.receipts.map((r) => ({
      id: r.id,
      amountFen: fenOf(r.amountFen),
      receivedOn: isoDay(r.receivedOn),
      reference: r.reference,
      createdAt: r.createdAt,
    })),
    receivedFen: receivedFen(payment.receipts),
    outstandingFen: outstandingFen(payment),
    overdue: isOverdue(payment, now),
    mayConfirm: !payment.paidAt && canManageFor(user, payment.license.licensorId),
  };
}

// ——— Sales reports ———

const PERIOD = { YEARLY: /^(\d{4})$/, QUARTERLY: /^(\d{4})-Q([1-4])$/, ONCE: /^(\d{4})$/ } as const;
type Schedule = keyof typeof PERIOD;

/** The days a period covers, [start, end) as midnight UTC of China's calendar days; null if not written right. */
export function periodDays(period: string, schedule: Schedule): { start: Date; end: Date } | null {
  const match = PERIOD[schedule].exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const quarter = match[2] ? Number(match[2]) : null;
  const monthStart = (y: number, month: number) => {
    const date = new Date(0);
    date.setUTCFullYear(y, month, 1); // not Date.UTC, which reads years 0–99 as 1900–1999
    return date;
  };
  const start = monthStart(year, quarter ? (quarter - 1) * 3 : 0);
  const end = monthStart(year, quarter ? quarter * 3 : 12);
  return { start, end };
}

/** The royalty on a period's sales, in fen, computed exactly (BigInt): refused above the cap, never overflowing. */
export function royaltyFen(
  terms: { royaltyBasisPoints?: number | null; perUnitFen?: number | null },
  report: { revenueFen: number; units: number },
): number {
  const onRevenue = (BigInt(report.revenueFen) * BigInt(terms.royaltyBasisPoints ?? 0) + 5_000n) / 10_000n;
  const onUnits = BigInt(report.units) * BigInt(terms.perUnitFen ?? 0);
  const total = onRevenue + onUnits;
  if (total > BigInt(MAX_AMOUNT_FEN))
    throw new DomainError("ROYALTY_CAP", "pay.err.royaltyCap", { status: 400, path: "units" });
  return Number(total);
}

/**
 * The licensee reports a period's sales; the royalty they owe becomes a payment due in 30 days. Only a period
 * that is over and overlaps the license's term can be reported, once.
 */
export async function reportSales(user: CurrentUser, licenseId: string, report: SalesReportInput, now = new Date()) {
  const license = await prisma.license.findUnique({ where: { id: licenseId } });
  if (!license || !isParty(user, license))
    throw new DomainError("NOT_FOUND", "pay.err.licenseNotFound", { status: 404 });
  if (user.organization?.id !== license.licenseeId)
    throw new DomainError("FORBIDDEN", "pay.err.licenseeOnly", { status: 403 });
  const input = parse(SalesReportJson, report);
  const terms = JSON.parse(license.termsSnapshot) as {
    royaltyBasisPoints?: number | null;
    perUnitFen?: number | null;
    paymentSchedule?: Schedule;
  };
  if (!terms.royaltyBasisPoints && !terms.perUnitFen)
    throw new DomainError("NO_ROYALTY", "pay.err.noRoyalty", { status: 409 });
  const schedule: Schedule =
    terms.paymentSchedule && terms.paymentSchedule in PERIOD ? terms.paymentSchedule : "YEARLY";
  const days = periodDays(input.period, schedule);
  if (!days)
    throw new DomainError("PERIOD_FORMAT", schedule === "QUARTERLY" ? "pay.err.periodQuarter" : "pay.err.periodYear", {
      status: 400,
      path: "period",
    });
  // The license runs [startsOn, endsOn]: a period sharing no day with it has no sales under it.
  if (days.end <= license.startsOn || days.start > license.endsOn)
    throw new DomainError("PERIOD_OUTSIDE_TERM", "pay.err.periodOutsideTerm", { status: 400, path: "period" });
  if (days.end > chinaToday(now))
    throw new DomainError("PERIOD_NOT_OVER", "pay.err.periodNotOver", { status: 400, path: "period" });
  if (input.units > 0 && !terms.perUnitFen && !terms.royaltyBasisPoints)
    throw new DomainError("NO_ROYALTY", "pay.err.noRoyalty", { status: 409 });
  const amountFen = royaltyFen(terms, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.salesReport.create({
        data: {
          licenseId,
          period: input.period,
          revenueFen: input.revenueFen,
          units: input.units,
          reportedById: user.id,
        },
      });
      const payment = await tx.payment.create({
        data: { licenseId, kind: "ROYALTY", amountFen, dueOn: dueAfter(now), salesReportId: created.id },
      });
      await tx.dealEvent.create({
        data: {
          licenseId,
          kind: "ROYALTY_DUE",
          at: now,
          detail: JSON.stringify({ amountFen, period: input.period, revenueFen: input.revenueFen, units: input.units }),
        },
      });
      await notify(tx, license.licensorId, "notify.salesReported", `/licenses/${licenseId}`, {
        contract: license.contractNumber,
        period: input.period,
      });
      return { ...payment, amountFen };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new DomainError("PERIOD_REPORTED", "pay.err.periodReported", { status: 409, path: "period" });
    throw error;
  }
}

/** A license's sales reports with their royalties, for its parties; and whether this user files them. */
export async function listSalesReports(user: CurrentUser, licenseId: string) {
  const license = await prisma.license.findUnique({
    where: { id: licenseId },
    select: {
      id: true,
      contractNumber: true,
      licensorId: true,
      licenseeId: true,
      startsOn: true,
      endsOn: true,
      termsSnapshot: true,
      patent: { select: { id: true, title: true, titleEn: true } },
    },
  });
  if (!license || !isParty(user, license))
    throw new DomainError("NOT_FOUND", "pay.err.licenseNotFound", { status: 404 });
  const reports = await prisma.salesReport.findMany({
    where: { licenseId },
    orderBy: { period: "desc" },
    include: { payment: { select: { id: true, amountFen: true, dueOn: true, paidAt: true } } },
  });
  const { termsSnapshot, ...rest } = license;
  const terms = JSON.parse(termsSnapshot) as {
    royaltyBasisPoints?: number | null;
    perUnitFen?: number | null;
    paymentSchedule?: string;
    minimumAnnualRoyaltyFen?: number | null;
  };
  const shortfalls = await prisma.payment.findMany({
    where: { licenseId, kind: "MINIMUM_ROYALTY" },
    orderBy: { dueOn: "asc" },
    select: { id: true, amountFen: true, dueOn: true, paidAt: true },
  });
  return {
    license: rest,
    terms: {
      royaltyBasisPoints: terms.royaltyBasisPoints ?? null,
      perUnitFen: terms.perUnitFen ?? null,
      paymentSchedule: terms.paymentSchedule ?? "YEARLY",
      minimumAnnualRoyaltyFen: terms.minimumAnnualRoyaltyFen ?? null,
    },
    /** the minimum royalty's shortfalls scheduled so far, one per contract year that fell short */
    shortfalls: shortfalls.map((shortfall) => ({ ...shortfall, amountFen: fenOf(shortfall.amountFen) })),
    hasRoyalty: Boolean(terms.royaltyBasisPoints || terms.perUnitFen),
    mayReport: user.organization?.id === license.licenseeId,
    reports: reports.map((r) => ({
      id: r.id,
      period: r.period,
      revenueFen: fenOf(r.revenueFen),
      units: r.units,
      createdAt: r.createdAt,
      payment: r.payment && { ...r.payment, amountFen: fenOf(r.payment.amountFen) },
    })),
  };
}

// ——— Minimum annual royalty ———

/** The license's contract years: [start, end) from its start, twelve months each, the last one ending with it. */
export function licenseYears(license: {
  startsOn: Date;
  endsOn: Date;
}): Array<{ year: number; start: Date; end: Date }> {
  const years: Array<{ year: number; start: Date; end: Date }> = [];
  for (let year = 1; ; year++) {
    const start = addMonths(license.startsOn, 12 * (year - 1));
    if (start >= license.endsOn) return years;
    const end = addMonths(license.startsOn, 12 * year);
    years.push({ year, start, end: end < license.endsOn ? end : license.endsOn });
  }
}

/**
 * The minimum annual royalty, when the agreed terms have one: once a contract year is over and the 30 days to report
 * its last period have passed, the royalties reported for it (a report counts in the year its period's last day
 * falls in) are compared with the minimum, and the shortfall becomes a payment of its own (MINIMUM_ROYALTY), due
 * 30 days later, like a royalty on a report filed that day. A partial last year
 * owes the whole minimum, as the contract's cost summary counts it. Once per license and year: the patent's turn
 * serialises two runs, and an existing row for the year is kept. Returns the payments created.
 */
export async function scheduleMinimumRoyalties(now = new Date(), licenseId?: string) {
  const licenses = await prisma.license.findMany({
    where: {
      ...(licenseId ? { id: licenseId } : {}),
      termsSnapshot: { contains: "minimumAnnualRoyaltyFen" },
      startsOn: { lte: now },
    },
    select: { id: true, patentId: true, startsOn: true, endsOn: true, termsSnapshot: true },
  });
  const created: Array<{ licenseId: string; year: number; amountFen: number; paymentId: string }> = [];
  for (const license of licenses) {
    const terms = JSON.parse(license.termsSnapshot) as {
      minimumAnnualRoyaltyFen?: number | null;
      paymentSchedule?: Schedule;
    };
    const minimumFen = terms.minimumAnnualRoyaltyFen ?? 0;
    if (minimumFen <= 0) continue;
    const schedule: Schedule =
      terms.paymentSchedule && terms.paymentSchedule in PERIOD ? terms.paymentSchedule : "YEARLY";
    for (const { year, start, end } of licenseYears(license)) {
      const settledOn = dueAfter(end);
      if (settledOn > now) break;
      const dueOn = dueAfter(settledOn);
      const payment = await prisma.$transaction(async (tx) => {
        await takeTurn(tx, patentTurn(license.patentId));
        const settled = await tx.payment.findFirst({
          where: { licenseId: license.id, kind: "MINIMUM_ROYALTY", dueOn },
          select: { id: true },
        });
        if (settled) return null;
        const reports = await tx.salesReport.findMany({
          where: { licenseId: license.id },
          select: { period: true, payment: { select: { amountFen: true } } },
        });
        const reportedFen = reports.reduce((sum, report) => {
          const days = periodDays(report.period, schedule);
          const lastDay = days ? new Date(days.end.getTime() - DAY_MS) : null;
          return lastDay && lastDay >= start && lastDay < end ? sum + fenOf(report.payment?.amountFen ?? 0n) : sum;
        }, 0);
        const shortfallFen = minimumFen - reportedFen;
        // A year whose royalties reached the minimum owes nothing more; the row is not written, so a later run checks again.
        if (shortfallFen <= 0) return null;
        const row = await tx.payment.create({
          data: { licenseId: license.id, kind: "MINIMUM_ROYALTY", amountFen: shortfallFen, dueOn },
        });
        await tx.dealEvent.create({
          data: {
            licenseId: license.id,
            kind: "MINIMUM_ROYALTY_DUE",
            at: now,
            detail: JSON.stringify({
              paymentId: row.id,
              year,
              from: isoDay(start),
              to: isoDay(end),
              minimumFen,
              reportedFen,
              amountFen: shortfallFen,
              dueOn: isoDay(dueOn),
            }),
          },
        });
        return { licenseId: license.id, year, amountFen: shortfallFen, paymentId: row.id };
      });
      if (payment) created.push(payment);
    }
  }
  return created;
}

// ——— Overdue payments ———

/**
 * Mails both sides of every license with a payment past due, once per payment: the payment is marked in the same
 * transaction as its mails are put in the outbox, and only a payment not yet marked is taken, so a second run (or
 * a second server running it at the same moment) sends nothing more. Returns how many payments were announced.
 */
export async function mailOverduePayments(now = new Date(), limit = 200): Promise<number> {
  const due = await prisma.payment.findMany({
    where: { paidAt: null, overdueNoticeAt: null, dueOn: { lt: now } },
    orderBy: { dueOn: "asc" },
    take: limit,
    include: {
      receipts: { select: { amountFen: true } },
      license: { select: PAYMENT_LICENSE },
    },
  });
  let announced = 0;
  for (const payment of due) {
    const sent = await prisma.$transaction(async (tx) => {
      const claimed = await tx.payment.updateMany({
        where: { id: payment.id, paidAt: null, overdueNoticeAt: null },
        data: { overdueNoticeAt: now },
      });
      if (claimed.count === 0) return false;
      const { license } = payment;
      const stillDueFen = outstandingFen(payment);
      const members = await tx.user.findMany({
        where: { organizationId: { in: [license.licensorId, license.licenseeId] }, deactivatedAt: null },
        select: { email: true },
      });
      const link = `${publicUrl()}/payments/${payment.id}`;
      const subject = `付款逾期 / Payment overdue: ${license.contractNumber}`;
      const body = [
        `合同 ${license.contractNumber}（${license.patent.title}）项下的一笔付款已逾期。`,
        `许可人：${license.licensor.name}；被许可人：${license.licensee.name}`,
        `应付 ${formatFen(fenOf(payment.amountFen), "zh")}，尚欠 ${formatFen(stillDueFen, "zh")}，到期日 ${isoDay(payment.dueOn)}。`,
        `被许可人请尽快付款；许可人收到款项后请在平台确认收款（金额、日期、凭证号）：${link}`,
        "",
        `A payment under contract ${license.contractNumber} (${license.patent.titleEn ?? license.patent.title}) is overdue.`,
        `Licensor: ${license.licensor.nameEn ?? license.licensor.name}; licensee: ${license.licensee.nameEn ?? license.licensee.name}`,
        `Amount ${formatFen(fenOf(payment.amountFen), "en")}, still due ${formatFen(stillDueFen, "en")}, due on ${isoDay(payment.dueOn)}.`,
        `The licensee should pay it; once the licensor has received it, it confirms the receipt (amount, day, voucher) on the platform: ${link}`,
      ].join("\n");
      for (const { email } of members) await sendMail(tx, { to: email, subject, body });
      await tx.dealEvent.create({
        data: {
          licenseId: license.id,
          kind: "OVERDUE_NOTICE",
          at: now,
          detail: JSON.stringify({ paymentId: payment.id, amountFen: stillDueFen, recipients: members.length }),
        },
      });
      return true;
    });
    if (sent) announced++;
  }
  return announced;
}
