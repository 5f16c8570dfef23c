import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, useFormReply } from "~/components/ui/form";
import { type Column, FilterSelect, ListSection, shownDay } from "~/components/ui/list";
import { requireRole } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { oneOf, parseListQuery } from "~/lib/paging";
import {
  verifyOrganization,
  listOrganizationsPage,
  ORGANIZATION_SORTS,
} from "~/models/organization/organization.server";

/** GET /admin/organizations[?q=][&kind=][&verification=verified|unverified][&sort=][&dir=][&page=] */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const query = parseListQuery(request, {
    sorts: ORGANIZATION_SORTS,
    // Those awaiting verification first: what an administrator acts on.
    defaultSort: "verifiedAt",
    defaultDir: "asc",
    filters: { kind: oneOf(["UNIVERSITY", "ENTERPRISE"]), verification: oneOf(["verified", "unverified"]) },
  });
  return { query, ...(await listOrganizationsPage(query)) };
}

// A missing or unknown organisation is the model's 404.
const VerifySchema = z.object({ organizationId: z.string().default("") });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const admin = await requireRole(request, "ADMIN");
  const answer = await answerForm(form, VerifySchema, (value) => verifyOrganization(admin.id, value.organizationId));
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }) };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["organizations"][number];

export default function Organizations() {
  const { query, organizations, total, page, pages } = useLoaderData<typeof loader>();
  const { formError } = useFormReply(useActionData<typeof action>()?.result);
  const { t, language } = useLanguage();
  const columns: Array<Column<Row>> = [
    {
      key: "name",
      header: t("admin.name"),
      sort: "name",
      primary: true,
      cell: (o) => localized(language, o.name, o.nameEn),
    },
    {
      key: "kind",
      header: t("admin.kind"),
      sort: "kind",
      nowrap: true,
      cell: (o) => t(`kind.${o.kind as "UNIVERSITY" | "ENTERPRISE"}`),
    },
    {
      key: "creditCode",
      header: t("admin.creditCode"),
      sort: "creditCode",
      nowrap: true,
      cell: (o) => <span className="font-mono">{o.creditCode}</span>,
    },
    {
      key: "members",
      header: t("admin.members"),
      sort: "members",
      nowrap: true,
      align: "right",
      cell: (o) => o._count.members,
    },
    {
      key: "createdAt",
      header: t("admin.createdAt"),
      sort: "createdAt",
      nowrap: true,
      cell: (o) => shownDay(o.createdAt),
    },
    {
      key: "status",
      header: t("admin.status"),
      sort: "verifiedAt",
      nowrap: true,
      cell: (o) =>
        o.verifiedAt ? (
          t("admin.verified")
        ) : (
          <Form method="post" className="flex items-center gap-2">
            <span>{t("admin.unverified")}</span>
            <input type="hidden" name="organizationId" value={o.id} />
            <button
              type="submit"
              className="rounded bg-brand-700 px-2 py-1 text-white hover:bg-brand-600"
              aria-label={`${t("admin.verify")} ${localized(language, o.name, o.nameEn)}`}
            >
              {t("admin.verify")}
            </button>
          </Form>
        ),
    },
  ];
  return (
    <ListSection
      id="organizations"
      title={t("admin.organizations")}
      searchLabel={t("admin.orgs.search")}
      filters={
        <>
          <FilterSelect
            name="kind"
            label={t("admin.kind")}
            value={query.kind}
            options={(["UNIVERSITY", "ENTERPRISE"] as const).map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          />
          <FilterSelect
            name="verification"
            label={t("admin.verification")}
            value={query.verification}
            options={[
              { value: "unverified", label: t("admin.unverified") },
              { value: "verified", label: t("admin.verified") },
            ]}
          />
        </>
      }
      notice={<FormError error={formError} />}
      query={query}
      total={total}
      page={page}
      pages={pages}
      columns={columns}
      rows={organizations}
      rowKey={(o) => o.id}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
