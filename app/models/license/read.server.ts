// Reading licenses: one license for its parties, the public check of a contract, and the lists (a company's own,
// the ones a university granted, all for administrators), paged, searched, filtered and sorted in the database.
// A license's status follows from its dates and payments (./status.ts).
import type { LicenseKind, Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { fenOf } from "~/lib/money";
import { dayAfter, readPage, type ListQuery } from "~/lib/paging";
import { containsText, searchWords } from "~/lib/text-match.server";
import type { ContractTerms } from "~/models/contract/contract.server";
import { isOverdue } from "~/models/payment/payment.server";
import { licenseStatus, licenseStatusWhere, type LicenseStatus } from "./status";

export const LICENSE_SORTS = ["signedAt", "endsOn", "contractNumber", "patent", "counterparty", "kind"] as const;
export type LicenseSort = (typeof LICENSE_SORTS)[number];

export interface LicenseListQuery extends ListQuery<LicenseSort> {
  status?: LicenseStatus;
  kind?: LicenseKind;
  patentId?: number;
  /** signed on or after this day */
  from?: Date;
  /** signed on or before this day */
  to?: Date;
}

/** Which side of a license the user's organisation is on: the licensee for a company, the licensor for a university. */
function sideOf(user: CurrentUser): Prisma.LicenseWhereInput {
  if (user.role === "ADMIN") return {};
  return user.role === "SME"
    ? { licenseeId: user.organization?.id ?? "-" }
    : { licensorId: user.organization?.id ?? "-" };
}

/** What a list shows of a license, beside its patent. */
const LISTED = {
  id: true,
  contractNumber: true,
  kind: true,
  signedAt: true,
  startsOn: true,
  endsOn: true,
  valueFen: true,
  licensor: { select: { name: true, nameEn: true } },
  licensee: { select: { name: true, nameEn: true } },
  payments: { select: { kind: true, paidAt: true, dueOn: true } },
} as const;

/** A listed license with its status and whether a payment is overdue, read from its payments. */
function withStatus<
  T extends { endsOn: Date; valueFen: bigint; payments: Array<{ kind: string; paidAt: Date | null; dueOn: Date }> },
>({ payments, valueFen, ...license }: T, now: Date) {
  const status = licenseStatus({ endsOn: license.endsOn, payments }, now);
  return {
    ...license,
    valueFen: fenOf(valueFen),
    status,
    overdue: payments.some((payment) => isOverdue(payment, now)),
  };
}

/** One page of the licenses the user may see, with the total that match. */
export async function listLicensesPage(
  user: CurrentUser,
  query: LicenseListQuery,
  now = new Date(),
  pageSize?: number,
) {
  const counterparty = user.role === "SME" ? "licensor" : "licensee";
  const words = searchWords(query.q).map((word): Prisma.LicenseWhereInput => ({
    OR: [
      { contractNumber: containsText(word) },
      {
        patent: {
          OR: [
            { title: containsText(word) },
            { titleEn: containsText(word) },
            { applicationNumber: containsText(word) },
          ],
        },
      },
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
      query.from || query.to
        ? { signedAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: dayAfter(query.to) } : {}) } }
        : {},
    ],
  };
  const direction = query.dir;
  const orderBy: Prisma.LicenseOrderByWithRelationInput =
    query.sort === "patent"
      ? { patent: { title: direction } }
      : query.sort === "counterparty"
        ? { [counterparty]: { name: direction } }
        : { [query.sort]: direction };
  const { rows: licenses, ...paging } = await readPage(
    query.page,
    pageSize,
    () => prisma.license.count({ where }),
    (window) =>
      prisma.license.findMany({
        where,
        // The contract number last: rows never swap places between two pages.
        orderBy: [orderBy, { contractNumber: "asc" }],
        ...window,
        select: { ...LISTED, patent: { select: { id: true, title: true, titleEn: true, applicationNumber: true } } },
      }),
  );
  return { ...paging, licenses: licenses.map((license) => withStatus(license, now)) };
}

/** A license, for its parties and administrators only: to anyone else it does not exist (404). */
export async function getLicenseFor(user: CurrentUser, licenseId: string, now = new Date()) {
  const license = await prisma.license.findUnique({
    where: { id: licenseId },
    include: {
      events: { orderBy: { at: "asc" } },
      payments: {
        orderBy: { dueOn: "asc" },
        include: { salesReport: { select: { period: true, revenueFen: true, units: true } } },
      },
      patent: { select: { id: true, applicationNumber: true, title: true, titleEn: true } },
      licensor: { select: { id: true, name: true, nameEn: true } },
      licensee: { select: { id: true, name: true, nameEn: true } },
    },
  });
  const isParty =
    license &&
    (user.role === "ADMIN" ||
      user.organization?.id === license.licenseeId ||
      user.organization?.id === license.licensorId);
  if (!license || !isParty) throw new DomainError("NOT_FOUND", "license.err.notFound", { status: 404 });
  const { contractText: text, events, termsSnapshot, payments, valueFen, ...rest } = license;
  return {
    ...rest,
    valueFen: fenOf(valueFen),
    status: licenseStatus(license, now),
    payments: payments.map(({ amountFen, salesReport, ...payment }) => ({
      ...payment,
      amountFen: fenOf(amountFen),
      salesReport: salesReport && { ...salesReport, revenueFen: fenOf(salesReport.revenueFen) },
      overdue: isOverdue(payment, now),
    })),
    terms: JSON.parse(termsSnapshot) as ContractTerms,
    contractText: text,
    history: events.map((event) => ({
      kind: event.kind,
      at: event.at,
      detail: JSON.parse(event.detail) as Record<string, unknown>,
    })),
  };
}

/** The licenses a user's organisation holds (an SME) or granted (a university); all for administrators. */
export async function listLicensesFor(
  user: CurrentUser,
  filter: { status?: LicenseStatus; patentId?: number } = {},
  now = new Date(),
) {
  const licenses = await prisma.license.findMany({
    where: { ...sideOf(user), ...(filter.patentId ? { patentId: filter.patentId } : {}) },
    orderBy: { signedAt: "desc" },
    take: 500,
    select: { ...LISTED, patent: { select: { id: true, title: true, titleEn: true } } },
  });
  return licenses
    .map((license) => withStatus(license, now))
    .filter((license) => !filter.status || license.status === filter.status);
}
