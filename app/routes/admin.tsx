import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/lib/auth.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("admin.title") }];

/** Administrators see everything here; a university's admin member only the invitations. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role !== "ADMIN" && !user.canInvite) throw new Response("auth.forbidden", { status: 403 });
  return { isAdmin: user.role === "ADMIN" };
}

export default function AdminLayout() {
  const { isAdmin } = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  const sections = isAdmin
    ? (["stats", "organizations", "users", "invitations", "audit", "outbox"] as const)
    : (["invitations"] as const);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
      <nav aria-label={t("admin.title")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {sections.map((section) => (
          <NavLink
            key={section}
            to={`/admin/${section}`}
            className={({ isActive }) =>
              `rounded px-3 py-1.5 text-sm ${isActive ? "bg-brand-700 text-white" : "bg-white ring-1 ring-slate-200 hover:bg-slate-100"}`
            }
          >
            {t(`admin.${section}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
