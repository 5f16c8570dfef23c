// Transfer statistics: what the IP operation centre reports every year, counted from the database at request
// time. Heavy aggregates are raw SQL (STYLE.md: "$queryRaw for FTS5 and heavy aggregates"), written once for
// SQLite and PostgreSQL (the two differences are in app/lib/sql-dialect.server.ts). Periods compare against
// "YYYY-MM-DD" strings: SQLite holds dates as ISO text, which orders correctly against them, and PostgreSQL
// reads them as timestamps.
import { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
// The figures are read from the read replica if there is one: a moment's lag does not change a report.
import { readPrisma as prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { daysBetween, yearOf } from "~/lib/sql-dialect.server";
import { isWholeYear, yearPeriod, type StatsPeriod, type StatsRequest } from "~/lib/stats-params";
import type { ClusterCode } from "~/models/taxonomy";
import { listUniversities } from "./admin.server";

export const DEAL_KINDS = ["OPEN", "ORDINARY", "SOLE", "EXCLUSIVE", "ASSIGNMENT"] as const;
export type DealKindCode = (typeof DEAL_KINDS)[number];
const PATENT_TYPES = ["INVENTION", "UTILITY_MODEL", "DESIGN"] as const;
/** Years shown in the deals-per-year trend, ending with the period's last year. */
const TREND_YEARS = 8;
const DAY_MS = 86_400_000;

export interface StatsScope {
  period: StatsPeriod;
  /** One university (by id), or all. */
  universityId: string | null;
  cluster: ClusterCode | null;
}

export interface DealFigures {
  deals: number;
  licenses: number;
  transfers: number;
  valueFen: number;
}

export interface RankedRow extends DealFigures {
  rankByDeals: number;
  rankByValue: number;
}

export interface UniversityRow extends RankedRow {
  id: string;
  name: string;
  nameEn: string | null;
  grantedInventions: number;
  industrialised: number;
  rate: number | null;
}

/** What the period is compared with: the year before a whole year; the same days of the year before a period
 * within a year (this year to date, a quarter); the period of equal length just before a longer one. */
export type Comparison = "previousYear" | "sameDaysYearBefore" | "precedingPeriod";

export interface TransferStatistics {
  period: StatsPeriod;
  previousPeriod: StatsPeriod;
  comparison: Comparison;
  /** The period runs to today: its last year is not complete yet. */
  toDate: boolean;
  scope: { universityId: string | null; universityName: string | null; universityNameEn: string | null; cluster: ClusterCode | null };
  /** The pool as it stands now; declarations as of the period. */
  pool: Array<{ type: string; assessed: number; transferable: number; underOpenLicense: number; declared: number; withdrawn: number }>;
  deals: DealFigures & { previous: DealFigures; growth: number | null };
  byKind: Array<{ kind: DealKindCode; deals: number; valueFen: number }>;
  /** Whole calendar years; a year not over yet counts to its last day so far (`through`), and its growth is on the
   * same days of the year before when the period is that year to date, else not given. */
  byYear: Array<DealFigures & { year: number; growth: number | null; through: string | null }>;
  /** Granted invention patents transferred or licensed at least once by the end of the period ÷ granted invention patents. */
  industrialisation: { grantedInventions: number; industrialised: number; rate: number | null; asOf: string };
  universities: UniversityRow[];
  clusters: Array<RankedRow & { code: string | null }>;
  fields: Array<RankedRow & { code: string | null }>;
  /** views: null when no page view was recorded in the period (not zero views); viewsSince: the first day with
   * recorded views when that is after the period's start (the views before it were never counted). */
  funnel: { views: number | null; viewsSince: string | null; requests: number; signed: number; paid: number };
  negotiation: { signed: number; medianDays: number | null };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The same calendar day a year before (29 February becomes the 28th). */
function yearBefore(day: string): string {
  const year = String(Number(day.slice(0, 4)) - 1).padStart(4, "0");
  const monthDay = day.slice(5) === "02-29" ? "02-28" : day.slice(5);
  return `${year}-${monthDay}`;
}

/** How a period is compared (like with like): see Comparison. */
export function comparisonOf(period: StatsPeriod): Comparison {
  if (isWholeYear(period)) return "previousYear";
  return yearBefore(period.to) < period.from ? "sameDaysYearBefore" : "precedingPeriod";
}

/** The period this one is compared with: the previous year for a year, the same days of the year before for a
 * period of up to a year (this year to date against the same days of last year), else the period of equal length
 * just before it. */
export function previousPeriod(period: StatsPeriod): StatsPeriod {
  const comparison = comparisonOf(period);
  if (comparison === "previousYear") return yearPeriod(Number(period.from.slice(0, 4)) - 1);
  if (comparison === "sameDaysYearBefore") return { from: yearBefore(period.from), to: yearBefore(period.to) };
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const to = Date.parse(`${period.to}T00:00:00Z`);
  const days = Math.round((to - from) / DAY_MS) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(from - days * DAY_MS), to: iso(from - DAY_MS) };
}

/** The default period: the last complete calendar year, never the current, incomplete one. */
export function defaultPeriod(today: Date = new Date()): StatsPeriod {
  return yearPeriod(today.getUTCFullYear() - 1);
}

/** A period that reaches past today ends today: the current year is counted to date, and compared with the same
 * days of the year before rather than with a whole year. */
export function upToToday(period: StatsPeriod, today: Date = new Date()): StatsPeriod {
  const day = today.toISOString().slice(0, 10);
  return period.from <= day && day < period.to ? { from: period.from, to: day } : period;
}

export function growth(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

/** Standard competition ranking ("1, 2, 2, 4"), highest first. */
export function competitionRanks(values: number[]): number[] {
  return values.map((value) => 1 + values.filter((other) => other > value).length);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Licenses granted and assignments made by universities; a patent's cluster and field come with it.
const UNIVERSITY_DEALS = Prisma.sql`
  SELECT l."patentId", l."licensorId" AS "universityId", l."kind", l."valueFen", l."signedAt"
  FROM "License" l JOIN "Organization" o ON o."id" = l."licensorId" AND o."kind" = 'UNIVERSITY'
  UNION ALL
  SELECT t."patentId", t."assignorId", 'ASSIGNMENT', t."priceFen", t."signedAt"
  FROM "Transfer" t JOIN "Organization" o ON o."id" = t."assignorId" AND o."kind" = 'UNIVERSITY'`;

// A patent belongs to the university that held it before its first assignment, else to its owner.
const FIRST_ASSIGNOR = Prisma.sql`
  SELECT t."patentId", t."assignorId" FROM "Transfer" t
  WHERE NOT EXISTS (SELECT 1 FROM "Transfer" e WHERE e."patentId" = t."patentId"
    AND (e."signedAt" < t."signedAt" OR (e."signedAt" = t."signedAt" AND e."id" < t."id")))`;

// The casts tell PostgreSQL the type of a parameter that is only tested for NULL.
const clusterMatches = (cluster: string | null) => Prisma.sql`(CAST(${cluster} AS TEXT) IS NULL OR p."cluster" = ${cluster})`;
const universityMatches = (universityId: string | null, column: Prisma.Sql) =>
  Prisma.sql`(CAST(${universityId} AS TEXT) IS NULL OR ${column} = ${universityId})`;
/** 1 where a condition holds, else 0, to be summed (SQLite can sum a comparison, PostgreSQL cannot). */
const oneIf = (condition: Prisma.Sql) => Prisma.sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

type Grouped = { universityId: string; cluster: string | null; field: string | null; kind: DealKindCode; deals: bigint | number; valueFen: bigint | number | null };

function emptyFigures(): DealFigures {
  return { deals: 0, licenses: 0, transfers: 0, valueFen: 0 };
}

function add(figures: DealFigures, kind: string, deals: number, valueFen: number) {
  figures.deals += deals;
  figures.valueFen += valueFen;
  if (kind === "ASSIGNMENT") figures.transfers += deals;
  else figures.licenses += deals;
}

function ranked<T extends DealFigures>(rows: T[]): Array<T & { rankByDeals: number; rankByValue: number }> {
  const byDeals = competitionRanks(rows.map((r) => r.deals));
  const byValue = competitionRanks(rows.map((r) => r.valueFen));
  return rows
    .map((row, i) => ({ ...row, rankByDeals: byDeals[i], rankByValue: byValue[i] }))
    .sort((a, b) => a.rankByDeals - b.rankByDeals || a.rankByValue - b.rankByValue);
}

function groupBy(rows: Grouped[], key: (row: Grouped) => string | null) {
  const groups = new Map<string | null, DealFigures>();
  for (const row of rows) {
    const figures = groups.get(key(row)) ?? emptyFigures();
    add(figures, row.kind, Number(row.deals), Number(row.valueFen ?? 0));
    groups.set(key(row), figures);
  }
  return groups;
}

export async function getTransferStatistics(scope: StatsScope, today: Date = new Date()): Promise<TransferStatistics> {
  const { period, universityId, cluster } = scope;
  const start = period.from;
  const end = nextDay(period.to);
  const previous = previousPeriod(period);
  const endYear = Number(period.to.slice(0, 4));
  const trendStart = `${endYear - TREND_YEARS + 1}-01-01`;
  const inScope = Prisma.sql`${universityMatches(universityId, Prisma.sql`d."universityId"`)} AND ${clusterMatches(cluster)}`;

  const [grouped, previousRows, yearly, rates, pool, declarations, funnel, negotiationDays, universities, viewsRecorded] = await Promise.all([
    // Every university's deals in the period (the ranking needs them all), by cluster, field and kind.
    prisma.$queryRaw<Grouped[]>`
      SELECT d."universityId", p."cluster", p."field", d."kind", COUNT(*) AS "deals", SUM(d."valueFen") AS "valueFen"
      FROM (${UNIVERSITY_DEALS}) d JOIN "Patent" p ON p."id" = d."patentId"
      WHERE d."signedAt" >= ${start} AND d."signedAt" < ${end} AND ${clusterMatches(cluster)}
      GROUP BY 1, 2, 3, 4`,
    prisma.$queryRaw<Array<{ kind: string; deals: bigint | number; valueFen: bigint | number | null }>>`
      SELECT d."kind", COUNT(*) AS "deals", SUM(d."valueFen") AS "valueFen"
      FROM (${UNIVERSITY_DEALS}) d JOIN "Patent" p ON p."id" = d."patentId"
      WHERE d."signedAt" >= ${previous.from} AND d."signedAt" < ${nextDay(previous.to)} AND ${inScope}
      GROUP BY 1`,
    prisma.$queryRaw<Array<{ year: string; kind: string; deals: bigint | number; valueFen: bigint | number | null }>>`
      SELECT ${yearOf(prisma, Prisma.sql`d."signedAt"`)} AS "year", d."kind", COUNT(*) AS "deals", SUM(d."valueFen") AS "valueFen"
      FROM (${UNIVERSITY_DEALS}) d JOIN "Patent" p ON p."id" = d."patentId"
      WHERE d."signedAt" >= ${`${endYear - TREND_YEARS}-01-01`} AND d."signedAt" < ${`${endYear + 1}-01-01`} AND ${inScope}
      GROUP BY 1, 2`,
    // The industrialisation rate per university, as at the end of the period.
    prisma.$queryRaw<Array<{ universityId: string; granted: bigint | number; industrialised: bigint | number }>>`
      SELECT COALESCE(ft."assignorId", p."ownerId") AS "universityId", COUNT(*) AS "granted",
        SUM(${oneIf(Prisma.sql`EXISTS (SELECT 1 FROM "License" l WHERE l."patentId" = p."id" AND l."signedAt" < ${end})
          OR EXISTS (SELECT 1 FROM "Transfer" t WHERE t."patentId" = p."id" AND t."signedAt" < ${end})`)}) AS "industrialised"
      FROM "Patent" p LEFT JOIN (${FIRST_ASSIGNOR}) ft ON ft."patentId" = p."id"
      WHERE p."type" = 'INVENTION' AND p."grantDate" < ${end} AND ${clusterMatches(cluster)}
      GROUP BY 1`,
    prisma.$queryRaw<Array<{ type: string; assessed: bigint | number; transferable: bigint | number }>>`
      SELECT p."type", COUNT(p."assessedAt") AS "assessed", SUM(${oneIf(Prisma.sql`p."transferable"`)}) AS "transferable"
      FROM "Patent" p LEFT JOIN (${FIRST_ASSIGNOR}) ft ON ft."patentId" = p."id"
      WHERE ${universityMatches(universityId, Prisma.sql`COALESCE(ft."assignorId", p."ownerId")`)} AND ${clusterMatches(cluster)}
      GROUP BY 1`,
    // Under open license at the end of the period: the latest version declared by then, not withdrawn by then.
    prisma.$queryRaw<Array<{ type: string; underOpenLicense: bigint | number; declared: bigint | number; withdrawn: bigint | number }>>`
      SELECT p."type",
        COUNT(DISTINCT CASE WHEN d."declaredAt" < ${end} AND (d."withdrawnAt" IS NULL OR d."withdrawnAt" >= ${end})
          AND NOT EXISTS (SELECT 1 FROM "OpenLicenseDeclaration" n WHERE n."patentId" = d."patentId" AND n."version" > d."version" AND n."declaredAt" < ${end})
          THEN d."patentId" END) AS "underOpenLicense",
        SUM(${oneIf(Prisma.sql`d."declaredAt" >= ${start} AND d."declaredAt" < ${end}`)}) AS "declared",
        SUM(${oneIf(Prisma.sql`d."withdrawnAt" IS NOT NULL AND d."withdrawnAt" >= ${start} AND d."withdrawnAt" < ${end}`)}) AS "withdrawn"
      FROM "OpenLicenseDeclaration" d JOIN "Patent" p ON p."id" = d."patentId"
      WHERE ${universityMatches(universityId, Prisma.sql`d."declarantId"`)} AND ${clusterMatches(cluster)}
      GROUP BY 1`,
    // The open-license funnel over the patents offered under open license by the end of the period: views in
    // the period, then the requests made in the period (a written notice is a request, art. 51; or a
    // negotiation), how many of those requests were signed, and how many of those are paid (or owe nothing).
    prisma.$queryRaw<Array<{ views: bigint | number | null; requests: bigint | number; signed: bigint | number; paid: bigint | number }>>`
      WITH offered AS (
        SELECT DISTINCT d."patentId" FROM "OpenLicenseDeclaration" d JOIN "Patent" p ON p."id" = d."patentId"
        WHERE d."declaredAt" < ${end} AND ${universityMatches(universityId, Prisma.sql`d."declarantId"`)} AND ${clusterMatches(cluster)}
      ), requests AS (
        SELECT l."id" AS "licenseId" FROM "License" l JOIN offered o ON o."patentId" = l."patentId"
        WHERE l."kind" = 'OPEN' AND l."signedAt" >= ${start} AND l."signedAt" < ${end}
        UNION ALL
        SELECT r."licenseId" FROM "Deal" r JOIN offered o ON o."patentId" = r."patentId"
        WHERE r."kind" <> 'ASSIGNMENT' AND r."createdAt" >= ${start} AND r."createdAt" < ${end}
      )
      SELECT
        (SELECT SUM(v."views") FROM "PatentViewDay" v JOIN offered o ON o."patentId" = v."patentId" WHERE v."day" >= ${start} AND v."day" < ${end}) AS "views",
        (SELECT COUNT(*) FROM requests) AS "requests",
        (SELECT COUNT("licenseId") FROM requests) AS "signed",
        (SELECT COUNT(*) FROM requests r WHERE r."licenseId" IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM "Payment" pay WHERE pay."licenseId" = r."licenseId" AND pay."kind" = 'UP_FRONT' AND pay."paidAt" IS NULL)) AS "paid"`,
    prisma.$queryRaw<Array<{ days: number }>>`
      SELECT ${daysBetween(prisma, Prisma.sql`COALESCE(l."signedAt", t."signedAt")`, Prisma.sql`r."createdAt"`)} AS "days"
      FROM "Deal" r JOIN "Patent" p ON p."id" = r."patentId"
        LEFT JOIN "License" l ON l."id" = r."licenseId" LEFT JOIN "Transfer" t ON t."id" = r."transferId"
      WHERE r."status" = 'SIGNED' AND COALESCE(l."signedAt", t."signedAt") >= ${start} AND COALESCE(l."signedAt", t."signedAt") < ${end}
        AND ${universityMatches(universityId, Prisma.sql`r."ownerId"`)} AND ${clusterMatches(cluster)}`,
    listUniversities(),
    // Whether page views were recorded at all in the period (platform-wide): none recorded is not zero views.
    Promise.all([
      prisma.patentViewDay.findFirst({ where: { day: { gte: new Date(`${start}T00:00:00Z`), lt: new Date(`${end}T00:00:00Z`) } }, select: { day: true } }),
      prisma.patentViewDay.findFirst({ orderBy: { day: "asc" }, select: { day: true } }),
    ]),
  ]);

  const inUniversity = grouped.filter((row) => !universityId || row.universityId === universityId);
  const deals = emptyFigures();
  const byKind = new Map<string, { deals: number; valueFen: number }>(DEAL_KINDS.map((kind) => [kind, { deals: 0, valueFen: 0 }]));
  for (const row of inUniversity) {
    add(deals, row.kind, Number(row.deals), Number(row.valueFen ?? 0));
    const kind = byKind.get(row.kind)!;
    kind.deals += Number(row.deals);
    kind.valueFen += Number(row.valueFen ?? 0);
  }
  const previousFigures = emptyFigures();
  for (const row of previousRows) add(previousFigures, row.kind, Number(row.deals), Number(row.valueFen ?? 0));

  const years = new Map<number, DealFigures>();
  for (let year = endYear - TREND_YEARS; year <= endYear; year++) years.set(year, emptyFigures());
  for (const row of yearly) add(years.get(Number(row.year))!, row.kind, Number(row.deals), Number(row.valueFen ?? 0));
  const todayIso = today.toISOString().slice(0, 10);
  const previousFiguresInScope = previousRows.reduce((sum, row) => sum + Number(row.deals), 0);
  const trend = [...years.entries()]
    .filter(([year]) => `${year}-01-01` >= trendStart)
    .map(([year, figures]) => {
      // A year not over yet is not compared with a whole year ("-92 %"): only with the same days of the year before.
      if (`${year}-12-31` <= todayIso) return { year, ...figures, growth: growth(figures.deals, years.get(year - 1)!.deals), through: null };
      const sameDays = period.from === `${year}-01-01` && period.to === todayIso;
      return { year, ...figures, growth: sameDays ? growth(figures.deals, previousFiguresInScope) : null, through: `${year}` === todayIso.slice(0, 4) ? todayIso : null };
    });
  // The trend starts with the first year that has a deal (the platform's records may begin later than 8 years ago).
  const firstActive = trend.findIndex((row) => row.deals > 0);
  const byYear = firstActive < 0 ? trend.slice(-1) : trend.slice(firstActive);

  const rateByUniversity = new Map(rates.map((r) => [r.universityId, { granted: Number(r.granted), industrialised: Number(r.industrialised) }]));
  const dealsByUniversity = groupBy(grouped, (row) => row.universityId);
  const universityRows = ranked(
    universities.map((u) => {
      const rate = rateByUniversity.get(u.id) ?? { granted: 0, industrialised: 0 };
      return {
        id: u.id, name: u.name, nameEn: u.nameEn, ...(dealsByUniversity.get(u.id) ?? emptyFigures()),
        grantedInventions: rate.granted, industrialised: rate.industrialised, rate: rate.granted ? rate.industrialised / rate.granted : null,
      };
    }),
  );
  const inScopeRates = universities
    .filter((u) => !universityId || u.id === universityId)
    .map((u) => rateByUniversity.get(u.id) ?? { granted: 0, industrialised: 0 });
  const grantedInventions = inScopeRates.reduce((sum, r) => sum + r.granted, 0);
  const industrialised = inScopeRates.reduce((sum, r) => sum + r.industrialised, 0);

  const poolByType = new Map(pool.map((row) => [row.type, row]));
  const declarationsByType = new Map(declarations.map((row) => [row.type, row]));
  const [funnelRow] = funnel;
  const university = universityId ? universities.find((u) => u.id === universityId) : undefined;

  const [recordedInPeriod, firstRecorded] = viewsRecorded;
  const firstRecordedDay = firstRecorded?.day.toISOString().slice(0, 10) ?? null;

  return {
    period,
    previousPeriod: previous,
    comparison: comparisonOf(period),
    toDate: period.to === todayIso,
    scope: { universityId, universityName: university?.name ?? null, universityNameEn: university?.nameEn ?? null, cluster },
    pool: PATENT_TYPES.map((type) => ({
      type,
      assessed: Number(poolByType.get(type)?.assessed ?? 0),
      transferable: Number(poolByType.get(type)?.transferable ?? 0),
      underOpenLicense: Number(declarationsByType.get(type)?.underOpenLicense ?? 0),
      declared: Number(declarationsByType.get(type)?.declared ?? 0),
      withdrawn: Number(declarationsByType.get(type)?.withdrawn ?? 0),
    })),
    deals: { ...deals, previous: previousFigures, growth: growth(deals.deals, previousFigures.deals) },
    byKind: DEAL_KINDS.map((kind) => ({ kind, ...byKind.get(kind)! })),
    byYear,
    industrialisation: { grantedInventions, industrialised, rate: grantedInventions ? industrialised / grantedInventions : null, asOf: period.to },
    universities: universityRows,
    clusters: ranked([...groupBy(inUniversity, (row) => row.cluster).entries()].map(([code, figures]) => ({ code, ...figures }))),
    fields: ranked([...groupBy(inUniversity, (row) => row.field).entries()].map(([code, figures]) => ({ code, ...figures }))),
    funnel: {
      views: recordedInPeriod ? Number(funnelRow.views ?? 0) : null,
      viewsSince: recordedInPeriod && firstRecordedDay && firstRecordedDay > start ? firstRecordedDay : null,
      requests: Number(funnelRow.requests),
      signed: Number(funnelRow.signed),
      paid: Number(funnelRow.paid),
    },
    negotiation: { signed: negotiationDays.length, medianDays: median(negotiationDays.map((row) => Math.round(row.days * 10) / 10)) },
  };
}

/** The statistics a user may see: administrators any university's or all; university staff only their own
 * university's, and of the other universities only the ranks (their deal values stay private). */
export async function statisticsFor(user: CurrentUser, request: StatsRequest, today: Date = new Date()): Promise<TransferStatistics & { rank: { byDeals: number; byValue: number; of: number } | null }> {
  let universityId = request.university;
  if (user.role === "UNIVERSITY_STAFF") {
    if (universityId && universityId !== user.organization!.id) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403, path: "university" });
    universityId = user.organization!.id;
  } else if (user.role !== "ADMIN") throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  if (universityId && !(await prisma.organization.findFirst({ where: { id: universityId, kind: "UNIVERSITY" }, select: { id: true } }))) {
    throw new DomainError("UNKNOWN_UNIVERSITY", "stats.unknownUniversity", { status: 400, path: "university" });
  }
  const period = upToToday(request.period ?? defaultPeriod(today), today);
  const statistics = await getTransferStatistics({ period, universityId, cluster: request.cluster }, today);
  const own = universityId ? statistics.universities.find((u) => u.id === universityId)! : null;
  return {
    ...statistics,
    universities: user.role === "ADMIN" ? statistics.universities : statistics.universities.filter((u) => u.id === universityId),
    rank: own && { byDeals: own.rankByDeals, byValue: own.rankByValue, of: statistics.universities.length },
  };
}
