import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { advanceDeal, getDealFor } from "~/models/deal/deal.server";
import { DealStepSchema } from "~/models/deal/steps";

/** GET /api/v1/deals/:id: the negotiation with its thread, each offer's full terms and, once agreed, the contract
 * preview (text, fingerprint, fixed cost) that a signature must name. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(async () => jsonAnswer(await getDealFor(await requireUser(request), recordId(params.id))));
}

/** POST /api/v1/deals/:id with { step: "message" | "counter" | "accept" | "decline" (the owner) | "withdraw" (the
 * requester) | "account" | "sign", … }; a signature carries signatoryName, signatoryTitle and the previewFingerprint it read. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const user = await requireUser(request);
    const step = await readJson(request, DealStepSchema);
    return jsonAnswer(await advanceDeal(user, recordId(params.id), step));
  });
}
