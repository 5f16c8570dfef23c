import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatsDashboard } from "~/components/stats-dashboard";
import { requireRole } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { statisticsDashboard } from "~/models/stats/dashboard.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("stats.title") }];

/** GET /admin/stats[?period=ytd|YYYY|range][?year= | ?from=&to=][&university=][&cluster=] */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const dashboard = await orErrorPage(statisticsDashboard(user, new URL(request.url).searchParams));
  return data(dashboard, { status: dashboard.issues.length > 0 ? 400 : 200 });
}

export default function AdminStats() {
  const { stats, universities, issues, today } = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  return (
    <section aria-labelledby="stats-heading" className="space-y-4">
      <h2 id="stats-heading" className="text-lg font-semibold">
        {t("stats.title")}
      </h2>
      <StatsDashboard stats={stats} universities={universities} issues={issues} today={today} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
