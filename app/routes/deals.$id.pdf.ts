import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { recordId } from "~/lib/route-params";
import { contractPdf } from "~/models/contract/pdf.server";
import { getDealFor } from "~/models/deal/deal.server";

/** GET /deals/:id/pdf: a concluded assignment's contract as a PDF, for the parties; a license's is its license's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const deal = await orErrorPage(getDealFor(user, recordId(params.id)));
  if (deal.licenseId) return redirect(`/licenses/${deal.licenseId}/pdf`);
  if (!deal.transfer?.contractText) throw new Response("This deal is not concluded yet.", { status: 404 });
  const pdf = await contractPdf({
    contractNumber: deal.transfer.contractNumber,
    contractText: deal.transfer.contractText,
    fingerprint: deal.transfer.contractSha256,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${deal.transfer.contractNumber}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
