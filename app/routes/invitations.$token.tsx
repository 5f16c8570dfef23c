import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Field, NewPasswordField, FormError, SubmitButton, useFormReply } from "~/components/ui/form";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { startSession } from "~/lib/session.server";
import { acceptInvitation, openInvitation } from "~/models/account/account.server";
import { AcceptInvitationSchema } from "~/models/account/schemas";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("invitation.title", { organization: "" }) },
];

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
  const answer = await answerForm(form, AcceptInvitationSchema, (value) =>
    acceptInvitation(params.token ?? "", value, clientIp(context)),
  );
  if (!answer.ok) return answer.refusal;
  const user = answer.done;
  return redirect("/account", { headers: { "Set-Cookie": await startSession(user.id, user.sessionVersion) } });
}

export default function AcceptInvitation() {
  const { email, organization } = useLoaderData<typeof loader>();
  const { fields, formError } = useFormReply(useActionData<typeof action>()?.result);
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  const name = localized(language, organization.name, organization.nameEn);
  return (
    <Card title={t("invitation.title", { organization: name })}>
      <p className="mb-4 text-sm text-slate-700">{t("invitation.lead", { organization: name, email })}</p>
      <Form method="post" className="space-y-4" noValidate>
        {/* The address is the invitation's, not a field: a refusal about it is the form's. */}
        <FormError error={formError ?? fields.email.errors?.[0]} />
        <Field field={fields.name} label={t("join.name")} autoComplete="name" maxLength={100} required />
        <NewPasswordField field={fields.password} label={t("login.password")} />
        <SubmitButton busy={busy}>{t("invitation.submit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
