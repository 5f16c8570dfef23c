import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Card, Field, Notice, SubmitButton } from "~/components/form";
import { ResetRequestSchema } from "~/lib/account-schemas";
import { TryLaterError } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { requestPasswordReset } from "~/models/account.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("forgot.title") }];

export async function action({ request, context }: ActionFunctionArgs) {
  const result = validate(ResetRequestSchema, formToObject(await readForm(request)));
  if (!result.ok) return data({ sent: false, fieldErrors: result.fieldErrors }, { status: 400 });
  try {
    await requestPasswordReset(result.data.email, clientIp(context));
  } catch (error) {
    if (!(error instanceof TryLaterError)) throw error;
    return data({ sent: false, fieldErrors: { email: error.message } }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
  }
  return { sent: true, fieldErrors: {} as Record<string, string> };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("forgot.title")}>
      {actionData?.sent ? (
        <Notice>{t("forgot.sent")}</Notice>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <Field name="email" type="email" autoComplete="email" label={t("login.email")} error={actionData?.fieldErrors.email} required />
          <SubmitButton busy={busy}>{t("forgot.submit")}</SubmitButton>
        </Form>
      )}
    </Card>
  );
}
