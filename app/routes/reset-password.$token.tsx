import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, NewPasswordField, FormError, SubmitButton, useFormReply } from "~/components/ui/form";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { resetPassword } from "~/models/account/account.server";
import { ResetPasswordSchema } from "~/models/account/schemas";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("reset.title") }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const answer = await answerForm(await readForm(request), ResetPasswordSchema, (value) =>
    resetPassword(params.token ?? "", value.password, clientIp(context)),
  );
  if (!answer.ok) return answer.refusal;
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const { fields, formError } = useFormReply(useActionData<typeof action>()?.result);
  const { t } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("reset.title")}>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={formError} />
        {formError && (
          <Link to="/forgot-password" className="text-sm text-brand-700 underline">
            {t("forgot.title")}
          </Link>
        )}
        <NewPasswordField field={fields.password} label={t("reset.password")} />
        <SubmitButton busy={busy}>{t("reset.submit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
