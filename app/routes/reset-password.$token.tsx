import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Field, FormError, SubmitButton } from "~/components/form";
import { ResetPasswordSchema } from "~/lib/account-schemas";
import { DomainError } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { resetPassword } from "~/models/account.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("reset.title") }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const result = validate(ResetPasswordSchema, formToObject(await readForm(request)));
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, formError: undefined }, { status: 400 });
  try {
    await resetPassword(params.token ?? "", result.data.password, clientIp(context));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors: Record<string, string> = error.path ? { [error.path]: error.message } : {};
    return data({ fieldErrors, formError: error.path ? undefined : error.message }, { status: error.status });
  }
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("reset.title")}>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={actionData?.formError} />
        {actionData?.formError && <Link to="/forgot-password" className="text-sm text-brand-700 underline">{t("forgot.title")}</Link>}
        <Field name="password" type="password" autoComplete="new-password" label={t("reset.password")} hint={t("join.passwordHint")} error={actionData?.fieldErrors.password} required />
        <SubmitButton busy={busy}>{t("reset.submit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
