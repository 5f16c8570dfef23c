import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { assertSameOrigin, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { withdrawOpenLicense } from "~/models/open-license/open-license.server";

/** DELETE /api/v1/open-licenses/:id withdraws the declaration (licenses already concluded stay valid). */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "DELETE") return methodNotAllowed(["DELETE"]);
    assertSameOrigin(request);
    const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
    return jsonAnswer(await withdrawOpenLicense(user, recordId(params.id)));
  });
}

export function loader() {
  return methodNotAllowed(["DELETE"]);
}
