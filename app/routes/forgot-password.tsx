import { type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Field, Notice, SubmitButton, useFormReply } from "~/components/ui/form";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { requestPasswordReset } from "~/models/account/account.server";
import { ResetRequestSchema } from "~/models/account/schemas";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("forgot.title") },
];

export async function action({ request, context }: ActionFunctionArgs) {
  // Too many links for an address (a TryLaterError: 429 with Retry-After) is said beside the address.
  const answer = await answerForm(
    await readForm(request),
    ResetRequestSchema,
    (value) => requestPasswordReset(value.email, clientIp(context)),
    { errorField: "email" },
  );
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply(), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { fields } = useFormReply(actionData?.result);
  const { t } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("forgot.title")}>
      {actionData && "sent" in actionData ? (
        <Notice>{t("forgot.sent")}</Notice>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <Field field={fields.email} type="email" autoComplete="email" label={t("login.email")} required />
          <SubmitButton busy={busy}>{t("forgot.submit")}</SubmitButton>
        </Form>
      )}
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
