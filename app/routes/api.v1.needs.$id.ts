import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/lib/auth.server";
import { apiHandler } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { recordId } from "~/lib/route-params";
import { getNeedFor, matchNeed } from "~/models/need/need.server";

/** GET /api/v1/needs/:id: the need and the pool ranked against it, each match with its score and reasons. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const need = await getNeedFor(await getUser(request), recordId(params.id));
    return jsonAnswer({ need, matches: await matchNeed(need) });
  });
}
