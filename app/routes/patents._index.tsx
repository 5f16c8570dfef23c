import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation, useRouteLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
// Offers side by side and never a dead end (issue 13): the compare selection and the ways on from a thin result.
import { CompareBar, CompareToggle } from "~/components/compare-selection";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Highlighted } from "~/components/highlighted";
import { feeSummary } from "~/components/open-license-terms";
import { SearchSuggestionsPanel } from "~/components/search-suggestions";
import { DomainError } from "~/lib/errors";
import { formatCount } from "~/lib/format";
import { parseMessageKey, translator, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { comparedIdsIssue, parseComparedIds, withSelection } from "~/models/compare/compare-params";
import { formatApplicationNumber } from "~/models/patent/identifiers";
import { LEGAL_STATUSES, PATENT_TYPES } from "~/models/patent/vocabulary";
import type { FacetValue } from "~/models/search/facets.server";
import { parseSearchParams, type SearchParams, type ValidationIssue } from "~/models/search/search-params";
import { MAX_PAGE, searchParamsToQuery, SORTS } from "~/models/search/search-url";
import { patentSearch, type SearchResult } from "~/models/search/service.server";
import { searchSuggestions, THIN_RESULTS, type SearchSuggestions } from "~/models/search/suggestions.server";
import { CLUSTERS } from "~/models/taxonomy";
import type { loader as rootLoader } from "~/root";

type LoaderData =
  | { ok: true; params: SearchParams; result: SearchResult; suggestions: SearchSuggestions | null; selection: number[] }
  | { ok: false; q: string; issues: ValidationIssue[] };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) {
    return data<LoaderData>(
      { ok: false, q: url.searchParams.get("q")?.slice(0, 500) ?? "", issues: parsed.issues },
      { status: 400 },
    );
  }
  // The patents chosen for comparison (compare=12&compare=40): page state, not part of the search.
  const selection = parseComparedIds(url.searchParams.getAll("compare"));
  if (!selection.ok)
    return data<LoaderData>(
      { ok: false, q: parsed.params.q, issues: [{ path: "compare", message: comparedIdsIssue(selection) }] },
      { status: 400 },
    );
  try {
    const result = await patentSearch().search(parsed.params);
    const suggestions = result.total < THIN_RESULTS ? await searchSuggestions(parsed.params, result) : null;
    return data<LoaderData>({ ok: true, params: parsed.params, result, suggestions, selection: selection.ids });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const issues = [{ path: error.path ?? "q", message: error.message }];
    return data<LoaderData>({ ok: false, q: parsed.params.q, issues }, { status: error.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const language = languageFromMatches(matches);
  const t = translator(language);
  const q = data && data.ok ? data.params.q : "";
  return [{ title: `${q ? `${q} · ` : ""}${t("search.title")} · ${t("app.name")}` }];
};

const FACETS: Array<{ key: keyof SearchResult["facets"]; label: MessageKey; visible: number }> = [
  { key: "open", label: "facet.open", visible: 1 },
  { key: "fee", label: "facet.fee", visible: 4 },
  { key: "cluster", label: "facet.cluster", visible: 8 },
  { key: "university", label: "facet.university", visible: 8 },
  { key: "type", label: "facet.type", visible: 3 },
  { key: "term", label: "facet.term", visible: 4 },
  { key: "status", label: "facet.status", visible: 7 },
  { key: "field", label: "facet.field", visible: 5 },
  { key: "section", label: "facet.section", visible: 8 },
  { key: "class", label: "facet.class", visible: 8 },
];

function FacetGroup({
  name,
  title,
  values,
  visible,
}: {
  name: string;
  title: string;
  values: FacetValue[];
  visible: number;
}) {
  const { language, t } = useLanguage();
  if (values.length === 0) return null;
  const option = (value: FacetValue) => (
    <li key={value.value}>
      <label className="flex cursor-pointer items-start gap-2 py-0.5 text-sm">
        <input
          type="checkbox"
          name={name}
          value={value.value}
          defaultChecked={value.selected}
          className="mt-1 accent-brand-700"
        />
        <span className="flex-1">{language === "zh" ? value.label : value.labelEn}</span>
        <span className="tabular-nums text-slate-500">{formatCount(value.count, language)}</span>
      </label>
    </li>
  );
  const shown = values.filter((v, i) => i < visible || v.selected);
  const hidden = values.filter((v, i) => !(i < visible || v.selected));
  return (
    <fieldset className="border-b border-slate-200 py-3">
      <legend className="mb-1 text-sm font-semibold">{title}</legend>
      <ul>{shown.map(option)}</ul>
      {hidden.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">
            {t("facet.showMore", { count: values.length })}
          </summary>
          <ul>{hidden.map(option)}</ul>
        </details>
      )}
    </fieldset>
  );
}

function Pagination({ params, total, selection }: { params: SearchParams; total: number; selection: number[] }) {
  const { t } = useLanguage();
  const pages = Math.min(Math.ceil(total / params.size), MAX_PAGE);
  if (pages <= 1) return null;
  const href = (page: number) => withSelection(`/patents?${searchParamsToQuery({ ...params, page })}`, selection);
  return (
    <nav aria-label={t("search.pagination")} className="mt-6 flex items-center justify-between gap-4 text-sm">
      {params.page > 1 ? (
        <Link
          to={href(params.page - 1)}
          rel="prev"
          className="rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100"
        >
          ← {t("search.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("search.pageOf", { page: params.page, pages })}</span>
      {params.page < pages ? (
        <Link
          to={href(params.page + 1)}
          rel="next"
          className="rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100"
        >
          {t("search.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Results({ result, selection }: { result: SearchResult; selection: number[] }) {
  const { t, language } = useLanguage();
  const location = useLocation();
  const clusterName = (code: string | null) => {
    const cluster = CLUSTERS.find((c) => c.code === code);
    return cluster ? (language === "zh" ? cluster.zh : cluster.en) : null;
  };
  if (result.items.length === 0)
    return <p className="rounded bg-white p-6 text-slate-700 shadow-sm">{t("search.none")}</p>;
  const list = (words: string[]) => words.join(language === "zh" ? "、" : ", ");
  return (
    <>
      {(result.relaxed || result.partial || result.understanding.ignored.length > 0) && (
        <div className="mb-3 space-y-1 text-sm text-slate-700" data-testid="query-note">
          {result.partial && (
            <p className="rounded bg-slate-50 px-3 py-2 ring-1 ring-slate-200">{t("search.partial")}</p>
          )}
          {result.relaxed && (
            <p className="rounded bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
              {result.exactTotal === 0
                ? t("search.relaxed")
                : t("search.relaxedExact", {
                    exact: formatCount(result.exactTotal, language),
                    partial: formatCount(result.total - result.exactTotal, language),
                  })}
            </p>
          )}
          {result.understanding.ignored.length > 0 && (
            <p className="text-xs text-slate-500">
              {t("search.ignored", { words: list(result.understanding.ignored) })}
            </p>
          )}
        </div>
      )}
      <ol className="space-y-3" aria-label={t("search.title")}>
        {result.items.map((item) => {
          const [primaryTitle, secondaryTitle] =
            language === "zh"
              ? [item.highlights.title, item.highlights.titleEn]
              : [
                  item.highlights.titleEn.length ? item.highlights.titleEn : item.highlights.title,
                  item.highlights.title,
                ];
          const snippetSegments =
            language === "en" && item.highlights.abstractEn.length
              ? item.highlights.abstractEn
              : item.highlights.abstract;
          return (
            <li key={item.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="text-base font-semibold leading-snug">
                <Link
                  to={`/patents/${item.id}`}
                  state={{ search: location.search }}
                  className="text-brand-700 hover:underline"
                >
                  <Highlighted segments={primaryTitle} />
                </Link>
              </h2>
              {secondaryTitle.length > 0 && (
                <p className="text-sm text-slate-600" lang={language === "zh" ? "en" : "zh"}>
                  <Highlighted segments={secondaryTitle} />
                </p>
              )}
              <p className="mt-2 text-sm leading-relaxed text-slate-800">
                <Highlighted segments={snippetSegments} />
              </p>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
                <span>
                  {language === "zh" ? item.university.name : (item.university.nameEn ?? item.university.name)}
                </span>
                <span>{formatApplicationNumber(item.applicationNumber)}</span>
                <span>{language === "zh" ? PATENT_TYPES[item.type].zh : PATENT_TYPES[item.type].en}</span>
                <span>{item.ipcMain}</span>
                <span>
                  {language === "zh" ? LEGAL_STATUSES[item.legalStatus].zh : LEGAL_STATUSES[item.legalStatus].en}
                </span>
                {clusterName(item.cluster) && <span>{clusterName(item.cluster)}</span>}
                <span>
                  {t("patent.expiresOn")} {item.expiresOn}
                </span>
              </div>
              {item.missing.length > 0 && (
                <p className="mt-1 text-xs text-slate-500">{t("search.missing", { words: list(item.missing) })}</p>
              )}
              {item.family.length > 0 && (
                <p className="mt-1 text-xs text-slate-600">
                  {t("search.family")}
                  {item.family.map((member, i) => (
                    <span key={member.id}>
                      {i > 0 && (language === "zh" ? "、" : ", ")}
                      <Link to={`/patents/${member.id}`} className="text-brand-700 hover:underline">
                        {formatApplicationNumber(member.applicationNumber)}
                      </Link>{" "}
                      ({language === "zh" ? PATENT_TYPES[member.type].zh : PATENT_TYPES[member.type].en})
                    </span>
                  ))}
                </p>
              )}
              {item.openLicense && (
                <p className="mt-2 inline-block rounded bg-emerald-50 px-2 py-1 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
                  {t("patent.openLicense.offered")}: {feeSummary(item.openLicense, language)}
                </p>
              )}
              <div className="mt-2">
                <CompareToggle
                  id={item.id}
                  title={language === "zh" ? item.title : (item.titleEn ?? item.title)}
                  selection={selection}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}

export default function PatentSearchPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  // A refusal travels as a message key with its values (DomainError), shown in the page's language.
  const shownMessage = (message: string) => {
    const parsed = parseMessageKey(message);
    return parsed ? t(parsed.key, parsed.values) : message;
  };
  const searching = navigation.state === "loading" && navigation.location.pathname === "/patents";
  const params = loaderData.ok ? loaderData.params : null;
  const q = loaderData.ok ? loaderData.params.q : loaderData.q;

  // The form's uncontrolled inputs must follow the URL when it changes by a link or the back button.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    (form.elements.namedItem("q") as HTMLInputElement).value = q;
    const search = new URLSearchParams(window.location.search);
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))) {
      input.checked = search.getAll(input.name).includes(input.value);
    }
    const sort = form.elements.namedItem("sort") as HTMLSelectElement | null;
    if (sort) sort.value = search.get("sort") ?? "relevance";
  }, [q, loaderData]);

  // From md up the filter drawer is a sidebar that stays open.
  const filtersRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (filtersRef.current && window.matchMedia("(min-width: 768px)").matches) filtersRef.current.open = true;
  }, []);
  const activeFilters = loaderData.ok
    ? FACETS.reduce(
        (sum, facet) => sum + loaderData.result.facets[facet.key].filter((value) => value.selected).length,
        0,
      )
    : 0;

  // Ticking "compare" keeps the reader's place on the page.
  const submitForm = (keepScroll = false) =>
    formRef.current && submit(formRef.current, { replace: false, preventScrollReset: keepScroll });

  return (
    <div>
      <h1 className="sr-only">{t("search.title")}</h1>
      <Form
        ref={formRef}
        method="get"
        action="/patents"
        role="search"
        onChange={(event) => {
          // Filters and sort apply at once; typing in the search box waits for Enter.
          const name = (event.target as HTMLElement).getAttribute("name");
          if (name !== "q") submitForm(name === "compare");
        }}
      >
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="q" className="sr-only">
            {t("search.label")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={500}
            placeholder={t("search.placeholder")}
            aria-describedby="search-help"
            className="flex-1 rounded border border-slate-300 bg-white px-3 py-2 text-base"
          />
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-600">
            {t("search.submit")}
          </button>
        </div>
        <p id="search-help" className="mt-1 text-xs text-slate-500">
          {t("search.help")}
        </p>

        {!loaderData.ok && (
          <div role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-4 text-sm text-red-800">
            <p className="font-semibold">{t("search.error")}</p>
            <ul className="mt-1 list-disc pl-5">
              {loaderData.issues.map((issue) => (
                <li key={issue.path + issue.message}>
                  {issue.path ? `${issue.path}: ` : ""}
                  {shownMessage(issue.message)}
                </li>
              ))}
            </ul>
            <Link to="/patents" className="mt-2 inline-block underline">
              {t("search.clearFilters")}
            </Link>
          </div>
        )}

        {params && loaderData.ok && (
          <div className="mt-4 grid gap-4 md:grid-cols-[16rem_minmax(0,1fr)] md:gap-6">
            <aside aria-labelledby="filters-heading" className="min-w-0">
              {/* On a phone the filters fold into a drawer above the results; from md up they are always open
                  (CSS on ::details-content, and opened on mount for browsers without it). */}
              <details
                ref={filtersRef}
                className="rounded-lg bg-white px-3 ring-1 ring-slate-200 md:bg-transparent md:px-0 md:ring-0 md:[&::details-content]:[content-visibility:visible]"
              >
                <summary className="flex cursor-pointer items-center justify-between py-2 text-sm font-semibold text-brand-700 md:hidden">
                  <span>
                    {t("search.showFilters")}
                    {activeFilters > 0 ? ` (${activeFilters})` : ""}
                  </span>
                  <span aria-hidden="true">▾</span>
                </summary>
                <div className="flex items-baseline justify-between">
                  <h2 id="filters-heading" className="text-sm font-bold uppercase tracking-wide text-slate-600">
                    {t("search.filters")}
                  </h2>
                  <Link
                    to={withSelection(
                      params.q ? `/patents?${searchParamsToQuery({ q: params.q })}` : "/patents",
                      loaderData.selection,
                    )}
                    className="text-xs text-brand-700 underline"
                  >
                    {t("search.clearFilters")}
                  </Link>
                </div>
                {FACETS.map((facet) => (
                  <FacetGroup
                    key={facet.key}
                    name={facet.key}
                    title={t(facet.label)}
                    values={loaderData.result.facets[facet.key]}
                    visible={facet.visible}
                  />
                ))}
                <noscript>
                  <button type="submit" className="my-3 w-full rounded bg-brand-700 px-3 py-2 text-sm text-white">
                    {t("search.applyFilters")}
                  </button>
                </noscript>
              </details>
            </aside>
            <section aria-labelledby="results-heading" aria-busy={searching} className="min-w-0">
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
                  {params.q
                    ? t("search.resultsFor", { q: params.q, total: formatCount(loaderData.result.total, language) })
                    : t("search.results", { total: formatCount(loaderData.result.total, language) })}
                </h2>
                <label className="flex items-center gap-2 text-sm">
                  {t("search.sort")}
                  <select
                    name="sort"
                    defaultValue={params.sort}
                    className="rounded border border-slate-300 bg-white px-2 py-1"
                  >
                    {SORTS.map((sort) => (
                      <option key={sort} value={sort}>
                        {t(`search.sort.${sort}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {params.size !== 20 && <input type="hidden" name="size" value={params.size} />}
              <div className={searching ? "opacity-60 transition-opacity" : undefined}>
                <CompareBar
                  selection={loaderData.selection}
                  pageIds={loaderData.result.items.map((item) => item.id)}
                  clearHref={`/patents?${searchParamsToQuery(params)}`}
                />
                <Results result={loaderData.result} selection={loaderData.selection} />
                {loaderData.suggestions && (
                  <SearchSuggestionsPanel
                    suggestions={loaderData.suggestions}
                    total={loaderData.result.total}
                    q={params.q}
                    selection={loaderData.selection}
                  />
                )}
              </div>
              <Pagination params={params} total={loaderData.result.total} selection={loaderData.selection} />
            </section>
          </div>
        )}
      </Form>
      {params && (
        <SaveSearch query={searchParamsToQuery({ ...params, page: undefined, size: undefined })} name={params.q} />
      )}
    </div>
  );
}

/** Signed-in companies and staff save the search as it stands, to be told of new matches. */
function SaveSearch({ query, name }: { query: string; name: string }) {
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  const { t } = useLanguage();
  if (!user || !(user.isCompany || user.isStaff)) return null;
  return (
    <Form
      method="post"
      action="/saved-searches"
      className="mt-6 flex flex-wrap items-end gap-2 rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200"
    >
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="query" value={query} />
      <label className="flex flex-col">
        {t("saved.name")}
        <input
          name="name"
          required
          maxLength={80}
          defaultValue={name || t("saved.title")}
          className="mt-1 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded bg-white px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100">
        {t("saved.save")}
      </button>
    </Form>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
