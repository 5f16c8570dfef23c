import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { cell, Table } from "~/components/table";
import { requireRole } from "~/lib/auth.server";
import { DomainError } from "~/lib/errors";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { pageParam } from "~/lib/paging";
import { verifyOrganization } from "~/models/account.server";
import { listOrganizations } from "~/models/admin.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const onlyUnverified = new URL(request.url).searchParams.get("unverified") === "1";
  return { ...(await listOrganizations({ onlyUnverified, page: pageParam(request) })), onlyUnverified };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const admin = await requireRole(request, "ADMIN");
  try {
    await verifyOrganization(admin.id, String(form.get("organizationId") ?? ""));
    return { error: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ error: error.message }, { status: error.status });
  }
}

export default function Organizations() {
  const { organizations, total, onlyUnverified } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const [searchParams] = useSearchParams();
  const page = Number(searchParams.get("page") ?? 1);
  return (
    <section aria-labelledby="organizations-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="organizations-heading" className="text-lg font-semibold">{t("admin.organizations")} ({total})</h2>
        <Form method="get" onChange={(event) => event.currentTarget.requestSubmit()}>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="unverified" value="1" defaultChecked={onlyUnverified} />
            {t("admin.onlyUnverified")}
          </label>
          <noscript><button type="submit">OK</button></noscript>
        </Form>
      </div>
      <Table caption={t("admin.organizations")} headers={[t("admin.name"), t("admin.kind"), t("admin.creditCode"), t("admin.members"), t("admin.status")]}>
        {organizations.map((organization) => (
          <tr key={organization.id}>
            <td className={cell}>{localized(language, organization.name, organization.nameEn)}</td>
            <td className={cell}>{t(`kind.${organization.kind as "UNIVERSITY" | "ENTERPRISE"}`)}</td>
            <td className={`${cell} font-mono`}>{organization.creditCode}</td>
            <td className={cell}>{organization._count.members}</td>
            <td className={cell}>
              {organization.verifiedAt ? (
                t("admin.verified")
              ) : (
                <Form method="post" className="flex items-center gap-2">
                  <span>{t("admin.unverified")}</span>
                  <input type="hidden" name="organizationId" value={organization.id} />
                  <button type="submit" className="rounded bg-brand-700 px-2 py-1 text-white hover:bg-brand-600"
                    aria-label={`${t("admin.verify")} ${localized(language, organization.name, organization.nameEn)}`}>
                    {t("admin.verify")}
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </Table>
      {total > page * 50 && <Link to={`?${onlyUnverified ? "unverified=1&" : ""}page=${page + 1}`} className="text-sm text-brand-700 underline">{t("search.next")} →</Link>}
    </section>
  );
}
