// What the statistics pages load: the figures for the URL's period and scope, as the user may see them. The loader
// of /admin/stats and /university/stats, shared here: it answers with the page's data and status.
import { data } from "@remix-run/node";
import type { CurrentUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { orErrorPage } from "~/lib/errors";
import { listUniversities } from "~/models/organization/organization.server";
import { statisticsFor } from "./statistics.server";
import { parseStatsParams } from "./stats-params";

/** Universities in the order a Chinese reader looks for them: by the pinyin of their names (重庆大学 before
 * 西南大学), not by code point. */
export function byPinyin<T extends { name: string }>(universities: T[]): T[] {
  const collator = new Intl.Collator("zh-CN-u-co-pinyin");
  return [...universities].sort((a, b) => collator.compare(a.name, b.name));
}

/** An invalid period or scope shows the default period with the problems listed, answered 400. */
export async function loadDashboard(user: CurrentUser, request: Request, today: Date = new Date()) {
  const parsed = parseStatsParams(new URL(request.url).searchParams, today);
  const statsRequest = parsed.ok ? parsed.request : { period: null, university: null, cluster: null };
  const [stats, universities] = await Promise.all([
    orErrorPage(statisticsFor(user, statsRequest, today)),
    user.role === "ADMIN" ? listUniversities().then(byPinyin) : null,
  ]);
  return data(
    { stats, universities, issues: parsed.ok ? [] : parsed.issues, today: isoDay(today) },
    { status: parsed.ok ? 200 : 400 },
  );
}
