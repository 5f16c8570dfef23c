import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/lib/auth.server";
import { chinaMinute } from "~/lib/calendar-date";
import { readForm } from "~/lib/http.server";
import { localized, translator, type MessageKey, type Translate } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { GROUPS_PER_PAGE, listNotificationGroups, markRead } from "~/models/notification.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(languageFromMatches(matches))("notifications.title") },
];

const PageQuery = z.object({
  page: z.coerce
    .number({ message: "validation.number" })
    .int("validation.number")
    .min(1, "validation.number")
    .max(10_000, "validation.number")
    .default(1),
});

/** The user's notifications, one row per deal (or license, need, patent) they point to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = PageQuery.safeParse({ page: new URL(request.url).searchParams.get("page") ?? undefined });
  if (!parsed.success) throw new Response("validation.number", { status: 400 });
  const { page } = parsed.data;
  return { page, pageSize: GROUPS_PER_PAGE, ...(await listNotificationGroups(user, { page })) };
}

/** Marks all of the user's notifications read. */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  await markRead(await requireUser(request));
  return { ok: true };
}

function describe(t: Translate, kind: string, values: Record<string, string | number>) {
  return t(kind as MessageKey, {
    ...values,
    ...(values.change ? { change: t(`alerts.change.${values.change}` as MessageKey) } : {}),
  });
}

export default function Notifications() {
  const { groups, total, unread, page, pageSize } = useLoaderData<typeof loader>();
  const { t, language } = useLanguage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section aria-labelledby="notifications-heading" className="mx-auto max-w-3xl space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="notifications-heading" className="text-2xl font-bold">
          {t("notifications.title")}
        </h1>
        {unread > 0 && (
          <Form method="post">
            <button type="submit" className="rounded px-3 py-1 text-sm ring-1 ring-slate-300">
              {t("notifications.markAll")}
            </button>
          </Form>
        )}
      </div>
      {total === 0 ? (
        <p className="text-slate-600">{t("notifications.noneHint")}</p>
      ) : (
        <p className="text-sm text-slate-700">{t("notifications.summary", { groups: total, unread })}</p>
      )}
      <ul className="space-y-2">
        {groups.map((group) => (
          <li
            key={group.link}
            className={`rounded-lg bg-white p-3 shadow-sm ring-1 [overflow-wrap:anywhere] ${group.unread ? "ring-amber-400" : "ring-slate-200"}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <Link to={group.link} className="font-medium text-brand-700 underline">
                {group.subject
                  ? `${group.subject.reference ? `${group.subject.reference} · ` : ""}${localized(language, group.subject.title, group.subject.titleEn)}`
                  : describe(t, group.latest.kind, group.latest.values)}
              </Link>
              <span className="flex items-baseline gap-2 text-xs">
                {group.unread > 0 && (
                  <span className="rounded bg-amber-100 px-1 text-amber-900">
                    {t("notifications.groupUnread", { count: group.unread })}
                  </span>
                )}
                <span className="text-slate-600">{t("notifications.group", { count: group.count })}</span>
              </span>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {group.subject && (
                <>
                  {t("notifications.latest")} {describe(t, group.latest.kind, group.latest.values)} ·{" "}
                </>
              )}
              <time dateTime={new Date(group.latest.createdAt).toISOString()} className="text-slate-600">
                {chinaMinute(group.latest.createdAt)}
              </time>
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label={t("notifications.pages")} className="flex justify-between text-sm">
          {page > 1 ? (
            <Link to={`?page=${page - 1}`} className="text-brand-700 underline">
              {t("notifications.previous")}
            </Link>
          ) : (
            <span />
          )}
          {page < pages && (
            <Link to={`?page=${page + 1}`} className="text-brand-700 underline">
              {t("notifications.next")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
