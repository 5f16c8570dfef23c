import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { cell, Table } from "~/components/table";
import { requireUser } from "~/lib/auth.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { LICENSE_KINDS, type LicenseKind } from "~/lib/patent-vocabulary";
import { parsePatentId } from "~/lib/route-params";
import { listDealsFor } from "~/models/deal.server";
import { listLicensesFor, type LicenseStatus } from "~/models/open-license.server";

const STATUSES: LicenseStatus[] = ["AWAITING_PAYMENT", "ACTIVE", "ENDED"];

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("licenses.title") }];

/** "My licenses" for a company, "Deals" for a university (and for administrators, all). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const search = new URL(request.url).searchParams;
  const raw = search.get("status");
  const status = STATUSES.find((s) => s === raw);
  if (raw && !status) throw new Response(`status is one of ${STATUSES.join(", ")}`, { status: 400 });
  const patentId = search.has("patent") ? parsePatentId(search.get("patent") ?? "") : undefined;
  if (patentId === null) throw new Response("patent must be a patent id", { status: 400 });
  const [licenses, deals] = await Promise.all([listLicensesFor(user, { status, patentId }), listDealsFor(user, patentId)]);
  return { isCompany: user.role === "SME", status: status ?? null, patentId: patentId ?? null, licenses, deals };
}

export default function Licenses() {
  const { isCompany, status, patentId, licenses, deals } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const title = isCompany ? t("licenses.title") : t("licenses.deals");
  return (
    <section aria-labelledby="licenses-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="licenses-heading" className="text-2xl font-bold">{title} ({licenses.length})</h1>
        <Form method="get" onChange={(event) => event.currentTarget.requestSubmit()} className="flex items-center gap-2 text-sm">
          <label htmlFor="status-filter">{t("licenses.status")}</label>
          <select id="status-filter" name="status" defaultValue={status ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">{t("licenses.all")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
          {patentId && <input type="hidden" name="patent" value={patentId} />}
          <noscript><button type="submit">OK</button></noscript>
        </Form>
      </div>
      {patentId && (
        <p className="text-sm">
          <Link to={`/patents/${patentId}`} className="text-brand-700 underline">{t("licenses.patent")} #{patentId}</Link> ·{" "}
          <Link to={status ? `/licenses?status=${status}` : "/licenses"} className="text-brand-700 underline">{t("licenses.all")}</Link>
        </p>
      )}
      {licenses.length === 0 ? <p className="text-slate-600">{t("licenses.none")}</p> : (
        <Table caption={title} headers={[t("licenses.contract"), t("licenses.patent"), t("admin.kind"), t("licenses.counterparty"), t("licenses.signedAt"), t("licenses.status")]}>
          {licenses.map((license) => (
            <tr key={license.id}>
              <td className={cell}><Link to={`/licenses/${license.id}`} className="font-mono text-brand-700 underline">{license.contractNumber}</Link></td>
              <td className={cell}>{localized(language, license.patent.title, license.patent.titleEn)}</td>
              <td className={cell}>{language === "zh" ? LICENSE_KINDS[license.kind as LicenseKind].zh : LICENSE_KINDS[license.kind as LicenseKind].en}</td>
              <td className={cell}>{isCompany ? localized(language, license.licensor.name, license.licensor.nameEn) : localized(language, license.licensee.name, license.licensee.nameEn)}</td>
              <td className={cell}>{license.signedAt.toISOString().slice(0, 10)}</td>
              <td className={cell}>
                {t(`status.${license.status}`)}
                {license.overdue && <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800">{t("pay.overdue")}</span>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {deals.length > 0 && (
        <>
          <h2 className="pt-4 text-xl font-semibold">{t("deal.negotiations")} ({deals.length})</h2>
          <Table caption={t("deal.negotiations")} headers={[t("licenses.patent"), t("deal.kind"), t("licenses.counterparty"), t("licenses.status")]}>
            {deals.map((deal) => (
              <tr key={deal.id}>
                <td className={cell}><Link to={`/deals/${deal.id}`} className="text-brand-700 underline">{localized(language, deal.patent.title, deal.patent.titleEn)}</Link></td>
                <td className={cell}>{t(`deal.kind.${deal.kind as "ORDINARY"}`)}</td>
                <td className={cell}>{isCompany ? localized(language, deal.owner.name, deal.owner.nameEn) : localized(language, deal.requester.name, deal.requester.nameEn)}</td>
                <td className={cell}>{t(`deal.status.${deal.status as "NEGOTIATING"}`)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}
