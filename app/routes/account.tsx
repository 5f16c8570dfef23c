import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Field, NewPasswordField, Notice, SubmitButton, useFormReply } from "~/components/ui/form";
import { requireUser } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { clientIp, readForm } from "~/lib/http.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { endSession, startSession } from "~/lib/session.server";
import { changePassword, endAllSessions } from "~/models/account/account.server";
import { ChangePasswordSchema } from "~/models/account/schemas";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("nav.account", { name: "" }) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { name: user.name, email: user.email, role: user.role, organization: user.organization } };
}

/** "Sign out everywhere" ends every session of the account; a new password ends every other one too, and this
 * browser gets a new session. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") === "sign-out-everywhere") {
    await endAllSessions(user, clientIp(context));
    return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
  }
  if (form.get("intent") !== "change-password") throw new Response("Unknown intent.", { status: 400 });
  const answer = await answerForm(
    form,
    ChangePasswordSchema,
    (value) => changePassword(user, value.currentPassword, value.password, clientIp(context)),
    { errorField: "currentPassword" },
  );
  if (!answer.ok) return answer.refusal;
  return redirect("/account?passwordChanged=1", { headers: { "Set-Cookie": await startSession(user.id) } });
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const { fields } = useFormReply(useActionData<typeof action>()?.result);
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { t, language } = useLanguage();
  return (
    <Card title={user.name}>
      {searchParams.get("registered") && (
        <div className="mb-4">
          <Notice>{t("join.done")}</Notice>
        </div>
      )}
      {searchParams.get("passwordChanged") && (
        <div className="mb-4">
          <Notice>{t("account.passwordChanged")}</Notice>
        </div>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">{t("admin.email")}</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-600">{t("admin.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        {user.organization && (
          <>
            <dt className="text-slate-600">{t("admin.organization")}</dt>
            <dd>{localized(language, user.organization.name, user.organization.nameEn)}</dd>
            <dt className="text-slate-600">{t("admin.status")}</dt>
            <dd>{user.organization.verifiedAt ? t("admin.verified") : t("admin.unverified")}</dd>
          </>
        )}
      </dl>
      {user.organization && !user.organization.verifiedAt && (
        <p className="mt-4 text-sm text-amber-800">{t("account.unverified")}</p>
      )}
      <section aria-labelledby="change-password-heading" className="mt-6 border-t border-slate-200 pt-4">
        <h2 id="change-password-heading" className="mb-3 font-semibold">
          {t("account.changePassword")}
        </h2>
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <Field
            field={fields.currentPassword}
            type="password"
            autoComplete="current-password"
            label={t("account.currentPassword")}
            required
            maxLength={200}
          />
          <NewPasswordField field={fields.password} label={t("reset.password")} />
          <SubmitButton busy={busy}>{t("account.changePassword")}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="sessions-heading" className="mt-6 border-t border-slate-200 pt-4">
        <h2 id="sessions-heading" className="mb-2 font-semibold">
          {t("account.signOutEverywhere")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("account.signOutEverywhereHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button
            type="submit"
            className="rounded border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50"
          >
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
