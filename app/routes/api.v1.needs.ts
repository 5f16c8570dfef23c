import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getUser, requireRole } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { readJson, jsonAnswer } from "~/lib/http.server";
import { pageParam } from "~/lib/paging";
import { createNeed, listNeeds } from "~/models/need/need.server";
import { NeedJsonSchema, needInput } from "~/models/need/schemas";

/** GET /api/v1/needs[?page=]: the open needs the caller may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(async () => jsonAnswer(await listNeeds(await getUser(request), { page: pageParam(request) })));
}

/** POST /api/v1/needs {title, description, cluster?, budgetMin?, budgetMax? (yuan), deadline? (YYYY-MM-DD), visibility: PUBLIC | UNIVERSITIES}:
 * a verified company posts a need (201). */
export async function action({ request }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const user = await requireRole(request, "SME");
    const input = await readJson(request, NeedJsonSchema);
    return jsonAnswer(await createNeed(user, needInput(input)), { status: 201 });
  });
}
