import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { type Column, FilterDate, FilterSelect, ListToolbar, PagedTable, shownDay } from "~/components/ui/list";
import { requireUser } from "~/lib/auth.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { dayParam, oneOf, parseListQuery, patentParam } from "~/lib/paging";
import { countDeals } from "~/models/deal/deal.server";
import { LICENSE_SORTS, listLicensesPage } from "~/models/license/read.server";
import { LICENSE_KINDS, type LicenseKind } from "~/models/patent/vocabulary";

const STATUSES = ["AWAITING_PAYMENT", "ACTIVE", "ENDED"] as const;
const KINDS = Object.keys(LICENSE_KINDS) as [LicenseKind, ...LicenseKind[]];

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("licenses.title") },
];

/** "My licenses" for a company, "Deals" for a university (and for administrators, all):
 * GET /licenses[?q=][&status=][&kind=][&from=][&to=][&patent=][&sort=][&dir=][&page=] */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseListQuery(request, {
    sorts: LICENSE_SORTS,
    defaultSort: "signedAt",
    filters: { status: oneOf(STATUSES), kind: oneOf(KINDS), from: dayParam, to: dayParam, patent: patentParam },
  });
  const patentId = query.patent;
  if (query.from && query.to && query.to < query.from) throw new Response("list.err.range", { status: 400 });
  const [list, deals] = await Promise.all([listLicensesPage(user, { ...query, patentId }), countDeals(user, patentId)]);
  return {
    isCompany: user.role === "SME",
    role: user.role,
    patentId: patentId ?? null,
    query: { ...query, from: query.from ? shownDay(query.from) : null, to: query.to ? shownDay(query.to) : null },
    ...list,
    deals,
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["licenses"][number];

export default function Licenses() {
  const { isCompany, role, patentId, query, licenses, total, page, pages, deals } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const title = isCompany ? t("licenses.title") : t("licenses.deals");
  const columns: Array<Column<Row>> = [
    {
      key: "contract",
      header: t("licenses.contract"),
      sort: "contractNumber",
      nowrap: true,
      cell: (l) => (
        <Link to={`/licenses/${l.id}`} className="font-mono text-brand-700 underline">
          {l.contractNumber}
        </Link>
      ),
    },
    {
      key: "patent",
      header: t("licenses.patent"),
      sort: "patent",
      primary: true,
      cell: (l) => localized(language, l.patent.title, l.patent.titleEn),
    },
    {
      key: "kind",
      header: t("licenses.kindFilter"),
      sort: "kind",
      nowrap: true,
      cell: (l) => LICENSE_KINDS[l.kind][language],
    },
    {
      key: "counterparty",
      header: t("licenses.counterparty"),
      sort: "counterparty",
      cell: (l) =>
        isCompany
          ? localized(language, l.licensor.name, l.licensor.nameEn)
          : localized(language, l.licensee.name, l.licensee.nameEn),
    },
    {
      key: "signedAt",
      header: t("licenses.signedAt"),
      sort: "signedAt",
      nowrap: true,
      cell: (l) => shownDay(l.signedAt),
    },
    { key: "endsOn", header: t("licenses.endsOn"), sort: "endsOn", nowrap: true, cell: (l) => shownDay(l.endsOn) },
    {
      key: "status",
      header: t("licenses.status"),
      nowrap: true,
      cell: (l) => (
        <>
          {t(`status.${l.status}`)}
          {l.overdue && <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800">{t("pay.overdue")}</span>}
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="licenses-heading" className="space-y-3">
      <h1 id="licenses-heading" className="text-2xl font-bold">
        {title}
      </h1>
      <ListToolbar
        id="licenses"
        label={t("licenses.search")}
        query={query}
        total={total}
        columns={columns}
        onePatent={{ patentId, all: "/licenses" }}
      >
        <FilterSelect
          name="status"
          label={t("licenses.status")}
          value={query.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <FilterSelect
          name="kind"
          label={t("licenses.kindFilter")}
          value={query.kind}
          options={KINDS.map((k) => ({ value: k, label: LICENSE_KINDS[k][language] }))}
        />
        <FilterDate name="from" label={`${t("licenses.signedAt")} ${t("list.from")}`} value={query.from} />
        <FilterDate name="to" label={`${t("licenses.signedAt")} ${t("list.to")}`} value={query.to} />
      </ListToolbar>
      <PagedTable
        caption={title}
        columns={columns}
        rows={licenses}
        rowKey={(l) => l.id}
        query={query}
        page={page}
        pages={pages}
        empty={
          total === 0 && !query.q && !query.status && !query.kind && !query.from && !query.to
            ? t("licenses.none")
            : t("list.none")
        }
      />
      {deals.total > 0 && (
        <section aria-labelledby="negotiations-heading" className="space-y-1 pt-4">
          <h2 id="negotiations-heading" className="text-xl font-semibold">
            {t("deal.negotiations")}
          </h2>
          <p className="text-sm">
            {t(role === "ADMIN" ? "deals.count" : "deals.countYours", { count: deals.total, yours: deals.yours })}{" "}
            <Link
              to={patentId ? `/deals?patent=${patentId}` : deals.yours > 0 ? "/deals?status=yours" : "/deals"}
              className="text-brand-700 underline"
            >
              {t(deals.yours > 0 ? "deals.openYours" : "deals.openAll")}
            </Link>
          </p>
        </section>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
