import type { LoaderFunctionArgs } from "@remix-run/node";
import { errorResponse } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { parsePatentId } from "~/lib/route-params";
import { getPatentDetail } from "~/models/patent.server";
import { patentSearch } from "~/models/search/service.server";

/** GET /api/v1/patents/:id: one patent with its open-license terms and similar patents. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = parsePatentId(params.id);
  if (id === null) return errorResponse(404, { error: "No patent with this id" });
  const patent = await getPatentDetail(id);
  if (!patent) return errorResponse(404, { error: "No patent with this id" });
  const similar = await patentSearch().similar(id);
  return jsonAnswer({ ...patent, similar: similar.map(({ highlights: _h, ...item }) => item) });
}
