import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Field, FormError, Notice, SubmitButton, useFormReply } from "~/components/ui/form";
import { getUser } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { safeRedirect } from "~/lib/redirect-target";
import { startSession } from "~/lib/session.server";
import { authenticate } from "~/models/account/account.server";
import { SignInSchema } from "~/models/account/schemas";

/** Where signing in lands without a page to go back to: the user's own workspace. */
const SIGNED_IN_HOME = "/dashboard";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("login.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), SIGNED_IN_HOME));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const answer = await answerForm(form, SignInSchema, (value) =>
    authenticate(value.email, value.password, clientIp(context)),
  );
  if (!answer.ok) return answer.refusal;
  const { id, sessionVersion } = answer.done;
  return redirect(safeRedirect(form.get("redirectTo"), SIGNED_IN_HOME), {
    headers: { "Set-Cookie": await startSession(id, sessionVersion) },
  });
}

export default function Login() {
  const { fields, formError } = useFormReply(useActionData<typeof action>()?.result);
  const [searchParams] = useSearchParams();
  const { t } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("login.title")}>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        {searchParams.get("reset") && <Notice>{t("reset.done")}</Notice>}
        <FormError error={formError} />
        <Field field={fields.email} type="email" autoComplete="email" label={t("login.email")} required />
        <Field
          field={fields.password}
          type="password"
          autoComplete="current-password"
          label={t("login.password")}
          required
        />
        <SubmitButton busy={busy}>{t("login.submit")}</SubmitButton>
      </Form>
      <p className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/forgot-password" className="text-brand-700 underline">
          {t("login.forgot")}
        </Link>
        <Link to="/join" className="text-brand-700 underline">
          {t("login.noAccount")}
        </Link>
      </p>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
