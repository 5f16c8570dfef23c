import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { listSalesReports, reportSales } from "~/models/payment/payment.server";
import { SalesReportJson } from "~/models/payment/schemas";

/** GET /api/v1/licenses/:id/sales-reports: the sales reported under a license and the royalty each made due. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const user = await requireUser(request);
    const { license, terms, reports } = await listSalesReports(user, recordId(params.id));
    return jsonAnswer({
      license: {
        id: license.id,
        contractNumber: license.contractNumber,
        startsOn: license.startsOn,
        endsOn: license.endsOn,
      },
      terms,
      items: reports,
    });
  });
}

/** POST /api/v1/licenses/:id/sales-reports `{ period, revenueFen, units }`: the licensee reports a period that is
 * over and inside the license's term; 201 with the royalty payment it makes due. */
export async function action({ request, params }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const user = await requireUser(request);
    const payment = await reportSales(user, recordId(params.id), await readJson(request, SalesReportJson));
    return jsonAnswer(
      {
        id: payment.id,
        kind: payment.kind,
        amountFen: payment.amountFen,
        dueOn: payment.dueOn,
        salesReportId: payment.salesReportId,
      },
      { status: 201 },
    );
  });
}
