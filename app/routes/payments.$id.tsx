import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BackLink } from "~/components/ui/back-link";
import { Field, FormError, Notice, useFormReply } from "~/components/ui/form";
import { SmallTable } from "~/components/ui/table";
import { requireUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { DomainError, orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { formatFen } from "~/lib/format";
import { readForm } from "~/lib/http.server";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { fenToYuan } from "~/lib/money";
import { recordId } from "~/lib/route-params";
import { confirmPayment, getPaymentFor } from "~/models/payment/payment.server";
import { PaymentReceiptForm } from "~/models/payment/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.payment.license.contractNumber} · ${data.payment.kind}` : "404" },
];

/** One payment under a license: what is due, what was received (amount, day, voucher), what is left. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const payment = await orErrorPage(getPaymentFor(user, recordId(params.id)));
  return { payment, confirmed: new URL(request.url).searchParams.get("confirmed") === "1" };
}

/** The licensor confirms a receipt in two steps: it fills in the receipt, then confirms what it read back. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request);
  const payment = await orErrorPage(getPaymentFor(user, recordId(params.id)));
  if (!payment.mayConfirm) {
    throw new Response(
      payment.paidAt ? "This payment is already confirmed." : "Only the licensor confirms a payment it received.",
      { status: payment.paidAt ? 409 : 403 },
    );
  }
  const intent = form.get("intent");
  // "review" reads the receipt back before "confirm" records it; any other intent goes back to editing it.
  const answer = await answerForm(form, PaymentReceiptForm, async (receipt) => {
    if (intent === "review" && receipt.amountFen > payment.outstandingFen)
      throw new DomainError("ABOVE_DUE", "pay.err.amountAboveDue", { status: 400, path: "amount" });
    if (intent === "confirm") await confirmPayment(user, payment.id, receipt);
    return receipt;
  });
  if (!answer.ok) return answer.refusal;
  if (intent === "confirm") return redirect(`/payments/${payment.id}?confirmed=1`);
  if (intent !== "review") return data({ step: "edit" as const, result: answer.reply() });
  return data({
    step: "review" as const,
    result: answer.reply(),
    amountFen: answer.done.amountFen,
    leftFen: payment.outstandingFen - answer.done.amountFen,
  });
}

export default function PaymentPage() {
  const { payment, confirmed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { fields, formError } = useFormReply(actionData?.result);
  // Remix types an action answering data() in several shapes by their common part ({ result }): the review is read back.
  const review =
    actionData && "amountFen" in actionData && "leftFen" in actionData
      ? { amountFen: Number(actionData.amountFen), leftFen: Number(actionData.leftFen) }
      : undefined;
  // The receipt as sent, from the reply itself: Conform's field state takes a reply's values only when the page is rendered.
  const sent = (name: string) => String(actionData?.result.initialValue?.[name] ?? "");
  const busy = useNavigation().state !== "idle";
  const { t, language } = useLanguage();
  const money = (fen: number) => formatFen(fen, language);
  const license = payment.license;
  const status = payment.paidAt
    ? t("pay.paid")
    : payment.overdue
      ? t("pay.overdue")
      : payment.receivedFen > 0
        ? t("pay.partlyPaid")
        : t("pay.unpaid");
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <BackLink to={`/licenses/${license.id}`}>{license.contractNumber}</BackLink>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {t(`pay.kind.${payment.kind as "UP_FRONT"}`)}
          {payment.salesReport ? ` ${payment.salesReport.period}` : ""}
        </h1>
        <p
          className={`rounded px-2 py-1 text-sm ${payment.overdue ? "bg-red-100 text-red-800" : payment.paidAt ? "bg-emerald-100 text-emerald-900" : "bg-slate-200"}`}
        >
          {status}
        </p>
      </header>
      {confirmed && <Notice>{t("pay.receipt.recorded")}</Notice>}
      <section aria-labelledby="due-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="due-heading" className="sr-only">
          {t("pay.amount")}
        </h2>
        <p className="mb-3 text-sm">
          <Link to={`/patents/${license.patent.id}`} className="text-brand-700 underline">
            {localized(language, license.patent.title, license.patent.titleEn)}
          </Link>
          {" · "}
          {localized(language, license.licensor.name, license.licensor.nameEn)} →{" "}
          {localized(language, license.licensee.name, license.licensee.nameEn)}
        </p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("pay.amount")}</dt>
          <dd className="font-medium">{money(payment.amountFen)}</dd>
          <dt className="text-slate-600">{t("pay.due")}</dt>
          <dd>{isoDay(payment.dueOn)}</dd>
          <dt className="text-slate-600">{t("pay.received")}</dt>
          <dd>{money(payment.receivedFen)}</dd>
          <dt className="text-slate-600">{t("pay.outstanding")}</dt>
          <dd className="font-semibold">{money(payment.outstandingFen)}</dd>
        </dl>
      </section>
      <section aria-labelledby="receipts-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="receipts-heading" className="mb-2 font-semibold">
          {t("pay.receipts")}
        </h2>
        {payment.receipts.length === 0 ? (
          <p className="text-sm text-slate-600">{t("pay.receipts.none")}</p>
        ) : (
          <SmallTable headers={[t("pay.receivedOn"), t("pay.amount"), t("pay.reference")]}>
            {payment.receipts.map((receipt) => (
              <tr key={receipt.id} className="border-t border-slate-200">
                <td className="py-1 pr-3">{receipt.receivedOn}</td>
                <td className="py-1 pr-3">{money(receipt.amountFen)}</td>
                <td className="break-all py-1 font-mono">{receipt.reference}</td>
              </tr>
            ))}
          </SmallTable>
        )}
      </section>
      {payment.mayConfirm && (
        <section aria-labelledby="confirm-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="confirm-heading" className="mb-2 font-semibold">
            {t("pay.confirm")}
          </h2>
          {review ? (
            <Form method="post" className="space-y-3">
              <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
                {t("pay.review", {
                  amount: money(review.amountFen),
                  day: sent("receivedOn"),
                  reference: sent("reference"),
                  left: money(review.leftFen),
                })}
              </p>
              <input type="hidden" name="amount" value={sent("amount")} />
              <input type="hidden" name="receivedOn" value={sent("receivedOn")} />
              <input type="hidden" name="reference" value={sent("reference")} />
              <div className="flex flex-wrap gap-2">
                <button
                  type="submit"
                  name="intent"
                  value="confirm"
                  disabled={busy}
                  className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600"
                >
                  {t("pay.confirmReceipt")}
                </button>
                <button type="submit" name="intent" value="edit" className="rounded px-4 py-2 ring-1 ring-slate-300">
                  {t("pay.change")}
                </button>
              </div>
            </Form>
          ) : (
            <Form method="post" className="grid gap-3 sm:grid-cols-3" noValidate>
              <FormError error={formError} />
              <Field
                field={fields.amount}
                inputMode="decimal"
                label={t("pay.amountReceived")}
                defaultValue={actionData ? sent("amount") : fenToYuan(payment.outstandingFen)}
                required
              />
              <Field
                field={fields.receivedOn}
                type="date"
                label={t("pay.receivedOn")}
                defaultValue={sent("receivedOn")}
                required
              />
              <Field
                field={fields.reference}
                label={t("pay.reference")}
                hint={t("pay.referenceHint")}
                defaultValue={sent("reference")}
                maxLength={60}
                required
              />
              <div className="sm:col-span-3">
                <button
                  type="submit"
                  name="intent"
                  value="review"
                  className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600"
                >
                  {t("pay.continue")}
                </button>
              </div>
            </Form>
          )}
        </section>
      )}
      {!payment.mayConfirm && !payment.paidAt && (
        <p className="text-sm text-slate-600">{messageIn(language, "pay.licensorConfirms")}</p>
      )}
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
