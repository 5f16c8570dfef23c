import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { acceptOpenLicense } from "~/models/open-license/open-license.server";
import { AcceptOpenLicenseSchema } from "~/models/open-license/schemas";

/** POST /api/v1/open-licenses/:id/accept: a verified SME signs; 201 with the new license, or 200 with the
 * one it already holds on this declaration. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const user = await requireRole(request, "SME");
    const acceptance = await readJson(request, AcceptOpenLicenseSchema);
    const { license, created, status } = await acceptOpenLicense(user, recordId(params.id), acceptance);
    return jsonAnswer(
      { id: license.id, status, contractNumber: license.contractNumber, fingerprint: license.contractSha256 },
      { status: created ? 201 : 200 },
    );
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
