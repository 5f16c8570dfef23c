// The columns the university's patent lists share (/university/patents, /university/assessment): a box to tick
// the patent for the form under the table, and its title linking to its page.
import { Link } from "@remix-run/react";
import type { Column } from "~/components/ui/list";
import { localized, type Language, type Translate } from "~/lib/i18n";

interface NamedPatent {
  id: number;
  title: string;
  titleEn: string | null;
}

/** The tick box (name patentId) and the linked title; `ticked` keeps the boxes of a form sent back with errors. */
export function tickAndTitleColumns<Row extends NamedPatent>(
  t: Translate,
  language: Language,
  ticked: ReadonlySet<string> = new Set(),
): Array<Column<Row>> {
  return [
    {
      key: "select",
      header: t("up.select"),
      nowrap: true,
      cell: (patent) => (
        <input
          type="checkbox"
          name="patentId"
          value={patent.id}
          defaultChecked={ticked.has(String(patent.id))}
          aria-label={`${t("up.select")} ${localized(language, patent.title, patent.titleEn)}`}
        />
      ),
    },
    {
      key: "title",
      header: t("licenses.patent"),
      sort: "title",
      primary: true,
      cell: (patent) => (
        <Link to={`/patents/${patent.id}`} className="text-brand-700 underline">
          {localized(language, patent.title, patent.titleEn)}
        </Link>
      ),
    },
  ];
}
