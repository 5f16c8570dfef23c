import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { clientIp, readJson, jsonAnswer } from "~/lib/http.server";
import { startSession } from "~/lib/session.server";
import { confirmRegistration } from "~/models/account/account.server";

const ConfirmSchema = z.object({
  token: z.string({ message: "validation.required" }).min(1, "validation.required").max(100, "validation.tooLong"),
});

/** POST /api/v1/register/confirm `{ token }`: the mailed link's token creates the account; 201 with the user,
 * signed in; 410 for a used, expired or unknown token. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const { token } = await readJson(request, ConfirmSchema);
    const user = await confirmRegistration(token, clientIp(context));
    return jsonAnswer({ user }, { status: 201, headers: { "Set-Cookie": await startSession(user.id) } });
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
