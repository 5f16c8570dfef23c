import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCount, formatPercent } from "~/lib/format";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { getMarketplaceFigures } from "~/models/marketplace.server";
import { CLUSTERS } from "~/models/taxonomy";

export async function loader() {
  return { figures: await getMarketplaceFigures() };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = translator(languageFromMatches(matches));
  return [{ title: `${t("app.name")} · ${t("app.tagline")}` }, { name: "description", content: t("home.lead") }];
};

/** The lead's promise to compare terms, as a link to the comparison. */
function LeadWithCompareLink({ lead, phrase }: { lead: string; phrase: string }) {
  const at = lead.indexOf(phrase);
  if (at < 0) return <>{lead}</>;
  return (
    <>
      {lead.slice(0, at)}
      <Link
        to="/compare"
        className="font-medium text-white underline decoration-amber-300 underline-offset-2 hover:decoration-2"
      >
        {phrase}
      </Link>
      {lead.slice(at + phrase.length)}
    </>
  );
}

export default function Home() {
  const { figures } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const stats: Array<[string, string]> = [
    [formatCount(figures.transferablePatents, language), t("home.figure.pool")],
    [formatCount(figures.universities, language), t("home.figure.universities")],
    [formatCount(figures.openLicensePatents, language), t("home.figure.openLicenses")],
    [formatCount(figures.dealsInYear, language), t("home.figure.deals", { year: figures.dealsYear })],
    [formatPercent(figures.industrialisationRate), t("home.figure.rate")],
  ];
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-gradient-to-br from-brand-900 to-brand-700 px-6 py-10 text-white">
        <h1 className="text-3xl font-bold sm:text-4xl">{t("home.title")}</h1>
        <p className="mt-4 max-w-3xl text-brand-50">
          <LeadWithCompareLink lead={t("home.lead")} phrase={t("home.compareLink")} />
        </p>
        <Form method="get" action="/patents" role="search" className="mt-6 flex max-w-2xl flex-col gap-2 sm:flex-row">
          <label htmlFor="home-q" className="sr-only">
            {t("search.label")}
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            maxLength={500}
            placeholder={t("home.searchPlaceholder")}
            className="flex-1 rounded bg-white px-3 py-2 text-slate-900"
          />
          <button
            type="submit"
            className="rounded bg-amber-400 px-5 py-2 font-semibold text-slate-900 hover:bg-amber-300"
          >
            {t("home.search")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="text-xl font-semibold">
          {t("home.figures")}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {stats.map(([value, label]) => (
            <div key={label} className="flex flex-col-reverse rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums text-brand-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="clusters-heading">
        <h2 id="clusters-heading" className="text-xl font-semibold">
          {t("home.clusters")}
        </h2>
        <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {CLUSTERS.map((cluster) => (
            <li key={cluster.code}>
              <Link
                to={`/patents?cluster=${cluster.code}`}
                className="block rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
              >
                {language === "zh" ? cluster.zh : cluster.en}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="how-heading" className="text-xl font-semibold">
          {t("home.how")}
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-800">
          <li>{t("home.how.1")}</li>
          <li>{t("home.how.2")}</li>
          <li>{t("home.how.3")}</li>
        </ol>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
