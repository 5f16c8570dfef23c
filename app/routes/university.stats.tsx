import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatsDashboard } from "~/components/stats-dashboard";
import { requireRole } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { statisticsDashboard } from "~/models/stats/dashboard.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("nav.stats") }];

/** GET /university/stats[?year= | ?from=&to=][&cluster=]: the staff's own university, with its rank.
 * Administrators have no university of their own: they use /admin/stats. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  if (user.role === "ADMIN") return redirect(`/admin/stats${new URL(request.url).search}`);
  const dashboard = await orErrorPage(statisticsDashboard(user, new URL(request.url).searchParams));
  return data(dashboard, { status: dashboard.issues.length > 0 ? 400 : 200 });
}

export default function UniversityStats() {
  const { stats, issues, today } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t("stats.universityTitle", {
          university: localized(language, stats.scope.universityName, stats.scope.universityNameEn),
        })}
      </h1>
      <StatsDashboard stats={stats} universities={null} issues={issues} today={today} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
