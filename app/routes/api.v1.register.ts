import type { ActionFunctionArgs } from "@remix-run/node";
import { RegisterSchema } from "~/lib/account-schemas";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { clientIp, readJson } from "~/lib/http.server";
import { startSession } from "~/lib/session.server";
import { registerSme } from "~/models/account.server";

/** POST /api/v1/register: an SME signs itself up; 201 with the new user, signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const input = await readJson(request, RegisterSchema);
    const user = await registerSme(input, clientIp(context));
    return Response.json({ user }, { status: 201, headers: { "Set-Cookie": await startSession(user.id, 1) } });
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
