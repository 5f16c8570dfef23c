import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { confirmPayment } from "~/models/payment/payment.server";
import { PaymentReceiptJson } from "~/models/payment/schemas";

export function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/payments/:id/receipts `{ amountFen, receivedOn: "YYYY-MM-DD", reference }`: the licensor confirms
 * money received (201); a partial amount leaves the rest due. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const user = await requireUser(request);
    const receipt = await readJson(request, PaymentReceiptJson);
    return jsonAnswer(await confirmPayment(user, recordId(params.id), receipt), { status: 201 });
  });
}
