// What the statistics pages load: the figures for the URL's period and scope, as the user may see them.
import { data } from "@remix-run/node";
import type { CurrentUser } from "./auth.server";
import { orErrorPage } from "./errors";
import { parseStatsParams } from "./stats-params";
import { listUniversities } from "~/models/admin.server";
import { statisticsFor } from "~/models/stats.server";

/** An invalid period or scope shows the default period with the problems listed, answered 400. */
export async function loadDashboard(user: CurrentUser, request: Request) {
  const parsed = parseStatsParams(new URL(request.url).searchParams);
  const statsRequest = parsed.ok ? parsed.request : { period: null, university: null, cluster: null };
  const [stats, universities] = await Promise.all([
    orErrorPage(statisticsFor(user, statsRequest)),
    user.role === "ADMIN" ? listUniversities() : null,
  ]);
  return data({ stats, universities, issues: parsed.ok ? [] : parsed.issues }, { status: parsed.ok ? 200 : 400 });
}
