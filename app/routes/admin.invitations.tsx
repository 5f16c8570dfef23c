import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, Notice, SubmitButton, useFormReply } from "~/components/ui/form";
import { cell, Table } from "~/components/ui/table";
import { requireUser, type CurrentUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { answerForm } from "~/lib/form-action.server";
import { readForm } from "~/lib/http.server";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { createInvitation } from "~/models/account/account.server";
import { listInvitations } from "~/models/account/lists.server";
import { InviteSchema } from "~/models/account/schemas";
import { listUniversities } from "~/models/organization/organization.server";

/** Administrators invite to any university; a university's admin member to their own only. */
async function requireInviter(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (user.role !== "ADMIN" && !(user.role === "UNIVERSITY_STAFF" && user.canInvite))
    throw new Response("auth.forbidden", { status: 403 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireInviter(request);
  const ownOnly = user.role === "ADMIN" ? undefined : user.organization!.id;
  const [universities, invitations] = await Promise.all([listUniversities(ownOnly), listInvitations(ownOnly)]);
  return { universities, invitations };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireInviter(request);
  const inviter = {
    id: user.id,
    role: user.role,
    organizationId: user.organization?.id ?? null,
    canInvite: user.canInvite,
  };
  const answer = await answerForm(
    form,
    InviteSchema,
    async (invite) => ({ email: invite.email, url: (await createInvitation(inviter, invite)).url }),
    { checkboxes: ["canInvite"] },
  );
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }), invited: answer.done };
}

export default function Invitations() {
  const { universities, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  const { fields, formError } = useFormReply(actionData?.result);
  const organizationError = fields.organizationId.errors?.[0];
  return (
    <section aria-labelledby="invite-heading" className="space-y-4">
      <h2 id="invite-heading" className="text-lg font-semibold">
        {t("admin.invitations")}
      </h2>
      {actionData && "invited" in actionData && (
        <Notice>
          {t("admin.invited", { email: actionData.invited.email })}{" "}
          <code className="break-all">{actionData.invited.url}</code>
        </Notice>
      )}
      <Form
        method="post"
        className="max-w-lg space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        noValidate
      >
        <FormError error={formError} />
        <Field field={fields.email} type="email" label={t("admin.email")} required />
        <div className="space-y-1">
          <label htmlFor="field-organizationId" className="block text-sm font-medium">
            {t("admin.inviteUniversity")}
          </label>
          <select
            id="field-organizationId"
            name="organizationId"
            required
            className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
            defaultValue={fields.organizationId.initialValue as string | undefined}
            aria-invalid={organizationError ? true : undefined}
            aria-describedby={organizationError ? "field-organizationId-error" : undefined}
          >
            {universities.map((university) => (
              <option key={university.id} value={university.id}>
                {localized(language, university.name, university.nameEn)}
              </option>
            ))}
          </select>
          {organizationError && (
            <p id="field-organizationId-error" className="text-sm text-red-700">
              {messageIn(language, organizationError)}
            </p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="canInvite" defaultChecked={fields.canInvite.initialValue === "on"} />{" "}
          {t("admin.inviteCanInvite")}
        </label>
        <SubmitButton busy={busy}>{t("admin.invite")}</SubmitButton>
      </Form>
      <Table caption={t("admin.invitations")} headers={[t("admin.email"), t("admin.organization"), t("admin.status")]}>
        {invitations.map((invitation) => (
          <tr key={invitation.id}>
            <td className={cell}>{invitation.email}</td>
            <td className={cell}>
              {localized(language, invitation.organization.name, invitation.organization.nameEn)}
            </td>
            <td className={cell}>
              {invitation.acceptedAt
                ? t("invitation.used")
                : new Date(invitation.expiresAt) < new Date()
                  ? t("invitation.expired")
                  : isoDay(invitation.expiresAt)}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
