// What the statistics pages show (/admin/stats and /university/stats): the figures for the URL's period and scope,
// as the user may see them.
import type { CurrentUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { listUniversities } from "~/models/organization/organization.server";
import { statisticsFor } from "./statistics.server";
import { parseStatsParams } from "./stats-params";

/** Universities in the order a Chinese reader looks for them: by the pinyin of their names (重庆大学 before
 * 西南大学), not by code point. */
export function byPinyin<T extends { name: string }>(universities: T[]): T[] {
  const collator = new Intl.Collator("zh-CN-u-co-pinyin");
  return [...universities].sort((a, b) => collator.compare(a.name, b.name));
}

/** An invalid period or scope shows the default period with the problems listed (the page answers 400). */
export async function statisticsDashboard(user: CurrentUser, searchParams: URLSearchParams, today: Date = new Date()) {
  const parsed = parseStatsParams(searchParams, today);
  const statsRequest = parsed.ok ? parsed.request : { period: null, university: null, cluster: null };
  const [stats, universities] = await Promise.all([
    statisticsFor(user, statsRequest, today),
    user.role === "ADMIN" ? listUniversities().then(byPinyin) : null,
  ]);
  return { stats, universities, issues: parsed.ok ? [] : parsed.issues, today: isoDay(today) };
}
