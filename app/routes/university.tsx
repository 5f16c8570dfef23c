import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireRole } from "~/lib/auth.server";
import { useLanguage } from "~/lib/language";

/** The university's workspace: its patents, imports, assessment and statistics. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  return null;
}

const SECTIONS = [
  ["/university/patents", "nav.universityPatents"],
  ["/university/import", "nav.import"],
  ["/university/assessment", "nav.assessment"],
  ["/university/stats", "nav.stats"],
] as const;

export default function UniversityLayout() {
  const { t } = useLanguage();
  return (
    <div className="space-y-4">
      <nav aria-label={t("nav.universityPatents")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {SECTIONS.map(([to, label]) => (
          <NavLink
            key={to}
            to={to}
            className={({ isActive }) =>
              `rounded px-3 py-1.5 text-sm ${isActive ? "bg-brand-700 text-white" : "bg-white ring-1 ring-slate-200 hover:bg-slate-100"}`
            }
          >
            {t(label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
