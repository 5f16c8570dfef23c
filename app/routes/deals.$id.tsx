import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { recordId } from "~/lib/route-params";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/form";
import { requireUser } from "~/lib/auth.server";
import { readDealForm } from "~/lib/deal-form.server";
import { DomainError, orErrorPage } from "~/lib/errors";
import { formatFen } from "~/lib/format";
import { formToObject, validate } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { DealStepSchema } from "~/lib/open-license-schemas";
import { advanceDeal, getDealFor } from "~/models/deal.server";
import { markReadFor } from "~/models/notification.server";

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
  const step = String(form.get("step"));
  let input: unknown;
  if (step === "counter") {
    const counter = readDealForm(form);
    if (!counter.ok) return data({ step, fieldErrors: counter.fieldErrors }, { status: 400 });
    input = { step, message: counter.message, terms: counter.terms };
  } else {
    input = formToObject(form, step === "sign" ? ["agree"] : []);
  }
  const parsed = validate(DealStepSchema, input);
  if (!parsed.ok) return data({ step, fieldErrors: parsed.fieldErrors }, { status: 400 });
  try {
    await advanceDeal(user, recordId(params.id), parsed.data);
    return { step, fieldErrors: {} as Record<string, string> };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ step, fieldErrors: { form: error.message } as Record<string, string> }, { status: error.status });
  }
}

export default function DealPage() {
  const { deal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  const errorsFor = (step: string) => (actionData?.step === step ? errors : {});
  const mine = deal.side;
  const signedMine = mine === "REQUESTER" ? deal.requesterSignedAt : deal.ownerSignedAt;
  const negotiating = deal.status === "NEGOTIATING";
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t("deal.title", { patent: localized(language, deal.patent.title, deal.patent.titleEn) })}
      </h1>
      <p className="text-sm text-slate-700">
        {t(`deal.kind.${deal.kind as "ORDINARY"}`)} · {localized(language, deal.requester.name, deal.requester.nameEn)} ↔ {localized(language, deal.owner.name, deal.owner.nameEn)} ·{" "}
        <strong aria-label={t("licenses.status")}>{t(`deal.status.${deal.status as "NEGOTIATING"}`)}</strong>
      </p>
      {deal.licenseId && <p>{t("deal.licenseCreated")} <Link to={`/licenses/${deal.licenseId}`} className="text-brand-700 underline">{t("licenses.contract")}</Link></p>}
      <FormError error={errors.form} />
      <section aria-labelledby="terms-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="terms-heading" className="font-semibold">{t("deal.terms", { by: t(`deal.by.${deal.termsBy as "OWNER"}`) })}</h2>
        <p className="mt-2">{deal.terms.lumpSumFen ? formatFen(deal.terms.lumpSumFen, language) : "—"} · {t("patent.openLicense.termMonths", { months: deal.terms.licenseTermMonths })}{deal.terms.fieldOfUse ? ` · ${deal.terms.fieldOfUse}` : ""}</p>
        {deal.requesterSignatory && <p className="mt-1 text-sm">{t("deal.signed", { side: t("deal.by.REQUESTER"), name: deal.requesterSignatory })}</p>}
        {deal.ownerSignatory && <p className="mt-1 text-sm">{t("deal.signed", { side: t("deal.by.OWNER"), name: deal.ownerSignatory })}</p>}
        {mine !== "ADMIN" && negotiating && deal.termsBy !== mine && (
          <Form method="post" className="mt-3 inline-block">
            <input type="hidden" name="step" value="accept" />
            <button type="submit" className="rounded bg-emerald-700 px-4 py-2 text-white">{t("deal.accept")}</button>
          </Form>
        )}
        {mine !== "ADMIN" && deal.status === "AGREED" && !signedMine && (
          <Form method="post" className="mt-3 max-w-md space-y-2" noValidate>
            <input type="hidden" name="step" value="sign" />
            <Field name="signatoryName" label={t("ol.signatory")} error={errorsFor("sign").signatoryName} required />
            <label className="flex items-start gap-2 text-sm"><input type="checkbox" name="agree" className="mt-1" /> {t("deal.agree")}</label>
            {errorsFor("sign").agree && <p className="text-sm text-red-700">{messageIn(language, errorsFor("sign").agree!)}</p>}
            <SubmitButton busy={busy}>{t("deal.sign")}</SubmitButton>
          </Form>
        )}
      </section>
      <section aria-labelledby="thread-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="thread-heading" className="mb-2 font-semibold">{t("deal.thread")}</h2>
        <ol className="space-y-2 text-sm">
          {deal.messages.map((message) => (
            <li key={message.id}>
              <time dateTime={message.createdAt.toISOString()} className="text-slate-500">{message.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>{" "}
              <strong>{t(`msg.${message.kind as "MESSAGE"}`)}</strong>{message.body ? `：${message.body}` : ""}
            </li>
          ))}
        </ol>
        {mine !== "ADMIN" && (deal.status === "NEGOTIATING" || deal.status === "AGREED") && (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <Form method="post" className="space-y-2" noValidate>
              <input type="hidden" name="step" value="message" />
              <label htmlFor="reply" className="block text-sm font-medium">{t("deal.reply")}</label>
              <textarea id="reply" name="message" rows={3} maxLength={4000} className="block w-full rounded border border-slate-300 bg-white px-3 py-2" />
              {errorsFor("message").message && <p className="text-sm text-red-700">{messageIn(language, errorsFor("message").message!)}</p>}
              <SubmitButton busy={busy}>{t("deal.reply")}</SubmitButton>
            </Form>
            {negotiating && (
              <Form method="post" className="space-y-2" noValidate>
                <input type="hidden" name="step" value="counter" />
                <Field name="price" type="number" min={1} step="any" label={t("deal.price")} error={errorsFor("counter").price} required />
                <Field name="licenseTermMonths" type="number" min={1} max={240} defaultValue={deal.terms.licenseTermMonths} label={t("ol.termMonths")} error={errorsFor("counter").licenseTermMonths} required />
                <input type="hidden" name="message" value="" />
                <SubmitButton busy={busy}>{t("deal.counter")}</SubmitButton>
              </Form>
            )}
          </div>
        )}
        {mine !== "ADMIN" && (deal.status === "NEGOTIATING" || deal.status === "AGREED") && (
          <Form method="post" className="mt-3">
            <input type="hidden" name="step" value="decline" />
            <button type="submit" className="text-sm text-red-700 underline">{t("deal.decline")}</button>
          </Form>
        )}
      </section>
    </article>
  );
}
