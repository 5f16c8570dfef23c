import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PatentComparison } from "~/components/patent-comparison";
import { translator, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { parseComparedIds, withSelection } from "~/models/compare/compare-params";
import { comparePatents, type ComparedPatent } from "~/models/compare/compare.server";

type LoaderData =
  { ok: true; patents: ComparedPatent[] } | { ok: false; problem: { key: MessageKey; values: Record<string, string> } };

/** GET /compare?ids=1,2,3: up to four patents side by side. Bad or too many ids are a 400, unknown ones a 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseComparedIds(new URL(request.url).searchParams.getAll("ids"));
  if (!parsed.ok) {
    const problem: { key: MessageKey; values: Record<string, string> } =
      parsed.reason === "tooMany"
        ? { key: "compare.tooMany", values: {} }
        : { key: "compare.invalid", values: { value: parsed.value } };
    return data<LoaderData>({ ok: false, problem }, { status: 400 });
  }
  const { patents, unknownIds } = await comparePatents(parsed.ids);
  if (unknownIds.length > 0)
    return data<LoaderData>(
      { ok: false, problem: { key: "compare.unknown", values: { ids: unknownIds.join(", ") } } },
      { status: 404 },
    );
  return data<LoaderData>({ ok: true, patents });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = translator(languageFromMatches(matches));
  return [{ title: `${t("compare.title")} · ${t("app.name")}` }];
};

export default function Compare() {
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  const location = useLocation();
  // The search the patents were chosen in (passed by the search page's link), to go back to it with the selection
  // as it now stands.
  const fromSearch = (location.state as { search?: unknown } | null)?.search;
  const chosen = loaderData.ok ? loaderData.patents.map((patent) => patent.id) : [];
  const back = new URLSearchParams(typeof fromSearch === "string" ? fromSearch : "");
  back.delete("compare");
  const backHref = withSelection(`/patents?${back}`, chosen);
  return (
    <section aria-labelledby="compare-heading" className="space-y-4">
      <div>
        <h1 id="compare-heading" className="text-2xl font-bold">
          {t("compare.title")}
        </h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("compare.lead")}</p>
      </div>
      {!loaderData.ok ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-800">
          <h2 className="font-semibold">{t("compare.problem")}</h2>
          <p className="mt-1">{t(loaderData.problem.key, loaderData.problem.values)}</p>
        </div>
      ) : loaderData.patents.length === 0 ? (
        <p className="rounded bg-white p-4 text-slate-700 shadow-sm ring-1 ring-slate-200">{t("compare.empty")}</p>
      ) : (
        <PatentComparison patents={loaderData.patents} backState={location.state} />
      )}
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <li>
          <Link to={backHref} className="text-brand-700 underline">
            {t("compare.back")}
          </Link>
        </li>
        <li>
          <Link to="/patents?open=1&sort=lump-sum" className="text-brand-700 underline">
            {t("compare.browse")}
          </Link>
        </li>
      </ul>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
