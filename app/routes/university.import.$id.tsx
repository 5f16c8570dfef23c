import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BackLink } from "~/components/ui/back-link";
import { FormError, Notice, useFormReply } from "~/components/ui/form";
import { cell, Table } from "~/components/ui/table";
import { requireRole } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { formatCount } from "~/lib/format";
import { readForm } from "~/lib/http.server";
import { localized, translator, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { recordId } from "~/lib/route-params";
import { IMPORT_TARGETS, REQUIRED_TARGETS, type ImportTarget } from "~/models/import/columns";
import {
  assignRequiredColumns,
  cancelImport,
  confirmImport,
  getImportFor,
  remapImport,
} from "~/models/import/patent-import.server";
import { describeProblem } from "~/models/import/report";

/** assign:<required field>=<the column's position>, for the fields chosen on the page. */
const AssignColumns = z.record(
  z.enum(REQUIRED_TARGETS as [ImportTarget, ...ImportTarget[]]),
  z.coerce.number().int().min(0),
);

/** The page's forms: remap (map:<column index>=<field>), assign (the columns chosen, all or none refused as one),
 * confirm or cancel. */
const ImportStepSchema = z.record(z.string(), z.unknown()).transform((form, context) => {
  const other = z.enum(["remap", "confirm", "cancel"]).safeParse(form.intent);
  if (other.success) return { intent: other.data, form };
  const chosen = Object.entries(form)
    .filter(([name]) => name.startsWith("assign:"))
    .map(([name, value]) => [name.slice("assign:".length), value]);
  const assignments = AssignColumns.safeParse(Object.fromEntries(chosen));
  const complete = !chosen.some(([, value]) => value === "");
  if (form.intent === "assign" && assignments.success && complete)
    return { intent: "assign" as const, assignments: assignments.data };
  context.addIssue({
    code: "custom",
    path: [],
    message: form.intent === "assign" ? "import.assign.badColumn" : "import.notReady",
  });
  return z.NEVER;
});

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("import.title") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  return orErrorPage(getImportFor(user, recordId(params.id)));
}

/** intent=remap (map:<column index>=<field>), assign (assign:<required field>=<column index>), confirm or cancel. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const importId = recordId(params.id);
  const { headers } = await orErrorPage(getImportFor(user, importId));
  const answer = await answerForm(form, ImportStepSchema, async (step) => {
    if (step.intent === "assign") return assignRequiredColumns(user, importId, step.assignments);
    if (step.intent === "confirm") return confirmImport(user, importId);
    if (step.intent === "cancel") return cancelImport(user, importId);
    return remapImport(
      user,
      importId,
      Object.fromEntries(headers.map((header, i) => [header, String(step.form[`map:${i}`] ?? "")])),
    );
  });
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }) };
}

export default function ImportPage() {
  const record = useLoaderData<typeof loader>();
  const { formError } = useFormReply(useActionData<typeof action>()?.result);
  const { t, language } = useLanguage();
  const revalidator = useRevalidator();
  const running = record.status === "ANALYSING" || record.status === "IMPORTING";
  useEffect(() => {
    if (!running) return;
    // Polls the import's progress while the server works on it.
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const count = (n: number) => formatCount(n, language);
  const importable = record.toAdd + record.toUpdate;
  const missing =
    record.status === "READY" && record.error === "import.missingColumns"
      ? ((record.errorDetail ?? "").split(",").filter(Boolean) as ImportTarget[])
      : [];

  return (
    <section aria-labelledby="import-heading" className="space-y-6">
      <BackLink to="/university/import">{t("import.history")}</BackLink>
      <h1 id="import-heading" className="text-2xl font-bold">
        {t("import.preview", { file: record.fileName })}
      </h1>
      <p className="text-sm text-slate-600">
        {localized(language, record.university.name, record.university.nameEn)} ·{" "}
        {t(`import.status.${record.status}` as MessageKey)}
        {record.format &&
          ` · ${t("import.formatInfo", { format: record.format.toUpperCase(), encoding: record.encoding ?? "—" })}`}
      </p>
      <FormError error={formError} />

      {running && (
        <div role="status" className="space-y-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <p>
            {record.status === "ANALYSING"
              ? t("import.analysing", { rows: count(record.rowsRead) })
              : t("import.importing", { rows: count(record.rowsRead), total: count(record.rowsTotal ?? 0) })}
          </p>
          <progress
            className="w-full"
            aria-label={t(`import.status.${record.status}` as MessageKey)}
            {...(record.status === "IMPORTING" && record.rowsTotal
              ? { value: record.rowsRead, max: record.rowsTotal }
              : {})}
          />
        </div>
      )}

      {record.status === "FAILED" && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p>{t((record.error ?? "import.failed") as MessageKey, record.errorParams ?? undefined)}</p>
          {/* The reader's detail names a line or a limit; for these three, and those worded from their values, the message says it all. */}
          {record.errorDetail &&
            !record.errorParams &&
            !["import.file.EMPTY", "import.file.ENCODING", "import.file.NO_HEADER"].includes(record.error ?? "") && (
              <p className="mt-1 font-mono text-xs">{record.errorDetail}</p>
            )}
        </div>
      )}
      {record.status === "CANCELLED" && <Notice>{t("import.cancelled")}</Notice>}
      {record.status === "DONE" && (
        <div className="space-y-2">
          <Notice>
            {t("import.done", {
              added: count(record.added ?? 0),
              updated: count(record.updated ?? 0),
              rejected: count(record.rejected),
            })}
          </Notice>
          <p className="text-sm">
            {t("import.notAssessedHint")}{" "}
            <Link
              to={`/university/assessment?university=${record.organizationId}&filter=unassessed`}
              className="text-brand-700 underline"
            >
              {t("import.toAssessment")}
            </Link>
            {" · "}
            <Link to={`/patents?university=${record.organizationId}&sort=newest`} className="text-brand-700 underline">
              {t("import.toSearch")}
            </Link>
          </p>
        </div>
      )}

      {(record.status === "READY" || record.status === "DONE") && missing.length === 0 && (
        <dl className="grid gap-4 sm:grid-cols-4">
          {(
            [
              ["import.col.rows", record.rowsRead],
              ["import.willAdd", record.status === "DONE" ? (record.added ?? 0) : record.toAdd],
              ["import.willUpdate", record.status === "DONE" ? (record.updated ?? 0) : record.toUpdate],
              ["import.willReject", record.rejected],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <dt className="text-sm text-slate-600">{t(label)}</dt>
              <dd className="mt-1 text-2xl font-bold text-brand-900">{count(value)}</dd>
            </div>
          ))}
        </dl>
      )}

      {record.status === "READY" && record.error && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t(record.error as MessageKey, {
            columns: (record.errorDetail ?? "")
              .split(",")
              .map((target) => t(`import.target.${target}` as MessageKey))
              .join("、"),
          })}
        </p>
      )}

      {missing.length > 0 &&
        (record.headers.length < missing.length ? (
          <p className="text-sm">
            {t("import.assign.notInFile", {
              columns: missing.map((target) => t(`import.target.${target}` as MessageKey)).join("、"),
            })}
          </p>
        ) : (
          <Form
            method="post"
            aria-labelledby="assign-heading"
            className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="assign-heading" className="text-lg font-semibold">
              {t("import.assign.heading")}
            </h2>
            <p className="text-sm text-slate-600">{t("import.assign.help")}</p>
            {missing.map((target) => (
              <div key={target} className="flex max-w-md flex-col text-sm">
                <label htmlFor={`assign-${target}`}>{t(`import.target.${target}` as MessageKey)}</label>
                <select
                  id={`assign-${target}`}
                  name={`assign:${target}`}
                  required
                  defaultValue=""
                  className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5"
                >
                  <option value="" disabled>
                    {t("import.assign.choose")}
                  </option>
                  {record.headers.map((header, i) => (
                    <option key={`${i}-${header}`} value={i}>
                      {record.sample[i]
                        ? t("import.assign.option", { column: header, value: record.sample[i] })
                        : header}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button
              type="submit"
              name="intent"
              value="assign"
              className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-900"
            >
              {t("import.assign.apply")}
            </button>
          </Form>
        ))}

      {(record.status === "READY" || record.status === "DONE") && !record.error && record.withoutIpc > 0 && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t(record.status === "DONE" ? "import.withoutIpcDone" : "import.withoutIpc", {
            count: count(record.withoutIpc),
          })}
          {record.status === "DONE" && (
            <>
              {" "}
              <Link
                to={`/university/assessment?filter=unclassified&university=${record.organizationId}`}
                className="text-brand-700 underline"
              >
                {t("import.toClassify")}
              </Link>
            </>
          )}
        </p>
      )}

      {record.rejected > 0 && (
        <section aria-labelledby="rejections-heading" className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="rejections-heading" className="text-lg font-semibold">
              {t("import.rejections")}
            </h2>
            <a href={`/university/import/${record.id}/report`} download className="text-sm text-brand-700 underline">
              {t("import.report")}
            </a>
          </div>
          {record.rejected > record.rejections.length && (
            <p className="text-sm text-slate-600">
              {t("import.rejectionsShown", { shown: record.rejections.length, total: count(record.rejected) })}
            </p>
          )}
          <Table caption={t("import.rejections")} headers={[t("import.col.line"), t("import.col.problems")]}>
            {record.rejections.map((rejection) => (
              <tr key={rejection.line}>
                <td className={`${cell} text-right tabular-nums`}>{rejection.line}</td>
                <td className={cell}>
                  <ul>
                    {rejection.problems.map((problem, i) => (
                      <li key={i}>
                        {describeProblem(problem, language)}
                        {problem.value ? `: “${problem.value}”` : ""}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      {record.status === "READY" && record.preview.length > 0 && (
        <section aria-labelledby="preview-heading" className="space-y-2">
          <h2 id="preview-heading" className="text-lg font-semibold">
            {t("import.previewRows")}
          </h2>
          <Table
            caption={t("import.previewRows")}
            headers={[
              t("import.col.line"),
              t("import.target.applicationNumber"),
              t("import.target.title"),
              t("import.col.status"),
            ]}
          >
            {record.preview.map((row) => (
              <tr key={row.line}>
                <td className={`${cell} text-right tabular-nums`}>{row.line}</td>
                <td className={`${cell} font-mono`}>CN{row.applicationNumber}</td>
                <td className={cell}>{row.title}</td>
                <td className={cell}>{t(`import.action.${row.action}` as MessageKey)}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      {record.status === "READY" && (
        <Form method="post" className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="confirm"
            disabled={importable === 0 || Boolean(record.error)}
            className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-900 disabled:opacity-50"
          >
            {t("import.confirm", { count: count(importable) })}
          </button>
          <button
            type="submit"
            name="intent"
            value="cancel"
            className="rounded bg-white px-4 py-2 ring-1 ring-slate-300 hover:bg-slate-100"
          >
            {t("import.cancel")}
          </button>
        </Form>
      )}
      {record.status === "READY" && (
        <details open={Boolean(record.error)} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <summary className="cursor-pointer font-semibold">
            {t("import.mapping")} (
            {t("import.mappedCount", {
              mapped: Object.values(record.mapping).filter(Boolean).length,
              total: record.headers.length,
            })}
            )
          </summary>
          <Form method="post" className="mt-3 space-y-3">
            <p className="text-sm text-slate-600">{t("import.mappingHelp")}</p>
            <Table
              caption={t("import.mapping")}
              headers={[t("import.col.header"), t("import.col.sample"), t("import.col.target")]}
            >
              {record.headers.map((header, i) => (
                <tr key={`${i}-${header}`}>
                  <td className={cell}>
                    <label htmlFor={`map-${i}`}>{header}</label>
                  </td>
                  <td className={`${cell} max-w-[14rem] break-words text-slate-600`}>{record.sample[i] ?? ""}</td>
                  <td className={cell}>
                    <select
                      id={`map-${i}`}
                      name={`map:${i}`}
                      defaultValue={record.mapping[header] ?? ""}
                      className="rounded border border-slate-300 px-2 py-1"
                    >
                      <option value="">{t("import.target.none")}</option>
                      {IMPORT_TARGETS.map((target) => (
                        <option key={target} value={target}>
                          {t(`import.target.${target}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </Table>
            <button
              type="submit"
              name="intent"
              value="remap"
              className="rounded bg-white px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-100"
            >
              {t("import.remap")}
            </button>
          </Form>
        </details>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
