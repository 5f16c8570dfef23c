// The lists of licenses: a company's own, the ones a university granted, all for administrators; paged,
// searched, filtered and sorted in the database. A license's status follows from its dates and payments
// (licenseStatus in open-license.server.ts); licenseStatusWhere is the same rule written as a query.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { dayAfter, pageWindow, type ListQuery } from "~/lib/paging";
import { containsText, searchWords } from "~/lib/text-match.server";
import { licenseStatus, type LicenseStatus } from "./open-license.server";
import { isOverdue } from "./payment.server";

export const LICENSE_SORTS = ["signedAt", "endsOn", "contractNumber", "patent", "counterparty", "kind"] as const;
export type LicenseSort = (typeof LICENSE_SORTS)[number];

export interface LicenseListQuery extends ListQuery<LicenseSort> {
  status?: LicenseStatus;
  kind?: string;
  patentId?: number;
  /** signed on or after this day */
  from?: Date;
  /** signed on or before this day */
  to?: Date;
}

const UNPAID_UP_FRONT: Prisma.PaymentWhereInput = { kind: "UP_FRONT", paidAt: null };

/** licenseStatus as a where clause: ended after its term, else awaiting payment while an up-front fee is unpaid. */
export function licenseStatusWhere(status: LicenseStatus, now: Date): Prisma.LicenseWhereInput {
  if (status === "ENDED") return { endsOn: { lte: now } };
  return { endsOn: { gt: now }, payments: status === "AWAITING_PAYMENT" ? { some: UNPAID_UP_FRONT } : { none: UNPAID_UP_FRONT } };
}

/** Which side of a license the user's organisation is on: the licensee for a company, the licensor for a university. */
function sideOf(user: CurrentUser): Prisma.LicenseWhereInput {
  if (user.role === "ADMIN") return {};
  return user.role === "SME" ? { licenseeId: user.organization?.id ?? "-" } : { licensorId: user.organization?.id ?? "-" };
}

/** One page of the licenses the user may see, with the total that match. */
export async function listLicensesPage(user: CurrentUser, query: LicenseListQuery, now = new Date(), pageSize?: number) {
  const counterparty = user.role === "SME" ? "licensor" : "licensee";
  const words = searchWords(query.q).map((word): Prisma.LicenseWhereInput => ({
    OR: [
      { contractNumber: containsText(word) },
      { patent: { OR: [{ title: containsText(word) }, { titleEn: containsText(word) }, { applicationNumber: containsText(word) }] } },
      { [counterparty]: { OR: [{ name: containsText(word) }, { nameEn: containsText(word) }] } },
    ],
  }));
  const where: Prisma.LicenseWhereInput = {
    AND: [
      sideOf(user),
      ...words,
      query.patentId ? { patentId: query.patentId } : {},
      query.kind ? { kind: query.kind } : {},
      query.status ? licenseStatusWhere(query.status, now) : {},
      query.from || query.to ? { signedAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: dayAfter(query.to) } : {}) } } : {},
    ],
  };
  const direction = query.dir;
  const orderBy: Prisma.LicenseOrderByWithRelationInput =
    query.sort === "patent" ? { patent: { title: direction } }
    : query.sort === "counterparty" ? { [counterparty]: { name: direction } }
    : { [query.sort]: direction };
  const total = await prisma.license.count({ where });
  const window = pageWindow(query.page, total, pageSize);
  const licenses = await prisma.license.findMany({
    where,
    // The contract number last: rows never swap places between two pages.
    orderBy: [orderBy, { contractNumber: "asc" }],
    skip: window.skip,
    take: window.take,
    select: {
      id: true, contractNumber: true, kind: true, signedAt: true, startsOn: true, endsOn: true, valueFen: true,
      patent: { select: { id: true, title: true, titleEn: true, applicationNumber: true } },
      licensor: { select: { name: true, nameEn: true } },
      licensee: { select: { name: true, nameEn: true } },
      payments: { select: { kind: true, paidAt: true, dueOn: true } },
    },
  });
  return {
    total,
    page: window.page,
    pages: window.pages,
    licenses: licenses.map(({ payments, ...license }) => ({
      ...license,
      status: licenseStatus({ endsOn: license.endsOn, payments }, now),
      overdue: payments.some((payment) => isOverdue(payment, now)),
    })),
  };
}
