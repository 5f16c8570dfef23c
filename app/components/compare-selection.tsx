// The search page's choice of patents to compare: a checkbox on each result and, once some are chosen, a bar
// with the link to /compare. The choice stays in the page's URL (compare=12&compare=40), so paging, filtering and
// the back button keep it.
import { Link, useLocation } from "@remix-run/react";
import { useLanguage } from "~/lib/language";
import { compareHref, MAX_COMPARED } from "~/models/compare/compare-params";

/** A result's "compare" checkbox, part of the search form (ticking it submits the form like a filter). */
export function CompareToggle({ id, title, selection }: { id: number; title: string; selection: number[] }) {
  const { t } = useLanguage();
  const chosen = selection.includes(id);
  const full = !chosen && selection.length >= MAX_COMPARED;
  return (
    <label
      className={`inline-flex items-center gap-2 text-sm ${full ? "text-slate-400" : "cursor-pointer text-slate-700"}`}
      title={full ? t("compare.full") : undefined}
    >
      <input
        type="checkbox"
        name="compare"
        value={id}
        defaultChecked={chosen}
        disabled={full}
        aria-label={`${t("compare.add")}: ${title}`}
        className="accent-brand-700"
      />
      {t("compare.add")}
    </label>
  );
}

/** The chosen patents not on this page, as hidden fields of the search form, and the bar leading to /compare. */
export function CompareBar({
  selection,
  pageIds,
  clearHref,
}: {
  selection: number[];
  pageIds: number[];
  clearHref: string;
}) {
  const { t } = useLanguage();
  const location = useLocation();
  const count = selection.length;
  return (
    <>
      {selection
        .filter((id) => !pageIds.includes(id))
        .map((id) => (
          <input key={id} type="hidden" name="compare" value={id} />
        ))}
      {count > 0 && (
        <div
          role="region"
          aria-label={t("compare.title")}
          className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-brand-600"
        >
          <span>{t("compare.selected", { count })}</span>
          <Link
            to={compareHref(selection)}
            state={{ search: location.search }}
            className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-600"
          >
            {t("compare.go", { count })}
          </Link>
          <Link to={clearHref} className="text-brand-700 underline">
            {t("compare.clear")}
          </Link>
          {count >= MAX_COMPARED && <span className="text-slate-600">{t("compare.full")}</span>}
        </div>
      )}
    </>
  );
}
