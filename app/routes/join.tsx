import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Card, Field, FormError, Notice, SubmitButton } from "~/components/form";
import { RegisterSchema } from "~/lib/account-schemas";
import { DomainError, TryLaterError } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { clientIp, readForm } from "~/lib/http.server";
import { messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { CLUSTERS } from "~/models/taxonomy";
import { requestRegistration } from "~/models/account.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("join.title") }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  // What the user typed comes back with the errors (never the password), so a page without JavaScript
  // does not lose it.
  const input = formToObject(form);
  const { password: _password, ...values } = input;
  const result = validate(RegisterSchema, input);
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, values, sentTo: null }, { status: 400 });
  try {
    // The same answer whether or not the address or the enterprise is registered: the mail says which.
    await requestRegistration(result.data, clientIp(context));
    return data({ fieldErrors: {} as Record<string, string>, values: {}, sentTo: result.data.email });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const headers: HeadersInit = error instanceof TryLaterError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return data({ fieldErrors: { [error.path ?? "form"]: error.message }, values, sentTo: null }, { status: error.status, headers });
  }
}

export default function Join() {
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const values = (actionData?.values ?? {}) as { name?: string; email?: string; organization?: Record<string, string> };
  const busy = useNavigation().state === "submitting";
  if (actionData?.sentTo) {
    return (
      <Card title={t("join.title")}>
        <Notice>{t("join.sent", { email: actionData.sentTo })}</Notice>
      </Card>
    );
  }
  return (
    <Card title={t("join.title")}>
      <p className="mb-4 text-sm text-slate-700">{t("join.lead")}</p>
      <Form method="post" className="space-y-6" noValidate>
        <FormError error={errors.form} />
        <fieldset className="space-y-3">
          <legend className="mb-2 font-semibold">{t("join.person")}</legend>
          <Field name="name" label={t("join.name")} autoComplete="name" error={errors.name} maxLength={100} required defaultValue={values.name} />
          <Field name="email" type="email" label={t("login.email")} autoComplete="email" error={errors.email} maxLength={254} required defaultValue={values.email} />
          <Field name="password" type="password" label={t("login.password")} autoComplete="new-password" hint={t("join.passwordHint")} error={errors.password} maxLength={200} required />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="mb-2 font-semibold">{t("join.enterprise")}</legend>
          <Field name="organization.name" label={t("join.organizationName")} autoComplete="organization" error={errors["organization.name"]} maxLength={100} required defaultValue={values.organization?.name} />
          <Field name="organization.creditCode" label={t("join.creditCode")} error={errors["organization.creditCode"]} maxLength={18} required className="font-mono uppercase" defaultValue={values.organization?.creditCode} />
          <Field name="organization.region" label={t("join.region")} error={errors["organization.region"]} maxLength={50} required defaultValue={values.organization?.region} />
          <div className="space-y-1">
            <label htmlFor="field-organization-cluster" className="block text-sm font-medium">{t("join.cluster")}</label>
            <select id="field-organization-cluster" name="organization.cluster" required defaultValue={values.organization?.cluster ?? ""}
              aria-invalid={errors["organization.cluster"] ? true : undefined}
              aria-describedby={errors["organization.cluster"] ? "field-organization-cluster-error" : undefined}
              className="block w-full rounded border border-slate-300 bg-white px-3 py-2">
              <option value="" disabled>—</option>
              {CLUSTERS.map((cluster) => <option key={cluster.code} value={cluster.code}>{language === "zh" ? cluster.zh : cluster.en}</option>)}
            </select>
            {errors["organization.cluster"] && <p id="field-organization-cluster-error" className="text-sm text-red-700">{messageIn(language, errors["organization.cluster"])}</p>}
          </div>
        </fieldset>
        <SubmitButton busy={busy}>{t("join.submit")}</SubmitButton>
      </Form>
    </Card>
  );
}
