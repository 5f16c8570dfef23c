import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatsDashboard } from "~/components/stats-dashboard";
import { requireRole } from "~/lib/auth.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { loadDashboard } from "~/models/stats/stats-request.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("stats.title") }];

/** GET /admin/stats[?period=ytd|YYYY|range][?year= | ?from=&to=][&university=][&cluster=] */
export async function loader({ request }: LoaderFunctionArgs) {
  return loadDashboard(await requireRole(request, "ADMIN"), request);
}

export default function AdminStats() {
  const { stats, universities, issues, today } = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  return (
    <section aria-labelledby="stats-heading" className="space-y-4">
      <h2 id="stats-heading" className="text-lg font-semibold">{t("stats.title")}</h2>
      <StatsDashboard stats={stats} universities={universities} issues={issues} today={today} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
