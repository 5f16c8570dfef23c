// Never a dead end: the ways on from a search that found nothing or little (app/models/search/suggestions.server.ts),
// each a link that keeps the rest of the page's state, with the number of patents it leads to.
import { Link, useRouteLoaderData } from "@remix-run/react";
import { formatCount } from "~/lib/format";
import type { MessageKey } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { withSelection } from "~/models/compare/compare-params";
import type { SearchSuggestions } from "~/models/search/suggestions.server";
import type { loader as rootLoader } from "~/root";

const FILTER_LABELS: Record<SearchSuggestions["filters"][number]["key"], MessageKey> = {
  university: "facet.university",
  type: "facet.type",
  section: "facet.section",
  class: "facet.class",
  cluster: "facet.cluster",
  field: "facet.field",
  status: "facet.status",
  term: "facet.term",
  fee: "facet.fee",
  open: "facet.open",
};

/** The link that opens the need form with the query filled in. */
export function needFormHref(need: { title: string; description: string }): string {
  return `/needs/new?${new URLSearchParams({ title: need.title, description: need.description })}`;
}

export function SearchSuggestionsPanel({
  suggestions,
  total,
  q,
  selection,
}: {
  suggestions: SearchSuggestions;
  total: number;
  q: string;
  selection: number[];
}) {
  const { t, language } = useLanguage();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  const count = (n: number) =>
    n === 1 ? t("suggest.countOne") : t("suggest.count", { count: formatCount(n, language) });
  const href = (query: string) => withSelection(`/patents?${query}`, selection);
  const list = (values: string[]) => values.join(language === "zh" ? "、" : ", ");
  const { filters, withoutFilters, withoutWords, didYouMean, related, need } = suggestions;
  // University staff and administrators do not post technology needs; companies and visitors (asked to sign in) do.
  const mayPostNeed = need && (!user || user.isCompany);
  if (filters.length === 0 && didYouMean.length === 0 && related.length === 0 && !mayPostNeed) return null;
  const linkClass = "text-brand-700 underline decoration-brand-600/40 hover:decoration-brand-700";
  return (
    <section
      aria-labelledby="suggestions-heading"
      className="mt-4 space-y-4 break-words rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-amber-200"
    >
      <h2 id="suggestions-heading" className="text-base font-semibold">
        {total === 0 ? t("suggest.headingNone") : t("suggest.headingFew", { total: formatCount(total, language) })}
      </h2>

      {filters.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("suggest.filters")}</h3>
          <p className="text-slate-600">{t("suggest.filtersLead")}</p>
          <ul className="mt-1 space-y-1">
            {filters.map((filter) => (
              <li key={filter.key}>
                <Link to={href(filter.query)} className={linkClass}>
                  {t("suggest.drop", {
                    filter: `${t(FILTER_LABELS[filter.key])}: ${list(filter.values.map((value) => (language === "zh" ? value.label : value.labelEn)))}`,
                  })}
                  {" · "}
                  {count(filter.total)}
                </Link>
              </li>
            ))}
            {withoutFilters && (
              <li>
                <Link to={href(withoutFilters.query)} className={linkClass}>
                  {t("suggest.dropAll")}
                  {" · "}
                  {count(withoutFilters.total)}
                </Link>
              </li>
            )}
            {withoutWords && (
              <li>
                <Link to={href(withoutWords.query)} className={linkClass}>
                  {t("suggest.dropWords", { q })}
                  {" · "}
                  {count(withoutWords.total)}
                </Link>
              </li>
            )}
          </ul>
        </div>
      )}

      {didYouMean.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("suggest.didYouMean")}</h3>
          <ul className="mt-1 space-y-1">
            {didYouMean.map((suggestion) => (
              <li key={suggestion.query}>
                <Link to={href(suggestion.query)} className={linkClass}>
                  {t("suggest.search", { term: suggestion.term })}
                  {" · "}
                  {count(suggestion.total)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      {related.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("suggest.related")}</h3>
          <p className="text-slate-600">{t("suggest.relatedLead")}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {related.map((suggestion) => (
              <li key={suggestion.query}>
                <Link
                  to={href(suggestion.query)}
                  aria-label={`${t("suggest.search", { term: suggestion.term })} · ${count(suggestion.total)}`}
                  className="inline-block rounded-full bg-slate-100 px-3 py-1 text-brand-700 ring-1 ring-slate-200 hover:bg-slate-200"
                >
                  {suggestion.term} · {count(suggestion.total)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      {mayPostNeed && need && (
        <div>
          <h3 className="font-semibold">{t("suggest.need")}</h3>
          <p className="text-slate-600">{t("suggest.needLead", { q })}</p>
          <Link
            to={needFormHref(need)}
            className="mt-2 inline-block max-w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600"
          >
            {t("suggest.needLink", { q: need.title })}
          </Link>
          {!user && <p className="mt-1 text-xs text-slate-500">{t("suggest.needSignIn")}</p>}
        </div>
      )}
    </section>
  );
}
