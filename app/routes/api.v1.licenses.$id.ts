import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { getLicenseFor } from "~/models/license/read.server";

/** GET /api/v1/licenses/:id: the license with its terms, contract and history, for its parties. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const user = await requireUser(request);
    return jsonAnswer(await getLicenseFor(user, recordId(params.id)));
  });
}
