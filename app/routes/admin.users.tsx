import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form";
import { cell, Table } from "~/components/table";
import { requireRole } from "~/lib/auth.server";
import { DomainError } from "~/lib/errors";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { pageParam } from "~/lib/paging";
import { deactivateUser, setCanInvite } from "~/models/account.server";
import { listUsers } from "~/models/admin.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return listUsers({ page: pageParam(request) });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const admin = await requireRole(request, "ADMIN");
  const userId = String(form.get("userId") ?? "");
  try {
    const intent = form.get("intent");
    if (intent === "deactivate") await deactivateUser(admin.id, userId);
    else if (intent === "grantInvite" || intent === "revokeInvite") {
      await setCanInvite({ id: admin.id, role: admin.role, organizationId: admin.organization?.id ?? null, canInvite: admin.canInvite }, userId, intent === "grantInvite");
    } else return data({ error: "unknown action" }, { status: 400 });
    return { error: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ error: error.message }, { status: error.status });
  }
}

export default function Users() {
  const { users, total } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <h2 id="users-heading" className="text-lg font-semibold">{t("admin.users")} ({total})</h2>
      <FormError error={actionData?.error ?? undefined} />
      <Table caption={t("admin.users")} headers={[t("admin.name"), t("admin.email"), t("admin.role"), t("admin.organization"), t("admin.lastSignIn"), t("admin.status")]}>
        {users.map((user) => (
          <tr key={user.id}>
            <td className={cell}>{user.name}</td>
            <td className={cell}>{user.email}</td>
            <td className={cell}>
              {t(`role.${user.role as "SME" | "UNIVERSITY_STAFF" | "ADMIN"}`)}
              {user.role === "UNIVERSITY_STAFF" && (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="userId" value={user.id} />
                  {user.canInvite && <span className="mr-2 text-xs text-slate-600">{t("admin.canInvite")}</span>}
                  <button type="submit" name="intent" value={user.canInvite ? "revokeInvite" : "grantInvite"} className="text-xs text-brand-700 underline">
                    {user.canInvite ? t("admin.revokeInvite") : t("admin.grantInvite")}
                  </button>
                </Form>
              )}
            </td>
            <td className={cell}>{user.organization ? localized(language, user.organization.name, user.organization.nameEn) : "—"}</td>
            <td className={cell}>{user.lastSignInAt ? new Date(user.lastSignInAt).toISOString().slice(0, 16).replace("T", " ") : "—"}</td>
            <td className={cell}>
              {user.deactivatedAt ? t("admin.deactivated") : (
                <Form method="post" className="flex items-center gap-2">
                  <span>{t("admin.active")}</span>
                  <input type="hidden" name="userId" value={user.id} />
                  <button type="submit" name="intent" value="deactivate" className="rounded px-2 py-1 text-red-700 ring-1 ring-red-300 hover:bg-red-50"
                    aria-label={`${t("admin.deactivate")} ${user.email}`}>
                    {t("admin.deactivate")}
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
