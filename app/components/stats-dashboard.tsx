// The statistics dashboard, shared by /admin/stats (every university) and /university/stats (one's own).
import { Form, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { BarChart, FunnelChart, StackedColumnChart } from "~/components/charts";
import { cell, Table } from "~/components/ui/table";
import { formatCount, formatPercent } from "~/lib/format";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { isWholeYear, statsQuery } from "~/models/stats/period";
import type { statisticsFor } from "~/models/stats/statistics.server";
import {
  buildStatsTables,
  columnHeader,
  formatStatsCell,
  formatStatsMoney,
  type StatsTable,
} from "~/models/stats/stats-tables";
import { CLUSTERS } from "~/models/taxonomy";

export type DashboardStatistics = Awaited<ReturnType<typeof statisticsFor>>;

const FIRST_YEAR = 2010;
/** How long a changed date waits for the other end of the range before the period applies. */
const DATE_DELAY_MS = 700;

function Card({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-brand-900">{value}</dd>
      {detail && <dd className="mt-1 text-xs text-slate-600">{detail}</dd>}
    </div>
  );
}

function ExportedTable({ table, query }: { table: StatsTable; query: string }) {
  const { t, language } = useLanguage();
  return (
    <section aria-labelledby={`table-${table.id}`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`table-${table.id}`} className="font-semibold">
          {table.title}
        </h3>
        <a
          href={`/stats/export/${table.id}?${query}`}
          download
          className="text-sm text-brand-700 underline"
          aria-label={t("stats.csvLabel", { table: table.title })}
        >
          {t("stats.csv")}
        </a>
      </div>
      <Table caption={table.title} headers={table.columns.map((c) => columnHeader(c, language))}>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((value, j) => (
              <td
                key={j}
                className={`${cell} ${table.columns[j].kind === "text" ? "" : "whitespace-nowrap text-right tabular-nums"}`}
              >
                {formatStatsCell(value, table.columns[j].kind, language)}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </section>
  );
}

type University = { id: string; name: string; nameEn: string | null };

/** The period control's choice for a period: this year to date, a whole year, or a range of days. */
function periodChoice(period: { from: string; to: string }, today: string): string {
  if (isWholeYear(period)) return period.from.slice(0, 4);
  if (period.from === `${today.slice(0, 4)}-01-01` && period.to === today) return "ytd";
  return "range";
}

export function StatsDashboard({
  stats,
  universities,
  issues,
  today,
}: {
  stats: DashboardStatistics;
  universities: University[] | null;
  issues: Array<{ path: string; message: string }>;
  today: string;
}) {
  const { t, language } = useLanguage();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const tables = buildStatsTables(stats, language);
  const scope = { university: universities ? stats.scope.universityId : null, cluster: stats.scope.cluster };
  const query = statsQuery(stats.period, scope);
  const count = (n: number) => formatCount(n, language);
  const money = (fen: number) => formatStatsMoney(fen, language);
  const thisYear = Number(today.slice(0, 4));
  const chosen = periodChoice(stats.period, today);
  const [choice, setChoice] = useState(chosen);
  const [hydrated, setHydrated] = useState(false);
  const [universityFilter, setUniversityFilter] = useState("");
  useEffect(() => setHydrated(true), []);
  // The controls follow the URL when it changes (a new period loaded, the back button).
  useEffect(() => setChoice(chosen), [chosen]);
  const { deals, industrialisation, negotiation, rank } = stats;
  const clusterName = (code: string | null) => {
    const cluster = CLUSTERS.find((c) => c.code === code);
    return cluster ? localized(language, cluster.zh, cluster.en) : t("stats.outsideClusters");
  };
  // Sorted by pinyin on the server; English names sort alphabetically.
  const sortedUniversities = useMemo(() => {
    if (!universities || language === "zh") return universities;
    const collator = new Intl.Collator("en");
    return [...universities].sort((a, b) =>
      collator.compare(localized(language, a.name, a.nameEn), localized(language, b.name, b.nameEn)),
    );
  }, [universities, language]);
  const filterText = universityFilter.trim().toLowerCase();
  const shownUniversities = (sortedUniversities ?? []).filter(
    (u) =>
      !filterText ||
      u.id === stats.scope.universityId ||
      u.name.toLowerCase().includes(filterText) ||
      (u.nameEn ?? "").toLowerCase().includes(filterText),
  );
  const compared =
    stats.comparison === "previousYear"
      ? t("stats.compare.previousYear", { year: stats.previousPeriod.from.slice(0, 4) })
      : t(
          stats.comparison === "sameDaysYearBefore"
            ? "stats.compare.sameDaysYearBefore"
            : "stats.compare.precedingPeriod",
          { from: stats.previousPeriod.from, to: stats.previousPeriod.to },
        );
  const periodKind = isWholeYear(stats.period)
    ? t("stats.period.wholeYear", { year: stats.period.from.slice(0, 4) })
    : chosen === "ytd"
      ? t("stats.period.yearToDate", { year: thisYear })
      : t("stats.period.customRange");
  // Filters apply as they change (the button stays for a browser without JavaScript); dates wait a moment, so
  // that typing both ends of a range asks for one period, not an intermediate one.
  const dateTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(dateTimer.current), []);
  const applyOnChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const form = formRef.current;
    if (!form || !target.name) return; // the university filter box only narrows the list
    if (target.name === "period") {
      setChoice(target.value);
      if (target.value === "range") return; // the dates come next
    }
    if (target.name === "from" || target.name === "to") {
      const from = (form.elements.namedItem("from") as HTMLInputElement).value;
      const to = (form.elements.namedItem("to") as HTMLInputElement).value;
      clearTimeout(dateTimer.current);
      if (!from || !to || from > to) return;
      dateTimer.current = setTimeout(() => submit(form, { replace: false }), DATE_DELAY_MS);
      return;
    }
    submit(form, { replace: false });
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="stats-filters" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="stats-filters" className="sr-only">
          {t("stats.filters")}
        </h2>
        {issues.length > 0 && (
          <div role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {t("stats.invalid")}
            <ul className="list-disc pl-5">
              {issues.map((issue) => (
                <li key={issue.path + issue.message}>
                  {issue.path ? `${issue.path}: ` : ""}
                  {messageIn(language, issue.message)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Form
          ref={formRef}
          method="get"
          onChange={applyOnChange}
          className="flex flex-wrap items-end gap-3"
          key={`${stats.period.from}/${stats.period.to}/${stats.scope.universityId}/${stats.scope.cluster}`}
        >
          <label className="flex min-w-0 max-w-full flex-col text-sm">
            {t("stats.period")}
            <select
              name="period"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
              className="mt-1 max-w-full rounded border border-slate-300 px-2 py-1.5"
            >
              <option value="ytd">{t("stats.period.ytdOption", { year: thisYear })}</option>
              {Array.from({ length: thisYear - FIRST_YEAR }, (_, i) => thisYear - 1 - i).map((year) => (
                <option key={year} value={year}>
                  {t(year === thisYear - 1 ? "stats.period.lastCompleteOption" : "stats.period.yearOption", { year })}
                </option>
              ))}
              <option value="range">{t("stats.period.rangeOption")}</option>
            </select>
          </label>
          {(choice === "range" || !hydrated) && (
            <fieldset className="flex flex-wrap items-end gap-3">
              <legend className="sr-only">{t("stats.period.rangeOption")}</legend>
              <label className="flex min-w-0 max-w-full flex-col text-sm">
                {t("stats.from")}
                <input
                  type="date"
                  name="from"
                  defaultValue={stats.period.from}
                  className="mt-1 rounded border border-slate-300 px-2 py-1"
                />
              </label>
              <label className="flex min-w-0 max-w-full flex-col text-sm">
                {t("stats.to")}
                <input
                  type="date"
                  name="to"
                  defaultValue={stats.period.to}
                  className="mt-1 rounded border border-slate-300 px-2 py-1"
                />
              </label>
            </fieldset>
          )}
          {sortedUniversities && (
            <div className="flex flex-wrap items-end gap-2">
              {hydrated && (
                <label className="flex min-w-0 max-w-full flex-col text-sm">
                  {t("stats.filterUniversities")}
                  <input
                    type="search"
                    value={universityFilter}
                    onChange={(event) => setUniversityFilter(event.target.value)}
                    placeholder={t("stats.filterUniversitiesPlaceholder")}
                    className="mt-1 w-40 rounded border border-slate-300 px-2 py-1"
                  />
                </label>
              )}
              <div className="flex min-w-0 max-w-full flex-col text-sm">
                <label htmlFor="stats-university">{t("stats.university")}</label>
                <select
                  id="stats-university"
                  name="university"
                  defaultValue={stats.scope.universityId ?? ""}
                  className="mt-1 max-w-[18rem] rounded border border-slate-300 px-2 py-1.5"
                >
                  <option value="">{t("stats.allUniversities")}</option>
                  {shownUniversities.map((u) => (
                    <option key={u.id} value={u.id}>
                      {localized(language, u.name, u.nameEn)}
                    </option>
                  ))}
                </select>
              </div>
              {hydrated && filterText && (
                <p className="text-xs text-slate-600" aria-live="polite">
                  {t("stats.universitiesShown", { shown: shownUniversities.length, total: sortedUniversities.length })}
                </p>
              )}
            </div>
          )}
          <label className="flex min-w-0 max-w-full flex-col text-sm">
            {t("stats.cluster")}
            <select
              name="cluster"
              defaultValue={stats.scope.cluster ?? ""}
              className="mt-1 max-w-full rounded border border-slate-300 px-2 py-1.5"
            >
              <option value="">{t("stats.allClusters")}</option>
              {CLUSTERS.map((c) => (
                <option key={c.code} value={c.code}>
                  {localized(language, c.zh, c.en)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-900">
            {t("stats.show")}
          </button>
        </Form>
        {!hydrated && <p className="mt-2 text-xs text-slate-600">{t("stats.period.rangeHint")}</p>}
        <p className="mt-3 text-sm text-slate-700" aria-live="polite">
          {t("stats.periodSummary", { from: stats.period.from, to: stats.period.to, kind: periodKind, compared })}
          {stats.scope.universityId &&
            ` · ${localized(language, stats.scope.universityName, stats.scope.universityNameEn)}`}
          {stats.scope.cluster && ` · ${clusterName(stats.scope.cluster)}`}
        </p>
      </section>

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card
          label={t("stats.card.deals")}
          value={count(deals.deals)}
          detail={`${t("stats.card.split", { licenses: count(deals.licenses), transfers: count(deals.transfers) })}; ${deals.growth === null ? t("stats.card.noPrevious") : t("stats.card.growth", { growth: `${deals.growth > 0 ? "+" : ""}${formatPercent(deals.growth, 1)}`, previous: count(deals.previous.deals), compared })}`}
        />
        <Card label={t("stats.card.value")} value={money(deals.valueFen)} />
        <Card
          label={t("stats.card.rate")}
          value={industrialisation.rate === null ? "—" : formatPercent(industrialisation.rate)}
          detail={`${count(industrialisation.industrialised)} / ${count(industrialisation.grantedInventions)}`}
        />
        <Card
          label={t("stats.card.median")}
          value={negotiation.medianDays === null ? "—" : t("stats.card.medianDays", { days: negotiation.medianDays })}
          detail={
            negotiation.medianDays === null
              ? t("stats.card.medianNone")
              : t("stats.card.medianOf", { count: count(negotiation.signed) })
          }
        />
        {rank && (
          <Card
            label={t("stats.card.rank", { rank: rank.byDeals, of: rank.of })}
            value={`#${rank.byDeals}`}
            detail={t("stats.card.rankValue", { rank: rank.byValue })}
          />
        )}
      </dl>
      <p className="text-sm text-slate-700">
        {t("stats.rateDefinition", {
          asOf: industrialisation.asOf,
          industrialised: count(industrialisation.industrialised),
          granted: count(industrialisation.grantedInventions),
        })}
      </p>

      <section aria-labelledby="stats-pool" className="space-y-4">
        <h2 id="stats-pool" className="text-xl font-semibold">
          {t("stats.section.pool")}
        </h2>
        <p className="text-sm text-slate-600">{t("stats.poolNote")}</p>
        <ExportedTable table={tables.pool} query={query} />
      </section>
      <section aria-labelledby="stats-deals" className="space-y-4">
        <h2 id="stats-deals" className="text-xl font-semibold">
          {t("stats.section.deals")}
        </h2>
        <p className="text-sm text-slate-600">
          {t("stats.dealsNote", { compared })} {t("stats.moneyNote")}
        </p>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <StackedColumnChart
            title={t("stats.chart.byYear")}
            summary={stats.byYear.map((y) => `${y.year}: ${y.deals}`).join(", ")}
            categories={stats.byYear.map((y) => String(y.year))}
            series={[
              { name: t("stats.series.licenses"), fill: "fill-brand-600", values: stats.byYear.map((y) => y.licenses) },
              {
                name: t("stats.series.transfers"),
                fill: "fill-amber-500",
                values: stats.byYear.map((y) => y.transfers),
              },
            ]}
            format={count}
          />
          <ExportedTable table={tables["deals-by-year"]} query={query} />
          <BarChart
            title={t("stats.chart.byKind")}
            summary={tables["deals-by-kind"].rows.map((r) => `${r[0]}: ${r[1]}`).join(", ")}
            rows={tables["deals-by-kind"].rows.map((r) => ({ label: String(r[0]), value: Number(r[1]) }))}
            format={count}
          />
          <ExportedTable table={tables["deals-by-kind"]} query={query} />
        </div>
      </section>

      <section aria-labelledby="stats-rankings" className="space-y-4">
        <h2 id="stats-rankings" className="text-xl font-semibold">
          {t("stats.section.rankings")}
        </h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <BarChart
            title={t("stats.chart.clusters")}
            summary={stats.clusters.map((c) => `${clusterName(c.code)}: ${c.deals}`).join(", ")}
            rows={stats.clusters.map((c) => ({ label: clusterName(c.code), value: c.deals }))}
            format={count}
          />
          <ExportedTable table={tables.clusters} query={query} />
        </div>
        <ExportedTable table={tables.universities} query={query} />
        <ExportedTable table={tables.fields} query={query} />
      </section>

      <section aria-labelledby="stats-funnel" className="space-y-4">
        <h2 id="stats-funnel" className="text-xl font-semibold">
          {t("stats.section.funnel")}
        </h2>
        <p className="text-sm text-slate-600">{t("stats.funnelNote")}</p>
        {stats.funnel.views === null && <p className="text-sm text-amber-800">{t("stats.funnel.viewsNone")}</p>}
        {stats.funnel.viewsSince && (
          <p className="text-sm text-amber-800">{t("stats.funnel.viewsSince", { since: stats.funnel.viewsSince })}</p>
        )}
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <FunnelChart
            title={t("stats.chart.funnel")}
            summary={tables.funnel.rows.map((r) => `${r[0]}: ${r[1]}`).join(", ")}
            stages={tables.funnel.rows
              .filter((r) => typeof r[1] === "number")
              .map((r) => ({ label: String(r[0]), value: Number(r[1]) }))}
            format={count}
            formatShare={(ratio) => formatPercent(ratio, 1)}
            scaleNote={t("stats.chart.logScale")}
          />
          <ExportedTable table={tables.funnel} query={query} />
        </div>
      </section>
    </div>
  );
}
