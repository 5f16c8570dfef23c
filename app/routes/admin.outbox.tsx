import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/ui/list";
import { requireRole } from "~/lib/auth.server";
import { useLanguage } from "~/lib/language";
import { pageParam } from "~/lib/paging";
import { listOutbox } from "~/models/mail.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return listOutbox({ page: pageParam(request) });
}

export default function Outbox() {
  const { emails, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useLanguage();
  return (
    <section aria-labelledby="outbox-heading" className="space-y-3">
      <h2 id="outbox-heading" className="text-lg font-semibold">
        {t("admin.outbox")} ({total})
      </h2>
      {emails.length === 0 && <p className="text-sm text-slate-600">{t("admin.none")}</p>}
      <ul className="space-y-3">
        {emails.map((email) => (
          <li key={email.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <p className="text-sm">
              <span className="text-slate-600">{t("admin.to")}:</span> {email.to} ·{" "}
              {email.createdAt.toISOString().slice(0, 16).replace("T", " ")}
            </p>
            <p className="font-medium">{email.subject}</p>
            <pre className="mt-2 whitespace-pre-wrap break-all text-sm text-slate-800">{email.body}</pre>
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
