import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { getPaymentFor } from "~/models/payment/payment.server";

/** GET /api/v1/payments/:id: a payment with its receipts (amount, day, voucher) and what is still due. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const user = await requireUser(request);
    const payment = await getPaymentFor(user, recordId(params.id));
    return jsonAnswer({
      id: payment.id,
      licenseId: payment.licenseId,
      contractNumber: payment.license.contractNumber,
      kind: payment.kind,
      period: payment.salesReport?.period ?? null,
      amountFen: payment.amountFen,
      dueOn: payment.dueOn,
      paidAt: payment.paidAt,
      receivedFen: payment.receivedFen,
      outstandingFen: payment.outstandingFen,
      overdue: payment.overdue,
      receipts: payment.receipts,
    });
  });
}
