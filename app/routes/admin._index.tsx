import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return redirect(user.role === "ADMIN" ? "/admin/organizations" : "/admin/invitations");
}
