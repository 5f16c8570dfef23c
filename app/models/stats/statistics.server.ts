// Transfer statistics: what the IP operation centre reports every year, counted from the database at request
// time (docs/decisions/008-transfer-statistics.md). Each figure is one named query (./queries.server.ts, on the
// read replica if there is one); this module runs them together for a period and scope and shapes the report.
import type { CurrentUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { readPrisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { listUniversities } from "~/models/organization/organization.server";
import type { PatentType } from "~/models/patent/vocabulary";
import type { ClusterCode } from "~/models/taxonomy";
import {
  comparisonOf,
  competitionRanks,
  defaultPeriod,
  growth,
  median,
  nextDay,
  previousPeriod,
  upToToday,
  type Comparison,
} from "./arithmetic";
import type { StatsPeriod, StatsRequest } from "./period";
import {
  DEAL_KINDS,
  dealsByKind,
  dealsByUniversityAndGroup,
  dealsByYearAndKind,
  declarationsByType,
  industrialisationByUniversity,
  negotiationDays,
  openLicenseFunnel,
  poolByType,
  viewsRecorded,
  type DealKindCode,
  type Grouped,
} from "./queries.server";

const PATENT_TYPES = ["INVENTION", "UTILITY_MODEL", "DESIGN"] as const;
/** Years shown in the deals-per-year trend, ending with the period's last year. */
const TREND_YEARS = 8;

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

export interface TransferStatistics {
  period: StatsPeriod;
  previousPeriod: StatsPeriod;
  comparison: Comparison;
  /** The period runs to today: its last year is not complete yet. */
  toDate: boolean;
  scope: {
    universityId: string | null;
    universityName: string | null;
    universityNameEn: string | null;
    cluster: ClusterCode | null;
  };
  /** The pool as it stands now; declarations as of the period. */
  pool: Array<{
    type: PatentType;
    assessed: number;
    transferable: number;
    underOpenLicense: number;
    declared: number;
    withdrawn: number;
  }>;
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

type University = Awaited<ReturnType<typeof listUniversities>>[number];
type Rates = Map<string, { granted: number; industrialised: number }>;
type Rows<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;

export async function getTransferStatistics(scope: StatsScope, today: Date = new Date()): Promise<TransferStatistics> {
  const { period, universityId, cluster } = scope;
  const start = period.from;
  const end = nextDay(period.to);
  const previous = previousPeriod(period);
  const endYear = Number(period.to.slice(0, 4));

  const [grouped, previousRows, yearly, rates, pool, declarations, funnel, negotiation, universities, views] =
    await Promise.all([
      dealsByUniversityAndGroup(start, end, cluster),
      dealsByKind(scope, previous.from, nextDay(previous.to)),
      dealsByYearAndKind(scope, endYear - TREND_YEARS, endYear),
      industrialisationByUniversity(end, cluster),
      poolByType(scope),
      declarationsByType(scope, start, end),
      openLicenseFunnel(scope, start, end),
      negotiationDays(scope, start, end),
      listUniversities(),
      viewsRecorded(start, end),
    ]);

  const inUniversity = grouped.filter((row) => !universityId || row.universityId === universityId);
  const { deals, byKind } = dealTotals(inUniversity);
  const previousFigures = emptyFigures();
  for (const row of previousRows) add(previousFigures, row.kind, Number(row.deals), Number(row.valueFen ?? 0));
  const previousDeals = previousRows.reduce((sum, row) => sum + Number(row.deals), 0);
  const rateByUniversity: Rates = new Map(
    rates.map((r) => [r.universityId, { granted: Number(r.granted), industrialised: Number(r.industrialised) }]),
  );
  const university = universityId ? universities.find((u) => u.id === universityId) : undefined;

  return {
    period,
    previousPeriod: previous,
    comparison: comparisonOf(period),
    toDate: period.to === isoDay(today),
    scope: {
      universityId,
      universityName: university?.name ?? null,
      universityNameEn: university?.nameEn ?? null,
      cluster,
    },
    pool: poolFigures(pool, declarations),
    deals: { ...deals, previous: previousFigures, growth: growth(deals.deals, previousFigures.deals) },
    byKind,
    byYear: dealsPerYear(yearly, period, today, previousDeals),
    industrialisation: { ...industrialisationIn(universities, rateByUniversity, universityId), asOf: period.to },
    universities: universityRows(universities, rateByUniversity, grouped),
    clusters: ranked(
      [...groupBy(inUniversity, (row) => row.cluster).entries()].map(([code, figures]) => ({ code, ...figures })),
    ),
    fields: ranked(
      [...groupBy(inUniversity, (row) => row.field).entries()].map(([code, figures]) => ({ code, ...figures })),
    ),
    funnel: funnelFigures(funnel, views, start),
    negotiation: {
      signed: negotiation.length,
      medianDays: median(negotiation.map((row) => Math.round(row.days * 10) / 10)),
    },
  };
}

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

/** The scope's deals in the period: in all, and by kind (every kind, 0 where there was none). */
function dealTotals(rows: Grouped[]): { deals: DealFigures; byKind: TransferStatistics["byKind"] } {
  const deals = emptyFigures();
  const byKind = new Map<string, { deals: number; valueFen: number }>(
    DEAL_KINDS.map((kind) => [kind, { deals: 0, valueFen: 0 }]),
  );
  for (const row of rows) {
    add(deals, row.kind, Number(row.deals), Number(row.valueFen ?? 0));
    const kind = byKind.get(row.kind)!;
    kind.deals += Number(row.deals);
    kind.valueFen += Number(row.valueFen ?? 0);
  }
  return { deals, byKind: DEAL_KINDS.map((kind) => ({ kind, ...byKind.get(kind)! })) };
}

/** The deals-per-year trend: TREND_YEARS years up to the period's last, each with its growth on the year before,
 * from the first that has a deal. `previousDeals`: the deals of the period compared with, for a year to date. */
function dealsPerYear(
  yearly: Rows<typeof dealsByYearAndKind>,
  period: StatsPeriod,
  today: Date,
  previousDeals: number,
): TransferStatistics["byYear"] {
  const endYear = Number(period.to.slice(0, 4));
  const trendStart = `${endYear - TREND_YEARS + 1}-01-01`;
  const years = new Map<number, DealFigures>();
  for (let year = endYear - TREND_YEARS; year <= endYear; year++) years.set(year, emptyFigures());
  for (const row of yearly) add(years.get(Number(row.year))!, row.kind, Number(row.deals), Number(row.valueFen ?? 0));
  const todayIso = isoDay(today);
  const trend = [...years.entries()]
    .filter(([year]) => `${year}-01-01` >= trendStart)
    .map(([year, figures]) => {
      // A year not over yet is not compared with a whole year ("-92 %"): only with the same days of the year before.
      if (`${year}-12-31` <= todayIso)
        return { year, ...figures, growth: growth(figures.deals, years.get(year - 1)!.deals), through: null };
      const sameDays = period.from === `${year}-01-01` && period.to === todayIso;
      return {
        year,
        ...figures,
        growth: sameDays ? growth(figures.deals, previousDeals) : null,
        through: `${year}` === todayIso.slice(0, 4) ? todayIso : null,
      };
    });
  // The trend starts with the first year that has a deal (the platform's records may begin later than 8 years ago).
  const firstActive = trend.findIndex((row) => row.deals > 0);
  return firstActive < 0 ? trend.slice(-1) : trend.slice(firstActive);
}

/** Every university's deals (of all clusters in scope) and industrialisation rate, ranked. */
function universityRows(universities: University[], rates: Rates, grouped: Grouped[]): UniversityRow[] {
  const dealsByUniversity = groupBy(grouped, (row) => row.universityId);
  return ranked(
    universities.map((u) => {
      const rate = rates.get(u.id) ?? { granted: 0, industrialised: 0 };
      return {
        id: u.id,
        name: u.name,
        nameEn: u.nameEn,
        ...(dealsByUniversity.get(u.id) ?? emptyFigures()),
        grantedInventions: rate.granted,
        industrialised: rate.industrialised,
        rate: rate.granted ? rate.industrialised / rate.granted : null,
      };
    }),
  );
}

/** The industrialisation rate of one university, or of all. */
function industrialisationIn(universities: University[], rates: Rates, universityId: string | null) {
  const inScopeRates = universities
    .filter((u) => !universityId || u.id === universityId)
    .map((u) => rates.get(u.id) ?? { granted: 0, industrialised: 0 });
  const grantedInventions = inScopeRates.reduce((sum, r) => sum + r.granted, 0);
  const industrialised = inScopeRates.reduce((sum, r) => sum + r.industrialised, 0);
  return { grantedInventions, industrialised, rate: grantedInventions ? industrialised / grantedInventions : null };
}

/** The pool by patent type, with its open licenses. */
function poolFigures(
  pool: Rows<typeof poolByType>,
  declarations: Rows<typeof declarationsByType>,
): TransferStatistics["pool"] {
  const poolOf = new Map(pool.map((row) => [row.type, row]));
  const declarationsOf = new Map(declarations.map((row) => [row.type, row]));
  return PATENT_TYPES.map((type) => ({
    type,
    assessed: Number(poolOf.get(type)?.assessed ?? 0),
    transferable: Number(poolOf.get(type)?.transferable ?? 0),
    underOpenLicense: Number(declarationsOf.get(type)?.underOpenLicense ?? 0),
    declared: Number(declarationsOf.get(type)?.declared ?? 0),
    withdrawn: Number(declarationsOf.get(type)?.withdrawn ?? 0),
  }));
}

/** The open-license funnel; views only where they were recorded (see TransferStatistics). */
function funnelFigures(
  funnel: Rows<typeof openLicenseFunnel>,
  views: Rows<typeof viewsRecorded>,
  start: string,
): TransferStatistics["funnel"] {
  return {
    views: views.inPeriod ? Number(funnel.views ?? 0) : null,
    viewsSince: views.inPeriod && views.since && views.since > start ? views.since : null,
    requests: Number(funnel.requests),
    signed: Number(funnel.signed),
    paid: Number(funnel.paid),
  };
}

/** The statistics a user may see: administrators any university's or all; university staff only their own
 * university's, and of the other universities only the ranks (their deal values stay private). */
export async function statisticsFor(
  user: CurrentUser,
  request: StatsRequest,
  today: Date = new Date(),
): Promise<TransferStatistics & { rank: { byDeals: number; byValue: number; of: number } | null }> {
  let universityId = request.university;
  if (user.role === "UNIVERSITY_STAFF") {
    if (universityId && universityId !== user.organization!.id)
      throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403, path: "university" });
    universityId = user.organization!.id;
  } else if (user.role !== "ADMIN") throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  if (
    universityId &&
    !(await readPrisma.organization.findFirst({
      where: { id: universityId, kind: "UNIVERSITY" },
      select: { id: true },
    }))
  ) {
    throw new DomainError("UNKNOWN_UNIVERSITY", "stats.unknownUniversity", { status: 400, path: "university" });
  }
  const period = upToToday(request.period ?? defaultPeriod(today), today);
  const statistics = await getTransferStatistics({ period, universityId, cluster: request.cluster }, today);
  const own = universityId ? statistics.universities.find((u) => u.id === universityId)! : null;
  return {
    ...statistics,
    universities:
      user.role === "ADMIN" ? statistics.universities : statistics.universities.filter((u) => u.id === universityId),
    rank: own && { byDeals: own.rankByDeals, byValue: own.rankByValue, of: statistics.universities.length },
  };
}
