// A license's status follows from its dates and payments (nothing stored): licenseStatus reads it from a license
// and its payments, licenseStatusWhere is the same rule written as a query.
import type { Prisma } from "~/generated/prisma/client";

export type LicenseStatus = "AWAITING_PAYMENT" | "ACTIVE" | "ENDED";

/** A license's status follows from its dates and payments: awaiting payment while the fee due on signature
 * is unpaid, ended after its term. */
export function licenseStatus(
  license: { endsOn: Date; payments: Array<{ kind: string; paidAt: Date | null }> },
  now = new Date(),
): LicenseStatus {
  if (license.endsOn <= now) return "ENDED";
  return license.payments.some((payment) => payment.kind === "UP_FRONT" && !payment.paidAt)
    ? "AWAITING_PAYMENT"
    : "ACTIVE";
}

const UNPAID_UP_FRONT: Prisma.PaymentWhereInput = { kind: "UP_FRONT", paidAt: null };

/** licenseStatus as a where clause: ended after its term, else awaiting payment while an up-front fee is unpaid. */
export function licenseStatusWhere(status: LicenseStatus, now: Date): Prisma.LicenseWhereInput {
  if (status === "ENDED") return { endsOn: { lte: now } };
  return {
    endsOn: { gt: now },
    payments: status === "AWAITING_PAYMENT" ? { some: UNPAID_UP_FRONT } : { none: UNPAID_UP_FRONT },
  };
}
