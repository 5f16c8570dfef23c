import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";

/** /admin leads administrators to the organisations and a university's admin member to invitations. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "ADMIN") return redirect("/admin/organizations");
  if (user.canInvite) return redirect("/admin/invitations");
  throw new Response("auth.forbidden", { status: 403 });
}
