import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { OpenLicenseTerms, feeSummary } from "~/components/open-license-terms";
import { formatCount, remainingYears } from "~/lib/format";
import { formatApplicationNumber } from "~/lib/identifiers";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { LEGAL_STATUSES, PATENT_TYPES } from "~/lib/patent-vocabulary";
import { parsePatentId } from "~/lib/route-params";
import { CLUSTERS, FIELDS } from "~/lib/taxonomy";
import { getPatentDetail, type IpcEntry } from "~/models/patent.server";
import { patentSearch } from "~/models/search.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parsePatentId(params.id);
  const patent = id === null ? null : await getPatentDetail(id);
  if (!patent) throw new Response("No patent with this id", { status: 404 });
  const similar = await patentSearch().similar(patent.id);
  return { patent, similar };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const language = languageFromMatches(matches);
  const t = translator(language);
  if (!data) return [{ title: t("patent.notFound") }];
  return [
    { title: `${localized(language, data.patent.title, data.patent.titleEn)} · ${t("app.name")}` },
    { name: "description", content: localized(language, data.patent.abstract, data.patent.abstractEn).slice(0, 160) },
  ];
};

function Ipc({ entry }: { entry: IpcEntry }) {
  const { language } = useLanguage();
  const title = localized(language, entry.titleZh, entry.titleEn);
  return (
    <span>
      <span className="font-mono">{entry.code}</span>
      {title && <span className="text-slate-600"> — {title}</span>}
    </span>
  );
}

/** A text in the UI's language, with the other language's version beneath it when there is one. */
function BilingualSection({ id, heading, zh, en }: { id: string; heading: string; zh: string; en: string | null }) {
  const { language } = useLanguage();
  const other = language === "zh" ? en : zh;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{heading}</h2>
      <p className="mt-2 leading-relaxed">{localized(language, zh, en)}</p>
      {en && other && (
        <p className="mt-3 text-sm leading-relaxed text-slate-600" lang={language === "zh" ? "en" : "zh"}>{other}</p>
      )}
    </section>
  );
}

export default function PatentPage() {
  const { patent, similar } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  // The results page passes its query string, so "back" returns to the same search.
  const backTo = (useLocation().state as { search?: string } | null)?.search ?? "";
  const other = language === "zh" ? "en" : "zh";
  const cluster = CLUSTERS.find((c) => c.code === patent.cluster);
  const field = FIELDS.find((f) => f.code === patent.field);
  const name = (entry: { zh: string; en: string } | undefined) => (entry ? (language === "zh" ? entry.zh : entry.en) : "—");
  const years = remainingYears(patent.expiresOn);
  const bibliography: Array<[string, React.ReactNode]> = [
    [t("patent.applicationNumber"), formatApplicationNumber(patent.applicationNumber)],
    [t("patent.publicationNumber"), patent.publicationNumber ?? "—"],
    [t("patent.grantNumber"), patent.grantNumber ?? "—"],
    [t("patent.type"), name(PATENT_TYPES[patent.type])],
    [t("patent.legalStatus"), name(LEGAL_STATUSES[patent.legalStatus])],
    [t("patent.filingDate"), patent.filingDate],
    [t("patent.publicationDate"), patent.publicationDate ?? "—"],
    [t("patent.grantDate"), patent.grantDate ?? "—"],
    [t("patent.expiresOn"), patent.expiresOn],
    [t("patent.remainingTerm"), t("patent.remainingYears", { years })],
    [t("patent.owner"), localized(language, patent.owner.name, patent.owner.nameEn)],
    [t("patent.inventors"), patent.inventors.join("、")],
    [t("patent.ipcMain"), <Ipc key="main" entry={patent.ipcMain} />],
    [t("patent.ipcOthers"), patent.ipcOthers.length ? <ul key="others">{patent.ipcOthers.map((e) => <li key={e.code}><Ipc entry={e} /></li>)}</ul> : "—"],
    [t("patent.cluster"), name(cluster)],
    [t("patent.field"), name(field)],
    [t("patent.keywords"), (language === "zh" ? patent.keywords : patent.keywordsEn).join(", ") || "—"],
  ];
  return (
    <article className="space-y-6">
      <p>
        <Link to={`/patents${backTo}`} className="text-sm text-brand-700 underline">← {t("patent.back")}</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold leading-tight">{localized(language, patent.title, patent.titleEn)}</h1>
        {patent.titleEn && <p className="mt-1 text-slate-600" lang={other}>{language === "zh" ? patent.titleEn : patent.title}</p>}
        <p className="mt-2 flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-slate-200 px-2 py-0.5">{name(PATENT_TYPES[patent.type])}</span>
          <span className={`rounded px-2 py-0.5 ${LEGAL_STATUSES[patent.legalStatus].inForce ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}>
            {name(LEGAL_STATUSES[patent.legalStatus])}
          </span>
          {patent.openLicense && (
            <span className="rounded bg-emerald-600 px-2 py-0.5 text-white">
              {t("patent.openLicense.offered")}: {feeSummary(patent.openLicense, language)}
            </span>
          )}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <BilingualSection id="abstract" heading={t("patent.abstract")} zh={patent.abstract} en={patent.abstractEn} />
          <BilingualSection id="claim" heading={t("patent.claim")} zh={patent.firstClaim} en={patent.firstClaimEn} />
          <section aria-labelledby="biblio-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="biblio-heading" className="text-lg font-semibold">{t("patent.bibliography")}</h2>
            <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {bibliography.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-slate-600">{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>

        <aside className="space-y-6">
          <section aria-labelledby="license-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="license-heading" className="text-lg font-semibold">{t("patent.openLicense")}</h2>
            <div className="mt-2">
              {patent.openLicense ? <OpenLicenseTerms terms={patent.openLicense} /> : <p className="text-sm text-slate-700">{t("patent.openLicense.none")}</p>}
            </div>
            <p className="mt-3 text-sm text-slate-700">{t("patent.licensees", { count: formatCount(patent.licenseeCount, language) })}</p>
          </section>
          {(patent.valueScore !== null || patent.maturity !== null) && (
            <section aria-labelledby="assessment-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 id="assessment-heading" className="text-lg font-semibold">{t("patent.assessment")}</h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("patent.valueScore")}</dt>
                <dd>
                  <meter min={0} max={100} value={patent.valueScore ?? 0} className="mr-2 align-middle" aria-label={t("patent.valueScore")} />
                  {patent.valueScore ?? "—"}
                </dd>
                <dt className="text-slate-600">{t("patent.maturity")}</dt>
                <dd>{patent.maturity ? t("patent.maturityLevel", { level: patent.maturity }) : "—"}</dd>
              </dl>
            </section>
          )}
          {similar.length > 0 && (
            <section aria-labelledby="similar-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 id="similar-heading" className="text-lg font-semibold">{t("patent.similar")}</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {similar.map((item) => (
                  <li key={item.id}>
                    <Link to={`/patents/${item.id}`} className="text-brand-700 hover:underline">{localized(language, item.title, item.titleEn)}</Link>
                    <span className="block text-xs text-slate-500">{localized(language, item.university.name, item.university.nameEn)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}
