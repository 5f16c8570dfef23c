import type { ActionFunctionArgs } from "@remix-run/node";
import { apiHandler, methodNotAllowed } from "~/lib/errors";
import { clientIp, readJson, jsonAnswer } from "~/lib/http.server";
import { messageIn } from "~/lib/i18n";
import { requestRegistration } from "~/models/account/account.server";
import { RegisterSchema } from "~/models/account/schemas";

/** POST /api/v1/register: an SME asks to sign up; 202 whether or not the email or credit code is registered. The
 * mail sent to the address completes it (a link to /register/<token>) or tells its owner why not. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiHandler(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const input = await readJson(request, RegisterSchema);
    await requestRegistration(input, clientIp(context));
    return jsonAnswer({ ok: true, message: messageIn("en", "account.registrationMailSent") }, { status: 202 });
  });
}

export function loader() {
  return methodNotAllowed(["POST"]);
}
