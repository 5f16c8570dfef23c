import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { assertSameOrigin, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { verifyOrganization } from "~/models/organization/organization.server";

/** POST /api/v1/organizations/:id/verify (administrators): the organisation may now sign licenses. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    assertSameOrigin(request);
    const admin = await requireRole(request, "ADMIN");
    const organization = await verifyOrganization(admin.id, recordId(params.id));
    return jsonAnswer({ organization });
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
