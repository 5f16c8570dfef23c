import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { apiHandler, errorResponse, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { parsePatentId } from "~/lib/route-params";
import { declareOpenLicense, patentManagedBy } from "~/models/open-license/open-license.server";
import { ApiOpenLicenseSchema } from "~/models/open-license/schemas";

/** POST /api/v1/patents/:id/open-license: staff of the owning university (or an administrator) declare an
 * open license, or publish new terms as a new version; on a co-owned patent with `consents: [{ organizationId,
 * consentedOn, reference }]` from every co-owner. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
    const patentId = parsePatentId(params.id);
    if (patentId === null) return errorResponse(404, { error: "No patent with this id." });
    await patentManagedBy(user, patentId);
    const declaration = await readJson(request, ApiOpenLicenseSchema);
    return jsonAnswer(await declareOpenLicense(user, patentId, declaration), { status: 201 });
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
