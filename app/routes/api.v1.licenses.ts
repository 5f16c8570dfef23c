import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, errorResponse } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { messageIn } from "~/lib/i18n";
import { listLicensesFor } from "~/models/license/read.server";
import type { LicenseStatus } from "~/models/license/status";

const STATUSES: LicenseStatus[] = ["AWAITING_PAYMENT", "ACTIVE", "ENDED"];

/** GET /api/v1/licenses[?status=]: the licenses the user's organisation holds or granted. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const user = await requireUser(request);
    const raw = new URL(request.url).searchParams.get("status");
    const status = STATUSES.find((s) => s === raw);
    if (raw && !status)
      return errorResponse(400, {
        error: `status is one of ${STATUSES.join(", ")}`,
        issues: [{ path: "status", message: messageIn("en", "licenses.err.status") }],
      });
    return jsonAnswer({ items: await listLicensesFor(user, { status }) });
  });
}
