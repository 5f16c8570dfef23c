import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "~/lib/auth.server";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { clientIp, readJson, jsonAnswer } from "~/lib/http.server";
import { endSession, startSession } from "~/lib/session.server";
import { authenticate, recordSignOut } from "~/models/account/account.server";
import { SignInSchema } from "~/models/account/schemas";

/** POST /api/v1/session signs in (a new session cookie); DELETE signs out (the session ends on the server). */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method === "DELETE") {
      const user = await getUser(request);
      if (user) await recordSignOut(user, clientIp(context));
      return jsonAnswer({ ok: true }, { headers: { "Set-Cookie": await endSession(request) } });
    }
    if (request.method !== "POST") return methodNotAllowed(["POST", "DELETE"]);
    const { email, password } = await readJson(request, SignInSchema);
    const { sessionVersion, ...user } = await authenticate(email, password, clientIp(context));
    return jsonAnswer({ user }, { headers: { "Set-Cookie": await startSession(user.id, sessionVersion) } });
  });
}

export function loader() {
  return methodNotAllowed(["POST", "DELETE"]);
}
