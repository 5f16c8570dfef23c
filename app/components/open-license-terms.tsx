import { formatBasisPoints, formatFen } from "~/lib/format";
import { useLanguage } from "~/lib/language";
import { FEE_MODELS, PAYMENT_SCHEDULES, type FeeModel, type PaymentSchedule } from "~/models/patent/vocabulary";
import type { OpenLicenseSummary } from "~/models/search/items.server";

/** One line that says what an open license costs, e.g. "入门费 3 万元 + 提成 2%". */
export function feeSummary(terms: OpenLicenseSummary, language: "zh" | "en"): string {
  const parts: string[] = [];
  if (terms.lumpSumFen) parts.push(formatFen(terms.lumpSumFen, language));
  if (terms.entryFeeFen) parts.push(formatFen(terms.entryFeeFen, language));
  if (terms.royaltyBasisPoints)
    parts.push(`${formatBasisPoints(terms.royaltyBasisPoints)}${language === "zh" ? " 提成" : " royalty"}`);
  if (terms.perUnitFen)
    parts.push(`${formatFen(terms.perUnitFen, language)}${language === "zh" ? "/件" : " per unit"}`);
  return parts.join(" + ");
}

export function OpenLicenseTerms({
  terms,
}: {
  terms: OpenLicenseSummary & { territory?: string; fieldOfUse?: string | null };
}) {
  const { t, language } = useLanguage();
  const label = (entry: { zh: string; en: string }) => (language === "zh" ? entry.zh : entry.en);
  const rows: Array<[string, string]> = [
    [t("patent.openLicense.feeModel"), label(FEE_MODELS[terms.feeModel as FeeModel])],
  ];
  if (terms.lumpSumFen) rows.push([t("patent.openLicense.lumpSum"), formatFen(terms.lumpSumFen, language)]);
  if (terms.entryFeeFen) rows.push([t("patent.openLicense.entryFee"), formatFen(terms.entryFeeFen, language)]);
  if (terms.royaltyBasisPoints)
    rows.push([t("patent.openLicense.royalty"), formatBasisPoints(terms.royaltyBasisPoints)]);
  if (terms.perUnitFen) rows.push([t("patent.openLicense.perUnit"), formatFen(terms.perUnitFen, language)]);
  rows.push([t("patent.openLicense.schedule"), label(PAYMENT_SCHEDULES[terms.paymentSchedule as PaymentSchedule])]);
  rows.push([t("patent.openLicense.term"), t("patent.openLicense.termMonths", { months: terms.licenseTermMonths })]);
  if (terms.territory)
    rows.push([
      t("patent.openLicense.territory"),
      language === "zh" ? terms.territory : terms.territory === "中国大陆" ? "Mainland China" : terms.territory,
    ]);
  rows.push([
    t("patent.openLicense.declaredAt"),
    `${terms.declaredAt} (${t("patent.openLicense.version", { version: terms.version })})`,
  ]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
