import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { languageOf } from "~/lib/i18n";
import { recordId } from "~/lib/route-params";
import { importRejections } from "~/models/import/patent-import.server";
import { rejectionReportCsv } from "~/models/import/report";

/** GET /university/import/:id/report: every rejected row with its line and reasons, as CSV for Excel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const { fileName, rejections, notListed } = await orErrorPage(importRejections(user, recordId(params.id)));
  const base =
    fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[^\w\u4e00-\u9fff.-]+/g, "_")
      .slice(0, 80) || "import";
  return new Response(rejectionReportCsv(rejections, languageOf(request), notListed), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rejected-rows.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-rejected.csv`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
