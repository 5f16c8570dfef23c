import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeclareOpenLicenseForm } from "~/components/open-license-forms";
import { FormError, Notice } from "~/components/ui/form";
import {
  DataTable,
  FilterSelect,
  ListToolbar,
  Pager,
  shownDay,
  sortOptionsOf,
  type Column,
} from "~/components/ui/list";
import { requireRole, universityFor } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { replyErrors } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { oneOf, parseListQuery } from "~/lib/paging";
import { declareOpenLicenses } from "~/models/open-license/open-license.server";
import { DeclareFormSchema } from "~/models/open-license/schemas";
import { listUniversities } from "~/models/organization/organization.server";
import {
  LEGAL_STATUS_CODES,
  LEGAL_STATUSES,
  PATENT_TYPE_CODES,
  PATENT_TYPES,
  type LegalStatus,
  type PatentType,
} from "~/models/patent/vocabulary";
import { listUniversityPatentsPage, UNIVERSITY_PATENT_SORTS } from "~/models/university-patents.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("up.title") }];

/** GET /university/patents[?university=][&q=][&type=][&legalStatus=][&openLicense=declared|none][&sort=][&dir=][&page=] */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const universityId = universityFor(user, new URL(request.url).searchParams.get("university"));
  const universities = user.role === "ADMIN" ? await listUniversities() : [];
  const query = parseListQuery(request, {
    sorts: UNIVERSITY_PATENT_SORTS,
    defaultSort: "filingDate",
    filters: {
      type: oneOf(PATENT_TYPE_CODES as [PatentType, ...PatentType[]]),
      legalStatus: oneOf(LEGAL_STATUS_CODES as [LegalStatus, ...LegalStatus[]]),
      openLicense: oneOf(["declared", "none"]),
    },
  });
  if (!universityId) return { universities, universityId: null, query, total: 0, page: 1, pages: 1, patents: [] };
  if (user.role === "ADMIN" && !universities.some((u) => u.id === universityId))
    throw new Response("validation.university", { status: 400 });
  return { universities, universityId, query, ...(await listUniversityPatentsPage(universityId, query)) };
}

/** The declaration form with the patents ticked in the list (at most 500 at once). */
const DeclareForPatentsSchema = z
  .intersection(
    z.object({
      patentId: z
        .union([z.string(), z.array(z.string())])
        .default([])
        .transform((ids) =>
          [ids]
            .flat()
            .map(Number)
            .filter((id) => Number.isInteger(id) && id > 0)
            .slice(0, 500),
        ),
    }),
    DeclareFormSchema,
  )
  .superRefine(({ patentId }, context) => {
    if (patentId.length === 0) context.addIssue({ code: "custom", path: [], message: "validation.choosePatents" });
  });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  // The model checks, patent by patent, that the user may manage it and that the law allows it.
  const answer = await answerForm(form, DeclareForPatentsSchema, ({ patentId, ...declaration }) =>
    declareOpenLicenses(user, patentId, declaration),
  );
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply(), outcome: answer.done };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["patents"][number];

export default function UniversityPatents() {
  const { universities, universityId, query, total, page, pages, patents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const outcome = actionData && "outcome" in actionData ? actionData.outcome : undefined;
  const sent = replyErrors(actionData?.result);
  const errors: Record<string, string | undefined> = { ...sent, form: sent[""] };
  const columns: Array<Column<Row>> = [
    {
      key: "select",
      header: t("up.select"),
      nowrap: true,
      cell: (patent) => (
        <input
          type="checkbox"
          name="patentId"
          value={patent.id}
          aria-label={`${t("up.select")} ${localized(language, patent.title, patent.titleEn)}`}
        />
      ),
    },
    {
      key: "title",
      header: t("licenses.patent"),
      sort: "title",
      primary: true,
      cell: (patent) => (
        <Link to={`/patents/${patent.id}`} className="text-brand-700 underline">
          {localized(language, patent.title, patent.titleEn)}
        </Link>
      ),
    },
    {
      key: "applicationNumber",
      header: t("patent.applicationNumber"),
      sort: "applicationNumber",
      nowrap: true,
      cell: (patent) => <span className="font-mono text-xs">{patent.applicationNumber}</span>,
    },
    {
      key: "type",
      header: t("patent.type"),
      sort: "type",
      nowrap: true,
      cell: (patent) => PATENT_TYPES[patent.type as PatentType][language],
    },
    {
      key: "filingDate",
      header: t("patent.filingDate"),
      sort: "filingDate",
      nowrap: true,
      cell: (patent) => shownDay(patent.filingDate),
    },
    {
      key: "legalStatus",
      header: t("patent.legalStatus"),
      sort: "legalStatus",
      nowrap: true,
      cell: (patent) => LEGAL_STATUSES[patent.legalStatus as LegalStatus][language],
    },
    {
      key: "openLicense",
      header: t("up.openLicense"),
      nowrap: true,
      cell: (patent) => (patent.declarations[0] ? `v${patent.declarations[0].version}` : "—"),
    },
  ];
  return (
    <section aria-labelledby="up-heading" className="space-y-4">
      <h1 id="up-heading" className="text-2xl font-bold">
        {t("up.title")}
      </h1>
      <p className="text-sm text-slate-700">{t("up.lead")}</p>
      {universities.length > 0 && !universityId && (
        <form method="get" className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="university-choice">{t("up.chooseUniversity")}</label>
          <select
            id="university-choice"
            name="university"
            defaultValue=""
            className="max-w-full rounded border border-slate-300 bg-white px-2 py-1"
          >
            {universities.map((u) => (
              <option key={u.id} value={u.id}>
                {localized(language, u.name, u.nameEn)}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded px-3 py-1 ring-1 ring-slate-300">
            OK
          </button>
        </form>
      )}
      {outcome && (
        <div className="space-y-2">
          <Notice>{t("up.declared", { count: outcome.declared.length })}</Notice>
          {outcome.refused.length > 0 && (
            <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              <p>{t("up.refused", { count: outcome.refused.length })}</p>
              <ul className="list-disc pl-5">
                {outcome.refused.map((r) => (
                  <li key={r.patentId}>
                    <Link to={`/patents/${r.patentId}`} className="underline">
                      #{r.patentId}
                    </Link>
                    : {messageIn(language, r.message)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {universityId && (
        <>
          <ListToolbar
            id="up"
            label={t("up.search")}
            q={query.q}
            total={total}
            sort={query.sort}
            dir={query.dir}
            sortOptions={sortOptionsOf(columns)}
          >
            {universities.length > 0 && (
              <label className="flex flex-col">
                <span>{t("up.chooseUniversity")}</span>
                <select
                  name="university"
                  defaultValue={universityId}
                  className="mt-1 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
                >
                  {universities.map((u) => (
                    <option key={u.id} value={u.id}>
                      {localized(language, u.name, u.nameEn)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <FilterSelect
              name="type"
              label={t("patent.type")}
              value={query.type}
              allLabel={t("list.all")}
              options={PATENT_TYPE_CODES.map((code) => ({ value: code, label: PATENT_TYPES[code][language] }))}
            />
            <FilterSelect
              name="legalStatus"
              label={t("patent.legalStatus")}
              value={query.legalStatus}
              allLabel={t("list.all")}
              options={LEGAL_STATUS_CODES.map((code) => ({ value: code, label: LEGAL_STATUSES[code][language] }))}
            />
            <FilterSelect
              name="openLicense"
              label={t("up.openLicenseFilter")}
              value={query.openLicense}
              allLabel={t("list.all")}
              options={[
                { value: "declared", label: t("up.openLicense.declared") },
                { value: "none", label: t("up.openLicense.none") },
              ]}
            />
          </ListToolbar>
          <DeclareOpenLicenseForm errors={errors} hasActive={false}>
            <DataTable
              caption={t("up.title")}
              columns={columns}
              rows={patents}
              rowKey={(p) => p.id}
              sort={query.sort}
              dir={query.dir}
              empty={t("list.none")}
            />
            <Pager page={page} pages={pages} />
          </DeclareOpenLicenseForm>
        </>
      )}
      <FormError error={universityId ? undefined : errors.form} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
