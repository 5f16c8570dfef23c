import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { type Column, FilterDate, FilterSelect, ListSection, shownDay, shownMinute } from "~/components/ui/list";
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
    <ListSection
      id="audit"
      title={t("admin.audit")}
      searchLabel={t("auditLog.search")}
      filters={
        <>
          <FilterSelect
            name="action"
            label={t("auditLog.event")}
            value={query.action}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: eventName(action) }))}
          />
          <FilterDate name="from" label={t("list.from")} value={query.from} />
          <FilterDate name="to" label={t("list.to")} value={query.to} />
        </>
      }
      query={query}
      total={total}
      page={page}
      pages={pages}
      columns={columns}
      rows={events}
      rowKey={(e) => e.id}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
