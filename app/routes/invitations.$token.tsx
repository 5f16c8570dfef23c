import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Field, FormError, SubmitButton } from "~/components/form";
import { AcceptInvitationSchema } from "~/lib/account-schemas";
import { DomainError, orErrorPage } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { clientIp, readForm } from "~/lib/http.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { startSession } from "~/lib/session.server";
import { acceptInvitation, openInvitation } from "~/models/account.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("invitation.title", { organization: "" }) }];

/** An unknown, used or expired link is answered with its reason (404 or 410), not a form. */
function invitationOr4xx(token: string | undefined) {
  return orErrorPage(openInvitation(token ?? ""));
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await invitationOr4xx(params.token);
  return { email: invitation.email, organization: invitation.organization };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  await invitationOr4xx(params.token);
  const result = validate(AcceptInvitationSchema, formToObject(form));
  if (!result.ok) return data({ fieldErrors: result.fieldErrors }, { status: 400 });
  try {
    const user = await acceptInvitation(params.token ?? "", result.data, clientIp(context));
    return redirect("/account", { headers: { "Set-Cookie": await startSession(user.id, user.sessionVersion) } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ fieldErrors: { [error.path ?? "form"]: error.message } as Record<string, string> }, { status: error.status });
  }
}

export default function AcceptInvitation() {
  const { email, organization } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  const name = localized(language, organization.name, organization.nameEn);
  return (
    <Card title={t("invitation.title", { organization: name })}>
      <p className="mb-4 text-sm text-slate-700">{t("invitation.lead", { organization: name, email })}</p>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={actionData?.fieldErrors.form ?? actionData?.fieldErrors.email} />
        <Field name="name" label={t("join.name")} autoComplete="name" error={actionData?.fieldErrors.name} maxLength={100} required />
        <Field name="password" type="password" autoComplete="new-password" label={t("login.password")} hint={t("join.passwordHint")} error={actionData?.fieldErrors.password} maxLength={200} required />
        <SubmitButton busy={busy}>{t("invitation.submit")}</SubmitButton>
      </Form>
    </Card>
  );
}
