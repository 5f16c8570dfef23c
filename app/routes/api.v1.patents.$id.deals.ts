import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/lib/auth.server";
import { apiHandler, errorResponse, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { parsePatentId } from "~/lib/route-params";
import { requestDeal } from "~/models/deal/deal.server";
import { DealRequestSchema } from "~/models/deal/steps";

/** POST /api/v1/patents/:id/deals: a verified company asks for an ordinary, sole or exclusive license or an
 * assignment, with full terms ({ message, terms: { kind, feeModel, … } }; the older { kind, terms } is read too). */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const user = await requireRole(request, "SME");
    const patentId = parsePatentId(params.id);
    if (patentId === null) return errorResponse(404, { error: "No patent with this id." });
    const input = await readJson(request, DealRequestSchema);
    return jsonAnswer(await requestDeal(user, patentId, input), { status: 201 });
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
