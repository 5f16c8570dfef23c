import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { tickAndTitleColumns } from "~/components/patent-columns";
import { FormError, Notice, useFormReply } from "~/components/ui/form";
import { type Column, ListToolbar, PagedTable, shownDay } from "~/components/ui/list";
import { UniversitySelect } from "~/components/university-select";
import { requireRole } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { readForm } from "~/lib/http.server";
import { localized, messageIn, translator, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { oneOf, parseListQuery } from "~/lib/paging";
import {
  assessPatents,
  ASSESSMENT_SORTS,
  classifyPatents,
  listForAssessment,
} from "~/models/assessment/assessment.server";
import { ASSESSMENT_FILTERS } from "~/models/assessment/filters";
import { AssessFormSchema, assessmentInput, ClassifyFormSchema, classifyInput } from "~/models/assessment/schemas";
import { chooseUniversity } from "~/models/organization/organization.server";
import { LEGAL_STATUSES, PATENT_TYPES } from "~/models/patent/vocabulary";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("assess.title") },
];

/** GET /university/assessment[?university=][&filter=due|unassessed|unclassified|all|transferable|excluded][&q=][&sort=][&dir=][&page=]:
 * without a filter, the patents that need an assessment (or all, when none does). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const url = new URL(request.url);
  const { universities, universityId } = await orErrorPage(chooseUniversity(user, url.searchParams.get("university")));
  const query = parseListQuery(request, {
    sorts: ASSESSMENT_SORTS,
    defaultSort: "assessedAt",
    defaultDir: "asc",
    filters: { filter: oneOf(ASSESSMENT_FILTERS) },
  });
  const list = await orErrorPage(listForAssessment(user, universityId, query));
  return { universities, universityId, query, ...list };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  if (form.get("intent") === "classify") {
    const classified = await answerForm(form, ClassifyFormSchema, (value) =>
      classifyPatents(user, classifyInput(value)),
    );
    if (!classified.ok) return classified.refusal;
    return { result: classified.reply({ resetForm: true }), classified: classified.done.classified };
  }
  const answer = await answerForm(form, AssessFormSchema, (value) =>
    assessPatents(user, value.patentId, assessmentInput(value)),
  );
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }), assessed: answer.done.assessed };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["patents"][number];

export default function Assessment() {
  const { universities, universityId, query, filter, noneDue, total, page, pages, patents } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, language } = useLanguage();
  // Two forms answer here: the assessment of the ticked patents, and the main classifications typed in the list.
  const reply = actionData?.result;
  const classifyReply =
    (actionData && "classified" in actionData) || reply?.initialValue?.intent === "classify" ? reply : undefined;
  const { fields, formError } = useFormReply(classifyReply ? undefined : reply);
  const assessed = (actionData && "assessed" in actionData && actionData.assessed) || 0;
  const classified = (actionData && "classified" in actionData && actionData.classified) || 0;
  const typedIpc = (classifyReply?.initialValue?.ipc ?? {}) as Record<string, string | undefined>;
  const ipcError = (patentId: number) => classifyReply?.error?.[`ipc.${patentId}`]?.[0];
  const classifyError = classifyReply?.error?.[""]?.[0] ?? classifyReply?.error?.ipc?.[0];
  const unclassified = patents.some((patent) => !patent.ipcMain);
  // What was sent before a refusal, shown again (without JavaScript too).
  const sent = (name: keyof typeof fields) =>
    [fields[name].initialValue]
      .flat()
      .filter((value) => value !== undefined && value !== null)
      .map(String);
  const ticked = new Set(sent("patentId"));
  const noteError = fields.note.errors?.[0];
  const scoreError = fields.score.errors?.[0];
  const columns: Array<Column<Row>> = [
    ...tickAndTitleColumns<Row>(t, language, ticked),
    {
      key: "type",
      header: t("patent.type"),
      nowrap: true,
      cell: (patent) => PATENT_TYPES[patent.type][language],
    },
    {
      key: "legalStatus",
      header: t("patent.legalStatus"),
      sort: "legalStatus",
      nowrap: true,
      cell: (patent) => LEGAL_STATUSES[patent.legalStatus][language],
    },
    {
      key: "ipcMain",
      header: t("patent.ipcMain"),
      nowrap: true,
      cell: (patent) =>
        patent.ipcMain ? (
          <span className="font-mono text-xs">{patent.ipcMain}</span>
        ) : (
          <span className="flex flex-col">
            <input
              form="classify"
              name={`ipc.${patent.id}`}
              defaultValue={typedIpc[patent.id] ?? ""}
              placeholder="H01M 10/052"
              maxLength={40}
              aria-label={t("assess.ipc.for", { title: localized(language, patent.title, patent.titleEn) })}
              aria-invalid={Boolean(ipcError(patent.id))}
              aria-describedby={ipcError(patent.id) ? `ipc-error-${patent.id}` : undefined}
              className="w-32 rounded border border-amber-400 px-2 py-1 font-mono text-xs"
            />
            {ipcError(patent.id) && (
              <span id={`ipc-error-${patent.id}`} className="whitespace-normal text-xs text-red-700">
                {messageIn(language, ipcError(patent.id)!)}
              </span>
            )}
          </span>
        ),
    },
    {
      key: "suggested",
      header: t("assess.col.suggested"),
      nowrap: true,
      align: "right",
      cell: (patent) => (
        <abbr
          title={patent.suggested.factors
            .map((f) => `${t(`assess.factor.${f.factor}` as MessageKey)} ${f.points}/${f.max}`)
            .join("; ")}
          className="no-underline"
        >
          {patent.suggested.score}
        </abbr>
      ),
    },
    {
      key: "score",
      header: t("assess.col.score"),
      sort: "valueScore",
      nowrap: true,
      align: "right",
      cell: (patent) => patent.valueScore ?? "—",
    },
    {
      key: "maturity",
      header: t("assess.col.maturity"),
      nowrap: true,
      align: "right",
      cell: (patent) => patent.maturity ?? "—",
    },
    {
      key: "transferable",
      header: t("assess.col.transferable"),
      nowrap: true,
      cell: (patent) =>
        patent.assessedAt ? t(patent.transferable ? "assess.yes" : "assess.no") : t("assess.unassessed"),
    },
    {
      key: "assessedAt",
      header: t("assess.col.assessedAt"),
      sort: "assessedAt",
      nowrap: true,
      cell: (patent) => (patent.assessedAt ? shownDay(patent.assessedAt) : "—"),
    },
    { key: "note", header: t("assess.col.note"), cell: (patent) => patent.transferableNote ?? "" },
  ];
  return (
    <section aria-labelledby="assess-heading" className="space-y-4">
      <h1 id="assess-heading" className="text-2xl font-bold">
        {t("assess.title")}
      </h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("assess.lead")}</p>
      <ListToolbar id="assess" label={t("assess.search")} query={query} total={total} columns={columns}>
        <UniversitySelect universities={universities} value={universityId} label={t("import.university")} />
        <label className="flex flex-col">
          <span>{t("assess.filter")}</span>
          <select
            name="filter"
            defaultValue={filter}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1"
          >
            {ASSESSMENT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`assess.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </ListToolbar>
      <p className="max-w-3xl text-sm text-slate-600">
        {noneDue ? t("assess.allAssessed") : filter === "due" ? t("assess.dueHelp") : null}
      </p>
      {assessed > 0 && <Notice>{t("assess.done", { count: assessed })}</Notice>}
      {classified > 0 && <Notice>{t("assess.ipc.done", { count: classified })}</Notice>}
      <FormError error={formError ?? fields.patentId.errors?.[0]} />
      {/* The main IPCs typed in the table (inputs and button name this form) are sent apart from the assessment. */}
      {unclassified && (
        <Form method="post" id="classify">
          <input type="hidden" name="intent" value="classify" />
        </Form>
      )}
      <Form method="post" className="space-y-4">
        <PagedTable
          caption={t("assess.title")}
          columns={columns}
          rows={patents}
          rowKey={(p) => p.id}
          query={query}
          page={page}
          pages={pages}
          empty={t("list.none")}
        />

        {unclassified && (
          <section
            aria-labelledby="classify-heading"
            className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-300"
          >
            <h2 id="classify-heading" className="font-semibold">
              {t("assess.ipc.title")}
            </h2>
            <p className="max-w-3xl text-sm text-slate-700">{t("assess.ipc.help")}</p>
            <FormError error={classifyError} />
            <button
              type="submit"
              form="classify"
              disabled={navigation.state === "submitting"}
              className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-900 disabled:opacity-60"
            >
              {t("assess.ipc.submit")}
            </button>
          </section>
        )}

        <fieldset className="grid gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-2">
          <legend className="px-1 font-semibold">{t("assess.bulk")}</legend>
          <fieldset>
            <legend className="text-sm">{t("assess.transferable")}</legend>
            {(["leave", "yes", "no"] as const).map((value) => (
              <label key={value} className="mr-4 text-sm">
                <input
                  type="radio"
                  name="transferable"
                  value={value}
                  defaultChecked={value === (sent("transferable")[0] ?? "leave")}
                  className="mr-1"
                />
                {t(value === "leave" ? "assess.leave" : value === "yes" ? "assess.yes" : "assess.no")}
              </label>
            ))}
          </fieldset>
          <label className="flex flex-col text-sm">
            {t("assess.note")}
            <input
              name="note"
              maxLength={500}
              defaultValue={sent("note")[0]}
              aria-invalid={Boolean(noteError)}
              aria-describedby={noteError ? "note-error" : undefined}
              className="mt-1 rounded border border-slate-300 px-2 py-1"
            />
            {noteError && (
              <span id="note-error" className="text-red-700">
                {messageIn(language, noteError)}
              </span>
            )}
          </label>
          <fieldset>
            <legend className="text-sm">{t("assess.score")}</legend>
            {(["leave", "suggested", "set"] as const).map((value) => (
              <label key={value} className="mr-4 text-sm">
                <input
                  type="radio"
                  name="scoreMode"
                  value={value}
                  defaultChecked={value === (sent("scoreMode")[0] ?? "leave")}
                  className="mr-1"
                />
                {t(
                  value === "leave"
                    ? "assess.leave"
                    : value === "suggested"
                      ? "assess.useSuggested"
                      : "assess.setScore",
                )}
              </label>
            ))}
            <label className="mt-2 flex flex-col text-sm">
              {t("assess.scoreValue")}
              <input
                name="score"
                inputMode="numeric"
                pattern="\d{1,3}"
                defaultValue={sent("score")[0]}
                className="mt-1 w-24 rounded border border-slate-300 px-2 py-1"
                aria-invalid={Boolean(scoreError)}
                aria-describedby={scoreError ? "score-error" : undefined}
              />
              {scoreError && (
                <span id="score-error" className="text-red-700">
                  {messageIn(language, scoreError)}
                </span>
              )}
            </label>
          </fieldset>
          <label className="flex flex-col text-sm">
            {t("assess.maturity")}
            <select
              name="maturity"
              defaultValue={sent("maturity")[0] ?? ""}
              className="mt-1 w-40 rounded border border-slate-300 px-2 py-1"
            >
              <option value="">{t("assess.leave")}</option>
              {Array.from({ length: 9 }, (_, i) => i + 1).map((level) => (
                <option key={level} value={level}>
                  TRL {level}
                </option>
              ))}
            </select>
          </label>
          <div className="md:col-span-2">
            <button
              type="submit"
              disabled={navigation.state === "submitting"}
              className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-900 disabled:opacity-60"
            >
              {t("assess.submit")}
            </button>
          </div>
        </fieldset>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
