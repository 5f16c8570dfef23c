import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  DataTable,
  FilterDate,
  FilterSelect,
  ListToolbar,
  Pager,
  shownDay,
  shownMinute,
  sortOptionsOf,
  type Column,
} from "~/components/ui/list";
import { requireRole } from "~/lib/auth.server";
import { localized, type MessageKey } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { dayParam, oneOf, parseListQuery } from "~/lib/paging";
import { AUDIT_ACTIONS } from "~/models/audit/actions";
import { AUDIT_SORTS, listAuditEventsPage } from "~/models/audit/audit.server";

/** GET /admin/audit[?q=][&action=][&from=YYYY-MM-DD][&to=YYYY-MM-DD][&sort=at|action][&dir=][&page=] */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const query = parseListQuery(request, {
    sorts: AUDIT_SORTS,
    defaultSort: "at",
    filters: { action: oneOf(AUDIT_ACTIONS), from: dayParam, to: dayParam },
  });
  if (query.from && query.to && query.to < query.from) throw new Response("list.err.range", { status: 400 });
  return {
    query: { ...query, from: query.from ? shownDay(query.from) : null, to: query.to ? shownDay(query.to) : null },
    ...(await listAuditEventsPage(query)),
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["events"][number];

export default function Audit() {
  const { query, events, total, page, pages } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const eventName = (action: string) => t(`auditLog.action.${action}` as MessageKey);
  const columns: Array<Column<Row>> = [
    {
      key: "at",
      header: t("admin.time"),
      sort: "at",
      nowrap: true,
      cell: (e) => <time dateTime={new Date(e.at).toISOString()}>{shownMinute(e.at)}</time>,
    },
    { key: "action", header: t("auditLog.event"), sort: "action", primary: true, cell: (e) => eventName(e.action) },
    {
      key: "actor",
      header: t("auditLog.actor"),
      cell: (e) =>
        e.actor ? (
          <span title={e.actor.email}>{e.actor.name}</span>
        ) : (
          <span className="text-slate-500">{t("auditLog.nobody")}</span>
        ),
    },
    {
      key: "target",
      header: t("auditLog.target"),
      cell: (e) => (
        <span>
          {e.target.href ? (
            <Link to={e.target.href} className="text-brand-700 underline">
              {localized(language, e.target.name, e.target.detail)}
            </Link>
          ) : e.target.kind === "organization" ? (
            localized(language, e.target.name, e.target.detail)
          ) : (
            e.target.name
          )}
          {e.target.kind === "user" && (
            <span className="block break-all text-xs text-slate-600">{e.target.detail}</span>
          )}
          {e.organization && (
            <span className="block text-xs text-slate-600">
              {localized(language, e.organization.name, e.organization.nameEn)}
            </span>
          )}
        </span>
      ),
    },
    {
      key: "ip",
      header: t("admin.ip"),
      nowrap: true,
      cell: (e) => <span className="font-mono text-xs">{e.ip ?? "—"}</span>,
    },
  ];
  return (
    <section aria-labelledby="audit-heading" className="space-y-3">
      <h2 id="audit-heading" className="text-lg font-semibold">
        {t("admin.audit")}
      </h2>
      <ListToolbar
        id="audit"
        label={t("auditLog.search")}
        q={query.q}
        total={total}
        sort={query.sort}
        dir={query.dir}
        sortOptions={sortOptionsOf(columns)}
      >
        <FilterSelect
          name="action"
          label={t("auditLog.event")}
          value={query.action}
          allLabel={t("list.all")}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: eventName(action) }))}
        />
        <FilterDate name="from" label={t("list.from")} value={query.from} />
        <FilterDate name="to" label={t("list.to")} value={query.to} />
      </ListToolbar>
      <DataTable
        caption={t("admin.audit")}
        columns={columns}
        rows={events}
        rowKey={(e) => e.id}
        sort={query.sort}
        dir={query.dir}
        empty={t("list.none")}
      />
      <Pager page={page} pages={pages} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
