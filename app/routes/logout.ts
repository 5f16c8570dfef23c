import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "~/lib/auth.server";
import { clientIp, readForm } from "~/lib/http.server";
import { endSession } from "~/lib/session.server";
import { recordSignOut } from "~/models/account.server";

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request);
  const user = await getUser(request);
  if (user) await recordSignOut(user, clientIp(context));
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirect("/");
}
