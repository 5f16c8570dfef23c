import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, Notice } from "~/components/ui/form";
import { isoDay } from "~/lib/calendar-date";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { verifyContract } from "~/models/contract/verification.server";
import { formatApplicationNumber } from "~/models/patent/identifiers";
import { LICENSE_KINDS, type LicenseKind } from "~/models/patent/vocabulary";

export const meta: MetaFunction = () => [
  { title: "Contract verification · 合同核验" },
  { name: "robots", content: "noindex" },
];

/**
 * Public verification of a contract: its parties, patent, dates and fingerprint are shown only with the contract's
 * verification code (or whole fingerprint). Without a code the page asks for it; a wrong code and an unknown number
 * get the same answer (404), so contract numbers reveal nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = (params.number ?? "").slice(0, 40);
  const code = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 100);
  const headers = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };
  if (!code) return data({ number, code, contract: null, tried: false }, { headers });
  const contract = await verifyContract(number, code);
  return data({ number, code, contract, tried: true }, { status: contract ? 200 : 404, headers });
}

export default function ContractVerification() {
  const { number, code, contract, tried } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const zh = language === "zh";
  const kind = contract
    ? contract.kind === "ASSIGNMENT"
      ? { zh: "专利权转让", en: "Assignment" }
      : LICENSE_KINDS[contract.kind as LicenseKind]
    : null;
  const day = (date: Date | null) => (date ? isoDay(date) : "—");
  const rows: Array<[string, React.ReactNode]> =
    contract && kind
      ? [
          [t("verify.number"), contract.contractNumber],
          [zh ? "类型" : "Kind", zh ? kind.zh : kind.en],
          [
            contract.kind === "ASSIGNMENT" ? (zh ? "转让人" : "Assignor") : zh ? "许可人" : "Licensor",
            localized(language, contract.licensor.name, contract.licensor.nameEn),
          ],
          [
            contract.kind === "ASSIGNMENT" ? (zh ? "受让人" : "Assignee") : zh ? "被许可人" : "Licensee",
            localized(language, contract.licensee.name, contract.licensee.nameEn),
          ],
          [
            zh ? "专利" : "Patent",
            <Link key="patent" to={`/patents/${contract.patent.id}`} className="text-brand-700 underline">
              {localized(language, contract.patent.title, contract.patent.titleEn)} (
              {formatApplicationNumber(contract.patent.applicationNumber)})
            </Link>,
          ],
          [zh ? "签署日期" : "Signed", day(contract.signedAt)],
          ...(contract.startsOn
            ? [
                [zh ? "许可期限" : "Term", `${day(contract.startsOn)} — ${day(contract.endsOn)}`] as [
                  string,
                  React.ReactNode,
                ],
              ]
            : []),
          [
            zh ? "合同文本指纹（SHA-256）" : "Fingerprint of the contract text (SHA-256)",
            <code key="sha" className="break-all">
              {contract.fingerprint}
            </code>,
          ],
        ]
      : [];
  return (
    <article className="mx-auto max-w-2xl space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      {contract ? (
        <>
          <Notice>{t("verify.match")}</Notice>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {rows.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="text-slate-600">{term}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-slate-600">{t("verify.fingerprintNote")}</p>
        </>
      ) : (
        <>
          <p className="text-sm">{t("verify.lead")}</p>
          {tried && <FormError error="verify.noMatch" />}
          <Form method="get" className="space-y-3">
            <p className="text-sm">
              <span className="text-slate-600">{t("verify.number")}:</span>{" "}
              <span className="break-all font-mono">{number}</span>
            </p>
            <Field
              name="code"
              label={t("verify.code")}
              hint={t("verify.codeHint")}
              defaultValue={code}
              autoComplete="off"
              spellCheck={false}
              required
            />
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">
              {t("verify.submit")}
            </button>
          </Form>
        </>
      )}
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
