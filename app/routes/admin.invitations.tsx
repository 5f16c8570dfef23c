import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, Notice, SubmitButton } from "~/components/form";
import { cell, Table } from "~/components/table";
import { InviteSchema } from "~/lib/account-schemas";
import { requireUser, type CurrentUser } from "~/lib/auth.server";
import { DomainError } from "~/lib/errors";
import { formToObject, validate } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { createInvitation } from "~/models/account.server";
import { listInvitations, listUniversities } from "~/models/admin.server";

/** Administrators invite to any university; a university's admin member to their own only. */
async function requireInviter(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (user.role !== "ADMIN" && !(user.role === "UNIVERSITY_STAFF" && user.canInvite)) throw new Response("auth.forbidden", { status: 403 });
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
  const result = validate(InviteSchema, formToObject(form, ["canInvite"]));
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, invited: null }, { status: 400 });
  try {
    const inviter = { id: user.id, role: user.role, organizationId: user.organization?.id ?? null, canInvite: user.canInvite };
    const invitation = await createInvitation(inviter, result.data);
    return { fieldErrors: {} as Record<string, string>, invited: { email: result.data.email, url: invitation.url } };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ fieldErrors: { [error.path ?? "form"]: error.message } as Record<string, string>, invited: null }, { status: error.status });
  }
}

export default function Invitations() {
  const { universities, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section aria-labelledby="invite-heading" className="space-y-4">
      <h2 id="invite-heading" className="text-lg font-semibold">{t("admin.invitations")}</h2>
      {actionData?.invited && (
        <Notice>
          {t("admin.invited", { email: actionData.invited.email })} <code className="break-all">{actionData.invited.url}</code>
        </Notice>
      )}
      <Form method="post" className="max-w-lg space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
        <FormError error={errors.form} />
        <Field name="email" type="email" label={t("admin.email")} error={errors.email} required />
        <div className="space-y-1">
          <label htmlFor="field-organizationId" className="block text-sm font-medium">{t("admin.inviteUniversity")}</label>
          <select id="field-organizationId" name="organizationId" required className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
            aria-invalid={errors.organizationId ? true : undefined} aria-describedby={errors.organizationId ? "field-organizationId-error" : undefined}>
            {universities.map((university) => <option key={university.id} value={university.id}>{localized(language, university.name, university.nameEn)}</option>)}
          </select>
          {errors.organizationId && <p id="field-organizationId-error" className="text-sm text-red-700">{messageIn(language, errors.organizationId)}</p>}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="canInvite" /> {t("admin.inviteCanInvite")}
        </label>
        <SubmitButton busy={busy}>{t("admin.invite")}</SubmitButton>
      </Form>
      <Table caption={t("admin.invitations")} headers={[t("admin.email"), t("admin.organization"), t("admin.status")]}>
        {invitations.map((invitation) => (
          <tr key={invitation.id}>
            <td className={cell}>{invitation.email}</td>
            <td className={cell}>{localized(language, invitation.organization.name, invitation.organization.nameEn)}</td>
            <td className={cell}>
              {invitation.acceptedAt ? t("invitation.used") : new Date(invitation.expiresAt) < new Date() ? t("invitation.expired") : invitation.expiresAt.toISOString().slice(0, 10)}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
