import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { type Column, FilterSelect, ListToolbar, PagedTable, shownDay, shownMinute } from "~/components/ui/list";
import { requireUser } from "~/lib/auth.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { oneOf, parseListQuery, patentParam } from "~/lib/paging";
import { DEAL_SORTS, listDealsPage } from "~/models/deal/deal.server";
import { DEAL_KINDS, DEAL_STATUSES } from "~/models/deal/vocabulary";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("deal.negotiations") },
];

/** The "waiting for you" view beside the statuses: the deals whose next step is the user's side's. */
const YOURS = "yours";
const VIEWS = [...DEAL_STATUSES, YOURS] as const;

/** Every negotiation of the user's organisation (all, for administrators), latest activity first:
 * GET /deals[?q=][&status=NEGOTIATING|AGREED|SIGNED|DECLINED|WITHDRAWN|yours][&kind=][&patent=][&sort=][&dir=][&page=] */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseListQuery(request, {
    sorts: DEAL_SORTS,
    defaultSort: "updatedAt",
    filters: { status: oneOf(VIEWS), kind: oneOf(DEAL_KINDS), patent: patentParam },
  });
  const patentId = query.patent;
  const isAdmin = user.role === "ADMIN";
  const waiting = query.status === YOURS && !isAdmin;
  const list = await listDealsPage(user, {
    ...query,
    status: query.status === YOURS ? undefined : query.status,
    waiting,
    patentId,
  });
  return { isAdmin, isCompany: user.role === "SME", patentId: patentId ?? null, query, ...list };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["deals"][number];

export default function Deals() {
  const { isAdmin, isCompany, patentId, query, deals, total, page, pages } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const party = (org: { name: string; nameEn: string | null }) => localized(language, org.name, org.nameEn);
  const columns: Array<Column<Row>> = [
    {
      key: "patent",
      header: t("licenses.patent"),
      sort: "patent",
      primary: true,
      cell: (deal) => (
        <Link to={`/deals/${deal.id}`} className="text-brand-700 underline">
          {localized(language, deal.patent.title, deal.patent.titleEn)}
        </Link>
      ),
    },
    {
      key: "kind",
      header: t("deal.kind"),
      sort: "kind",
      nowrap: true,
      cell: (deal) => t(`deal.kind.${deal.kind as (typeof DEAL_KINDS)[number]}`),
    },
    {
      key: "counterparty",
      header: isAdmin ? t("deals.parties") : t("licenses.counterparty"),
      sort: "counterparty",
      cell: (deal) =>
        isAdmin ? (
          <>
            {party(deal.requester)}
            <span className="block text-xs text-slate-600">{t("deals.withOwner", { owner: party(deal.owner) })}</span>
          </>
        ) : isCompany ? (
          party(deal.owner)
        ) : (
          party(deal.requester)
        ),
    },
    {
      key: "status",
      header: t("licenses.status"),
      sort: "status",
      nowrap: true,
      cell: (deal) => (
        <>
          {t(`deal.status.${deal.status as (typeof DEAL_STATUSES)[number]}`)}
          {deal.yourTurn && (
            <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("deals.yourTurn")}</span>
          )}
        </>
      ),
    },
    {
      key: "createdAt",
      header: t("deals.createdAt"),
      sort: "createdAt",
      nowrap: true,
      cell: (deal) => shownDay(deal.createdAt),
    },
    {
      key: "updatedAt",
      header: t("deals.updatedAt"),
      sort: "updatedAt",
      nowrap: true,
      cell: (deal) => shownMinute(deal.updatedAt),
    },
  ];
  const statusOptions = [
    ...(isAdmin ? [] : [{ value: YOURS, label: t("deals.yourTurn") }]),
    ...DEAL_STATUSES.map((status) => ({ value: status, label: t(`deal.status.${status}`) })),
  ];
  return (
    <section aria-labelledby="deals-heading" className="space-y-3">
      <h1 id="deals-heading" className="text-2xl font-bold">
        {t("deal.negotiations")}
      </h1>
      <p className="max-w-3xl text-sm text-slate-700">
        {isAdmin ? t("deals.leadAdmin") : isCompany ? t("deals.leadCompany") : t("deals.leadUniversity")}{" "}
        <Link to="/licenses" className="text-brand-700 underline">
          {isCompany ? t("licenses.title") : t("licenses.deals")}
        </Link>
      </p>
      <ListToolbar
        id="deals"
        label={t("deals.search")}
        query={query}
        total={total}
        columns={columns}
        onePatent={{ patentId, all: "/deals" }}
      >
        <FilterSelect name="status" label={t("licenses.status")} value={query.status} options={statusOptions} />
        <FilterSelect
          name="kind"
          label={t("deal.kind")}
          value={query.kind}
          options={DEAL_KINDS.map((kind) => ({ value: kind, label: t(`deal.kind.${kind}`) }))}
        />
      </ListToolbar>
      <PagedTable
        caption={t("deal.negotiations")}
        columns={columns}
        rows={deals}
        rowKey={(deal) => deal.id}
        query={query}
        page={page}
        pages={pages}
        empty={total === 0 && !query.q && !query.status && !query.kind ? t("deals.none") : t("list.none")}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
