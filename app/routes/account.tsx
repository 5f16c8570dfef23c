import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Card, Notice } from "~/components/form";
import { requireUser } from "~/lib/auth.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";

export const meta: MetaFunction = ({ matches }) => [{ title: translator(languageFromMatches(matches))("nav.account", { name: "" }) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { name: user.name, email: user.email, role: user.role, organization: user.organization } };
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, language } = useLanguage();
  return (
    <Card title={user.name}>
      {searchParams.get("registered") && <div className="mb-4"><Notice>{t("join.done")}</Notice></div>}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">{t("admin.email")}</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-600">{t("admin.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        {user.organization && (
          <>
            <dt className="text-slate-600">{t("admin.organization")}</dt>
            <dd>{localized(language, user.organization.name, user.organization.nameEn)}</dd>
            <dt className="text-slate-600">{t("admin.status")}</dt>
            <dd>{user.organization.verifiedAt ? t("admin.verified") : t("admin.unverified")}</dd>
          </>
        )}
      </dl>
      {user.organization && !user.organization.verifiedAt && <p className="mt-4 text-sm text-amber-800">{t("account.unverified")}</p>}
    </Card>
  );
}
