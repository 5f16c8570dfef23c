import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/lib/auth.server";
import { chinaDay as day, chinaMinute as minute } from "~/lib/calendar-date";
import { orErrorPage } from "~/lib/errors";
import { localized, messageIn, translator, type Language, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { formatMoney } from "~/lib/money";
import {
  dashboardFor,
  type AdminDashboard,
  type CompanyDashboard,
  type DealItem,
  type PeriodFigures,
  type StaffDashboard,
} from "~/models/dashboard.server";
import { listNotificationGroups } from "~/models/notification.server";
import { LICENSE_KINDS } from "~/models/patent/vocabulary";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("dash.title") }];

/** Where sign-in lands: the signed-in user's own workspace, by role; every figure scoped on the server. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [dashboard, notifications] = await Promise.all([
    orErrorPage(dashboardFor(user)),
    listNotificationGroups(user, { pageSize: 3 }),
  ]);
  return { dashboard, notifications };
}

// Dates are stored in UTC and shown in Chongqing's time.
const link = "text-brand-700 underline";

function Block({
  id,
  title,
  count,
  all,
  note,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  all: string;
  note?: ReactNode;
  empty: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id={id} className="text-lg font-semibold">
          {title}{" "}
          <span
            className="ml-1 rounded-full bg-slate-100 px-2 text-base font-medium text-slate-800"
            aria-label={t("dash.count", { count })}
          >
            {count}
          </span>
        </h2>
        {count > 0 && (
          <Link to={all} className={`${link} text-sm`}>
            {t("dash.viewAll", { count })}
          </Link>
        )}
      </div>
      {note && <div className="mt-1 text-sm text-slate-700">{note}</div>}
      {count === 0 ? (
        <div className="mt-2 text-sm text-slate-700">{empty}</div>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">{children}</ul>
      )}
    </section>
  );
}

function Item({ children }: { children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 [overflow-wrap:anywhere]">
      {children}
    </li>
  );
}

function Badge({ tone, children }: { tone: "amber" | "red" | "slate"; children: ReactNode }) {
  const colours = {
    amber: "bg-amber-100 text-amber-900",
    red: "bg-red-100 text-red-800",
    slate: "bg-slate-100 text-slate-800",
  }[tone];
  return <span className={`whitespace-nowrap rounded px-1.5 text-xs ${colours}`}>{children}</span>;
}

function DealRow({ deal, language }: { deal: DealItem; language: Language }) {
  const { t } = useLanguage();
  return (
    <Item>
      <span>
        <Link to={`/deals/${deal.id}`} className={link}>
          {localized(language, deal.patent.title, deal.patent.titleEn)}
        </Link>
        <span className="block text-xs text-slate-600">
          {t(`deal.kind.${deal.kind as "ORDINARY"}`)} ·{" "}
          {localized(language, deal.counterparty.name, deal.counterparty.nameEn)} · {day(deal.updatedAt)}
        </span>
      </span>
      <Badge tone={deal.move ? "amber" : "slate"}>
        {t(deal.move ? `dash.move.${deal.move}` : "dash.move.WAITING")}
      </Badge>
    </Item>
  );
}

/** Deals counted in two periods, side by side, each saying which it is. */
function FiguresTable<F extends PeriodFigures>({
  caption,
  rows,
  extra = [],
}: {
  caption: string;
  rows: Array<{ label: string; figures: F }>;
  extra?: Array<{ key: keyof F & string; label: string }>;
}) {
  const { t, language } = useLanguage();
  const cell = "px-2 py-1.5 text-right tabular-nums";
  return (
    // A keyboard can scroll it when a phone is too narrow for the figures (axe: scrollable-region-focusable).
    <div className="mt-2 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="px-2 py-1.5 font-semibold">
              {t("dash.figures.period")}
            </th>
            <th scope="col" className={`${cell} font-semibold`}>
              {t("dash.figures.licenses")}
            </th>
            <th scope="col" className={`${cell} font-semibold`}>
              {t("dash.figures.transfers")}
            </th>
            <th scope="col" className={`${cell} font-semibold`}>
              {t("dash.figures.value")}
            </th>
            {extra.map((column) => (
              <th key={column.key} scope="col" className={`${cell} font-semibold`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">
                {row.label}
              </th>
              <td className={cell}>{row.figures.licenses}</td>
              <td className={cell}>{row.figures.transfers}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatMoney(row.figures.valueFen, language)}</td>
              {extra.map((column) => (
                <td key={column.key} className={cell}>
                  {String(row.figures[column.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StaffView({ dashboard }: { dashboard: StaffDashboard }) {
  const { t, language } = useLanguage();
  const { dealsAwaiting, paymentsToConfirm, importsInProgress, unassessed, figures } = dashboard;
  return (
    <>
      <Block
        id="dash-deals"
        title={t("dash.staff.deals")}
        count={dealsAwaiting.total}
        all="/deals?status=yours"
        empty={t("dash.staff.dealsEmpty")}
      >
        {dealsAwaiting.items.map((deal) => (
          <DealRow key={deal.id} deal={deal} language={language} />
        ))}
      </Block>
      <Block
        id="dash-payments"
        title={t("dash.staff.payments")}
        count={paymentsToConfirm.total}
        all="/licenses?status=AWAITING_PAYMENT"
        note={
          paymentsToConfirm.total > 0 && (
            <>
              {t("dash.staff.paymentsSummary", {
                contracts: paymentsToConfirm.total,
                payments: paymentsToConfirm.payments,
                amount: formatMoney(paymentsToConfirm.amountFen, language),
              })}
              {paymentsToConfirm.overdue > 0 && (
                <>
                  {" "}
                  <Badge tone="red">{t("dash.payments.overdue", { count: paymentsToConfirm.overdue })}</Badge>
                </>
              )}
            </>
          )
        }
        empty={t("dash.staff.paymentsEmpty")}
      >
        {paymentsToConfirm.items.map((group) => (
          <Item key={group.licenseId}>
            <span>
              <Link to={`/licenses/${group.licenseId}`} className={`${link} font-mono`}>
                {group.contractNumber}
              </Link>{" "}
              <span className="text-slate-700">
                {localized(language, group.counterparty.name, group.counterparty.nameEn)}
              </span>
              <span className="block text-xs text-slate-600">
                {localized(language, group.patent.title, group.patent.titleEn)} ·{" "}
                {t("dash.payments.inContract", {
                  payments: group.payments,
                  amount: formatMoney(group.amountFen, language),
                  date: day(group.firstDueOn),
                })}
              </span>
            </span>
            <span className="flex items-baseline gap-2">
              <strong className="whitespace-nowrap tabular-nums">{formatMoney(group.amountFen, language)}</strong>
              {group.overdue > 0 && <Badge tone="red">{t("dash.payments.overdue", { count: group.overdue })}</Badge>}
            </span>
          </Item>
        ))}
      </Block>
      <Block
        id="dash-imports"
        title={t("dash.staff.imports")}
        count={importsInProgress.total}
        all="/university/import"
        empty={
          <>
            {t("dash.staff.importsEmpty")}{" "}
            <Link to="/university/import" className={link}>
              {t("dash.staff.importsAction")}
            </Link>
          </>
        }
      >
        {importsInProgress.items.map((patentImport) => (
          <Item key={patentImport.id}>
            <span>
              <Link to={`/university/import/${patentImport.id}`} className={link}>
                {patentImport.fileName}
              </Link>
              <span className="block text-xs text-slate-600">
                {minute(patentImport.createdAt)} ·{" "}
                {t("dash.import.rows", {
                  rows: patentImport.rowsRead,
                  add: patentImport.toAdd,
                  update: patentImport.toUpdate,
                  rejected: patentImport.rejected,
                })}
              </span>
            </span>
            <Badge tone={patentImport.status === "READY" ? "amber" : "slate"}>
              {t(`import.status.${patentImport.status}` as MessageKey)}
            </Badge>
          </Item>
        ))}
      </Block>
      <Block
        id="dash-unassessed"
        title={t("dash.staff.unassessed")}
        count={unassessed.total}
        all="/university/assessment?filter=unassessed"
        empty={t("dash.staff.unassessedEmpty")}
        note={
          unassessed.total > 0 && (
            <Link to="/university/assessment?filter=unassessed" className={link}>
              {t("dash.staff.unassessedAction")}
            </Link>
          )
        }
      >
        {unassessed.items.map((patent) => (
          <Item key={patent.id}>
            <Link to={`/patents/${patent.id}`} className={link}>
              {localized(language, patent.title, patent.titleEn)}
            </Link>
            <span className="font-mono text-xs text-slate-600">
              {patent.applicationNumber} · {day(patent.filingDate)}
            </span>
          </Item>
        ))}
      </Block>
      <section
        aria-labelledby="dash-figures"
        className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:col-span-2"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="dash-figures" className="text-lg font-semibold">
            {t("dash.staff.figures")}
          </h2>
          <Link to="/university/stats" className={`${link} text-sm`}>
            {t("dash.figures.more")}
          </Link>
        </div>
        <FiguresTable
          caption={t("dash.figures.caption")}
          rows={[
            {
              label: t("dash.figures.thisYear", {
                year: figures.thisYear.from.slice(0, 4),
                from: figures.thisYear.from,
                to: figures.thisYear.to,
              }),
              figures: figures.thisYear,
            },
            {
              label: t("dash.figures.lastYear", { year: figures.lastYear.from.slice(0, 4) }),
              figures: figures.lastYear,
            },
          ]}
        />
        <p className="mt-2 text-sm text-slate-700">
          {t("dash.figures.pool", {
            patents: figures.patents,
            transferable: figures.transferablePatents,
            open: figures.openLicensePatents,
          })}
        </p>
      </section>
    </>
  );
}

function CompanyView({ dashboard }: { dashboard: CompanyDashboard }) {
  const { t, language } = useLanguage();
  const { licenses, negotiations, paymentsDue, needs, savedSearches } = dashboard;
  return (
    <>
      <Block
        id="dash-payments"
        title={t("dash.company.payments")}
        count={paymentsDue.total}
        all="/licenses?status=AWAITING_PAYMENT"
        note={
          paymentsDue.total > 0 && (
            <>
              {t("dash.company.paymentsSummary", {
                count: paymentsDue.total,
                amount: formatMoney(paymentsDue.amountFen, language),
              })}
              {paymentsDue.overdue > 0 && (
                <>
                  {" "}
                  <Badge tone="red">{t("dash.payments.overdue", { count: paymentsDue.overdue })}</Badge>
                </>
              )}
            </>
          )
        }
        empty={t("dash.company.paymentsEmpty")}
      >
        {paymentsDue.items.map((payment) => (
          <Item key={payment.id}>
            <span>
              <Link to={`/licenses/${payment.licenseId}`} className={`${link} font-mono`}>
                {payment.contractNumber}
              </Link>{" "}
              <span className="text-slate-700">{t(`pay.kind.${payment.kind as "UP_FRONT"}`)}</span>
              <span className="block text-xs text-slate-600">
                {localized(language, payment.patent.title, payment.patent.titleEn)} ·{" "}
                {localized(language, payment.counterparty.name, payment.counterparty.nameEn)}
              </span>
            </span>
            <span className="flex items-baseline gap-2">
              <strong className="whitespace-nowrap tabular-nums">{formatMoney(payment.amountFen, language)}</strong>
              <span
                className={`whitespace-nowrap text-xs ${payment.overdue ? "font-semibold text-red-800" : "text-slate-600"}`}
              >
                {t("dash.company.due", { date: day(payment.dueOn) })}
              </span>
              {payment.overdue && <Badge tone="red">{t("pay.overdue")}</Badge>}
            </span>
          </Item>
        ))}
      </Block>
      <Block
        id="dash-negotiations"
        title={t("dash.company.negotiations")}
        count={negotiations.total}
        all="/deals"
        note={
          negotiations.yourMove > 0 && (
            <Badge tone="amber">{t("dash.company.yourMove", { count: negotiations.yourMove })}</Badge>
          )
        }
        empty={
          <>
            {t("dash.company.negotiationsEmpty")}{" "}
            <Link to="/patents" className={link}>
              {t("dash.company.licensesAction")}
            </Link>
          </>
        }
      >
        {negotiations.items.map((deal) => (
          <DealRow key={deal.id} deal={deal} language={language} />
        ))}
      </Block>
      <Block
        id="dash-licenses"
        title={t("dash.company.licenses")}
        count={licenses.total}
        all="/licenses"
        note={licenses.total > 0 && t("dash.company.licensesActive", { count: licenses.active })}
        empty={
          <>
            {t("dash.company.licensesEmpty")}{" "}
            <Link to="/patents" className={link}>
              {t("dash.company.licensesAction")}
            </Link>
          </>
        }
      >
        {licenses.items.map((license) => (
          <Item key={license.id}>
            <span>
              <Link to={`/licenses/${license.id}`} className={`${link} font-mono`}>
                {license.contractNumber}
              </Link>{" "}
              <span className="text-slate-700">
                {language === "zh" ? LICENSE_KINDS[license.kind].zh : LICENSE_KINDS[license.kind].en}
              </span>
              <span className="block text-xs text-slate-600">
                {localized(language, license.patent.title, license.patent.titleEn)} ·{" "}
                {localized(language, license.counterparty.name, license.counterparty.nameEn)} · {day(license.signedAt)}
              </span>
            </span>
            <Badge tone={license.status === "AWAITING_PAYMENT" ? "amber" : "slate"}>
              {t(`status.${license.status}`)}
            </Badge>
          </Item>
        ))}
      </Block>
      <Block
        id="dash-needs"
        title={t("dash.company.needs")}
        count={needs.total}
        all="/needs"
        note={
          needs.newProposals > 0 && (
            <Badge tone="amber">{t("dash.company.needsNew", { count: needs.newProposals })}</Badge>
          )
        }
        empty={
          <>
            {t("dash.company.needsEmpty")}{" "}
            {dashboard.organization.verified && (
              <Link to="/needs/new" className={link}>
                {t("need.new")}
              </Link>
            )}
          </>
        }
      >
        {needs.items.map((need) => (
          <Item key={need.id}>
            <Link to={`/needs/${need.id}`} className={link}>
              {need.title}
            </Link>
            <span className="flex items-baseline gap-2 text-xs text-slate-600">
              {t("dash.company.needProposals", { count: need.proposals })}
              {need.newProposals > 0 && (
                <Badge tone="amber">{t("dash.company.needsNew", { count: need.newProposals })}</Badge>
              )}
            </span>
          </Item>
        ))}
      </Block>
      <Block
        id="dash-searches"
        title={t("dash.company.searches")}
        count={savedSearches.total}
        all="/saved-searches"
        note={
          savedSearches.newHits > 0 && (
            <Badge tone="amber">{t("dash.company.searchesNew", { count: savedSearches.newHits })}</Badge>
          )
        }
        empty={
          <>
            {t("dash.company.searchesEmpty")}{" "}
            <Link to="/patents" className={link}>
              {t("dash.company.licensesAction")}
            </Link>
          </>
        }
      >
        {savedSearches.items.map((search) => (
          <Item key={search.id}>
            <Link
              to={`/patents?${search.query}${search.newHits ? `${search.query ? "&" : ""}sort=newest` : ""}`}
              className={link}
            >
              {search.name}
            </Link>
            <span className="flex items-baseline gap-2 text-xs text-slate-600">
              {t("dash.company.searchHits", { count: search.hits })}
              {search.newHits > 0 && (
                <Badge tone="amber">{t("dash.company.searchesNew", { count: search.newHits })}</Badge>
              )}
            </span>
          </Item>
        ))}
      </Block>
    </>
  );
}

function AdminView({ dashboard }: { dashboard: AdminDashboard }) {
  const { t, language } = useLanguage();
  const { toVerify, unusual, month } = dashboard;
  return (
    <>
      <Block
        id="dash-verify"
        title={t("dash.admin.verify")}
        count={toVerify.total}
        all="/admin/organizations?verification=unverified"
        empty={t("dash.admin.verifyEmpty")}
      >
        {toVerify.items.map((organization) => (
          <Item key={organization.id}>
            <span>
              <Link to="/admin/organizations?verification=unverified" className={link}>
                {localized(language, organization.name, organization.nameEn)}
              </Link>
              <span className="block font-mono text-xs text-slate-600">{organization.creditCode}</span>
            </span>
            <span className="text-xs text-slate-600">
              {t(`kind.${organization.kind as "ENTERPRISE"}`)} ·{" "}
              {t("dash.admin.verifyItem", { date: day(organization.createdAt), members: organization.members })}
            </span>
          </Item>
        ))}
      </Block>
      <Block
        id="dash-unusual"
        title={t("dash.admin.unusual")}
        count={unusual.total}
        all="/admin/audit"
        note={t("dash.admin.unusualRule", {
          hours: unusual.rule.windowHours,
          account: unusual.rule.failuresPerAccount,
          address: unusual.rule.failuresPerAddress,
          days: unusual.rule.failedImportDays,
        })}
        empty={
          <>
            {t("dash.admin.unusualEmpty")}{" "}
            <Link to="/admin/audit" className={link}>
              {t("dash.admin.audit")}
            </Link>
          </>
        }
      >
        {unusual.accounts.map((account) => (
          <Item key={`account-${account.email}`}>
            <span>
              {t("dash.admin.unusualAccount", {
                email: account.email,
                count: account.failures,
                time: minute(account.last),
              })}
            </span>
            <Badge tone="red">{account.failures}</Badge>
          </Item>
        ))}
        {unusual.addresses.map((address) => (
          <Item key={`ip-${address.ip}`}>
            <span>
              {t("dash.admin.unusualAddress", {
                ip: address.ip.replace(/^::ffff:/, ""),
                count: address.failures,
                accounts: address.accounts,
                time: minute(address.last),
              })}
            </span>
            <Badge tone="red">{address.failures}</Badge>
          </Item>
        ))}
        {unusual.failedImports.map((failed) => (
          <Item key={`import-${failed.id}`}>
            <span>
              {t("dash.admin.unusualImport", {
                org: localized(language, failed.organization.name, failed.organization.nameEn),
                file: failed.fileName,
                time: minute(failed.at),
                error: messageIn(language, failed.error ?? "import.failed"),
              })}
            </span>
          </Item>
        ))}
      </Block>
      <section
        aria-labelledby="dash-month"
        className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:col-span-2"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="dash-month" className="text-lg font-semibold">
            {t("dash.admin.month")}
          </h2>
          <Link to="/admin/stats" className={`${link} text-sm`}>
            {t("dash.month.more")}
          </Link>
        </div>
        <FiguresTable
          caption={t("dash.admin.monthCaption")}
          rows={[
            {
              label: t("dash.month.current", { from: month.current.from, to: month.current.to }),
              figures: month.current,
            },
            {
              label: t("dash.month.previous", { from: month.previous.from, to: month.previous.to }),
              figures: month.previous,
            },
          ]}
          extra={[
            { key: "organizationsJoined", label: t("dash.month.joined") },
            { key: "organizationsVerified", label: t("dash.month.verified") },
            { key: "signIns", label: t("dash.month.signIns") },
            { key: "needsPosted", label: t("dash.month.needs") },
          ]}
        />
      </section>
    </>
  );
}

export default function DashboardPage() {
  const { dashboard, notifications } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const lead =
    dashboard.role === "ADMIN"
      ? t("dash.leadAdmin")
      : t("dash.lead", { org: localized(language, dashboard.organization.name, dashboard.organization.nameEn) });
  return (
    <article aria-labelledby="dashboard-heading" className="space-y-4">
      <div>
        <h1 id="dashboard-heading" className="text-2xl font-bold">
          {t("dash.title")}
        </h1>
        <p className="text-slate-700">{lead}</p>
      </div>
      {dashboard.role === "SME" && !dashboard.organization.verified && (
        <p role="note" className="rounded bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300">
          {t("dash.company.notVerified")}
        </p>
      )}
      {dashboard.role !== "ADMIN" && (
        <Block
          id="dash-notifications"
          title={t("notifications.title")}
          count={notifications.unread}
          all="/notifications"
          empty={
            <Link to="/notifications" className={link}>
              {t("notifications.noneHint")}
            </Link>
          }
        >
          {notifications.groups
            .filter((group) => group.unread > 0)
            .map((group) => (
              <Item key={group.link}>
                <Link to={group.link} className={link}>
                  {group.subject
                    ? localized(language, group.subject.title, group.subject.titleEn)
                    : t(group.latest.kind as MessageKey, group.latest.values)}
                </Link>
                <Badge tone="amber">{t("notifications.groupUnread", { count: group.unread })}</Badge>
              </Item>
            ))}
        </Block>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {dashboard.role === "UNIVERSITY_STAFF" && <StaffView dashboard={dashboard} />}
        {dashboard.role === "SME" && <CompanyView dashboard={dashboard} />}
        {dashboard.role === "ADMIN" && <AdminView dashboard={dashboard} />}
      </div>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
