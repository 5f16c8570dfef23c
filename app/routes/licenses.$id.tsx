import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OpenLicenseTerms } from "~/components/open-license-terms";
import { canManageFor, requireUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { orErrorPage } from "~/lib/errors";
import { formatFen } from "~/lib/format";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { recordId } from "~/lib/route-params";
import { getLicenseFor } from "~/models/license/read.server";
import { markReadFor } from "~/models/notification.server";
import { LICENSE_KINDS } from "~/models/patent/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.license.contractNumber : "404" }];

async function licenseOr404(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  return { user, license: await orErrorPage(getLicenseFor(user, id ?? "")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, license } = await licenseOr404(request, recordId(params.id));
  // Opening the license reads the notifications that point to it.
  await markReadFor(user, `/licenses/${license.id}`);
  return {
    license,
    isLicensor: canManageFor(user, license.licensorId),
    isLicensee: user.organization?.id === license.licenseeId,
  };
}

export default function LicensePage() {
  const { license, isLicensor, isLicensee } = useLoaderData<typeof loader>();
  const hasRoyalty = Boolean(license.terms.royaltyBasisPoints || license.terms.perUnitFen);
  const { t, language } = useLanguage();
  const kind = LICENSE_KINDS[license.kind];
  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {language === "zh" ? kind.zh : kind.en} <span className="font-mono text-lg">{license.contractNumber}</span>
        </h1>
        <p className="rounded bg-slate-200 px-2 py-1 text-sm" aria-label={t("licenses.status")}>
          {t(`status.${license.status}`)}
        </p>
      </header>
      <section
        aria-labelledby="payments-heading"
        className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 print:hidden"
      >
        <h2 id="payments-heading" className="mb-2 font-semibold">
          {t("pay.title")}
        </h2>
        {license.payments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("pay.none")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {license.payments.map((payment) => (
              <li key={payment.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {t(`pay.kind.${payment.kind as "UP_FRONT"}`)}
                  {payment.salesReport ? ` ${payment.salesReport.period}` : ""}
                </span>
                <span className="font-medium">{formatFen(payment.amountFen, language)}</span>
                <span>
                  {t("pay.due")} {isoDay(payment.dueOn)}
                </span>
                <span
                  className={
                    payment.overdue ? "rounded bg-red-100 px-1 text-red-800" : payment.paidAt ? "text-emerald-800" : ""
                  }
                >
                  {payment.paidAt ? t("pay.paid") : payment.overdue ? t("pay.overdue") : t("pay.unpaid")}
                </span>
                {/* Confirming records the amount, the day and the voucher, after a check (/payments/:id). */}
                {isLicensor && !payment.paidAt && (
                  <Link
                    to={`/payments/${payment.id}`}
                    className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-600"
                  >
                    {payment.kind === "UP_FRONT" ? t("licenses.confirmPayment") : t("pay.confirm")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        {/* Sales are reported per period of the contract, with its rules (/royalties/:id). */}
        {isLicensee && hasRoyalty && license.status !== "ENDED" && (
          <p className="mt-4">
            <Link
              to={`/royalties/${license.id}`}
              className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600"
            >
              {t("pay.report")}
            </Link>
          </p>
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="parties-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="parties-heading" className="mb-2 font-semibold">
            {t("licenses.patent")}
          </h2>
          <p>
            <Link to={`/patents/${license.patent.id}`} className="text-brand-700 underline">
              {localized(language, license.patent.title, license.patent.titleEn)}
            </Link>
          </p>
          <p className="mt-2 text-sm">
            {localized(language, license.licensor.name, license.licensor.nameEn)} →{" "}
            {localized(language, license.licensee.name, license.licensee.nameEn)}
          </p>
          <p className="mt-2 text-sm">
            {isoDay(license.startsOn)} — {isoDay(license.endsOn)}
          </p>
          <dl className="mt-2 space-y-1 text-sm">
            <div>
              <dt className="inline text-slate-600">{t("licenses.licensorSignature")}：</dt>
              <dd className="inline">
                {license.licensorSignatory
                  ? t("licenses.signatureLine", {
                      name: license.licensorSignatory,
                      title: license.licensorSignatoryTitle ?? "",
                      at: license.licensorSignedAt
                        ? new Date(license.licensorSignedAt).toISOString().slice(0, 16).replace("T", " ")
                        : "",
                    })
                  : license.kind === "OPEN"
                    ? t("licenses.byDeclaration")
                    : "—"}
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-600">{t("licenses.licenseeSignature")}：</dt>
              <dd className="inline">
                {license.signatoryName
                  ? t("licenses.signatureLine", {
                      name: license.signatoryName,
                      title: license.signatoryTitle ?? "",
                      at: license.signedAt.toISOString().slice(0, 16).replace("T", " "),
                    })
                  : "—"}
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs">
            {t("licenses.fingerprint")}: <code className="break-all">{license.contractSha256 ?? "—"}</code> ·{" "}
            <Link to={`/contracts/${license.contractNumber}`} className="text-brand-700 underline">
              {t("licenses.verify")}
            </Link>
          </p>
        </section>
        <section aria-labelledby="terms-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="terms-heading" className="mb-2 font-semibold">
            {t("licenses.terms")}
          </h2>
          <OpenLicenseTerms
            terms={{
              ...license.terms,
              id: license.id,
              version: license.terms.version ?? 1,
              declaredAt: isoDay(license.signedAt),
            }}
          />
        </section>
      </div>
      <section
        aria-labelledby="history-heading"
        className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 print:hidden"
      >
        <h2 id="history-heading" className="mb-2 font-semibold">
          {t("licenses.history")}
        </h2>
        <ol className="space-y-1 text-sm">
          {license.history.map((event, i) => {
            const amount = typeof event.detail.amountFen === "number" ? event.detail.amountFen : null;
            return (
              <li key={i}>
                <time dateTime={event.at.toISOString()}>{event.at.toISOString().slice(0, 16).replace("T", " ")}</time> ·{" "}
                {t(`event.${event.kind as "SIGNED"}`)}
                {amount ? ` · ${formatFen(amount, language)}` : ""}
              </li>
            );
          })}
        </ol>
      </section>
      {license.contractText && (
        <section aria-labelledby="contract-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="contract-heading" className="font-semibold">
              {t("licenses.contractText")}
            </h2>
            <span className="flex gap-2 print:hidden">
              <a
                href={`/licenses/${license.id}/pdf`}
                download
                className="rounded px-3 py-1 text-sm ring-1 ring-slate-300"
              >
                {t("licenses.pdf")}
              </a>
              <a
                href={`/licenses/${license.id}/recordal`}
                download
                className="rounded px-3 py-1 text-sm ring-1 ring-slate-300"
              >
                {t("recordal.download")}
              </a>
              <button
                type="button"
                onClick={() => window.print()}
                className="rounded px-3 py-1 text-sm ring-1 ring-slate-300"
              >
                {t("licenses.print")}
              </button>
            </span>
          </div>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">
            {license.contractText}
          </pre>
        </section>
      )}
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
