import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BackLink } from "~/components/ui/back-link";
import { Field, FormError, Notice, useFormReply } from "~/components/ui/form";
import { SmallTable } from "~/components/ui/table";
import { requireUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { recordId } from "~/lib/route-params";
import { listSalesReports, reportSales } from "~/models/payment/payment.server";
import { SalesReportForm } from "~/models/payment/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.license.contractNumber} · royalties` : "404" },
];

/** A license's running royalties: the sales reported per period and the royalty each made due. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorPage(listSalesReports(user, recordId(params.id)));
}

/** The licensee reports a period's sales. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request);
  const { license, mayReport } = await orErrorPage(listSalesReports(user, recordId(params.id)));
  if (!mayReport) throw new Response("The licensee reports its own sales.", { status: 403 });
  const answer = await answerForm(form, SalesReportForm, async (report) => ({
    period: report.period,
    payment: await reportSales(user, license.id, report),
  }));
  if (!answer.ok) return answer.refusal;
  const { period, payment } = answer.done;
  return {
    result: answer.reply({ resetForm: true }),
    done: { period, amountFen: payment.amountFen, paymentId: payment.id },
  };
}

export default function RoyaltiesPage() {
  const { license, terms, hasRoyalty, mayReport, reports, shortfalls } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { fields, formError } = useFormReply(actionData?.result);
  const done = actionData && "done" in actionData ? actionData.done : undefined;
  const { t, language } = useLanguage();
  const quarterly = terms.paymentSchedule === "QUARTERLY";
  const rate = [
    terms.royaltyBasisPoints ? `${formatBasisPoints(terms.royaltyBasisPoints)} ${t("royalty.ofRevenue")}` : null,
    terms.perUnitFen ? `${formatFen(terms.perUnitFen, language)} ${t("royalty.perUnit")}` : null,
  ]
    .filter(Boolean)
    .join(" + ");
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <BackLink to={`/licenses/${license.id}`}>{license.contractNumber}</BackLink>
      <h1 className="text-2xl font-bold">{t("royalty.title")}</h1>
      <p className="text-sm">
        <Link to={`/patents/${license.patent.id}`} className="text-brand-700 underline">
          {localized(language, license.patent.title, license.patent.titleEn)}
        </Link>
        {" · "}
        {isoDay(license.startsOn)} — {isoDay(license.endsOn)}
        {rate && <> · {rate}</>}
      </p>
      {terms.minimumAnnualRoyaltyFen !== null && (
        <section aria-labelledby="minimum-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="minimum-heading" className="mb-2 font-semibold">
            {t("royalty.minimum", { amount: formatFen(terms.minimumAnnualRoyaltyFen, language) })}
          </h2>
          <p className="text-sm text-slate-600">{t("royalty.minimumRule")}</p>
          {shortfalls.length > 0 && (
            <ul className="mt-2 text-sm">
              {shortfalls.map((shortfall) => (
                <li key={shortfall.id}>
                  <Link to={`/payments/${shortfall.id}`} className="text-brand-700 underline">
                    {t("pay.kind.MINIMUM_ROYALTY")}
                  </Link>
                  {" · "}
                  {formatFen(shortfall.amountFen, language)} · {t("pay.due")} {isoDay(shortfall.dueOn)} ·{" "}
                  {shortfall.paidAt ? t("pay.paid") : t("pay.unpaid")}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {done && (
        <Notice>
          {t("royalty.reported", { period: done.period, amount: formatFen(done.amountFen, language) })}{" "}
          <Link to={`/payments/${done.paymentId}`} className="underline">
            {t("royalty.seePayment")}
          </Link>
        </Notice>
      )}
      {!hasRoyalty && <p className="text-sm text-slate-600">{t("pay.err.noRoyalty")}</p>}
      {mayReport && hasRoyalty && (
        <section aria-labelledby="report-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="report-heading" className="mb-2 font-semibold">
            {t("pay.report")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {t(quarterly ? "royalty.rulesQuarterly" : "royalty.rulesYearly")}
          </p>
          <Form method="post" className="grid gap-3 sm:grid-cols-3" noValidate>
            <FormError error={formError} />
            <Field
              field={fields.period}
              label={t(quarterly ? "royalty.periodQuarter" : "royalty.periodYear")}
              placeholder={quarterly ? "2026-Q2" : "2026"}
              required
            />
            <Field field={fields.revenue} inputMode="decimal" label={t("pay.revenue")} required />
            <Field field={fields.units} inputMode="numeric" label={t("pay.units")} defaultValue="0" />
            <div className="sm:col-span-3">
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">
                {t("pay.report")}
              </button>
            </div>
          </Form>
        </section>
      )}
      <section aria-labelledby="reports-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="reports-heading" className="mb-2 font-semibold">
          {t("royalty.reports")}
        </h2>
        {reports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("royalty.none")}</p>
        ) : (
          <SmallTable headers={[t("royalty.period"), t("pay.revenue"), t("pay.units"), t("royalty.due")]}>
            {reports.map((report) => (
              <tr key={report.id} className="border-t border-slate-200">
                <td className="py-1 pr-3">{report.period}</td>
                <td className="py-1 pr-3">{formatFen(report.revenueFen, language)}</td>
                <td className="py-1 pr-3">{report.units}</td>
                <td className="py-1">
                  {report.payment ? (
                    <Link to={`/payments/${report.payment.id}`} className="text-brand-700 underline">
                      {formatFen(report.payment.amountFen, language)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </SmallTable>
        )}
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
