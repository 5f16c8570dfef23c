// Money under a license, in integer fen: the fee due on signature, running royalties computed from the sales
// the licensee reports each period, their due dates, and overdue flags.
import type { Prisma } from "~/generated/prisma/client";
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { notify } from "./notification.server";

const PAYMENT_DAYS = 30;
const dueAfter = (from: Date) => new Date(from.getTime() + PAYMENT_DAYS * 86_400_000);

/** The fee due on signature (lump sum or entry fee), payable within 30 days. */
export async function scheduleUpFront(tx: Prisma.TransactionClient, licenseId: string, amountFen: number, now: Date): Promise<void> {
  if (amountFen <= 0) return;
  await tx.payment.create({ data: { licenseId, kind: "UP_FRONT", amountFen, dueOn: dueAfter(now) } });
  await tx.dealEvent.create({ data: { licenseId, kind: "PAYMENT_DUE", at: now, detail: JSON.stringify({ amountFen, dueOn: dueAfter(now).toISOString().slice(0, 10) }) } });
}

export function isOverdue(payment: { paidAt: Date | null; dueOn: Date }, now = new Date()): boolean {
  return !payment.paidAt && payment.dueOn < now;
}

/** The licensor confirms a payment it received. */
export async function confirmPayment(user: CurrentUser, paymentId: string, now = new Date()): Promise<{ licenseId: string }> {
  return prisma.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({ where: { id: paymentId }, include: { license: { select: { id: true, licensorId: true, licenseeId: true, contractNumber: true } } } });
    const party = payment && (user.role === "ADMIN" || [payment.license.licensorId, payment.license.licenseeId].includes(user.organization?.id ?? ""));
    if (!payment || !party) throw new DomainError("NOT_FOUND", "No payment with this id.", { status: 404 });
    if (!canManageFor(user, payment.license.licensorId)) throw new DomainError("FORBIDDEN", "Only the licensor confirms a payment it received.", { status: 403 });
    // Checked and written in one transaction: a second confirmation finds it paid.
    if (payment.paidAt) throw new DomainError("ALREADY_PAID", "This payment is already confirmed.", { status: 409 });
    await tx.payment.update({ where: { id: paymentId }, data: { paidAt: now, confirmedById: user.id } });
    await tx.dealEvent.create({ data: { licenseId: payment.licenseId, kind: "PAID", at: now, detail: JSON.stringify({ amountFen: payment.amountFen, paymentId }) } });
    await notify(tx, payment.license.licenseeId, "notify.paymentConfirmed", `/licenses/${payment.licenseId}`, { contract: payment.license.contractNumber });
    return { licenseId: payment.licenseId };
  });
}

const PERIOD = { YEARLY: /^\d{4}$/, QUARTERLY: /^\d{4}-Q[1-4]$/, ONCE: /^\d{4}$/ } as const;

/** The licensee reports a period's sales; the royalty they owe becomes a payment due in 30 days. */
export async function reportSales(user: CurrentUser, licenseId: string, report: { period: string; revenueFen: number; units: number }, now = new Date()) {
  const license = await prisma.license.findUnique({ where: { id: licenseId } });
  if (!license || !(user.role === "ADMIN" || [license.licensorId, license.licenseeId].includes(user.organization?.id ?? ""))) {
    throw new DomainError("NOT_FOUND", "No license with this id.", { status: 404 });
  }
  if (user.organization?.id !== license.licenseeId) throw new DomainError("FORBIDDEN", "The licensee reports its own sales.", { status: 403 });
  const terms = JSON.parse(license.termsSnapshot) as { royaltyBasisPoints?: number | null; perUnitFen?: number | null; paymentSchedule?: keyof typeof PERIOD };
  if (!terms.royaltyBasisPoints && !terms.perUnitFen) throw new DomainError("NO_ROYALTY", "This license has no running royalty to report sales for.", { status: 409 });
  const pattern = PERIOD[terms.paymentSchedule ?? "YEARLY"];
  if (!pattern.test(report.period)) {
    throw new DomainError("PERIOD", terms.paymentSchedule === "QUARTERLY" ? "A quarter is written like 2026-Q2." : "A year is written like 2026.", { status: 400, path: "period" });
  }
  const amountFen = Math.round((report.revenueFen * (terms.royaltyBasisPoints ?? 0)) / 10_000) + report.units * (terms.perUnitFen ?? 0);
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.salesReport.create({ data: { licenseId, period: report.period, revenueFen: report.revenueFen, units: report.units, reportedById: user.id } });
      const payment = await tx.payment.create({ data: { licenseId, kind: "ROYALTY", amountFen, dueOn: dueAfter(now), salesReportId: created.id } });
      await tx.dealEvent.create({ data: { licenseId, kind: "ROYALTY_DUE", at: now, detail: JSON.stringify({ amountFen, period: report.period, revenueFen: report.revenueFen }) } });
      await notify(tx, license.licensorId, "notify.salesReported", `/licenses/${licenseId}`, { contract: license.contractNumber, period: report.period });
      return payment;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DomainError("PERIOD_REPORTED", "Sales for this period are already reported.", { status: 409, path: "period" });
    throw error;
  }
}
