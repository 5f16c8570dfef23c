import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, FormError, SubmitButton } from "~/components/form";
import { DomainError, orErrorPage } from "~/lib/errors";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { startSession } from "~/lib/session.server";
import { confirmRegistration, openRegistration } from "~/models/account.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("join.confirmTitle") }];

// Opening the mailed link shows a button: a mail scanner that fetches links must not use it up.
export async function loader({ params }: LoaderFunctionArgs) {
  return orErrorPage(openRegistration(params.token ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(request);
  try {
    const user = await confirmRegistration(params.token ?? "", clientIp(context));
    return redirect("/account?registered=1", { headers: { "Set-Cookie": await startSession(user.id) } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ formError: error.message }, { status: error.status });
  }
}

export default function ConfirmRegistration() {
  const { email, organizationName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useLanguage();
  return (
    <Card title={t("join.confirmTitle")}>
      <Form method="post" className="space-y-4">
        <FormError error={actionData?.formError} />
        <p className="text-sm text-slate-700">{t("join.confirmLead", { email, organization: organizationName })}</p>
        <SubmitButton busy={busy}>{t("join.confirmSubmit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
