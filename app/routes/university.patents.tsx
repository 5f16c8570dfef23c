import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeclareOpenLicenseForm } from "~/components/open-license-forms";
import { tickAndTitleColumns } from "~/components/patent-columns";
import { Notice } from "~/components/ui/form";
import { DataTable, FilterSelect, ListToolbar, Pager, shownDay, type Column } from "~/components/ui/list";
import { UniversitySelect } from "~/components/university-select";
import { requireRole } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { replyErrors, tickedIds } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { oneOf, parseListQuery } from "~/lib/paging";
import { declareOpenLicenses } from "~/models/open-license/open-license.server";
import { DeclareFormSchema } from "~/models/open-license/schemas";
import { chooseUniversity } from "~/models/organization/organization.server";
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
  const { universities, universityId } = await orErrorPage(
    chooseUniversity(user, new URL(request.url).searchParams.get("university")),
  );
  const query = parseListQuery(request, {
    sorts: UNIVERSITY_PATENT_SORTS,
    defaultSort: "filingDate",
    filters: {
      type: oneOf(PATENT_TYPE_CODES as [PatentType, ...PatentType[]]),
      legalStatus: oneOf(LEGAL_STATUS_CODES as [LegalStatus, ...LegalStatus[]]),
      openLicense: oneOf(["declared", "none"]),
    },
  });
  return { universities, universityId, query, ...(await listUniversityPatentsPage(universityId, query)) };
}

/** The declaration form with the patents ticked in the list (at most 500 at once). */
const DeclareForPatentsSchema = z
  .intersection(
    z.object({
      patentId: tickedIds(500),
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
    ...tickAndTitleColumns<Row>(t, language),
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
      cell: (patent) => PATENT_TYPES[patent.type][language],
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
      cell: (patent) => LEGAL_STATUSES[patent.legalStatus][language],
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
      <ListToolbar id="up" label={t("up.search")} query={query} total={total} columns={columns}>
        <UniversitySelect universities={universities} value={universityId} label={t("up.chooseUniversity")} />
        <FilterSelect
          name="type"
          label={t("patent.type")}
          value={query.type}
          options={PATENT_TYPE_CODES.map((code) => ({ value: code, label: PATENT_TYPES[code][language] }))}
        />
        <FilterSelect
          name="legalStatus"
          label={t("patent.legalStatus")}
          value={query.legalStatus}
          options={LEGAL_STATUS_CODES.map((code) => ({ value: code, label: LEGAL_STATUSES[code][language] }))}
        />
        <FilterSelect
          name="openLicense"
          label={t("up.openLicenseFilter")}
          value={query.openLicense}
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
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
