// Offers side by side: one row per term, one column per patent on a wide screen; one card per patent on a phone.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { basisPointsInWords, fenInWords } from "~/lib/amount-words";
import { formatBasisPoints, formatCount, formatFen } from "~/lib/format";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { compareHref } from "~/models/compare/compare-params";
import type { ComparedPatent } from "~/models/compare/compare.server";
import { formatApplicationNumber } from "~/models/patent/identifiers";
import { FEE_MODELS, LEGAL_STATUSES, PATENT_TYPES, PAYMENT_SCHEDULES } from "~/models/patent/vocabulary";

interface Row {
  key: string;
  label: string;
  cells: ReactNode[];
}

/** A price in figures with the same price in words under it. */
function Amount({ figures, words, lowest }: { figures: string; words: string; lowest: boolean }) {
  const { t } = useLanguage();
  return (
    <span className="block">
      <span className="font-semibold tabular-nums">{figures}</span>
      {lowest && (
        <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
          {t("compare.lowest")}
        </span>
      )}
      <span className="block text-xs text-slate-600">{words}</span>
    </span>
  );
}

/** Which patents hold the lowest of a price that at least two of them state. */
function lowestOf(values: Array<number | null>): (value: number | null) => boolean {
  const stated = values.filter((value): value is number => value !== null && value > 0);
  const lowest = Math.min(...stated);
  return (value) => stated.length >= 2 && value === lowest;
}

function useRows(patents: ComparedPatent[]): Row[] {
  const { t, language } = useLanguage();
  const label = (entry: { zh: string; en: string }) => (language === "zh" ? entry.zh : entry.en);
  const none = <span className="text-slate-500">—</span>;
  const licenses = patents.map((patent) => patent.openLicense);
  const rows: Row[] = [
    {
      key: "feeModel",
      label: t("patent.openLicense.feeModel"),
      cells: licenses.map((license, i) =>
        license ? (
          <span key={patents[i].id} className="font-medium">
            {label(FEE_MODELS[license.feeModel])}
          </span>
        ) : (
          <span key={patents[i].id} className="text-slate-600">
            {t("compare.noOpenLicense")}
          </span>
        ),
      ),
    },
  ];
  const money = (key: "lumpSumFen" | "entryFeeFen" | "perUnitFen", title: string, mark: boolean) => {
    const values = licenses.map((license) => license?.[key] ?? null);
    if (values.every((value) => value === null)) return;
    const isLowest = mark ? lowestOf(values) : () => false;
    rows.push({
      key,
      label: title,
      cells: values.map((value, i) =>
        value === null ? (
          none
        ) : (
          <Amount
            key={patents[i].id}
            figures={formatFen(value, language)}
            words={fenInWords(value, language)}
            lowest={isLowest(value)}
          />
        ),
      ),
    });
  };
  money("lumpSumFen", t("patent.openLicense.lumpSum"), true);
  money("entryFeeFen", t("patent.openLicense.entryFee"), false);
  const royalties = licenses.map((license) => license?.royaltyBasisPoints ?? null);
  if (royalties.some((value) => value !== null)) {
    const isLowest = lowestOf(royalties);
    rows.push({
      key: "royalty",
      label: t("patent.openLicense.royalty"),
      cells: royalties.map((value, i) =>
        value === null ? (
          none
        ) : (
          <Amount
            key={patents[i].id}
            figures={formatBasisPoints(value)}
            words={basisPointsInWords(value, language)}
            lowest={isLowest(value)}
          />
        ),
      ),
    });
  }
  money("perUnitFen", t("patent.openLicense.perUnit"), true);
  if (licenses.some(Boolean)) {
    rows.push(
      {
        key: "schedule",
        label: t("patent.openLicense.schedule"),
        cells: licenses.map((license) => (license ? label(PAYMENT_SCHEDULES[license.paymentSchedule]) : none)),
      },
      {
        key: "term",
        label: t("patent.openLicense.term"),
        cells: licenses.map((license) =>
          license ? t("patent.openLicense.termMonths", { months: license.licenseTermMonths }) : none,
        ),
      },
      {
        key: "territory",
        label: t("patent.openLicense.territory"),
        cells: licenses.map((license) =>
          license
            ? language === "en" && license.territory === "中国大陆"
              ? "Mainland China"
              : license.territory
            : none,
        ),
      },
      {
        key: "fieldOfUse",
        label: t("compare.fieldOfUse"),
        cells: licenses.map((license) => (license ? license.fieldOfUse || t("compare.anyField") : none)),
      },
    );
  }
  rows.push(
    {
      key: "owners",
      label: t("compare.owners"),
      cells: patents.map((patent) => (
        <ul key={patent.id}>
          {patent.owners.map((owner) => (
            <li key={owner.id}>{localized(language, owner.name, owner.nameEn)}</li>
          ))}
        </ul>
      )),
    },
    { key: "type", label: t("facet.type"), cells: patents.map((patent) => label(PATENT_TYPES[patent.type])) },
    {
      key: "status",
      label: t("facet.status"),
      cells: patents.map((patent) => label(LEGAL_STATUSES[patent.legalStatus])),
    },
    {
      key: "remaining",
      label: t("compare.remaining"),
      cells: patents.map((patent) =>
        patent.remainingYears === null
          ? t("compare.notInForce", { status: label(LEGAL_STATUSES[patent.legalStatus]) })
          : t("compare.years", { years: patent.remainingYears, date: patent.expiresOn }),
      ),
    },
    {
      key: "licensees",
      label: t("compare.licensees"),
      cells: patents.map((patent) =>
        t("compare.licenseeCount", {
          count: formatCount(patent.licenseeCount, language),
          open: formatCount(patent.openLicenseeCount, language),
        }),
      ),
    },
  );
  return rows;
}

function PatentHeading({
  patent,
  others,
  backState,
  headingLevel,
}: {
  patent: ComparedPatent;
  others: number[];
  backState: unknown;
  headingLevel: "h2" | "span";
}) {
  const { t, language } = useLanguage();
  const Title = headingLevel;
  const title = localized(language, patent.title, patent.titleEn);
  return (
    <>
      <Title id={headingLevel === "h2" ? `card-${patent.id}` : undefined} className="block font-semibold leading-snug">
        <Link to={`/patents/${patent.id}`} className="text-brand-700 hover:underline">
          {title}
        </Link>
      </Title>
      <span className="mt-1 block text-xs font-normal text-slate-600">
        {formatApplicationNumber(patent.applicationNumber)}
      </span>
      <Link
        to={compareHref(others)}
        state={backState}
        aria-label={`${t("compare.remove")}: ${title}`}
        className="mt-1 inline-block text-xs font-normal text-brand-700 underline"
      >
        {t("compare.remove")}
      </Link>
    </>
  );
}

export function PatentComparison({ patents, backState }: { patents: ComparedPatent[]; backState: unknown }) {
  const { t } = useLanguage();
  const rows = useRows(patents);
  const others = (id: number) => patents.filter((patent) => patent.id !== id).map((patent) => patent.id);
  return (
    <>
      {/* Wide screens: a table, a column per patent. */}
      <div className="hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:block">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">{t("compare.caption")}</caption>
          <thead className="bg-slate-100 text-left align-top">
            <tr>
              <th scope="col" className="w-44 px-3 py-2 font-semibold">
                {t("compare.patent")}
              </th>
              {patents.map((patent) => (
                <th key={patent.id} scope="col" className="break-words px-3 py-2">
                  <PatentHeading patent={patent} others={others(patent.id)} backState={backState} headingLevel="span" />
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key} className="align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-700">
                  {row.label}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={patents[i].id} className="break-words px-3 py-2">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Phones and narrow windows: a card per patent. */}
      <ul className="space-y-4 lg:hidden">
        {patents.map((patent, i) => (
          <li key={patent.id}>
            <article
              aria-labelledby={`card-${patent.id}`}
              className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            >
              <PatentHeading patent={patent} others={others(patent.id)} backState={backState} headingLevel="h2" />
              <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                {rows.map((row) => (
                  <div key={row.key} className="contents">
                    <dt className="text-slate-600">{row.label}</dt>
                    <dd className="break-words">{row.cells[i]}</dd>
                  </div>
                ))}
              </dl>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
