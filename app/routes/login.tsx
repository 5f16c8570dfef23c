import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Card, Field, FormError, Notice, SubmitButton } from "~/components/form";
import { SignInSchema } from "~/lib/account-schemas";
import { getUser } from "~/lib/auth.server";
import { DomainError, TryLaterError } from "~/lib/errors";
import { formToObject, validate, type FieldErrors } from "~/lib/forms";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { safeRedirect } from "~/lib/redirect-target";
import { startSession } from "~/lib/session.server";
import { authenticate } from "~/models/account.server";

/** Where signing in lands without a page to go back to: the user's own workspace. */
const SIGNED_IN_HOME = "/dashboard";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("login.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), SIGNED_IN_HOME));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const result = validate(SignInSchema, formToObject(form));
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, formError: undefined }, { status: 400 });
  try {
    const { sessionVersion, ...user } = await authenticate(result.data.email, result.data.password, clientIp(context));
    return redirect(safeRedirect(form.get("redirectTo"), SIGNED_IN_HOME), { headers: { "Set-Cookie": await startSession(user.id, sessionVersion) } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const headers: HeadersInit = error instanceof TryLaterError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return data({ fieldErrors: {} as FieldErrors, formError: error.message }, { status: error.status, headers });
  }
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("login.title")}>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        {searchParams.get("reset") && <Notice>{t("reset.done")}</Notice>}
        <FormError error={actionData?.formError} />
        <Field name="email" type="email" autoComplete="email" label={t("login.email")} error={actionData?.fieldErrors.email} required />
        <Field name="password" type="password" autoComplete="current-password" label={t("login.password")} error={actionData?.fieldErrors.password} required />
        <SubmitButton busy={busy}>{t("login.submit")}</SubmitButton>
      </Form>
      <p className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/forgot-password" className="text-brand-700 underline">{t("login.forgot")}</Link>
        <Link to="/join" className="text-brand-700 underline">{t("login.noAccount")}</Link>
      </p>
    </Card>
  );
}
