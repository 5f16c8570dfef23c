// Where each user starts after signing in: what waits for them, by role. University staff see the deals on
// their move, the payments to confirm, imports under way, patents not yet assessed and their university's
// figures; companies their licenses, negotiations, payments due, proposals for their needs and new hits of
// their saved searches; administrators the organisations to verify, unusual activity and the month's figures.
// Everything is derived from the existing tables and scoped to the user's own organisation.
import { Prisma, type LicenseKind } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { fenOf } from "~/lib/money";
import { currentMatchCount } from "./alerts.server";
import { awaiting, LISTED_DEAL, nextMoveOf, type DealMove } from "./deal/deal.server";
import { licenseStatus, type LicenseStatus } from "./license/status";
import { notificationValues } from "./notification.server";
import { LISTED_ORGANIZATION } from "./organization/organization.server";
import { isOverdue, outstandingFen } from "./payment/payment.server";

/** How many items a block lists; its count and link lead to the rest. */
export const BLOCK_ITEMS = 5;
const DAY_MS = 86_400_000;

/** Unusual activity: this many failed sign-ins on one account, or from one address, within the window. */
export const UNUSUAL = { windowHours: 24, failuresPerAccount: 5, failuresPerAddress: 10, failedImportDays: 7 } as const;

type Name = { name: string; nameEn: string | null };
type Title = { title: string; titleEn: string | null };

export interface Block<T> {
  total: number;
  items: T[];
}

/** Whose move a deal waits for, and which step. */

export interface DealItem {
  id: string;
  kind: string;
  status: string;
  move: DealMove | null;
  patent: Title & { id: number };
  counterparty: Name;
  updatedAt: Date;
}

export interface PaymentGroup {
  licenseId: string;
  contractNumber: string;
  patent: Title;
  counterparty: Name;
  payments: number;
  amountFen: number;
  firstDueOn: Date;
  overdue: number;
}

export interface PaymentItem {
  id: string;
  licenseId: string;
  contractNumber: string;
  kind: string;
  amountFen: number;
  dueOn: Date;
  overdue: boolean;
  patent: Title;
  counterparty: Name;
}

/** Figures of a period: licenses granted (or taken) and assignments, their contracted value. */
export interface PeriodFigures {
  from: string;
  /** the last day counted, inclusive */
  to: string;
  /** false for a period still running (this year or month to date) */
  complete: boolean;
  licenses: number;
  transfers: number;
  valueFen: number;
}

export interface StaffDashboard {
  role: "UNIVERSITY_STAFF";
  organization: Name;
  dealsAwaiting: Block<DealItem>;
  paymentsToConfirm: Block<PaymentGroup> & { payments: number; amountFen: number; overdue: number };
  importsInProgress: Block<{
    id: string;
    fileName: string;
    status: string;
    rowsRead: number;
    toAdd: number;
    toUpdate: number;
    rejected: number;
    createdAt: Date;
  }>;
  unassessed: Block<Title & { id: number; applicationNumber: string; filingDate: Date }>;
  figures: {
    thisYear: PeriodFigures;
    lastYear: PeriodFigures;
    openLicensePatents: number;
    transferablePatents: number;
    patents: number;
  };
}

export interface CompanyDashboard {
  role: "SME";
  organization: Name & { verified: boolean };
  licenses: Block<{
    id: string;
    contractNumber: string;
    kind: LicenseKind;
    status: LicenseStatus;
    signedAt: Date;
    patent: Title;
    counterparty: Name;
  }> & { active: number };
  negotiations: Block<DealItem> & { yourMove: number };
  paymentsDue: Block<PaymentItem> & { amountFen: number; overdue: number };
  needs: Block<{ id: string; title: string; proposals: number; newProposals: number; createdAt: Date }> & {
    newProposals: number;
  };
  savedSearches: Block<{ id: string; name: string; query: string; hits: number; newHits: number }> & {
    newHits: number;
  };
}

export interface AdminDashboard {
  role: "ADMIN";
  toVerify: Block<Name & { id: string; kind: string; creditCode: string; createdAt: Date; members: number }>;
  unusual: {
    /** the thresholds that make activity unusual, for the page to state */
    rule: typeof UNUSUAL;
    since: Date;
    accounts: Array<{ email: string; failures: number; last: Date }>;
    addresses: Array<{ ip: string; failures: number; accounts: number; last: Date }>;
    failedImports: Array<{ id: string; fileName: string; error: string | null; organization: Name; at: Date }>;
    total: number;
  };
  month: {
    current: MonthFigures;
    previous: MonthFigures;
  };
}

export interface MonthFigures extends PeriodFigures {
  organizationsJoined: number;
  organizationsVerified: number;
  signIns: number;
  needsPosted: number;
}

export type Dashboard = StaffDashboard | CompanyDashboard | AdminDashboard;

/** A calendar year (UTC) as a range, cut at `now` when it is still running. */
function yearRange(year: number, now: Date) {
  const from = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  const until = end > now ? now : end;
  return { from, until, complete: end <= now };
}

function monthRange(year: number, month: number, now: Date) {
  const from = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(year, month + 1, 1));
  const until = end > now ? now : end;
  return { from, until, complete: end <= now };
}

async function dealFigures(
  range: { from: Date; until: Date; complete: boolean },
  side: { licensorId?: string; assignorId?: string },
): Promise<PeriodFigures> {
  const signedAt = { gte: range.from, lt: range.until };
  const [licenses, transfers] = await Promise.all([
    prisma.license.aggregate({
      where: { signedAt, ...(side.licensorId ? { licensorId: side.licensorId } : {}) },
      _count: { _all: true },
      _sum: { valueFen: true },
    }),
    prisma.transfer.aggregate({
      where: { signedAt, ...(side.assignorId ? { assignorId: side.assignorId } : {}) },
      _count: { _all: true },
      _sum: { priceFen: true },
    }),
  ]);
  return {
    from: isoDay(range.from),
    to: isoDay(new Date(range.until.getTime() - (range.complete ? DAY_MS : 0))),
    complete: range.complete,
    licenses: licenses._count._all,
    transfers: transfers._count._all,
    valueFen: fenOf(licenses._sum.valueFen ?? 0n) + fenOf(transfers._sum.priceFen ?? 0n),
  };
}

/** A university's patents, how many are transferable and how many await assessment, in one pass over its own
 * patents (counted separately, "transferable" went through the pool-wide index: 0.8 s for 重庆大学). */
async function patentCounts(
  universityId: string,
): Promise<{ patents: number; transferable: number; unassessed: number }> {
  const [row] = await prisma.$queryRaw<
    Array<{ patents: bigint | number; transferable: bigint | number | null; unassessed: bigint | number | null }>
  >(Prisma.sql`
    SELECT COUNT(*) AS "patents",
      SUM(CASE WHEN p."transferable" THEN 1 ELSE 0 END) AS "transferable",
      SUM(CASE WHEN p."assessedAt" IS NULL THEN 1 ELSE 0 END) AS "unassessed"
    FROM "Patent" p WHERE p."ownerId" = ${universityId}`);
  return {
    patents: Number(row?.patents ?? 0),
    transferable: Number(row?.transferable ?? 0),
    unassessed: Number(row?.unassessed ?? 0),
  };
}

function dealItem(deal: Prisma.DealGetPayload<{ select: typeof LISTED_DEAL }>, side: "REQUESTER" | "OWNER"): DealItem {
  return {
    id: deal.id,
    kind: deal.kind,
    status: deal.status,
    move: nextMoveOf(deal, side),
    patent: deal.patent,
    updatedAt: deal.updatedAt,
    counterparty: side === "OWNER" ? deal.requester : deal.owner,
  };
}

/** University staff: their own university's work, nothing of another's. */
export async function staffDashboard(user: CurrentUser, now = new Date()): Promise<StaffDashboard> {
  if (user.role !== "UNIVERSITY_STAFF" || !user.organization)
    throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const universityId = user.organization.id;
  const dealsWhere: Prisma.DealWhereInput = { ownerId: universityId, ...awaiting("OWNER") };
  const unpaid: Prisma.PaymentWhereInput = { paidAt: null, license: { licensorId: universityId } };
  const importsWhere = { organizationId: universityId, status: { in: ["ANALYSING", "READY", "IMPORTING"] } };
  const unassessedWhere = { ownerId: universityId, assessedAt: null };
  const year = now.getUTCFullYear();
  const side = { licensorId: universityId, assignorId: universityId };
  const [dealsTotal, deals, unpaidPayments, importsTotal, imports, counts, thisYear, lastYear, openLicensePatents] =
    await Promise.all([
      prisma.deal.count({ where: dealsWhere }),
      prisma.deal.findMany({
        where: dealsWhere,
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: BLOCK_ITEMS,
        select: LISTED_DEAL,
      }),
      prisma.payment.findMany({
        where: unpaid,
        select: { licenseId: true, amountFen: true, dueOn: true, receipts: { select: { amountFen: true } } },
      }),
      prisma.patentImport.count({ where: importsWhere }),
      prisma.patentImport.findMany({
        where: importsWhere,
        orderBy: { createdAt: "desc" },
        take: BLOCK_ITEMS,
        select: {
          id: true,
          fileName: true,
          status: true,
          rowsRead: true,
          toAdd: true,
          toUpdate: true,
          rejected: true,
          createdAt: true,
        },
      }),
      patentCounts(universityId),
      dealFigures(yearRange(year, now), side),
      dealFigures(yearRange(year - 1, now), side),
      prisma.patent.count({ where: { ownerId: universityId, declarations: { some: { status: "ACTIVE" } } } }),
    ]);
  // Most universities have assessed everything: the list is read only when something awaits.
  const unassessed =
    counts.unassessed === 0
      ? []
      : await prisma.patent.findMany({
          where: unassessedWhere,
          orderBy: [{ filingDate: "desc" }, { id: "desc" }],
          take: BLOCK_ITEMS,
          select: { id: true, applicationNumber: true, title: true, titleEn: true, filingDate: true },
        });
  // Per contract: its unpaid payments, what is still outstanding on them (less any part already received) and the
  // first due date; oldest due first, as what has waited longest is confirmed first.
  const byLicense = new Map<
    string,
    { licenseId: string; payments: number; amountFen: number; firstDueOn: Date; overdue: number }
  >();
  for (const payment of unpaidPayments) {
    const group = byLicense.get(payment.licenseId) ?? {
      licenseId: payment.licenseId,
      payments: 0,
      amountFen: 0,
      firstDueOn: payment.dueOn,
      overdue: 0,
    };
    group.payments += 1;
    group.amountFen += outstandingFen(payment);
    if (payment.dueOn < group.firstDueOn) group.firstDueOn = payment.dueOn;
    if (isOverdue({ paidAt: null, dueOn: payment.dueOn }, now)) group.overdue += 1;
    byLicense.set(payment.licenseId, group);
  }
  const groups = [...byLicense.values()].sort(
    (a, b) => a.firstDueOn.getTime() - b.firstDueOn.getTime() || a.licenseId.localeCompare(b.licenseId),
  );
  const shown = groups.slice(0, BLOCK_ITEMS);
  const licenses = await prisma.license.findMany({
    where: { id: { in: shown.map((group) => group.licenseId) } },
    select: {
      id: true,
      contractNumber: true,
      patent: { select: { title: true, titleEn: true } },
      licensee: { select: { name: true, nameEn: true } },
    },
  });
  const licenseById = new Map(licenses.map((license) => [license.id, license]));
  return {
    role: "UNIVERSITY_STAFF",
    organization: { name: user.organization.name, nameEn: user.organization.nameEn },
    dealsAwaiting: { total: dealsTotal, items: deals.map((deal) => dealItem(deal, "OWNER")) },
    paymentsToConfirm: {
      total: groups.length,
      payments: groups.reduce((sum, group) => sum + group.payments, 0),
      amountFen: groups.reduce((sum, group) => sum + group.amountFen, 0),
      overdue: groups.reduce((sum, group) => sum + group.overdue, 0),
      items: shown.map((group) => {
        const license = licenseById.get(group.licenseId)!;
        return {
          ...group,
          contractNumber: license.contractNumber,
          patent: license.patent,
          counterparty: license.licensee,
        };
      }),
    },
    importsInProgress: { total: importsTotal, items: imports },
    unassessed: { total: counts.unassessed, items: unassessed },
    figures: {
      thisYear,
      lastYear,
      openLicensePatents,
      transferablePatents: counts.transferable,
      patents: counts.patents,
    },
  };
}

const SEARCH_ALERTS = ["notify.alertNewMatches", "notify.alertChanged"];

/** Companies: their own licenses, negotiations, payments, needs and saved searches. */
export async function companyDashboard(user: CurrentUser, now = new Date()): Promise<CompanyDashboard> {
  if (user.role !== "SME" || !user.organization) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const companyId = user.organization.id;
  const negotiationsWhere: Prisma.DealWhereInput = {
    requesterId: companyId,
    status: { in: ["NEGOTIATING", "AGREED"] },
  };
  const dueWhere: Prisma.PaymentWhereInput = { paidAt: null, license: { licenseeId: companyId } };
  const needsWhere = { organizationId: companyId, status: "OPEN" };
  const [
    licensesTotal,
    licenses,
    negotiationsTotal,
    yourMove,
    negotiations,
    unpaid,
    needsTotal,
    needs,
    savedTotal,
    saved,
    unreadAlerts,
  ] = await Promise.all([
    prisma.license.count({ where: { licenseeId: companyId } }),
    prisma.license.findMany({
      where: { licenseeId: companyId },
      orderBy: [{ signedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        contractNumber: true,
        kind: true,
        signedAt: true,
        endsOn: true,
        patent: { select: { title: true, titleEn: true } },
        licensor: { select: { name: true, nameEn: true } },
        payments: { select: { kind: true, paidAt: true } },
      },
    }),
    prisma.deal.count({ where: negotiationsWhere }),
    prisma.deal.count({ where: { requesterId: companyId, ...awaiting("REQUESTER") } }),
    prisma.deal.findMany({
      where: negotiationsWhere,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: LISTED_DEAL,
    }),
    prisma.payment.findMany({
      where: dueWhere,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        amountFen: true,
        dueOn: true,
        paidAt: true,
        receipts: { select: { amountFen: true } },
        license: {
          select: {
            id: true,
            contractNumber: true,
            patent: { select: { title: true, titleEn: true } },
            licensor: { select: { name: true, nameEn: true } },
          },
        },
      },
    }),
    prisma.technologyNeed.count({ where: needsWhere }),
    prisma.technologyNeed.findMany({
      where: needsWhere,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: BLOCK_ITEMS,
      select: { id: true, title: true, createdAt: true, _count: { select: { proposals: true } } },
    }),
    prisma.savedSearch.count({ where: { userId: user.id } }),
    prisma.savedSearch.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, name: true, query: true },
    }),
    prisma.notification.findMany({
      where: { organizationId: companyId, userId: user.id, readAt: null, kind: { in: SEARCH_ALERTS } },
      select: { kind: true, link: true, values: true },
    }),
  ]);
  const needProposals = await prisma.notification.groupBy({
    by: ["link"],
    where: {
      organizationId: companyId,
      userId: null,
      readAt: null,
      kind: "notify.needProposal",
      link: { in: needs.map((need) => `/needs/${need.id}`) },
    },
    _count: { _all: true },
  });
  const allNewProposals = await prisma.notification.count({
    where: { organizationId: companyId, userId: null, readAt: null, kind: "notify.needProposal" },
  });
  const newByNeed = new Map(needProposals.map((row) => [row.link, row._count._all]));
  // A saved search's new hits: its unread "new matches" notices (each names how many) and changes on its matches.
  const newHits = (search: { name: string; query: string }) =>
    unreadAlerts.reduce((sum, alert) => {
      const values = notificationValues(alert.values);
      if (
        alert.kind === "notify.alertNewMatches" &&
        alert.link === `/patents?${search.query}${search.query ? "&" : ""}sort=newest`
      )
        return sum + Number(values.count ?? 1);
      if (alert.kind === "notify.alertChanged" && values.search === search.name) return sum + 1;
      return sum;
    }, 0);
  const searches = saved.map((search) => ({ ...search, newHits: newHits(search) }));
  // Those with news first; the matches counted now, by the search itself, for the few shown.
  const shownSearches = [];
  for (const search of [
    ...searches.filter((search) => search.newHits),
    ...searches.filter((search) => !search.newHits),
  ].slice(0, BLOCK_ITEMS)) {
    shownSearches.push({ ...search, hits: await currentMatchCount(search.query) });
  }
  const withStatus = licenses.map((license) => ({ ...license, status: licenseStatus(license, now) }));
  const moves = negotiations.map((deal) => dealItem(deal, "REQUESTER"));
  return {
    role: "SME",
    organization: {
      name: user.organization.name,
      nameEn: user.organization.nameEn,
      verified: Boolean(user.organization.verifiedAt),
    },
    licenses: {
      total: licensesTotal,
      active: withStatus.filter((license) => license.status === "ACTIVE").length,
      items: withStatus.slice(0, BLOCK_ITEMS).map((license) => ({
        id: license.id,
        contractNumber: license.contractNumber,
        kind: license.kind,
        status: license.status,
        signedAt: license.signedAt,
        patent: license.patent,
        counterparty: license.licensor,
      })),
    },
    // The company's move first.
    negotiations: {
      total: negotiationsTotal,
      yourMove,
      items: [...moves.filter((deal) => deal.move), ...moves.filter((deal) => !deal.move)].slice(0, BLOCK_ITEMS),
    },
    paymentsDue: {
      total: unpaid.length,
      amountFen: unpaid.reduce((sum, payment) => sum + outstandingFen(payment), 0),
      overdue: unpaid.filter((payment) => isOverdue(payment, now)).length,
      // Soonest due first: overdue payments lead.
      items: unpaid.slice(0, BLOCK_ITEMS).map((payment) => ({
        id: payment.id,
        licenseId: payment.license.id,
        contractNumber: payment.license.contractNumber,
        kind: payment.kind,
        amountFen: outstandingFen(payment),
        dueOn: payment.dueOn,
        overdue: isOverdue(payment, now),
        patent: payment.license.patent,
        counterparty: payment.license.licensor,
      })),
    },
    needs: {
      total: needsTotal,
      newProposals: allNewProposals,
      items: needs.map((need) => ({
        id: need.id,
        title: need.title,
        createdAt: need.createdAt,
        proposals: need._count.proposals,
        newProposals: newByNeed.get(`/needs/${need.id}`) ?? 0,
      })),
    },
    savedSearches: {
      total: savedTotal,
      newHits: searches.reduce((sum, search) => sum + search.newHits, 0),
      items: shownSearches,
    },
  };
}

async function monthFigures(range: { from: Date; until: Date; complete: boolean }): Promise<MonthFigures> {
  const within = { gte: range.from, lt: range.until };
  const [deals, organizationsJoined, organizationsVerified, signIns, needsPosted] = await Promise.all([
    dealFigures(range, {}),
    prisma.organization.count({ where: { kind: { in: ["ENTERPRISE", "UNIVERSITY"] }, createdAt: within } }),
    prisma.organization.count({ where: { kind: { in: ["ENTERPRISE", "UNIVERSITY"] }, verifiedAt: within } }),
    prisma.auditEvent.count({ where: { action: "SIGN_IN", at: within } }),
    prisma.technologyNeed.count({ where: { createdAt: within } }),
  ]);
  return { ...deals, organizationsJoined, organizationsVerified, signIns, needsPosted };
}

/** Administrators: organisations to verify, unusual activity from the audit log and failed imports, the month. */
export async function adminDashboard(user: CurrentUser, now = new Date()): Promise<AdminDashboard> {
  if (user.role !== "ADMIN") throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const toVerifyWhere = { kind: { in: ["ENTERPRISE", "UNIVERSITY"] }, verifiedAt: null };
  const since = new Date(now.getTime() - UNUSUAL.windowHours * 3_600_000);
  const failed = { action: "SIGN_IN_FAILED", at: { gte: since } };
  const [toVerifyTotal, toVerify, byAccount, byAddress, failedImports, current, previous] = await Promise.all([
    prisma.organization.count({ where: toVerifyWhere }),
    // Waiting longest first.
    prisma.organization.findMany({
      where: toVerifyWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: BLOCK_ITEMS,
      select: LISTED_ORGANIZATION,
    }),
    prisma.auditEvent.groupBy({
      by: ["subject"],
      where: failed,
      _count: { _all: true },
      _max: { at: true },
      having: { subject: { _count: { gte: UNUSUAL.failuresPerAccount } } },
    }),
    prisma.auditEvent.groupBy({
      by: ["ip"],
      where: { ...failed, ip: { not: null } },
      _count: { _all: true },
      _max: { at: true },
      having: { ip: { _count: { gte: UNUSUAL.failuresPerAddress } } },
    }),
    prisma.patentImport.findMany({
      where: { status: "FAILED", updatedAt: { gte: new Date(now.getTime() - UNUSUAL.failedImportDays * DAY_MS) } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: 20,
      select: {
        id: true,
        fileName: true,
        error: true,
        updatedAt: true,
        organization: { select: { name: true, nameEn: true } },
      },
    }),
    monthFigures(monthRange(now.getUTCFullYear(), now.getUTCMonth(), now)),
    monthFigures(monthRange(now.getUTCFullYear(), now.getUTCMonth() - 1, now)),
  ]);
  // How many accounts each busy address tried: many accounts from one address is password spraying.
  const addressAccounts = byAddress.length
    ? await prisma.auditEvent.groupBy({
        by: ["ip", "subject"],
        where: { ...failed, ip: { in: byAddress.map((row) => row.ip!) } },
      })
    : [];
  const accountsOf = (ip: string) => addressAccounts.filter((row) => row.ip === ip).length;
  const accounts = byAccount
    .map((row) => ({ email: row.subject, failures: row._count._all, last: row._max.at! }))
    .sort((a, b) => b.failures - a.failures || a.email.localeCompare(b.email))
    .slice(0, 10);
  const addresses = byAddress
    .map((row) => ({ ip: row.ip!, failures: row._count._all, accounts: accountsOf(row.ip!), last: row._max.at! }))
    .sort((a, b) => b.failures - a.failures || a.ip.localeCompare(b.ip))
    .slice(0, 10);
  return {
    role: "ADMIN",
    toVerify: {
      total: toVerifyTotal,
      items: toVerify.map(({ _count, ...organization }) => ({ ...organization, members: _count.members })),
    },
    unusual: {
      rule: UNUSUAL,
      since,
      accounts,
      addresses,
      failedImports: failedImports.map((row) => ({
        id: row.id,
        fileName: row.fileName,
        error: row.error,
        organization: row.organization,
        at: row.updatedAt,
      })),
      total: byAccount.length + byAddress.length + failedImports.length,
    },
    month: { current, previous },
  };
}

/** The dashboard of the user's role. */
export async function dashboardFor(user: CurrentUser, now = new Date()): Promise<Dashboard> {
  switch (user.role) {
    case "UNIVERSITY_STAFF":
      return staffDashboard(user, now);
    case "SME":
      return companyDashboard(user, now);
    case "ADMIN":
      return adminDashboard(user, now);
  }
}
