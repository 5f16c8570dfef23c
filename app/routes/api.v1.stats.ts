import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { apiHandler, errorResponse } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { messageIn } from "~/lib/i18n";
import { statisticsFor } from "~/models/stats/statistics.server";
import { parseStatsParams } from "~/models/stats/stats-params";

/** GET /api/v1/stats?year= | ?from=&to=, &university=, &cluster=: the dashboard's figures as JSON. Administrators
 * see any university or all; staff their own (another university's id is answered 403). Money is in fen. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
    const parsed = parseStatsParams(new URL(request.url).searchParams);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => ({ path: issue.path, message: messageIn("en", issue.message) }));
      return errorResponse(400, { error: issues[0].message, issues });
    }
    return jsonAnswer(await statisticsFor(user, parsed.request), {
      headers: { "Cache-Control": "private, no-store" },
    });
  });
}
