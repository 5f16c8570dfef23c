import type { LoaderFunctionArgs } from "@remix-run/node";
import { domainErrorResponse, errorResponse } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";
import { messageIn } from "~/lib/i18n";
import { parseSearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";

/** GET /api/v1/patents: the search of /patents as JSON. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) {
    // The API answers in English, as its other refusals do; the issues carry message keys.
    const issues = parsed.issues.map((issue) => ({ path: issue.path, message: messageIn("en", issue.message) }));
    return errorResponse(400, { error: "Invalid search parameters", issues });
  }
  try {
    return jsonAnswer(await patentSearch().search(parsed.params));
  } catch (error) {
    return domainErrorResponse(error);
  }
}
