// The statistics' period and scope (messages are UI keys), as they stand in the URL of /admin/stats, /university/stats, the CSV
// exports and GET /api/v1/stats: one schema for all of them.
import { z } from "zod";
import { isoDay } from "~/lib/calendar-date";
import type { ValidationIssue } from "~/models/search/search-params";
import { CLUSTERS, type ClusterCode } from "~/models/taxonomy";
import { yearPeriod, yearToDate, type StatsPeriod, type StatsRequest } from "./period";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SPAN_YEARS = 30;

const IsoDay = z
  .string()
  .trim()
  .regex(DAY, "stats.err.date")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "stats.err.calendar",
  );

export const StatsParamsSchema = z
  .object({
    // The page's one period control: "ytd" (this year to date), a year, or "range" (from and to).
    period: z
      .string()
      .regex(/^(ytd|range|\d{4})$/, "stats.err.period")
      .optional(),
    year: z.coerce
      .number({ message: "stats.err.yearNumber" })
      .int("stats.err.yearNumber")
      .min(1985, "stats.err.yearRange")
      .max(2100, "stats.err.yearRange")
      .optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    university: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, "stats.err.university")
      .optional(),
    cluster: z
      .enum(CLUSTERS.map((c) => c.code) as [ClusterCode, ...ClusterCode[]], { message: "stats.err.cluster" })
      .optional(),
  })
  .refine((p) => p.year === undefined || (p.from === undefined && p.to === undefined), {
    message: "stats.err.yearAndRange",
    path: ["year"],
  })
  .refine((p) => p.period === undefined || p.year === undefined, { message: "stats.err.yearAndRange", path: ["year"] })
  .refine((p) => !p.period || !/^\d{4}$/.test(p.period) || (Number(p.period) >= 1985 && Number(p.period) <= 2100), {
    message: "stats.err.yearRange",
    path: ["period"],
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "stats.err.reversed", path: ["to"] })
  .refine((p) => !p.from || !p.to || Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) <= MAX_SPAN_YEARS, {
    message: "stats.err.span",
    path: ["to"],
  });

export type ParsedStatsParams = { ok: true; request: StatsRequest } | { ok: false; issues: ValidationIssue[] };

export function parseStatsParams(url: URLSearchParams, today: Date = new Date()): ParsedStatsParams {
  const raw: Record<string, string> = {};
  for (const key of ["period", "year", "from", "to", "university", "cluster"]) {
    const value = url.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  // The period control chose a year or this year to date: the page's (hidden or kept) dates do not count.
  if (raw.period && raw.period !== "range") {
    delete raw.from;
    delete raw.to;
  }
  const result = StatsParamsSchema.safeParse(raw);
  if (!result.success)
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    };
  const { period: choice, year, from, to, university, cluster } = result.data;
  let period: StatsPeriod | null = null;
  if (choice === "ytd") period = yearToDate(today);
  else if (choice && choice !== "range") period = yearPeriod(Number(choice));
  else if (year !== undefined) period = yearPeriod(year);
  // One end alone: the other is the start of that year, or today.
  else if (from || to) period = { from: from ?? `${to!.slice(0, 4)}-01-01`, to: to ?? isoDay(today) };
  if (period && period.from > period.to) return { ok: false, issues: [{ path: "to", message: "stats.err.reversed" }] };
  return { ok: true, request: { period, university: university ?? null, cluster: cluster ?? null } };
}
