import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, Notice } from "~/components/form";
import { DeclareOpenLicenseForm } from "~/components/open-license-forms";
import { cell, Table } from "~/components/table";
import { requireRole, universityFor } from "~/lib/auth.server";
import { formToObject, validate } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, messageIn, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { DeclareFormSchema, FORM_FIELD_OF } from "~/lib/open-license-schemas";
import { pageParam } from "~/lib/paging";
import { LEGAL_STATUSES, PATENT_TYPES, type LegalStatus, type PatentType } from "~/lib/patent-vocabulary";
import { listUniversities } from "~/models/admin.server";
import { declareOpenLicenses, listUniversityPatents } from "~/models/open-license.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("up.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const universityId = universityFor(user, new URL(request.url).searchParams.get("university"));
  const universities = user.role === "ADMIN" ? await listUniversities() : [];
  if (!universityId) return { universities, universityId: null, total: 0, patents: [] };
  if (user.role === "ADMIN" && !universities.some((u) => u.id === universityId)) throw new Response("validation.university", { status: 400 });
  return { universities, universityId, ...(await listUniversityPatents(universityId, pageParam(request))) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const patentIds = form.getAll("patentId").map(Number).filter((id) => Number.isInteger(id) && id > 0);
  const result = validate(DeclareFormSchema, formToObject(form));
  if (!result.ok || patentIds.length === 0) {
    const fieldErrors = result.ok ? {} : Object.fromEntries(Object.entries(result.fieldErrors).map(([path, message]) => [FORM_FIELD_OF[path] ?? path, message]));
    return data({ fieldErrors: { ...fieldErrors, ...(patentIds.length === 0 ? { form: "validation.choosePatents" } : {}) } as Record<string, string>, outcome: null }, { status: 400 });
  }
  // The model checks, patent by patent, that the user may manage it and that the law allows it.
  return { fieldErrors: {} as Record<string, string>, outcome: await declareOpenLicenses(user, patentIds.slice(0, 500), result.data) };
}

export default function UniversityPatents() {
  const { universities, universityId, total, patents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const [searchParams] = useSearchParams();
  const page = Number(searchParams.get("page") ?? 1);
  const outcome = actionData?.outcome;
  return (
    <section aria-labelledby="up-heading" className="space-y-4">
      <h1 id="up-heading" className="text-2xl font-bold">{t("up.title")}</h1>
      <p className="text-sm text-slate-700">{t("up.lead")}</p>
      {universities.length > 0 && (
        <form method="get" className="flex items-center gap-2 text-sm">
          <label htmlFor="university-choice">{t("up.chooseUniversity")}</label>
          <select id="university-choice" name="university" defaultValue={universityId ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            {universities.map((u) => <option key={u.id} value={u.id}>{localized(language, u.name, u.nameEn)}</option>)}
          </select>
          <button type="submit" className="rounded px-3 py-1 ring-1 ring-slate-300">OK</button>
        </form>
      )}
      {outcome && (
        <div className="space-y-2">
          <Notice>{t("up.declared", { count: outcome.declared.length })}</Notice>
          {outcome.refused.length > 0 && (
            <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              <p>{t("up.refused", { count: outcome.refused.length })}</p>
              <ul className="list-disc pl-5">
                {outcome.refused.map((r) => <li key={r.patentId}><Link to={`/patents/${r.patentId}`} className="underline">#{r.patentId}</Link>: {messageIn(language, r.message)}</li>)}
              </ul>
            </div>
          )}
        </div>
      )}
      {universityId && (
        <DeclareOpenLicenseForm errors={actionData?.fieldErrors ?? {}} hasActive={false}>
          <Table caption={t("up.title")} headers={[t("up.select"), t("licenses.patent"), t("patent.type"), t("patent.legalStatus"), t("up.openLicense")]}>
            {patents.map((patent) => (
              <tr key={patent.id}>
                <td className={cell}>
                  <input type="checkbox" name="patentId" value={patent.id} aria-label={`${t("up.select")} ${localized(language, patent.title, patent.titleEn)}`} />
                </td>
                <td className={cell}><Link to={`/patents/${patent.id}`} className="text-brand-700 underline">{localized(language, patent.title, patent.titleEn)}</Link></td>
                <td className={cell}>{language === "zh" ? PATENT_TYPES[patent.type as PatentType].zh : PATENT_TYPES[patent.type as PatentType].en}</td>
                <td className={cell}>{language === "zh" ? LEGAL_STATUSES[patent.legalStatus as LegalStatus].zh : LEGAL_STATUSES[patent.legalStatus as LegalStatus].en}</td>
                <td className={cell}>{patent.declarations[0] ? `v${patent.declarations[0].version}` : "—"}</td>
              </tr>
            ))}
          </Table>
          {total > page * 50 && <Link to={`?${universities.length ? `university=${universityId}&` : ""}page=${page + 1}`} className="text-sm text-brand-700 underline">{t("search.next")} →</Link>}
        </DeclareOpenLicenseForm>
      )}
      <FormError error={!universityId && actionData?.fieldErrors.form ? actionData.fieldErrors.form : undefined} />
    </section>
  );
}
