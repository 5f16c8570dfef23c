import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { recordId } from "~/lib/route-params";
import { licenseRecordal } from "~/models/contract/recordal.server";

/** GET /licenses/:id/recordal: the fields of the license contract recordal form (专利实施许可合同备案), as CSV, for the parties. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { fileName, csv } = await orErrorPage(licenseRecordal(user, recordId(params.id)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
