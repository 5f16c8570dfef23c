import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, FormError, SubmitButton, useFormReply } from "~/components/ui/form";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { startSession } from "~/lib/session.server";
import { confirmRegistration, openRegistration } from "~/models/account/account.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("join.confirmTitle") },
];

// Opening the mailed link shows a button: a mail scanner that fetches links must not use it up.
export async function loader({ params }: LoaderFunctionArgs) {
  return orErrorPage(openRegistration(params.token ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The form is a single button: the token in the address is all there is to confirm.
  const answer = await answerForm(await readForm(request), z.object({}), () =>
    confirmRegistration(params.token ?? "", clientIp(context)),
  );
  if (!answer.ok) return answer.refusal;
  return redirect("/account?registered=1", { headers: { "Set-Cookie": await startSession(answer.done.id) } });
}

export default function ConfirmRegistration() {
  const { email, organizationName } = useLoaderData<typeof loader>();
  const { formError } = useFormReply(useActionData<typeof action>()?.result);
  const busy = useNavigation().state === "submitting";
  const { t } = useLanguage();
  return (
    <Card title={t("join.confirmTitle")}>
      <Form method="post" className="space-y-4">
        <FormError error={formError} />
        <p className="text-sm text-slate-700">{t("join.confirmLead", { email, organization: organizationName })}</p>
        <SubmitButton busy={busy}>{t("join.confirmSubmit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
