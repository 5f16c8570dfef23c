// A statistics period and the query string that names it: plain functions, shared by the pages' client code (the
// dashboard's links), the models and the URL parser (stats-params.ts, which brings zod and stays on the server).
import { isoDay } from "~/lib/calendar-date";
import type { ClusterCode } from "~/models/taxonomy";

/** A period of whole days: `from` and `to` are both included. */
export interface StatsPeriod {
  from: string;
  to: string;
}

export interface StatsRequest {
  /** null: the default period (the last complete year), decided by the model. */
  period: StatsPeriod | null;
  university: string | null;
  cluster: ClusterCode | null;
}

export function yearPeriod(year: number): StatsPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** This year from 1 January to today (UTC). */
export function yearToDate(today: Date = new Date()): StatsPeriod {
  const day = isoDay(today);
  return { from: `${day.slice(0, 4)}-01-01`, to: day };
}

export function isWholeYear(period: StatsPeriod): boolean {
  return period.from.endsWith("-01-01") && period.to === `${period.from.slice(0, 4)}-12-31`;
}

/** The query string for a period and scope (the page's links, the CSV links, the API). */
export function statsQuery(
  period: StatsPeriod,
  scope: { university?: string | null; cluster?: string | null },
): string {
  const params = new URLSearchParams();
  if (isWholeYear(period)) params.set("year", period.from.slice(0, 4));
  else {
    params.set("from", period.from);
    params.set("to", period.to);
  }
  if (scope.university) params.set("university", scope.university);
  if (scope.cluster) params.set("cluster", scope.cluster);
  return params.toString();
}
