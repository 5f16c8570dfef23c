import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, Notice } from "~/components/form";
import { requireUser } from "~/lib/auth.server";
import { DomainError, orErrorPage } from "~/lib/errors";
import { formatFen } from "~/lib/format";
import { formToObject, validate } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { PaymentReceiptForm } from "~/models/payment/schemas";
import { recordId } from "~/lib/route-params";
import { confirmPayment, getPaymentFor } from "~/models/payment/payment.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.payment.license.contractNumber} · ${data.payment.kind}` : "404" }];

/** One payment under a license: what is due, what was received (amount, day, voucher), what is left. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const payment = await orErrorPage(getPaymentFor(user, recordId(params.id)));
  return { payment, confirmed: new URL(request.url).searchParams.get("confirmed") === "1" };
}

type Values = { amount: string; receivedOn: string; reference: string };
type ActionResult =
  | { step: "edit"; values: Values; fieldErrors: Record<string, string>; error: string | null }
  | { step: "review"; values: Values; amountFen: number; leftFen: number };

/** The licensor confirms a receipt in two steps: it fills in the receipt, then confirms what it read back. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request);
  const payment = await orErrorPage(getPaymentFor(user, recordId(params.id)));
  if (!payment.mayConfirm) {
    throw new Response(payment.paidAt ? "This payment is already confirmed." : "Only the licensor confirms a payment it received.", { status: payment.paidAt ? 409 : 403 });
  }
  const values: Values = { amount: String(form.get("amount") ?? ""), receivedOn: String(form.get("receivedOn") ?? ""), reference: String(form.get("reference") ?? "") };
  const edit = (fieldErrors: Record<string, string>, status: number, error: string | null = null) => data<ActionResult>({ step: "edit", values, fieldErrors, error }, { status });
  const parsed = validate(PaymentReceiptForm, formToObject(form));
  if (!parsed.ok) return edit(parsed.fieldErrors, 400);
  const intent = form.get("intent");
  if (intent === "review") {
    if (parsed.data.amountFen > payment.outstandingFen) return edit({ amount: "pay.err.amountAboveDue" }, 400);
    return data<ActionResult>({ step: "review", values, amountFen: parsed.data.amountFen, leftFen: payment.outstandingFen - parsed.data.amountFen });
  }
  if (intent !== "confirm") return edit({}, 200);
  try {
    await confirmPayment(user, payment.id, parsed.data);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.path === "amountFen" ? "amount" : error.path;
    return field ? edit({ [field]: error.message }, error.status) : edit({}, error.status, error.message);
  }
  return redirect(`/payments/${payment.id}?confirmed=1`);
}

export default function PaymentPage() {
  const { payment, confirmed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t, language } = useLanguage();
  const money = (fen: number) => formatFen(fen, language);
  const license = payment.license;
  const values = result?.values;
  const fieldErrors = result?.step === "edit" ? result.fieldErrors : {};
  const status = payment.paidAt ? t("pay.paid") : payment.overdue ? t("pay.overdue") : payment.receivedFen > 0 ? t("pay.partlyPaid") : t("pay.unpaid");
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm"><Link to={`/licenses/${license.id}`} className="text-brand-700 underline">← {license.contractNumber}</Link></p>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {t(`pay.kind.${payment.kind as "UP_FRONT"}`)}{payment.salesReport ? ` ${payment.salesReport.period}` : ""}
        </h1>
        <p className={`rounded px-2 py-1 text-sm ${payment.overdue ? "bg-red-100 text-red-800" : payment.paidAt ? "bg-emerald-100 text-emerald-900" : "bg-slate-200"}`}>{status}</p>
      </header>
      {confirmed && <Notice>{t("pay.receipt.recorded")}</Notice>}
      <section aria-labelledby="due-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="due-heading" className="sr-only">{t("pay.amount")}</h2>
        <p className="mb-3 text-sm">
          <Link to={`/patents/${license.patent.id}`} className="text-brand-700 underline">{localized(language, license.patent.title, license.patent.titleEn)}</Link>
          {" · "}{localized(language, license.licensor.name, license.licensor.nameEn)} → {localized(language, license.licensee.name, license.licensee.nameEn)}
        </p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("pay.amount")}</dt><dd className="font-medium">{money(payment.amountFen)}</dd>
          <dt className="text-slate-600">{t("pay.due")}</dt><dd>{payment.dueOn.toISOString().slice(0, 10)}</dd>
          <dt className="text-slate-600">{t("pay.received")}</dt><dd>{money(payment.receivedFen)}</dd>
          <dt className="text-slate-600">{t("pay.outstanding")}</dt><dd className="font-semibold">{money(payment.outstandingFen)}</dd>
        </dl>
      </section>
      <section aria-labelledby="receipts-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="receipts-heading" className="mb-2 font-semibold">{t("pay.receipts")}</h2>
        {payment.receipts.length === 0 ? <p className="text-sm text-slate-600">{t("pay.receipts.none")}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead><tr><th scope="col" className="py-1 pr-3">{t("pay.receivedOn")}</th><th scope="col" className="py-1 pr-3">{t("pay.amount")}</th><th scope="col" className="py-1">{t("pay.reference")}</th></tr></thead>
              <tbody>
                {payment.receipts.map((receipt) => (
                  <tr key={receipt.id} className="border-t border-slate-200">
                    <td className="py-1 pr-3">{receipt.receivedOn}</td>
                    <td className="py-1 pr-3">{money(receipt.amountFen)}</td>
                    <td className="break-all py-1 font-mono">{receipt.reference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {payment.mayConfirm && (
        <section aria-labelledby="confirm-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="confirm-heading" className="mb-2 font-semibold">{t("pay.confirm")}</h2>
          {result?.step === "review" ? (
            <Form method="post" className="space-y-3">
              <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
                {t("pay.review", { amount: money(result.amountFen), day: result.values.receivedOn, reference: result.values.reference, left: money(result.leftFen) })}
              </p>
              <input type="hidden" name="amount" value={result.values.amount} />
              <input type="hidden" name="receivedOn" value={result.values.receivedOn} />
              <input type="hidden" name="reference" value={result.values.reference} />
              <div className="flex flex-wrap gap-2">
                <button type="submit" name="intent" value="confirm" disabled={busy} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">{t("pay.confirmReceipt")}</button>
                <button type="submit" name="intent" value="edit" className="rounded px-4 py-2 ring-1 ring-slate-300">{t("pay.change")}</button>
              </div>
            </Form>
          ) : (
            <Form method="post" className="grid gap-3 sm:grid-cols-3" noValidate>
              <FormError error={result?.step === "edit" ? (result.error ?? undefined) : undefined} />
              <Field name="amount" inputMode="decimal" label={t("pay.amountReceived")} defaultValue={values?.amount ?? String(payment.outstandingFen / 100)} error={fieldErrors.amount} required />
              <Field name="receivedOn" type="date" label={t("pay.receivedOn")} defaultValue={values?.receivedOn} error={fieldErrors.receivedOn} required />
              <Field name="reference" label={t("pay.reference")} hint={t("pay.referenceHint")} defaultValue={values?.reference} error={fieldErrors.reference} maxLength={60} required />
              <div className="sm:col-span-3">
                <button type="submit" name="intent" value="review" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">{t("pay.continue")}</button>
              </div>
            </Form>
          )}
        </section>
      )}
      {!payment.mayConfirm && !payment.paidAt && <p className="text-sm text-slate-600">{messageIn(language, "pay.licensorConfirms")}</p>}
    </article>
  );
}
