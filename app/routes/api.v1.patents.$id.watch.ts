import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, errorResponse, methodNotAllowed } from "~/lib/errors";
import { assertSameOrigin, jsonAnswer } from "~/lib/http.server";
import { parsePatentId } from "~/lib/route-params";
import { unwatchPatent, watchPatent } from "~/models/alerts.server";

/** POST /api/v1/patents/:id/watch watches a patent (alerts on open-license changes); DELETE stops. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST" && request.method !== "DELETE") return methodNotAllowed(["POST", "DELETE"]);
    assertSameOrigin(request);
    const user = await requireUser(request);
    const patentId = parsePatentId(params.id);
    if (patentId === null) return errorResponse(404, { error: "No patent with this id." });
    await (request.method === "POST" ? watchPatent(user, patentId) : unwatchPatent(user, patentId));
    return jsonAnswer({ watching: request.method === "POST" });
  });
}

export function loader() {
  return methodNotAllowed(["POST", "DELETE"]);
}
