import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form";
import { OpenLicenseTerms } from "~/components/open-license-terms";
import { canManageFor, requireUser } from "~/lib/auth.server";
import { DomainError } from "~/lib/errors";
import { formatFen } from "~/lib/format";
import { readForm } from "~/lib/http.server";
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { LICENSE_KINDS, type LicenseKind } from "~/lib/patent-vocabulary";
import { confirmFirstPayment, getLicenseFor } from "~/models/open-license.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.license.contractNumber : "404" }];

async function licenseOr404(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  try {
    return { user, license: await getLicenseFor(user, id ?? "") };
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, license } = await licenseOr404(request, params.id);
  return { license, isLicensor: canManageFor(user, license.licensorId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const { user } = await licenseOr404(request, params.id);
  try {
    await confirmFirstPayment(user, params.id ?? "");
    return { error: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ error: error.message }, { status: error.status });
  }
}

export default function LicensePage() {
  const { license, isLicensor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const kind = LICENSE_KINDS[license.kind as LicenseKind];
  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {language === "zh" ? kind.zh : kind.en} <span className="font-mono text-lg">{license.contractNumber}</span>
        </h1>
        <p className="rounded bg-slate-200 px-2 py-1 text-sm" aria-label={t("licenses.status")}>{t(`status.${license.status}`)}</p>
      </header>
      <FormError error={actionData?.error ?? undefined} />
      {isLicensor && license.status === "AWAITING_PAYMENT" && (
        <Form method="post" className="print:hidden">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">{t("licenses.confirmPayment")}</button>
        </Form>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="parties-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="parties-heading" className="mb-2 font-semibold">{t("licenses.patent")}</h2>
          <p><Link to={`/patents/${license.patent.id}`} className="text-brand-700 underline">{localized(language, license.patent.title, license.patent.titleEn)}</Link></p>
          <p className="mt-2 text-sm">{localized(language, license.licensor.name, license.licensor.nameEn)} → {localized(language, license.licensee.name, license.licensee.nameEn)}</p>
          <p className="mt-2 text-sm">{license.startsOn.toISOString().slice(0, 10)} — {license.endsOn.toISOString().slice(0, 10)}</p>
          <p className="mt-2 text-xs">{t("licenses.fingerprint")}: <code className="break-all">{license.contractSha256 ?? "—"}</code> · <Link to={`/contracts/${license.contractNumber}`} className="text-brand-700 underline">{t("licenses.verify")}</Link></p>
        </section>
        <section aria-labelledby="terms-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="terms-heading" className="mb-2 font-semibold">{t("licenses.terms")}</h2>
          <OpenLicenseTerms terms={{ ...license.terms, id: license.id, version: license.terms.version ?? 1, declaredAt: license.signedAt.toISOString().slice(0, 10) }} />
        </section>
      </div>
      <section aria-labelledby="history-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 print:hidden">
        <h2 id="history-heading" className="mb-2 font-semibold">{t("licenses.history")}</h2>
        <ol className="space-y-1 text-sm">
          {license.history.map((event, i) => {
            const amount = typeof event.detail.amountFen === "number" ? event.detail.amountFen : null;
            return (
              <li key={i}>
                <time dateTime={event.at.toISOString()}>{event.at.toISOString().slice(0, 16).replace("T", " ")}</time> · {t(`event.${event.kind as "SIGNED"}`)}
                {amount ? ` · ${formatFen(amount, language)}` : ""}
              </li>
            );
          })}
        </ol>
      </section>
      {license.contractText && (
        <section aria-labelledby="contract-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="mb-2 flex items-center justify-between">
            <h2 id="contract-heading" className="font-semibold">{t("licenses.contractText")}</h2>
            <button type="button" onClick={() => window.print()} className="rounded px-3 py-1 text-sm ring-1 ring-slate-300 print:hidden">{t("licenses.print")}</button>
          </div>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">{license.contractText}</pre>
        </section>
      )}
    </article>
  );
}
