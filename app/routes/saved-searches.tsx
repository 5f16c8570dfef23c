import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, Notice } from "~/components/ui/form";
import { cell, Table } from "~/components/ui/table";
import { requireUser } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { replyErrors } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { deleteSavedSearch, listSavedSearches, saveSearch } from "~/models/alerts.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("saved.title") }];

const SavedSearchForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    query: z.string().max(2000, "validation.tooLong"),
  }),
  z.object({ intent: z.literal("delete"), id: z.string().min(1).max(40) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { searches: await listSavedSearches(user) };
}

/** intent=save (name, query: a /patents query string) or intent=delete (id). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request);
  const answer = await answerForm(form, SavedSearchForm, async (asked) => {
    if (asked.intent === "save") await saveSearch(user, { name: asked.name, query: asked.query });
    else await deleteSavedSearch(user, asked.id);
    return asked.intent;
  });
  if (!answer.ok) return answer.refusal;
  if (answer.done === "save") return redirect("/saved-searches?saved=1");
  return { result: answer.reply() };
}

export default function SavedSearches() {
  const { searches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useLanguage();
  return (
    <section aria-labelledby="saved-heading" className="space-y-4">
      <h1 id="saved-heading" className="text-2xl font-bold">
        {t("saved.title")}
      </h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("saved.lead")}</p>
      {params.get("saved") && <Notice>{t("saved.saved")}</Notice>}
      {/* The save form is on /patents: whatever was refused is told at the top of this page. */}
      <FormError error={Object.values(replyErrors(actionData?.result))[0]} />
      {searches.length === 0 ? (
        <p className="text-slate-600">{t("saved.none")}</p>
      ) : (
        <Table caption={t("saved.title")} headers={[t("saved.name"), t("stats.col.count"), ""]}>
          {searches.map((search) => (
            <tr key={search.id}>
              <td className={cell}>
                <Link to={`/patents?${search.query}`} className="text-brand-700 underline">
                  {search.name}
                </Link>
              </td>
              <td className={cell}>{t("saved.matches", { count: search.matches })}</td>
              <td className={cell}>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={search.id} />
                  <button
                    type="submit"
                    className="text-red-700 underline"
                    aria-label={`${t("saved.delete")} ${search.name}`}
                  >
                    {t("saved.delete")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
