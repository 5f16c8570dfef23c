// The pieces every list page shares: a search-and-filter bar that keeps its state in the URL, the total, column
// headers that sort, a pager, and a table that becomes one card per row on a phone. Everything works without
// JavaScript (plain GET forms and links); with it, a changed filter applies at once.
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Language, MessageKey, Translate } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";

/** "共 25 条" / "1 result", "25 results": English plurals from Intl.PluralRules. */
export function resultCount(t: Translate, language: Language, count: number): string {
  const form = new Intl.PluralRules(language === "en" ? "en" : "zh").select(count) === "one" ? "one" : "other";
  return t(`list.total.${form}` as MessageKey, { count: count.toLocaleString(language === "en" ? "en-US" : "zh-CN") });
}

/** The URL's query with some parameters replaced (undefined removes one). */
export function withParams(search: string, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === "") params.delete(name);
    else params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "?";
}

/** The search box, the list's filters (children) and the total, as one GET form; sort and kept parameters
 * ride along as hidden fields, and any change starts again from page 1. */
export function ListToolbar<Row>({
  id,
  label,
  query: { q, sort, dir },
  placeholder,
  total,
  columns,
  onePatent,
  keep = {},
  children,
}: {
  id: string;
  label: string;
  query: ListOrder & { q: string };
  placeholder?: string;
  total: number;
  /** the table's columns: the sortable ones are chosen here on a phone, where the column headers are not shown */
  columns: Array<Column<Row>>;
  /** a list narrowed to one patent (?patent=): said above the bar, with the way back to the whole list */
  onePatent?: { patentId: number | null; all: string };
  /** parameters the form must carry (university …) */
  keep?: Record<string, string | null | undefined>;
  children?: ReactNode;
}) {
  const { t, language } = useLanguage();
  const fields = onePatent?.patentId ? { ...keep, patent: String(onePatent.patentId) } : keep;
  return (
    <>
      {onePatent?.patentId ? <OnePatentNote patentId={onePatent.patentId} all={onePatent.all} /> : null}
      <Form
        method="get"
        role="search"
        aria-label={label}
        onChange={(event) => {
          // Selects and boxes apply at once; typed words wait for Enter or the button.
          if ((event.target as HTMLElement).tagName !== "INPUT" || (event.target as HTMLInputElement).type !== "search")
            event.currentTarget.requestSubmit();
        }}
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200"
      >
        <label className="flex min-w-0 flex-1 basis-56 flex-col">
          <span>{label}</span>
          <input
            type="search"
            name="q"
            id={`${id}-q`}
            defaultValue={q}
            placeholder={placeholder}
            maxLength={100}
            className="mt-1 w-full min-w-0 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        {children}
        {/* Hidden from md up, where the headers sort; still sent, so the order holds when a filter changes. */}
        <div className="flex gap-3 md:hidden">
          <label className="flex flex-col">
            <span>{t("list.sortBy")}</span>
            <select
              name="sort"
              defaultValue={sort}
              className="mt-1 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
            >
              {sortOptionsOf(columns).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            <span>{t("list.order")}</span>
            <select name="dir" defaultValue={dir} className="mt-1 rounded border border-slate-300 bg-white px-2 py-1">
              <option value="asc">{t("list.asc")}</option>
              <option value="desc">{t("list.desc")}</option>
            </select>
          </label>
        </div>
        {Object.entries(fields).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-900">
          {t("list.search")}
        </button>
        <p className="w-full text-slate-700" aria-live="polite" data-testid="list-total">
          {resultCount(t, language, total)}
        </p>
      </Form>
    </>
  );
}

/** A labelled select of a list's filter; "" is "all". */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  options: Array<{ value: string; label: string }>;
}) {
  const { t } = useLanguage();
  return (
    <label className="flex min-w-0 max-w-full flex-col">
      <span>{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
      >
        <option value="">{t("list.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled YYYY-MM-DD date input of a date range filter. */
export function FilterDate({ name, label, value }: { name: string; label: string; value: string | null | undefined }) {
  return (
    <label className="flex flex-col">
      <span>{label}</span>
      <input
        type="date"
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 rounded border border-slate-300 px-2 py-1"
      />
    </label>
  );
}

/** The sortable columns of a table, as the phone's sort choices. */
function sortOptionsOf<Row>(columns: Array<Column<Row>>): Array<{ value: string; label: string }> {
  return columns.filter((column) => column.sort).map((column) => ({ value: column.sort!, label: column.header }));
}

export interface Column<Row> {
  key: string;
  header: string;
  /** the ?sort= value this column sorts by, if it sorts */
  sort?: string;
  /** dates, codes, amounts: never broken over lines in the table (a phone's card may wrap them) */
  nowrap?: boolean;
  align?: "right";
  /** the column that names the row: the card's title on a phone */
  primary?: boolean;
  cell: (row: Row) => ReactNode;
}

/** A table with sortable headers; below the md breakpoint each row is a card of "header: value" lines. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  dir,
  empty,
}: {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string | number;
  sort: string;
  dir: "asc" | "desc";
  empty: string;
}) {
  const { t } = useLanguage();
  const location = useLocation();
  const navigation = useNavigation();
  if (rows.length === 0) return <p className="rounded-lg bg-white p-4 text-slate-600 ring-1 ring-slate-200">{empty}</p>;
  return (
    <div
      className={`rounded-lg md:overflow-x-auto md:bg-white md:shadow-sm md:ring-1 md:ring-slate-200 ${navigation.state === "loading" ? "opacity-70" : ""}`}
    >
      <table className="block w-full text-sm md:table md:min-w-full">
        <caption className="sr-only">{caption}</caption>
        <thead className="sr-only bg-slate-100 text-left md:not-sr-only md:table-header-group">
          <tr>
            {columns.map((column) => {
              const active = column.sort !== undefined && column.sort === sort;
              const next = active && dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`whitespace-nowrap px-3 py-2 font-semibold ${column.align === "right" ? "text-right" : ""}`}
                >
                  {column.sort ? (
                    <Link
                      to={withParams(location.search, { sort: column.sort, dir: next, page: undefined })}
                      preventScrollReset
                      className="inline-flex items-center gap-1 text-slate-900 hover:underline"
                      aria-label={`${column.header}, ${t(next === "asc" ? "list.sortAsc" : "list.sortDesc")}`}
                    >
                      {column.header}
                      <span aria-hidden="true" className={active ? "" : "text-slate-400"}>
                        {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                      </span>
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className="block rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 md:table-row md:rounded-none md:p-0 md:shadow-none md:ring-0"
            >
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={[
                    "flex gap-2 py-0.5 md:table-cell md:px-3 md:py-2 md:align-top",
                    column.primary ? "text-base font-medium md:text-sm md:font-normal" : "",
                    // On a phone a card has the whole width: a value wraps there rather than push the page sideways.
                    column.nowrap ? "md:whitespace-nowrap" : "break-words",
                    column.align === "right" ? "md:text-right" : "",
                  ].join(" ")}
                >
                  {/* On a phone the header is not shown above the column: each value carries its own. */}
                  {!column.primary && <span className="shrink-0 text-slate-500 md:hidden">{column.header}:</span>}
                  <span className="min-w-0" data-cell={column.key}>
                    {column.cell(row)}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / "page 2 of 11" / next, as links that keep the rest of the URL. */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const { t } = useLanguage();
  const location = useLocation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("list.pages")} className="flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? (
        <Link
          to={withParams(location.search, { page: page > 2 ? String(page - 1) : undefined })}
          rel="prev"
          className="text-brand-700 underline"
        >
          ← {t("search.previous")}
        </Link>
      ) : null}
      <span className="whitespace-nowrap text-slate-700">{t("list.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link
          to={withParams(location.search, { page: String(page + 1) })}
          rel="next"
          className="text-brand-700 underline"
        >
          {t("search.next")} →
        </Link>
      ) : null}
    </nav>
  );
}

/** What a list's URL says about its order. */
interface ListOrder {
  sort: string;
  dir: "asc" | "desc";
}

/** A list's table in the URL's order, and its pager. */
export function PagedTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  query,
  page,
  pages,
  empty,
}: {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string | number;
  query: ListOrder;
  page: number;
  pages: number;
  empty: string;
}) {
  return (
    <>
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        sort={query.sort}
        dir={query.dir}
        empty={empty}
      />
      <Pager page={page} pages={pages} />
    </>
  );
}

/** An administrator's list as a section of its page: the heading, the search bar with the list's filters, a notice
 * (the last action's error), the table (captioned with the heading) and the pager. */
export function ListSection<Row>({
  id,
  title,
  searchLabel,
  filters,
  notice,
  query,
  total,
  page,
  pages,
  columns,
  rows,
  rowKey,
}: {
  /** the section's id: its heading is `${id}-heading`, its search box `${id}-q` */
  id: string;
  title: string;
  searchLabel: string;
  filters: ReactNode;
  notice?: ReactNode;
  query: ListOrder & { q: string };
  total: number;
  page: number;
  pages: number;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string | number;
}) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <ListToolbar id={id} label={searchLabel} query={query} total={total} columns={columns}>
        {filters}
      </ListToolbar>
      {notice}
      <PagedTable
        caption={title}
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        query={query}
        page={page}
        pages={pages}
        empty={t("list.none")}
      />
    </section>
  );
}

// The lists show days and moments on China's calendar (their pages import them from here).
export { chinaDay as shownDay, chinaMinute as shownMinute } from "~/lib/calendar-date";

/** "Patent #id · All": a list narrowed to one patent (?patent=), and the way back to the whole list. */
function OnePatentNote({ patentId, all }: { patentId: number; all: string }) {
  const { t } = useLanguage();
  return (
    <p className="text-sm">
      <Link to={`/patents/${patentId}`} className="text-brand-700 underline">
        {t("licenses.patent")} #{patentId}
      </Link>{" "}
      ·{" "}
      <Link to={all} className="text-brand-700 underline">
        {t("licenses.all")}
      </Link>
    </p>
  );
}
