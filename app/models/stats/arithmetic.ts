// Statistics arithmetic: which period a period is compared with, growth, ranks and medians. Plain functions of
// days as "YYYY-MM-DD" strings and of numbers.
import { isoDay } from "~/lib/calendar-date";
import { isWholeYear, yearPeriod, type StatsPeriod } from "./period";

const DAY_MS = 86_400_000;

/** What the period is compared with: the year before a whole year; the same days of the year before a period
 * within a year (this year to date, a quarter); the period of equal length just before a longer one. */
export type Comparison = "previousYear" | "sameDaysYearBefore" | "precedingPeriod";

export const nextDay = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));

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
  const iso = (ms: number) => isoDay(new Date(ms));
  return { from: iso(from - days * DAY_MS), to: iso(from - DAY_MS) };
}

/** The default period: the last complete calendar year, never the current, incomplete one. */
export function defaultPeriod(today: Date = new Date()): StatsPeriod {
  return yearPeriod(today.getUTCFullYear() - 1);
}

/** A period that reaches past today ends today: the current year is counted to date, and compared with the same
 * days of the year before rather than with a whole year. */
export function upToToday(period: StatsPeriod, today: Date = new Date()): StatsPeriod {
  const day = isoDay(today);
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
