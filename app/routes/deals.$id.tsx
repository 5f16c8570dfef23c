import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DealTermsFields, TermsTable } from "~/components/deal-terms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { requireUser } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { replyErrors } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { recordId } from "~/lib/route-params";
import { advanceDeal, getDealFor } from "~/models/deal/deal.server";
import type { DealTerms } from "~/models/deal/terms";
import { DealStepFormSchema } from "~/models/deal/terms-form";
import { markReadFor } from "~/models/notification.server";
import { PAYMENT_SCHEDULES } from "~/models/patent/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.deal.patent.title : "404" }];

async function dealOr404(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  return { user, deal: await orErrorPage(getDealFor(user, id ?? "")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, deal } = await dealOr404(request, recordId(params.id));
  // Opening the deal reads the notifications that point to it.
  await markReadFor(user, `/deals/${deal.id}`);
  return { deal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user } = await dealOr404(request, recordId(params.id));
  // Field errors keep the form's names (account.bank, lumpSum …), so each shows beside its field.
  const answer = await answerForm(form, DealStepFormSchema, (step) => advanceDeal(user, recordId(params.id), step), {
    checkboxes: ["agree"],
  });
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }) };
}

function CostSummary({
  terms,
  cost,
}: {
  terms: DealTerms;
  cost: {
    dueOnSignatureFen: number;
    minimumRoyaltiesFen: number;
    contractYears: number;
    totalFixedFen: number;
    runningRoyalty: boolean;
  };
}) {
  const { t, language } = useLanguage();
  const schedule = PAYMENT_SCHEDULES[terms.paymentSchedule][language];
  return (
    <div className="mt-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="font-semibold">{t("deal.preview.cost")}</h3>
      <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        <dt className="text-slate-600">{t("deal.preview.dueOnSignature")}</dt>
        <dd>{formatFen(cost.dueOnSignatureFen, language)}</dd>
        {cost.minimumRoyaltiesFen > 0 && (
          <>
            <dt className="text-slate-600">{t("deal.preview.minimumRoyalties", { years: cost.contractYears })}</dt>
            <dd>{formatFen(cost.minimumRoyaltiesFen, language)}</dd>
          </>
        )}
        <dt className="font-medium">{t("deal.preview.totalFixed")}</dt>
        <dd className="font-medium">{formatFen(cost.totalFixedFen, language)}</dd>
      </dl>
      <h3 className="mt-2 font-semibold">{t("deal.preview.schedule")}</h3>
      <ul className="list-disc pl-5">
        {cost.dueOnSignatureFen > 0 && (
          <li>{t("deal.preview.scheduleUpFront", { amount: formatFen(cost.dueOnSignatureFen, language) })}</li>
        )}
        {terms.royaltyBasisPoints !== undefined && (
          <li>{t("deal.preview.scheduleRoyalty", { rate: formatBasisPoints(terms.royaltyBasisPoints), schedule })}</li>
        )}
        {terms.perUnitFen !== undefined && (
          <li>{t("deal.preview.schedulePerUnit", { amount: formatFen(terms.perUnitFen, language), schedule })}</li>
        )}
        {terms.minimumAnnualRoyaltyFen !== undefined && (
          <li>{t("deal.preview.scheduleMinimum", { amount: formatFen(terms.minimumAnnualRoyaltyFen, language) })}</li>
        )}
      </ul>
    </div>
  );
}

export default function DealPage() {
  const { deal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  // Several forms share the page: a field's error shows in the form of the step that was sent.
  const errors: Record<string, string | undefined> = replyErrors(result);
  const sentStep = (result?.initialValue as { step?: unknown } | null | undefined)?.step;
  const errorsFor = (step: string) => (sentStep === step ? errors : {});
  // What was typed into the refused form, kept without JavaScript.
  const sentText = (step: string, name: string) => {
    const value = sentStep === step ? (result?.initialValue as Record<string, unknown>)[name] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  const mine = deal.side;
  const signedMine = mine === "REQUESTER" ? deal.requesterSignedAt : deal.ownerSignedAt;
  const negotiating = deal.status === "NEGOTIATING";
  const open = deal.status === "NEGOTIATING" || deal.status === "AGREED";
  const noSignatures = !deal.requesterSignedAt && !deal.ownerSignedAt;
  const offers = deal.messages.filter(
    (message) => message.terms && (message.kind === "PROPOSAL" || message.kind === "COUNTER"),
  );
  const previousOf = (id: string) => {
    const index = offers.findIndex((offer) => offer.id === id);
    return index > 0 ? offers[index - 1].terms : null;
  };
  const signatures = [
    { side: "OWNER" as const, name: deal.ownerSignatory, title: deal.ownerSignatoryTitle, at: deal.ownerSignedAt },
    {
      side: "REQUESTER" as const,
      name: deal.requesterSignatory,
      title: deal.requesterSignatoryTitle,
      at: deal.requesterSignedAt,
    },
  ].filter((signature) => signature.name);
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold break-words">
        {t("deal.title", { patent: localized(language, deal.patent.title, deal.patent.titleEn) })}
      </h1>
      <p className="text-sm text-slate-700">
        {t(`deal.kind.${deal.kind as "ORDINARY"}`)} · {localized(language, deal.requester.name, deal.requester.nameEn)}{" "}
        ↔ {localized(language, deal.owner.name, deal.owner.nameEn)} ·{" "}
        <strong aria-label={t("licenses.status")}>{t(`deal.status.${deal.status as "NEGOTIATING"}`)}</strong>
      </p>
      {deal.licenseId && (
        <p>
          {t("deal.licenseCreated")}{" "}
          <Link to={`/licenses/${deal.licenseId}`} className="text-brand-700 underline">
            {t("licenses.contract")}
          </Link>
        </p>
      )}
      <FormError error={errors[""]} />

      <section
        aria-labelledby="terms-heading"
        className="print:hidden rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="terms-heading" className="font-semibold">
          {deal.status === "NEGOTIATING"
            ? t("deal.terms", { by: t(`deal.by.${deal.termsBy as "OWNER"}`) })
            : t("deal.agreedTerms", { version: deal.agreedVersion ?? deal.termsVersion })}
        </h2>
        <TermsTable terms={deal.terms} caption={t("deal.version", { version: deal.termsVersion })} />
        {mine !== "ADMIN" && negotiating && deal.termsBy !== mine && (
          <Form method="post" className="mt-3 inline-block">
            <input type="hidden" name="step" value="accept" />
            <input type="hidden" name="version" value={deal.termsVersion} />
            <button type="submit" className="rounded bg-emerald-700 px-4 py-2 text-white">
              {t("deal.accept")}
            </button>
          </Form>
        )}
        {signatures.map((signature) => (
          <p key={signature.side} className="mt-1 text-sm">
            {t("deal.signedBy", {
              side: t(`deal.by.${signature.side}`),
              name: signature.name!,
              title: signature.title ?? "",
              at: new Date(signature.at!).toISOString().slice(0, 16).replace("T", " "),
            })}
          </p>
        ))}
      </section>

      {mine === "OWNER" && open && (
        <section
          aria-labelledby="account-heading"
          className="print:hidden rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="account-heading" className="font-semibold">
            {t("deal.account.heading")}
          </h2>
          {deal.receivingAccount && (
            <p className="mt-1 text-sm break-words">
              {deal.receivingAccount.bank} · {deal.receivingAccount.accountName} · {deal.receivingAccount.accountNumber}
            </p>
          )}
          {noSignatures && (
            <Form method="post" className="mt-2 grid gap-3 md:grid-cols-3" noValidate>
              <input type="hidden" name="step" value="account" />
              <Field
                name="account.bank"
                label={t("deal.account.bank")}
                defaultValue={deal.receivingAccount?.bank}
                error={errorsFor("account")["account.bank"]}
                required
              />
              <Field
                name="account.accountName"
                label={t("deal.account.name")}
                defaultValue={deal.receivingAccount?.accountName}
                error={errorsFor("account")["account.accountName"]}
                required
              />
              <Field
                name="account.accountNumber"
                inputMode="numeric"
                label={t("deal.account.number.label")}
                defaultValue={deal.receivingAccount?.accountNumber}
                error={errorsFor("account")["account.accountNumber"]}
                required
              />
              <div className="md:col-span-3">
                <SubmitButton busy={busy}>{t("deal.account.save")}</SubmitButton>
              </div>
            </Form>
          )}
        </section>
      )}

      {deal.preview && mine !== "ADMIN" && (
        <section aria-labelledby="preview-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="preview-heading" className="font-semibold">
            {t("deal.preview.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("deal.preview.lead")}</p>
          <CostSummary terms={deal.preview.terms} cost={deal.preview.cost} />
          <pre
            aria-label={t("deal.preview.text")}
            tabIndex={0}
            className="mt-3 max-h-[32rem] overflow-y-auto whitespace-pre-wrap break-words rounded border border-slate-200 p-3 font-sans text-sm leading-relaxed"
          >
            {deal.preview.text}
          </pre>
          <p className="mt-1 break-all text-xs text-slate-500">SHA-256: {deal.preview.fingerprint}</p>
          {!deal.preview.accountGiven && (
            <p role="status" className="mt-2 text-sm text-amber-800">
              {t("deal.rule.accountMissing")}
            </p>
          )}
          {!signedMine && deal.preview.accountGiven && (
            <Form method="post" className="mt-3 max-w-md space-y-2" noValidate>
              <input type="hidden" name="step" value="sign" />
              <input type="hidden" name="previewFingerprint" value={deal.preview.fingerprint} />
              <Field
                name="signatoryName"
                label={t("deal.sign.name")}
                autoComplete="name"
                defaultValue={sentText("sign", "signatoryName")}
                error={errorsFor("sign").signatoryName}
                required
              />
              <Field
                name="signatoryTitle"
                label={mine === "OWNER" ? t("deal.sign.titleOwner") : t("deal.sign.titleRequester")}
                autoComplete="organization-title"
                defaultValue={sentText("sign", "signatoryTitle")}
                error={errorsFor("sign").signatoryTitle}
                required
              />
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="agree" className="mt-1" />{" "}
                {mine === "OWNER" ? t("deal.agreeOwner") : t("deal.agree")}
              </label>
              {errorsFor("sign").agree && (
                <p className="text-sm text-red-700">{messageIn(language, errorsFor("sign").agree!)}</p>
              )}
              {errorsFor("sign").previewFingerprint && (
                <p className="text-sm text-red-700">{messageIn(language, errorsFor("sign").previewFingerprint!)}</p>
              )}
              <SubmitButton busy={busy}>{t("deal.sign")}</SubmitButton>
            </Form>
          )}
        </section>
      )}

      {deal.transfer?.contractText && (
        <section aria-labelledby="transfer-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="transfer-heading" className="font-semibold">
              {t("deal.transferContract", { number: deal.transfer.contractNumber })}
            </h2>
            <span className="flex gap-3 text-sm print:hidden">
              <a href={`/deals/${deal.id}/pdf`} download className="text-brand-700 underline">
                PDF
              </a>
              <a href={`/deals/${deal.id}/recordal`} className="text-brand-700 underline" download>
                {t("recordal.download")}
              </a>
              <button type="button" onClick={() => window.print()} className="text-brand-700 underline">
                {t("licenses.print")}
              </button>
            </span>
          </div>
          <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">
            {deal.transfer.contractText}
          </pre>
          <p className="mt-1 break-all text-xs text-slate-500">SHA-256: {deal.transfer.contractSha256}</p>
        </section>
      )}

      <section
        aria-labelledby="thread-heading"
        className="print:hidden rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="thread-heading" className="mb-2 font-semibold">
          {t("deal.thread")}
        </h2>
        <ol className="space-y-3 text-sm">
          {deal.messages.map((message) => (
            <li key={message.id}>
              <time dateTime={new Date(message.createdAt).toISOString()} className="text-slate-500">
                {new Date(message.createdAt).toISOString().slice(0, 16).replace("T", " ")}
              </time>{" "}
              <strong>{t(`msg.${message.kind as "MESSAGE"}`)}</strong>
              {message.version ? ` · ${t("deal.version", { version: message.version })}` : ""}
              {message.body ? <span className="break-words">：{messageIn(language, message.body)}</span> : null}
              {message.terms && (message.kind === "PROPOSAL" || message.kind === "COUNTER") && (
                <TermsTable
                  terms={message.terms}
                  previous={previousOf(message.id)}
                  caption={previousOf(message.id) ? t("deal.changesMarked") : t("deal.firstOffer")}
                />
              )}
            </li>
          ))}
        </ol>
        {mine !== "ADMIN" && open && (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <Form method="post" className="space-y-2" noValidate>
              <input type="hidden" name="step" value="message" />
              <label htmlFor="reply" className="block text-sm font-medium">
                {t("deal.reply")}
              </label>
              <textarea
                id="reply"
                name="message"
                rows={3}
                maxLength={4000}
                defaultValue={sentText("message", "message")}
                className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
              />
              {errorsFor("message").message && (
                <p className="text-sm text-red-700">{messageIn(language, errorsFor("message").message!)}</p>
              )}
              <SubmitButton busy={busy}>{t("deal.reply")}</SubmitButton>
            </Form>
            {negotiating && (
              <Form method="post" className="space-y-2" noValidate aria-labelledby="counter-heading">
                <h3 id="counter-heading" className="font-medium">
                  {t("deal.counter")}
                </h3>
                <input type="hidden" name="step" value="counter" />
                <DealTermsFields initial={deal.terms} errors={errorsFor("counter")} />
                <label htmlFor="counter-message" className="block text-sm font-medium">
                  {t("deal.message")}
                </label>
                <textarea
                  id="counter-message"
                  name="message"
                  rows={2}
                  maxLength={4000}
                  defaultValue={sentText("counter", "message")}
                  className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
                />
                <SubmitButton busy={busy}>{t("deal.counter")}</SubmitButton>
              </Form>
            )}
          </div>
        )}
        {mine === "OWNER" && open && (
          <Form method="post" className="mt-3">
            <input type="hidden" name="step" value="decline" />
            <button type="submit" className="text-sm text-red-700 underline">
              {t("deal.decline")}
            </button>
          </Form>
        )}
        {/* The requester takes back its own request: its own word, not the owner's "decline". */}
        {mine === "REQUESTER" && open && (
          <Form method="post" className="mt-3">
            <input type="hidden" name="step" value="withdraw" />
            <p className="text-sm text-slate-600">{t("deal.withdrawHint")}</p>
            <button type="submit" className="text-sm text-red-700 underline">
              {t("deal.withdraw")}
            </button>
          </Form>
        )}
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
