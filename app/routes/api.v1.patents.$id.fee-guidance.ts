import type { LoaderFunctionArgs } from "@remix-run/node";
import { errorResponse } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { parsePatentId } from "~/lib/route-params";
import { exclusiveLicenseOf } from "~/models/license/exclusivity.server";
import { feeGuidanceFor } from "~/models/open-license/fee-guidance.server";

/**
 * GET /api/v1/patents/:id/fee-guidance: the figures shown beside the declaration form. The open licenses in force
 * on comparable patents (same IPC subclass, else same 33618 cluster): `{ basis, subclass, cluster, declarations,
 * taken, licenses, lumpSumFen, entryFeeFen, royaltyBasisPoints, perUnitFen }`, each fee `{ count, median, min, max }`
 * or null; and `exclusiveLicense` `{ kind, endsOn }` while one is in force. Declarations are published: anyone may read it.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = parsePatentId(params.id);
  const guidance = id === null ? null : await feeGuidanceFor(id);
  if (id === null || !guidance) return errorResponse(404, { error: "No patent with this id" });
  return jsonAnswer({ ...guidance, exclusiveLicense: await exclusiveLicenseOf(id) });
}
