import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { toCsv } from "~/lib/csv";
import { orErrorPage } from "~/lib/errors";
import { languageOf, messageIn } from "~/lib/i18n";
import { statisticsFor } from "~/models/stats/statistics.server";
import { parseStatsParams } from "~/models/stats/stats-params";
import { buildStatsTables, exportHeader, exportStatsCell, STATS_TABLES } from "~/models/stats/stats-tables";

/** GET /stats/export/:table?<the dashboard's query>: one dashboard table as CSV (UTF-8 with BOM, for Excel). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const tableId = STATS_TABLES.find((id) => id === params.table);
  if (!tableId) throw new Response(`No table ${params.table}; tables: ${STATS_TABLES.join(", ")}`, { status: 404 });
  const parsed = parseStatsParams(new URL(request.url).searchParams);
  if (!parsed.ok)
    throw new Response(parsed.issues.map((issue) => `${issue.path}: ${messageIn("en", issue.message)}`).join("; "), {
      status: 400,
    });
  const stats = await orErrorPage(statisticsFor(user, parsed.request));
  const language = languageOf(request);
  const table = buildStatsTables(stats, language)[tableId];
  const csv = toCsv(
    table.columns.map((column) => exportHeader(column, language)),
    table.rows.map((row) => row.map((value, i) => exportStatsCell(value, table.columns[i].kind))),
  );
  const scope = [stats.scope.universityId, stats.scope.cluster].filter(Boolean).join("-");
  const filename = `patentbridge-${tableId}-${stats.period.from}-${stats.period.to}${scope ? `-${scope}` : ""}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
