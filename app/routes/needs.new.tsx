import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, SubmitButton, useFormReply } from "~/components/ui/form";
import { requireRole } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { validate } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { createNeed } from "~/models/need/need.server";
import { NeedFormSchema, NeedPrefillSchema, needInput } from "~/models/need/schemas";
import { CLUSTERS } from "~/models/taxonomy";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("need.new") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "SME");
  const verified = Boolean(user.organization?.verifiedAt);
  // ?title=…&description=…: a search's words to start from (the search page's "post it as a need").
  const url = new URL(request.url);
  const prefill = validate(NeedPrefillSchema, {
    title: url.searchParams.get("title") ?? undefined,
    description: url.searchParams.get("description") ?? undefined,
  });
  if (!prefill.ok)
    return data(
      { verified, prefill: { title: "", description: "" }, prefillErrors: prefill.fieldErrors },
      { status: 400 },
    );
  return data({ verified, prefill: prefill.data, prefillErrors: null as Record<string, string> | null });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "SME");
  const answer = await answerForm(form, NeedFormSchema, (need) => createNeed(user, needInput(need)));
  if (!answer.ok) return answer.refusal;
  return redirect(`/needs/${answer.done.id}`);
}

export default function NewNeed() {
  const { prefill, prefillErrors } = useLoaderData<typeof loader>();
  const { fields, formError } = useFormReply<Record<string, string>>(useActionData<typeof action>()?.result, prefill);
  const sent = (value: unknown) => (typeof value === "string" ? value : undefined);
  const descriptionError = fields.description.errors?.[0];
  const visibilityError = fields.visibility.errors?.[0];
  const busy = useNavigation().state === "submitting";
  const { t, language } = useLanguage();
  return (
    <section aria-labelledby="need-new-heading" className="max-w-2xl space-y-4">
      <h1 id="need-new-heading" className="text-2xl font-bold">
        {t("need.new")}
      </h1>
      <Form method="post" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
        <FormError error={formError} />
        {prefillErrors && (
          <FormError
            error={t("need.prefillInvalid", {
              fields: Object.entries(prefillErrors)
                .map(
                  ([field, message]) =>
                    `${t(field === "title" ? "need.field.title" : "need.field.description")}: ${messageIn(language, message)}`,
                )
                .join("; "),
            })}
          />
        )}
        <Field field={fields.title} label={t("need.field.title")} required maxLength={120} />
        <div className="space-y-1">
          <label htmlFor="field-description" className="block text-sm font-medium">
            {t("need.field.description")}
          </label>
          <textarea
            id="field-description"
            name="description"
            rows={6}
            maxLength={4000}
            required
            defaultValue={sent(fields.description.initialValue)}
            aria-invalid={Boolean(descriptionError)}
            aria-describedby={descriptionError ? "description-error" : undefined}
            className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
          />
          {descriptionError && (
            <p id="description-error" className="text-sm text-red-700">
              {messageIn(language, descriptionError)}
            </p>
          )}
        </div>
        <div className="space-y-1">
          <label htmlFor="field-cluster" className="block text-sm font-medium">
            {t("need.field.cluster")}
          </label>
          <select
            id="field-cluster"
            name="cluster"
            defaultValue={sent(fields.cluster.initialValue)}
            className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
          >
            <option value="">—</option>
            {CLUSTERS.map((c) => (
              <option key={c.code} value={c.code}>
                {localized(language, c.zh, c.en)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field field={fields.budgetMin} inputMode="numeric" label={t("need.field.budgetMin")} />
          <Field field={fields.budgetMax} inputMode="numeric" label={t("need.field.budgetMax")} />
        </div>
        <Field field={fields.deadline} type="date" label={t("need.field.deadline")} />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("need.field.visibility")}</legend>
          {(["PUBLIC", "UNIVERSITIES"] as const).map((value) => (
            <label key={value} className="mr-4 text-sm">
              <input
                type="radio"
                name="visibility"
                value={value}
                defaultChecked={value === (sent(fields.visibility.initialValue) ?? "PUBLIC")}
                className="mr-1"
              />
              {t(`need.visibility.${value}`)}
            </label>
          ))}
          {visibilityError && <p className="text-sm text-red-700">{messageIn(language, visibilityError)}</p>}
        </fieldset>
        <SubmitButton busy={busy}>{t("need.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
