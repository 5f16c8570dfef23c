import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/ui/list";
import { getUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { formatFen } from "~/lib/format";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { pageParam } from "~/lib/paging";
import { listNeeds } from "~/models/need/need.server";
import { CLUSTERS } from "~/models/taxonomy";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("need.title") }];

/** GET /needs[?page=]: open needs the visitor may see, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return { ...(await listNeeds(user, { page: pageParam(request) })), canPost: user?.role === "SME" };
}

export default function Needs() {
  const { needs, page, pages, canPost } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  return (
    <section aria-labelledby="needs-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="needs-heading" className="text-2xl font-bold">
          {t("need.title")}
        </h1>
        {canPost && (
          <Link to="/needs/new" className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-900">
            {t("need.new")}
          </Link>
        )}
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t("need.lead")}</p>
      {needs.length === 0 ? (
        <p className="text-slate-600">{t("need.none")}</p>
      ) : (
        <ol className="space-y-3">
          {needs.map((need) => {
            const cluster = CLUSTERS.find((c) => c.code === need.cluster);
            return (
              <li key={need.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <h2 className="font-semibold">
                  <Link to={`/needs/${need.id}`} className="text-brand-700 underline">
                    {need.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-600">
                  {need.organization.name}
                  {cluster && ` · ${localized(language, cluster.zh, cluster.en)}`}
                  {(need.budgetMinFen !== null || need.budgetMaxFen !== null) &&
                    ` · ${t("need.budget")} ${[need.budgetMinFen, need.budgetMaxFen].map((fen) => (fen === null ? "…" : formatFen(fen, language))).join(" – ")}`}
                  {need.deadline && ` · ${t("need.deadline")} ${isoDay(need.deadline)}`}
                  {` · ${t(`need.visibility.${need.visibility as "PUBLIC" | "UNIVERSITIES"}`)}`}
                  {` · ${t("need.proposalCount", { count: need._count.proposals })}`}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <Pager page={page} pages={pages} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
