import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/form";
import { requireRole } from "~/lib/auth.server";
import { DomainError } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { NeedFormSchema, NeedPrefillSchema, needInput } from "~/models/need/schemas";
import { CLUSTERS } from "~/models/taxonomy";
import { createNeed } from "~/models/need/need.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("need.new") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "SME");
  const verified = Boolean(user.organization?.verifiedAt);
  // ?title=…&description=…: a search's words to start from (the search page's "post it as a need").
  const url = new URL(request.url);
  const prefill = validate(NeedPrefillSchema, { title: url.searchParams.get("title") ?? undefined, description: url.searchParams.get("description") ?? undefined });
  if (!prefill.ok) return data({ verified, prefill: { title: "", description: "" }, prefillErrors: prefill.fieldErrors }, { status: 400 });
  return data({ verified, prefill: prefill.data, prefillErrors: null as Record<string, string> | null });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "SME");
  const result = validate(NeedFormSchema, formToObject(form));
  if (!result.ok) return data({ fieldErrors: result.fieldErrors }, { status: 400 });
  try {
    const need = await createNeed(user, needInput(result.data));
    return redirect(`/needs/${need.id}`);
  } catch (error) {
    if (error instanceof DomainError) return data({ fieldErrors: { form: error.message } as Record<string, string> }, { status: error.status });
    throw error;
  }
}

export default function NewNeed() {
  const actionData = useActionData<typeof action>();
  const { prefill, prefillErrors } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const { t, language } = useLanguage();
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  return (
    <section aria-labelledby="need-new-heading" className="max-w-2xl space-y-4">
      <h1 id="need-new-heading" className="text-2xl font-bold">{t("need.new")}</h1>
      <Form method="post" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
        <FormError error={errors.form} />
        {prefillErrors && (
          <FormError error={t("need.prefillInvalid", { fields: Object.entries(prefillErrors).map(([field, message]) => `${t(field === "title" ? "need.field.title" : "need.field.description")}: ${messageIn(language, message)}`).join("; ") })} />
        )}
        <Field name="title" label={t("need.field.title")} error={errors.title} required maxLength={120} defaultValue={prefill.title} />
        <div className="space-y-1">
          <label htmlFor="field-description" className="block text-sm font-medium">{t("need.field.description")}</label>
          <textarea id="field-description" name="description" rows={6} maxLength={4000} required defaultValue={prefill.description} aria-invalid={Boolean(errors.description)} aria-describedby={errors.description ? "description-error" : undefined} className="block w-full rounded border border-slate-300 bg-white px-3 py-2" />
          {errors.description && <p id="description-error" className="text-sm text-red-700">{messageIn(language, errors.description)}</p>}
        </div>
        <div className="space-y-1">
          <label htmlFor="field-cluster" className="block text-sm font-medium">{t("need.field.cluster")}</label>
          <select id="field-cluster" name="cluster" className="block w-full rounded border border-slate-300 bg-white px-3 py-2">
            <option value="">—</option>
            {CLUSTERS.map((c) => <option key={c.code} value={c.code}>{localized(language, c.zh, c.en)}</option>)}
          </select>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="budgetMin" inputMode="numeric" label={t("need.field.budgetMin")} error={errors.budgetMin} />
          <Field name="budgetMax" inputMode="numeric" label={t("need.field.budgetMax")} error={errors.budgetMax} />
        </div>
        <Field name="deadline" type="date" label={t("need.field.deadline")} error={errors.deadline} />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("need.field.visibility")}</legend>
          {(["PUBLIC", "UNIVERSITIES"] as const).map((value) => (
            <label key={value} className="mr-4 text-sm">
              <input type="radio" name="visibility" value={value} defaultChecked={value === "PUBLIC"} className="mr-1" />
              {t(`need.visibility.${value}`)}
            </label>
          ))}
          {errors.visibility && <p className="text-sm text-red-700">{messageIn(language, errors.visibility)}</p>}
        </fieldset>
        <SubmitButton busy={busy}>{t("need.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
