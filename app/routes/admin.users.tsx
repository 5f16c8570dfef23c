import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, useFormReply } from "~/components/ui/form";
import { type Column, FilterSelect, ListSection, shownMinute } from "~/components/ui/list";
import { requireRole } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { oneOf, parseListQuery } from "~/lib/paging";
import { deactivateUser, setCanInvite } from "~/models/account/account.server";
import { listUsersPage, USER_SORTS } from "~/models/account/lists.server";
import { ROLES } from "~/models/account/roles";

/** GET /admin/users[?q=][&role=][&state=active|deactivated][&sort=][&dir=][&page=] */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const query = parseListQuery(request, {
    sorts: USER_SORTS,
    defaultSort: "createdAt",
    filters: { role: oneOf(ROLES), state: oneOf(["active", "deactivated"]) },
  });
  return { query, ...(await listUsersPage(query)) };
}

// A missing or unknown account is the model's 404.
const AccountActionSchema = z.object({
  intent: z.enum(["deactivate", "grantInvite", "revokeInvite"]),
  userId: z.string().default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const admin = await requireRole(request, "ADMIN");
  const answer = await answerForm(form, AccountActionSchema, async ({ intent, userId }) => {
    if (intent === "deactivate") return deactivateUser(admin.id, userId);
    const granter = {
      id: admin.id,
      role: admin.role,
      organizationId: admin.organization?.id ?? null,
      canInvite: admin.canInvite,
    };
    return setCanInvite(granter, userId, intent === "grantInvite");
  });
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }) };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["users"][number];

export default function Users() {
  const { query, users, total, page, pages } = useLoaderData<typeof loader>();
  const { formError, fields } = useFormReply(useActionData<typeof action>()?.result);
  const { t, language } = useLanguage();
  const columns: Array<Column<Row>> = [
    { key: "name", header: t("admin.name"), sort: "name", primary: true, cell: (u) => u.name },
    {
      key: "email",
      header: t("admin.email"),
      sort: "email",
      cell: (u) => <span className="break-all">{u.email}</span>,
    },
    {
      key: "role",
      header: t("admin.role"),
      sort: "role",
      cell: (u) => (
        <>
          <span className="whitespace-nowrap">{t(`role.${u.role}`)}</span>
          {u.role === "UNIVERSITY_STAFF" && (
            <Form method="post" className="mt-1">
              <input type="hidden" name="userId" value={u.id} />
              {u.canInvite && <span className="mr-2 text-xs text-slate-600">{t("admin.canInvite")}</span>}
              <button
                type="submit"
                name="intent"
                value={u.canInvite ? "revokeInvite" : "grantInvite"}
                className="text-xs text-brand-700 underline"
                aria-label={`${u.canInvite ? t("admin.revokeInvite") : t("admin.grantInvite")} ${u.email}`}
              >
                {u.canInvite ? t("admin.revokeInvite") : t("admin.grantInvite")}
              </button>
            </Form>
          )}
        </>
      ),
    },
    {
      key: "organization",
      header: t("admin.organization"),
      sort: "organization",
      cell: (u) => (u.organization ? localized(language, u.organization.name, u.organization.nameEn) : "—"),
    },
    {
      key: "lastSignInAt",
      header: t("admin.lastSignIn"),
      sort: "lastSignInAt",
      nowrap: true,
      cell: (u) => (u.lastSignInAt ? shownMinute(u.lastSignInAt) : "—"),
    },
    {
      key: "status",
      header: t("admin.status"),
      nowrap: true,
      cell: (u) =>
        u.deactivatedAt ? (
          t("admin.deactivated")
        ) : (
          <Form method="post" className="flex items-center gap-2">
            <span>{t("admin.active")}</span>
            <input type="hidden" name="userId" value={u.id} />
            <button
              type="submit"
              name="intent"
              value="deactivate"
              className="rounded px-2 py-1 text-red-700 ring-1 ring-red-300 hover:bg-red-50"
              aria-label={`${t("admin.deactivate")} ${u.email}`}
            >
              {t("admin.deactivate")}
            </button>
          </Form>
        ),
    },
  ];
  return (
    <ListSection
      id="users"
      title={t("admin.users")}
      searchLabel={t("admin.users.search")}
      filters={
        <>
          <FilterSelect
            name="role"
            label={t("admin.role")}
            value={query.role}
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
          <FilterSelect
            name="state"
            label={t("admin.accountStatus")}
            value={query.state}
            options={[
              { value: "active", label: t("admin.active") },
              { value: "deactivated", label: t("admin.deactivated") },
            ]}
          />
        </>
      }
      notice={<FormError error={formError ?? fields.intent.errors?.[0]} />}
      query={query}
      total={total}
      page={page}
      pages={pages}
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
