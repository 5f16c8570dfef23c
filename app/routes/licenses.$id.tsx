import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { recordId } from "~/lib/route-params";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form";
import { OpenLicenseTerms } from "~/components/open-license-terms";
import { canManageFor, requireUser } from "~/lib/auth.server";
import { z } from "zod";
import { Field } from "~/components/form";
import { DomainError, orErrorPage } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { formatFen } from "~/lib/format";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { LICENSE_KINDS, type LicenseKind } from "~/lib/patent-vocabulary";
import { getLicenseFor } from "~/models/open-license.server";
import { confirmPayment, reportSales } from "~/models/payment.server";
import { markReadFor } from "~/models/notification.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.license.contractNumber : "404" }];

async function licenseOr404(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  return { user, license: await orErrorPage(getLicenseFor(user, id ?? "")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, license } = await licenseOr404(request, recordId(params.id));
  // Opening the license reads the notifications that point to it.
  await markReadFor(user, `/licenses/${license.id}`);
  return { license, isLicensor: canManageFor(user, license.licensorId), isLicensee: user.organization?.id === license.licenseeId };
}

const SalesReportForm = z.object({
  period: z.string().trim().min(4, "validation.required").max(7, "validation.tooLong"),
  revenue: z.coerce.number({ message: "validation.number" }).min(0, "validation.number").max(1e12, "validation.tooLong"),
  units: z.coerce.number({ message: "validation.number" }).int("validation.number").min(0, "validation.number").max(1e9, "validation.tooLong").default(0),
});

/** The licensor confirms a payment; the licensee reports a period's sales. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, license } = await licenseOr404(request, recordId(params.id));
  try {
    if (form.get("intent") === "report") {
      const parsed = validate(SalesReportForm, formToObject(form));
      if (!parsed.ok) return data({ error: null, fieldErrors: parsed.fieldErrors }, { status: 400 });
      await reportSales(user, license.id, { period: parsed.data.period, revenueFen: Math.round(parsed.data.revenue * 100), units: parsed.data.units });
    } else {
      const paymentId = String(form.get("paymentId") ?? "");
      if (!license.payments.some((payment) => payment.id === paymentId)) return data({ error: "No payment with this id.", fieldErrors: {} as Record<string, string> }, { status: 404 });
      await confirmPayment(user, paymentId);
    }
    return { error: null, fieldErrors: {} as Record<string, string> };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ error: error.path ? null : error.message, fieldErrors: (error.path ? { [error.path]: error.message } : {}) as Record<string, string> }, { status: error.status });
  }
}

export default function LicensePage() {
  const { license, isLicensor, isLicensee } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hasRoyalty = Boolean(license.terms.royaltyBasisPoints || license.terms.perUnitFen);
  const fieldErrors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const { t, language } = useLanguage();
  const kind = LICENSE_KINDS[license.kind as LicenseKind];
  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {language === "zh" ? kind.zh : kind.en} <span className="font-mono text-lg">{license.contractNumber}</span>
        </h1>
        <p className="rounded bg-slate-200 px-2 py-1 text-sm" aria-label={t("licenses.status")}>{t(`status.${license.status}`)}</p>
      </header>
      <FormError error={actionData?.error ?? undefined} />
      <section aria-labelledby="payments-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 print:hidden">
        <h2 id="payments-heading" className="mb-2 font-semibold">{t("pay.title")}</h2>
        {license.payments.length === 0 ? <p className="text-sm text-slate-600">{t("pay.none")}</p> : (
          <ul className="space-y-2 text-sm">
            {license.payments.map((payment) => (
              <li key={payment.id} className="flex flex-wrap items-center gap-3">
                <span>{t(`pay.kind.${payment.kind as "UP_FRONT"}`)}{payment.salesReport ? ` ${payment.salesReport.period}` : ""}</span>
                <span className="font-medium">{formatFen(payment.amountFen, language)}</span>
                <span>{t("pay.due")} {payment.dueOn.toISOString().slice(0, 10)}</span>
                <span className={payment.overdue ? "rounded bg-red-100 px-1 text-red-800" : payment.paidAt ? "text-emerald-800" : ""}>
                  {payment.paidAt ? t("pay.paid") : payment.overdue ? t("pay.overdue") : t("pay.unpaid")}
                </span>
                {isLicensor && !payment.paidAt && (
                  <Form method="post">
                    <input type="hidden" name="paymentId" value={payment.id} />
                    <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-600">
                      {payment.kind === "UP_FRONT" ? t("licenses.confirmPayment") : t("pay.confirm")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {isLicensee && hasRoyalty && license.status !== "ENDED" && (
          <Form method="post" className="mt-4 grid max-w-xl gap-2 sm:grid-cols-3" noValidate>
            <input type="hidden" name="intent" value="report" />
            <Field name="period" label={t("pay.period")} error={fieldErrors.period} required />
            <Field name="revenue" type="number" min={0} step="any" label={t("pay.revenue")} error={fieldErrors.revenue} required />
            <Field name="units" type="number" min={0} step={1} defaultValue="0" label={t("pay.units")} error={fieldErrors.units} />
            <div className="sm:col-span-3"><button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">{t("pay.report")}</button></div>
          </Form>
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="parties-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="parties-heading" className="mb-2 font-semibold">{t("licenses.patent")}</h2>
          <p><Link to={`/patents/${license.patent.id}`} className="text-brand-700 underline">{localized(language, license.patent.title, license.patent.titleEn)}</Link></p>
          <p className="mt-2 text-sm">{localized(language, license.licensor.name, license.licensor.nameEn)} → {localized(language, license.licensee.name, license.licensee.nameEn)}</p>
          <p className="mt-2 text-sm">{license.startsOn.toISOString().slice(0, 10)} — {license.endsOn.toISOString().slice(0, 10)}</p>
          <dl className="mt-2 space-y-1 text-sm">
            <div>
              <dt className="inline text-slate-600">{t("licenses.licensorSignature")}：</dt>
              <dd className="inline">{license.licensorSignatory ? t("licenses.signatureLine", { name: license.licensorSignatory, title: license.licensorSignatoryTitle ?? "", at: license.licensorSignedAt ? new Date(license.licensorSignedAt).toISOString().slice(0, 16).replace("T", " ") : "" }) : license.kind === "OPEN" ? t("licenses.byDeclaration") : "—"}</dd>
            </div>
            <div>
              <dt className="inline text-slate-600">{t("licenses.licenseeSignature")}：</dt>
              <dd className="inline">{license.signatoryName ? t("licenses.signatureLine", { name: license.signatoryName, title: license.signatoryTitle ?? "", at: license.signedAt.toISOString().slice(0, 16).replace("T", " ") }) : "—"}</dd>
            </div>
          </dl>
          <p className="mt-2 text-xs">{t("licenses.fingerprint")}: <code className="break-all">{license.contractSha256 ?? "—"}</code> · <Link to={`/contracts/${license.contractNumber}`} className="text-brand-700 underline">{t("licenses.verify")}</Link></p>
        </section>
        <section aria-labelledby="terms-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="terms-heading" className="mb-2 font-semibold">{t("licenses.terms")}</h2>
          <OpenLicenseTerms terms={{ ...license.terms, id: license.id, version: license.terms.version ?? 1, declaredAt: license.signedAt.toISOString().slice(0, 10) }} />
        </section>
      </div>
      <section aria-labelledby="history-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 print:hidden">
        <h2 id="history-heading" className="mb-2 font-semibold">{t("licenses.history")}</h2>
        <ol className="space-y-1 text-sm">
          {license.history.map((event, i) => {
            const amount = typeof event.detail.amountFen === "number" ? event.detail.amountFen : null;
            return (
              <li key={i}>
                <time dateTime={event.at.toISOString()}>{event.at.toISOString().slice(0, 16).replace("T", " ")}</time> · {t(`event.${event.kind as "SIGNED"}`)}
                {amount ? ` · ${formatFen(amount, language)}` : ""}
              </li>
            );
          })}
        </ol>
      </section>
      {license.contractText && (
        <section aria-labelledby="contract-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="contract-heading" className="font-semibold">{t("licenses.contractText")}</h2>
            <span className="flex gap-2 print:hidden">
              <a href={`/licenses/${license.id}/pdf`} download className="rounded px-3 py-1 text-sm ring-1 ring-slate-300">{t("licenses.pdf")}</a>
              <a href={`/licenses/${license.id}/recordal`} download className="rounded px-3 py-1 text-sm ring-1 ring-slate-300">{t("recordal.download")}</a>
              <button type="button" onClick={() => window.print()} className="rounded px-3 py-1 text-sm ring-1 ring-slate-300">{t("licenses.print")}</button>
            </span>
          </div>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">{license.contractText}</pre>
        </section>
      )}
    </article>
  );
}
