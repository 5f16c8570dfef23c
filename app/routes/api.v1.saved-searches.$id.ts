import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { assertSameOrigin, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { deleteSavedSearch } from "~/models/alerts.server";

/** DELETE /api/v1/saved-searches/:id: stops the alerts of one of the caller's saved searches. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "DELETE") return methodNotAllowed(["DELETE"]);
    assertSameOrigin(request);
    await deleteSavedSearch(await requireUser(request), recordId(params.id));
    return jsonAnswer({ ok: true });
  });
}

export function loader() {
  return methodNotAllowed(["DELETE"]);
}
