// On a patent's page: the exclusive or sole license in force (with its end), and the pricing guide beside the
// open-license declaration form.
import { SmallTable } from "~/components/ui/table";
import { isoDay } from "~/lib/calendar-date";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { useLanguage } from "~/lib/language";
import type { FeeGuidance, FigureRange } from "~/models/open-license/fee-guidance.server";
import { LICENSE_KINDS, type LicenseKind } from "~/models/patent/vocabulary";
import { CLUSTERS } from "~/models/taxonomy";

export function ExclusiveLicenseNotice({ license }: { license: { kind: LicenseKind; endsOn: Date | string } }) {
  const { t, language } = useLanguage();
  const kind = LICENSE_KINDS[license.kind];
  const end = isoDay(new Date(license.endsOn));
  return (
    <p role="note" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <strong className="block">
        {t("patent.exclusive.noticeShort", { kind: language === "zh" ? kind.zh : kind.en, end })}
      </strong>
      {t("patent.exclusive.notice", { kind: language === "zh" ? kind.zh : kind.en.toLowerCase(), end })}
    </p>
  );
}

export function FeeGuidancePanel({ guidance }: { guidance: FeeGuidance }) {
  const { t, language } = useLanguage();
  const money = (fen: number) => formatFen(fen, language);
  const cluster = CLUSTERS.find((c) => c.code === guidance.cluster);
  const rows: Array<[string, FigureRange | null, (value: number) => string]> = [
    [t("guide.lumpSum"), guidance.lumpSumFen, money],
    [t("guide.entryFee"), guidance.entryFeeFen, money],
    [t("guide.royalty"), guidance.royaltyBasisPoints, formatBasisPoints],
    [t("guide.perUnit"), guidance.perUnitFen, money],
  ];
  return (
    <section aria-labelledby="guide-heading" className="mt-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 id="guide-heading" className="font-semibold">
        {t("guide.title")}
      </h3>
      {guidance.basis === null ? (
        <p className="mt-1 text-slate-700">{t("guide.none")}</p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            {guidance.basis === "subclass"
              ? t("guide.basisSubclass", { code: guidance.subclass })
              : t("guide.basisCluster", {
                  cluster: cluster ? (language === "zh" ? cluster.zh : cluster.en) : (guidance.cluster ?? ""),
                })}
          </p>
          <p className="mt-1">
            {t("guide.count", { count: guidance.declarations, taken: guidance.taken, licenses: guidance.licenses })}
          </p>
          <SmallTable
            headers={[t("guide.measure"), t("guide.median"), t("guide.range"), t("guide.declarations")]}
            compact
          >
            {rows
              .filter(([, figures]) => figures)
              .map(([label, figures, format]) => (
                <tr key={label} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {label}
                  </th>
                  <td className="py-1 pr-2 font-medium">{format(figures!.median)}</td>
                  <td className="py-1 pr-2">
                    {format(figures!.min)} – {format(figures!.max)}
                  </td>
                  <td className="py-1">{figures!.count}</td>
                </tr>
              ))}
          </SmallTable>
        </>
      )}
    </section>
  );
}
