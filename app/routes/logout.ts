import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "~/lib/auth.server";
import { clientIp, readForm } from "~/lib/http.server";
import { endSession } from "~/lib/session.server";
import { recordSignOut } from "~/models/account/account.server";

/** Signing out ends this session on the server too: the cookie is void even where a copy of it is kept. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request);
  const user = await getUser(request);
  if (user) await recordSignOut(user, clientIp(context));
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirect("/");
}
