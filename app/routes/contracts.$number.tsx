import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatApplicationNumber } from "~/lib/identifiers";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { LICENSE_KINDS, type LicenseKind } from "~/lib/patent-vocabulary";
import { publicContract } from "~/models/open-license.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.contract.contractNumber : "404" }];

/** Public verification of a contract: anyone shown one can check its parties, patent, dates and fingerprint. */
export async function loader({ params }: LoaderFunctionArgs) {
  const number = params.number ?? "";
  const contract = /^PB-\d{4}-[LT]-\d{6}$/.test(number) ? await publicContract(number) : null;
  if (!contract) throw new Response("No contract with this number.", { status: 404 });
  return { contract };
}

export default function ContractVerification() {
  const { contract } = useLoaderData<typeof loader>();
  const { language } = useLanguage();
  const zh = language === "zh";
  const kind = LICENSE_KINDS[contract.kind as LicenseKind];
  const rows: Array<[string, React.ReactNode]> = [
    [zh ? "合同编号" : "Contract number", contract.contractNumber],
    [zh ? "许可类型" : "Kind", zh ? kind.zh : kind.en],
    [zh ? "许可人" : "Licensor", localized(language, contract.licensor.name, contract.licensor.nameEn)],
    [zh ? "被许可人" : "Licensee", localized(language, contract.licensee.name, contract.licensee.nameEn)],
    [zh ? "专利" : "Patent", <Link key="patent" to={`/patents/${contract.patent.id}`} className="text-brand-700 underline">{localized(language, contract.patent.title, contract.patent.titleEn)} ({formatApplicationNumber(contract.patent.applicationNumber)})</Link>],
    [zh ? "签署日期" : "Signed", contract.signedAt.toISOString().slice(0, 10)],
    [zh ? "许可期限" : "Term", `${contract.startsOn.toISOString().slice(0, 10)} — ${contract.endsOn.toISOString().slice(0, 10)}`],
    [zh ? "合同文本指纹（SHA-256）" : "Fingerprint of the contract text (SHA-256)", <code key="sha" className="break-all">{contract.contractSha256 ?? "—"}</code>],
  ];
  return (
    <article className="mx-auto max-w-2xl rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-4 text-2xl font-bold">{zh ? "合同核验" : "Contract verification"}</h1>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-slate-600">
        {zh ? "将您持有的合同文本计算 SHA-256，与上述指纹一致即为平台签署的原文。" : "Compute the SHA-256 of the contract text you hold: if it equals the fingerprint above, it is the text signed on this platform."}
      </p>
    </article>
  );
}
