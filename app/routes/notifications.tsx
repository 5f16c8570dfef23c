import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/lib/auth.server";
import { readForm } from "~/lib/http.server";
import { translator, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { listNotifications, markRead } from "~/models/notification.server";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("notifications.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(user) };
}

/** Marks all of the organisation's notifications read. */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  await markRead(await requireUser(request));
  return { ok: true };
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  return (
    <section aria-labelledby="notifications-heading" className="mx-auto max-w-3xl space-y-3">
      <div className="flex items-center justify-between">
        <h1 id="notifications-heading" className="text-2xl font-bold">{t("notifications.title")}</h1>
        {notifications.some((n) => !n.readAt) && (
          <Form method="post"><button type="submit" className="rounded px-3 py-1 text-sm ring-1 ring-slate-300">{t("notifications.markAll")}</button></Form>
        )}
      </div>
      {notifications.length === 0 && <p className="text-slate-600">{t("notifications.none")}</p>}
      <ul className="space-y-2">
        {notifications.map((notification) => (
          <li key={notification.id} className={`rounded-lg bg-white p-3 shadow-sm ring-1 ${notification.readAt ? "ring-slate-200" : "ring-amber-400"}`}>
            <Link to={notification.link} className="text-brand-700 underline">{t(notification.kind as MessageKey, { ...notification.values, ...(notification.values.change ? { change: t(`alerts.change.${notification.values.change}` as MessageKey) } : {}) })}</Link>
            <span className="ml-2 text-xs text-slate-500">{notification.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
            {!notification.readAt && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("notifications.unread")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
