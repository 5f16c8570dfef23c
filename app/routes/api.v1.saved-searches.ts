import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { listSavedSearches, saveSearch } from "~/models/alerts.server";
import { SavedSearchSchema } from "~/models/need/schemas";

/** GET /api/v1/saved-searches: the caller's saved searches. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(async () => jsonAnswer({ items: await listSavedSearches(await requireUser(request)) }));
}

/** POST /api/v1/saved-searches {name, query}: saves a /patents query (as in its URL) to be told of new matches (201). */
export async function action({ request }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const user = await requireUser(request);
    return jsonAnswer(await saveSearch(user, await readJson(request, SavedSearchSchema)), { status: 201 });
  });
}
