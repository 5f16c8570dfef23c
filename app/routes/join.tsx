import { type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Field, NewPasswordField, FormError, Notice, SubmitButton, useFormReply } from "~/components/ui/form";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { requestRegistration } from "~/models/account/account.server";
import { RegisterSchema, type Registration } from "~/models/account/schemas";
import { CLUSTERS } from "~/models/taxonomy";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("join.title") }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  // The same answer whether or not the address or the enterprise is registered: the mail says which.
  const answer = await answerForm(form, RegisterSchema, async (registration) => {
    await requestRegistration(registration, clientIp(context));
    return registration.email;
  });
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }), sentTo: answer.done };
}

export default function Join() {
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  // What the user typed comes back with the errors (never the password): a page without JavaScript keeps it.
  const { fields, formError } = useFormReply<Registration>(actionData?.result);
  const organization = fields.organization.getFieldset();
  const clusterError = organization.cluster.errors?.[0];
  const busy = useNavigation().state === "submitting";
  if (actionData && "sentTo" in actionData) {
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
        <FormError error={formError} />
        <fieldset className="space-y-3">
          <legend className="mb-2 font-semibold">{t("join.person")}</legend>
          <Field field={fields.name} label={t("join.name")} autoComplete="name" maxLength={100} required />
          <Field
            field={fields.email}
            type="email"
            label={t("login.email")}
            autoComplete="email"
            maxLength={254}
            required
          />
          <NewPasswordField field={fields.password} label={t("login.password")} />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="mb-2 font-semibold">{t("join.enterprise")}</legend>
          <Field
            field={organization.name}
            label={t("join.organizationName")}
            autoComplete="organization"
            maxLength={100}
            required
          />
          <Field
            field={organization.creditCode}
            label={t("join.creditCode")}
            maxLength={18}
            required
            className="font-mono uppercase"
          />
          <Field field={organization.region} label={t("join.region")} maxLength={50} required />
          <div className="space-y-1">
            <label htmlFor="field-organization-cluster" className="block text-sm font-medium">
              {t("join.cluster")}
            </label>
            <select
              id="field-organization-cluster"
              name="organization.cluster"
              required
              defaultValue={organization.cluster.initialValue ?? ""}
              aria-invalid={clusterError ? true : undefined}
              aria-describedby={clusterError ? "field-organization-cluster-error" : undefined}
              className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
            >
              <option value="" disabled>
                —
              </option>
              {CLUSTERS.map((cluster) => (
                <option key={cluster.code} value={cluster.code}>
                  {language === "zh" ? cluster.zh : cluster.en}
                </option>
              ))}
            </select>
            {clusterError && (
              <p id="field-organization-cluster-error" className="text-sm text-red-700">
                {messageIn(language, clusterError)}
              </p>
            )}
          </div>
        </fieldset>
        <SubmitButton busy={busy}>{t("join.submit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
