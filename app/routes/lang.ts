import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/lib/http.server";
import { isLanguage, LANGUAGE_COOKIE } from "~/lib/i18n";
import { safeRedirect } from "~/lib/redirect-target";

/** Remembers the chosen UI language for a year and goes back to the page the user was on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const language = form.get("language");
  if (!isLanguage(language)) throw new Response("language must be zh or en", { status: 400 });
  return redirect(safeRedirect(form.get("returnTo")), {
    headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export function loader() {
  return redirect("/");
}
