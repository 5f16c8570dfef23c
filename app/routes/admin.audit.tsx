import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { cell, Table } from "~/components/table";
import { requireRole } from "~/lib/auth.server";
import { useLanguage } from "~/lib/language";
import { pageParam } from "~/lib/paging";
import { listAuditEvents } from "~/models/audit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return listAuditEvents({ page: pageParam(request) });
}

export default function Audit() {
  const { events, total } = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  const page = Number(useSearchParams()[0].get("page") ?? 1);
  return (
    <section aria-labelledby="audit-heading" className="space-y-3">
      <h2 id="audit-heading" className="text-lg font-semibold">{t("admin.audit")} ({total})</h2>
      <Table caption={t("admin.audit")} headers={[t("admin.time"), t("admin.action"), t("admin.subject"), t("admin.ip")]}>
        {events.map((event) => (
          <tr key={event.id}>
            <td className={`${cell} whitespace-nowrap`}>{event.at.toISOString().slice(0, 19).replace("T", " ")}</td>
            <td className={`${cell} font-mono`}>{event.action}</td>
            <td className={cell}>{event.subject}</td>
            <td className={cell}>{event.ip ?? "—"}</td>
          </tr>
        ))}
      </Table>
      {total > page * 50 && <Link to={`?page=${page + 1}`} className="text-sm text-brand-700 underline">{t("search.next")} →</Link>}
    </section>
  );
}
