import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { recordId } from "~/lib/route-params";
import { transferRecordal } from "~/models/contract/recordal.server";
import { getDealFor } from "~/models/deal/deal.server";

/** GET /deals/:id/recordal: for a concluded assignment, the fields of its registration with CNIPA, as CSV; a
 * concluded license's recordal is its license's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const deal = await orErrorPage(getDealFor(user, recordId(params.id)));
  if (deal.licenseId) return redirect(`/licenses/${deal.licenseId}/recordal`);
  if (!deal.transferId) throw new Response("This deal is not concluded yet.", { status: 404 });
  const { fileName, csv } = await orErrorPage(transferRecordal(user, deal.transferId));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
