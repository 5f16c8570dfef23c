import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type NodeOnDiskFile,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/ui/form";
import { cell, Table } from "~/components/ui/table";
import { UniversitySelect } from "~/components/university-select";
import { requireRole, universityFor } from "~/lib/auth.server";
import { orErrorPage } from "~/lib/errors";
import { assertSameOrigin } from "~/lib/http.server";
import { translator, type Language, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import {
  createImport,
  IMPORT_MAX_BYTES,
  importDirectory,
  listImports,
  startAnalysis,
} from "~/models/import/patent-import.server";
import { TEMPLATE_COLUMNS, type TemplateColumn } from "~/models/import/template";
import { chooseUniversity } from "~/models/organization/organization.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("import.title") },
];

const MAX_MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
/** The file and the university: a browser's form has two parts. */
const MAX_PARTS = 8;

class UploadRefused extends Error {}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const { universities, universityId } = await orErrorPage(
    chooseUniversity(user, new URL(request.url).searchParams.get("university")),
  );
  const imports = await orErrorPage(listImports(user, universityId));
  return { universities, universityId, imports, maxMb: MAX_MB };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const refuse = (error: MessageKey, status: number) => data({ error }, { status });
  if (Number(request.headers.get("Content-Length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024)
    return refuse("import.tooLarge", 413);
  // The disk copy gets a random name; the user's file name is kept for the import record.
  let originalName = "";
  const written: string[] = [];
  let parts = 0;
  const toDisk = unstable_createFileUploadHandler({
    directory: importDirectory(),
    file: () => {
      const name = randomUUID();
      written.push(path.join(importDirectory(), name));
      return name;
    },
    maxPartSize: IMPORT_MAX_BYTES,
    avoidFileConflicts: false,
  });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        async (part) => {
          // One file per request, and a few small fields: anything more is refused before it is stored.
          if (++parts > MAX_PARTS || (part.filename && (part.name !== "file" || originalName)))
            throw new UploadRefused("import.oneFile");
          if (!part.filename) return undefined;
          originalName = part.filename;
          return toDisk(part);
        },
        unstable_createMemoryUploadHandler({ maxPartSize: 1024 }),
      ),
    );
  } catch (error) {
    // A refused, broken or abandoned upload leaves no file behind.
    await Promise.all(written.map((file) => fs.promises.rm(file, { force: true })));
    if (error instanceof UploadRefused) return refuse(error.message as MessageKey, 400);
    if (error instanceof MaxPartSizeExceededError) return refuse("import.tooLarge", 413);
    return refuse("import.chooseFile", 400);
  }
  const file = form.get("file") as NodeOnDiskFile | string | null;
  if (!file || typeof file === "string" || !originalName) return refuse("import.chooseFile", 400);
  const universityId = universityFor(
    user,
    typeof form.get("university") === "string" ? String(form.get("university")) : null,
  );
  if (!universityId) return refuse("import.chooseFile", 400);
  // A refused upload leaves no file behind.
  const record = await orErrorPage(
    createImport(user, { universityId, fileName: originalName, filePath: file.getFilePath() }),
  ).catch(async (error) => {
    await file.remove();
    throw error;
  });
  startAnalysis(record.id);
  return redirect(`/university/import/${record.id}`);
}

export default function ImportIndex() {
  const { universities, universityId, imports, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLanguage();
  const uploading = navigation.state === "submitting";
  return (
    <section aria-labelledby="import-heading" className="space-y-6">
      <h1 id="import-heading" className="text-2xl font-bold">
        {t("import.title")}
      </h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("import.lead")}</p>
      <div className="space-y-1 text-sm">
        <p className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <span className="font-semibold">{t("import.template.download")}:</span>
          <a href="/university/import/template?format=xlsx" download className="text-brand-700 underline">
            {t("import.template.xlsx")}
          </a>
          <a href="/university/import/template?format=csv" download className="text-brand-700 underline">
            {t("import.template.csv")}
          </a>
        </p>
        <p className="max-w-3xl text-slate-600">{t("import.template.help")}</p>
      </div>
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <UniversitySelect universities={universities} value={universityId} label={t("import.university")} />
        <label className="flex flex-col text-sm">
          {t("import.file")}
          <input
            type="file"
            name="file"
            required
            accept=".csv,.tsv,.txt,.xlsx,.json,.jsonl,.ndjson"
            aria-describedby="import-file-help"
            className="mt-1"
          />
        </label>
        <p id="import-file-help" className="text-xs text-slate-600">
          {t("import.fileHelp", { mb: maxMb })}
        </p>
        <FormError error={actionData?.error ? t(actionData.error, { mb: maxMb }) : undefined} />
        <button
          type="submit"
          disabled={uploading}
          className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-900 disabled:opacity-60"
        >
          {uploading ? t("import.uploading") : t("import.upload")}
        </button>
        {uploading && <progress aria-label={t("import.uploading")} className="block w-full max-w-md" />}
      </Form>

      <ImportColumns />

      <section aria-labelledby="import-history" className="space-y-2">
        <h2 id="import-history" className="text-lg font-semibold">
          {t("import.history")}
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("import.none")}</p>
        ) : (
          <Table
            caption={t("import.history")}
            headers={[
              t("import.col.when"),
              t("import.col.file"),
              t("import.col.status"),
              t("import.col.added"),
              t("import.col.updated"),
              t("import.col.rejected"),
            ]}
          >
            {imports.map((record) => (
              <tr key={record.id}>
                <td className={`${cell} whitespace-nowrap`}>
                  {record.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                </td>
                <td className={cell}>
                  <Link to={`/university/import/${record.id}`} className="text-brand-700 underline">
                    {record.fileName}
                  </Link>
                </td>
                <td className={cell}>{t(`import.status.${record.status}` as MessageKey)}</td>
                <td className={`${cell} text-right`}>{record.added ?? record.toAdd}</td>
                <td className={`${cell} text-right`}>{record.updated ?? record.toUpdate}</td>
                <td className={`${cell} text-right`}>{record.rejected}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </section>
  );
}

/** Every column a file may give, required first, each with what it means and an example. */
function ImportColumns() {
  const { t, language } = useLanguage();
  const required = TEMPLATE_COLUMNS.filter((column) => column.required);
  const optional = TEMPLATE_COLUMNS.filter((column) => !column.required);
  return (
    <section
      aria-labelledby="import-columns"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="import-columns" className="text-lg font-semibold">
        {t("import.columns.heading")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-700">{t("import.columns.lead")}</p>
      <h3 className="font-semibold">{t("import.columns.requiredList")}</h3>
      <ColumnList columns={required} language={language} />
      <details>
        <summary className="cursor-pointer font-semibold">
          {t("import.columns.optionalList", { count: optional.length })}
        </summary>
        <div className="mt-2">
          <ColumnList columns={optional} language={language} />
        </div>
      </details>
    </section>
  );
}

function ColumnList({ columns, language }: { columns: TemplateColumn[]; language: Language }) {
  const { t } = useLanguage();
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {columns.map((column) => (
        <div key={column.target} className="gap-4 py-2 sm:grid sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">
            {column.header[language]}
            {column.required && (
              <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                {t("import.columns.required")}
              </span>
            )}
          </dt>
          <dd className="break-words text-slate-700">
            {t(`import.help.${column.target}` as MessageKey)}
            <span className="block text-xs text-slate-500">
              {t("import.columns.example")}: <span className="font-mono">{column.example}</span>
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
