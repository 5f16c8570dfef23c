import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { recordId } from "~/lib/route-params";
import { contractPdf } from "~/models/contract/pdf.server";
import { getLicenseFor } from "~/models/license/read.server";

/** GET /licenses/:id/pdf: the signed contract as a PDF, for the parties. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const license = await orErrorPage(getLicenseFor(user, recordId(params.id)));
  if (!license.contractText) throw new Response("This license has no contract text.", { status: 404 });
  const pdf = await contractPdf({
    contractNumber: license.contractNumber,
    contractText: license.contractText,
    fingerprint: license.contractSha256,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${license.contractNumber}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
