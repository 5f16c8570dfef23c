import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { isbot } from "isbot";
import { z } from "zod";
import { DealRequestTermsForm } from "~/components/deal-terms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  DeclareOpenLicenseForm,
  SignInToTake,
  TakeOpenLicenseForm,
  WithdrawOpenLicenseForm,
} from "~/components/open-license-forms";
import { OpenLicenseTerms, feeSummary } from "~/components/open-license-terms";
import { ExclusiveLicenseNotice, FeeGuidancePanel } from "~/components/patent-licensing";
import { BackLink } from "~/components/ui/back-link";
import { FormError, Notice } from "~/components/ui/form";
import { getUser, requireUser } from "~/lib/auth.server";
import { answerForm } from "~/lib/form-action.server";
import { formatCount, remainingYears } from "~/lib/format";
import { replyErrors } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, translator } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { parsePatentId } from "~/lib/route-params";
import { isWatching, unwatchPatent, watchPatent } from "~/models/alerts.server";
import { requestDeal } from "~/models/deal/deal.server";
import { DealRequestFormSchema } from "~/models/deal/terms-form";
import { exclusiveLicenseOf } from "~/models/license/exclusivity.server";
import { markReadFor } from "~/models/notification.server";
import { feeGuidanceFor } from "~/models/open-license/fee-guidance.server";
import {
  acceptOpenLicense,
  declareOpenLicense,
  openLicenseViewer,
  withdrawOpenLicense,
} from "~/models/open-license/open-license.server";
import { AcceptOpenLicenseSchema, DeclareFormSchema, onDeclareForm } from "~/models/open-license/schemas";
import { formatApplicationNumber } from "~/models/patent/identifiers";
import { shortIpcTitle } from "~/models/patent/ipc-short-title";
import { LEGAL_STATUSES, PATENT_TYPES } from "~/models/patent/vocabulary";
import { alsoLicensed, getPatentDetail, recordPatentView, type IpcEntry } from "~/models/patent.server";
import { patentSearch } from "~/models/search/service.server";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parsePatentId(params.id);
  const patent = id === null ? null : await getPatentDetail(id);
  if (!patent) throw new Response("No patent with this id", { status: 404 });
  // Crawlers' visits are not interest in the patent: they stay out of the funnel's views. A view that cannot be
  // counted (the database busy with an import) must not cost the visitor the page.
  const counted = isbot(request.headers.get("user-agent") ?? "")
    ? null
    : recordPatentView(patent.id).catch((error: unknown) => console.error("view not counted:", error));
  const user = await getUser(request);
  const [similar, viewer, alsoLicensedBy, watching] = await Promise.all([
    patentSearch().similar(patent.id),
    openLicenseViewer(user, { ownerId: patent.owner.id, openLicenseId: patent.openLicense?.id ?? null }),
    alsoLicensed(patent.id),
    isWatching(user, patent.id),
    // Opening the patent reads the alerts about it (a watched or saved-search patent's open license changed).
    markReadFor(user, `/patents/${patent.id}`),
  ]);
  // Under an exclusive or sole license the page says until when and offers no declaration: nothing to price.
  const exclusive = await exclusiveLicenseOf(patent.id);
  const feeGuidance =
    viewer.canManage && !exclusive && patent.legalStatus === "VALID" ? await feeGuidanceFor(patent.id) : null;
  await counted;
  return {
    patent,
    similar,
    viewer,
    alsoLicensed: alsoLicensedBy,
    watching,
    mayWatch: Boolean(user?.organization),
    exclusive,
    feeGuidance,
  };
}

/** Declare, withdraw (staff of the owning university) or take (a verified company) the open license; request a deal;
 * watch the patent. Every answer carries the form's reply, whose `intent` says which form was sent. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request);
  const patentId = parsePatentId(params.id);
  if (patentId === null) throw new Response("No patent with this id", { status: 404 });
  const intent = form.get("intent");
  if (intent === "declare") {
    const answer = await answerForm(form, DeclareFormSchema, (declaration) =>
      declareOpenLicense(user, patentId, declaration).catch((error: unknown) => {
        throw onDeclareForm(error, form);
      }),
    );
    if (!answer.ok) return answer.refusal;
    return { result: answer.reply(), done: "ol.declared" as const };
  }
  if (intent === "deal") {
    const answer = await answerForm(form, DealRequestFormSchema, ({ message, terms }) =>
      requestDeal(user, patentId, { message, terms }),
    );
    if (!answer.ok) return answer.refusal;
    return redirect(`/deals/${answer.done.id}`);
  }
  if (intent === "accept") {
    const answer = await answerForm(
      form,
      AcceptOpenLicenseSchema,
      (signature) => acceptOpenLicense(user, String(form.get("declarationId") ?? ""), signature),
      { checkboxes: ["agree"] },
    );
    if (!answer.ok) return answer.refusal;
    return redirect(`/licenses/${answer.done.license.id}`);
  }
  if (intent !== "withdraw" && intent !== "watch" && intent !== "unwatch")
    throw new Response("Unknown intent.", { status: 400 });
  const answer = await answerForm(form, z.object({}), async () => {
    if (intent === "withdraw") {
      await withdrawOpenLicense(user, String(form.get("declarationId") ?? ""));
      return "ol.withdrawn" as const;
    }
    await (intent === "watch" ? watchPatent(user, patentId) : unwatchPatent(user, patentId));
    return intent === "watch" ? ("watch.watching" as const) : undefined;
  });
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply(), done: answer.done };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const language = languageFromMatches(matches);
  const t = translator(language);
  if (!data) return [{ title: t("patent.notFound") }];
  return [
    { title: `${localized(language, data.patent.title, data.patent.titleEn)} · ${t("app.name")}` },
    { name: "description", content: localized(language, data.patent.abstract, data.patent.abstractEn).slice(0, 160) },
  ];
};

function Ipc({ entry }: { entry: IpcEntry }) {
  const { language } = useLanguage();
  const title = localized(language, entry.titleZh, entry.titleEn);
  return (
    <span>
      <span className="font-mono">{entry.code}</span>
      {title && <span className="text-slate-600"> — {title}</span>}
    </span>
  );
}

/** A text in the UI's language, with the other language's version beneath it when there is one. */
function BilingualSection({ id, heading, zh, en }: { id: string; heading: string; zh: string; en: string | null }) {
  const { language } = useLanguage();
  const other = language === "zh" ? en : zh;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-2 leading-relaxed">{localized(language, zh, en)}</p>
      {en && other && (
        <p className="mt-3 text-sm leading-relaxed text-slate-600" lang={language === "zh" ? "en" : "zh"}>
          {other}
        </p>
      )}
    </section>
  );
}

export default function PatentPage() {
  const { patent, similar, viewer, alsoLicensed, watching, mayWatch, exclusive, feeGuidance } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Which form was sent: its reply's `intent` (errors show in that form only).
  const sent = actionData?.result.initialValue ?? {};
  const intent = sent.intent;
  const replied = replyErrors(actionData?.result);
  const errors: Record<string, string | undefined> = { ...replied, form: replied[""] };
  const { t, language } = useLanguage();
  // The results page passes its query string, so "back" returns to the same search.
  const backTo = (useLocation().state as { search?: string } | null)?.search ?? "";
  const other = language === "zh" ? "en" : "zh";
  const cluster = CLUSTERS.find((c) => c.code === patent.cluster);
  const field = FIELDS.find((f) => f.code === patent.field);
  const name = (entry: { zh: string; en: string } | undefined) =>
    entry ? (language === "zh" ? entry.zh : entry.en) : "—";
  const years = remainingYears(patent.expiresOn);
  const mayRequestDeal = viewer.isCompany && (patent.legalStatus === "VALID" || patent.legalStatus === "PENDING");
  const actionLinks = [
    ...(patent.openLicense && !viewer.canManage && !(viewer.isCompany && viewer.held)
      ? [{ href: "#license-heading", label: t("ol.take") }]
      : []),
    ...(mayRequestDeal ? [{ href: "#deal-heading", label: t("patent.actionBar.deal") }] : []),
    ...(viewer.canManage && patent.legalStatus === "VALID" && !exclusive
      ? [{ href: "#declare-heading", label: patent.openLicense ? t("ol.newVersion") : t("ol.declare") }]
      : []),
  ];
  const bibliography: Array<[string, React.ReactNode]> = [
    [t("patent.applicationNumber"), formatApplicationNumber(patent.applicationNumber)],
    [t("patent.publicationNumber"), patent.publicationNumber ?? "—"],
    [t("patent.grantNumber"), patent.grantNumber ?? "—"],
    [t("patent.type"), name(PATENT_TYPES[patent.type])],
    [t("patent.legalStatus"), name(LEGAL_STATUSES[patent.legalStatus])],
    [t("patent.filingDate"), patent.filingDate],
    [t("patent.publicationDate"), patent.publicationDate ?? "—"],
    [t("patent.grantDate"), patent.grantDate ?? "—"],
    [t("patent.expiresOn"), patent.expiresOn],
    [t("patent.remainingTerm"), t("patent.remainingYears", { years })],
    [t("patent.owner"), localized(language, patent.owner.name, patent.owner.nameEn)],
    ...(patent.coOwners.length
      ? [
          [
            t("patent.coOwners"),
            <ul key="co-owners">
              {patent.coOwners.map((o) => (
                <li key={o.id}>{localized(language, o.name, o.nameEn)}</li>
              ))}
            </ul>,
          ] as [string, React.ReactNode],
        ]
      : []),
    [t("patent.inventors"), patent.inventors.join("、")],
    [t("patent.ipcMain"), <Ipc key="main" entry={patent.ipcMain} />],
    // Each other code with its short title, never the IPC's notes ("注意1.本小类包括…").
    [
      t("patent.ipcOthers"),
      patent.ipcOthers.length ? (
        <ul key="others">
          {patent.ipcOthers.map((e) => (
            <li key={e.code}>
              <Ipc entry={{ ...e, titleZh: shortIpcTitle(e.titleZh), titleEn: shortIpcTitle(e.titleEn) }} />
            </li>
          ))}
        </ul>
      ) : (
        "—"
      ),
    ],
    [t("patent.cluster"), name(cluster)],
    [t("patent.field"), name(field)],
    [t("patent.keywords"), (language === "zh" ? patent.keywords : patent.keywordsEn).join(", ") || "—"],
  ];
  return (
    <article className={`space-y-6 ${actionLinks.length ? "pb-20 lg:pb-0" : ""}`}>
      <BackLink to={`/patents${backTo}`}>{t("patent.back")}</BackLink>
      <header>
        <h1 className="text-2xl font-bold leading-tight">{localized(language, patent.title, patent.titleEn)}</h1>
        {patent.titleEn && (
          <p className="mt-1 text-slate-600" lang={other}>
            {language === "zh" ? patent.titleEn : patent.title}
          </p>
        )}
        <p className="mt-2 flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-slate-200 px-2 py-0.5">{name(PATENT_TYPES[patent.type])}</span>
          <span
            className={`rounded px-2 py-0.5 ${LEGAL_STATUSES[patent.legalStatus].inForce ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
          >
            {name(LEGAL_STATUSES[patent.legalStatus])}
          </span>
          {patent.openLicense && (
            <span className="rounded bg-emerald-600 px-2 py-0.5 text-white">
              {t("patent.openLicense.offered")}: {feeSummary(patent.openLicense, language)}
            </span>
          )}
        </p>
        {patent.family.map((member) => (
          <p key={member.id} className="mt-2 text-sm">
            {t(member.type === "UTILITY_MODEL" ? "patent.family.utilityModel" : "patent.family.invention")}{" "}
            <Link to={`/patents/${member.id}`} className="break-all font-mono text-brand-700 underline">
              {formatApplicationNumber(member.applicationNumber)}
            </Link>
          </p>
        ))}
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <BilingualSection id="abstract" heading={t("patent.abstract")} zh={patent.abstract} en={patent.abstractEn} />
          <BilingualSection id="claim" heading={t("patent.claim")} zh={patent.firstClaim} en={patent.firstClaimEn} />
          <section aria-labelledby="biblio-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="biblio-heading" className="text-lg font-semibold">
              {t("patent.bibliography")}
            </h2>
            <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {bibliography.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-slate-600">{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>

        <aside className="space-y-6">
          <section
            aria-labelledby="license-heading"
            className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="license-heading" className="text-lg font-semibold">
              {t("patent.openLicense")}
            </h2>
            {exclusive && <ExclusiveLicenseNotice license={exclusive} />}
            <div className="mt-2">
              {patent.openLicense ? (
                <OpenLicenseTerms terms={patent.openLicense} />
              ) : (
                <p className="text-sm text-slate-700">{t("patent.openLicense.none")}</p>
              )}
            </div>
            {patent.openLicense && patent.openLicense.consents.length > 0 && (
              <div className="mt-3 text-sm">
                <h3 className="font-medium">{t("patent.openLicense.consents")}</h3>
                <ul className="mt-1 space-y-1 text-slate-700">
                  {patent.openLicense.consents.map((consent) => (
                    <li key={consent.organization.id}>
                      {t("patent.openLicense.consent", {
                        name: localized(language, consent.organization.name, consent.organization.nameEn),
                        date: consent.consentedOn,
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="mt-3 text-sm text-slate-700">
              {t("patent.licensees", { count: formatCount(patent.licenseeCount, language) })}
            </p>
            {viewer.canManage && (
              <p className="mt-1 text-sm">
                <Link to={`/licenses?patent=${patent.id}`} className="text-brand-700 underline">
                  {t("licenses.deals")}
                </Link>
              </p>
            )}
            {actionData && "done" in actionData && actionData.done && (
              <div className="mt-3">
                <Notice>{t(actionData.done)}</Notice>
              </div>
            )}
            {intent === "withdraw" && (
              <div className="mt-3">
                <FormError error={errors.form} />
              </div>
            )}
            {patent.openLicense && viewer.canManage && (
              <div className="mt-3">
                <WithdrawOpenLicenseForm declarationId={patent.openLicense.id} />
              </div>
            )}
            {patent.openLicense && !viewer.signedIn && (
              <div className="mt-3">
                <SignInToTake />
              </div>
            )}
            {patent.openLicense && viewer.isCompany && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <h3 className="mb-2 font-semibold">{t("ol.take")}</h3>
                {viewer.held ? (
                  <p className="text-sm">
                    {t("ol.youHold")}{" "}
                    <Link to={`/licenses/${viewer.held.id}`} className="text-brand-700 underline">
                      {viewer.held.contractNumber}
                    </Link>
                  </p>
                ) : viewer.verified ? (
                  <TakeOpenLicenseForm
                    declarationId={patent.openLicense.id}
                    errors={intent === "accept" ? errors : {}}
                  />
                ) : (
                  <p className="text-sm text-amber-800">{t("ol.unverified")}</p>
                )}
              </div>
            )}
          </section>
          {viewer.isCompany && (patent.legalStatus === "VALID" || patent.legalStatus === "PENDING") && (
            <section aria-labelledby="deal-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 id="deal-heading" className="mb-3 text-lg font-semibold">
                {t("deal.request")}
              </h2>
              <DealRequestTermsForm
                errors={intent === "deal" ? errors : {}}
                kinds={exclusive ? ["ORDINARY", "ASSIGNMENT"] : undefined}
              />
            </section>
          )}
          {viewer.canManage && patent.legalStatus === "VALID" && !exclusive && (
            <section
              aria-labelledby="declare-heading"
              className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <h2 id="declare-heading" className="mb-3 text-lg font-semibold">
                {patent.openLicense ? t("ol.newVersion") : t("ol.declare")}
              </h2>
              <DeclareOpenLicenseForm
                errors={intent === "declare" ? errors : {}}
                values={intent === "declare" && !(actionData && "done" in actionData) ? sent : undefined}
                hasActive={Boolean(patent.openLicense)}
                coOwners={patent.coOwners}
              />
              {feeGuidance && <FeeGuidancePanel guidance={feeGuidance} />}
            </section>
          )}
          {(patent.valueScore !== null || patent.maturity !== null) && (
            <section
              aria-labelledby="assessment-heading"
              className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <h2 id="assessment-heading" className="text-lg font-semibold">
                {t("patent.assessment")}
              </h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("patent.valueScore")}</dt>
                <dd>
                  <meter
                    min={0}
                    max={100}
                    value={patent.valueScore ?? 0}
                    className="mr-2 align-middle"
                    aria-label={t("patent.valueScore")}
                  />
                  {patent.valueScore ?? "—"}
                </dd>
                <dt className="text-slate-600">{t("patent.maturity")}</dt>
                <dd>{patent.maturity ? t("patent.maturityLevel", { level: patent.maturity }) : "—"}</dd>
              </dl>
            </section>
          )}
          <PatentLinks
            id="similar-heading"
            heading={t("patent.similar")}
            patents={similar}
            note={(item) => localized(language, item.university.name, item.university.nameEn)}
          />
          <PatentLinks
            id="also-heading"
            heading={t("patent.alsoLicensed")}
            patents={alsoLicensed}
            note={(item) => t("patent.alsoLicensedCount", { count: item.companies })}
          />
          {mayWatch && (
            <Form method="post" className="rounded-lg bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
              <input type="hidden" name="intent" value={watching ? "unwatch" : "watch"} />
              {watching && <p className="mb-2 text-slate-600">{t("watch.watching")}</p>}
              <button
                type="submit"
                aria-pressed={watching}
                className="rounded bg-white px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-100"
              >
                {t(watching ? "watch.unwatch" : "watch.watch")}
              </button>
            </Form>
          )}
        </aside>
      </div>
      {actionLinks.length > 0 && (
        // On a phone or tablet the actions sit in the side column below the whole record: a bar at the
        // bottom of the screen jumps to them (plain anchors, no JavaScript needed).
        <nav
          aria-label={t("patent.actionBar")}
          className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-3 py-2 shadow-[0_-2px_6px_rgba(0,0,0,0.08)] lg:hidden"
        >
          <ul className="mx-auto flex max-w-3xl gap-2">
            {actionLinks.map((action, index) => (
              <li key={action.href} className="min-w-0 flex-1">
                <a
                  href={action.href}
                  className={`block truncate rounded px-3 py-2 text-center text-sm font-medium ${index === 0 ? "bg-brand-700 text-white" : "bg-white text-brand-700 ring-1 ring-brand-700"}`}
                >
                  {action.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}

/** Other patents in a side box (similar ones, those licensed by the same companies): each title links to its
 * page, with one line under it; nothing when there are none. */
function PatentLinks<Item extends { id: number; title: string; titleEn: string | null }>({
  id,
  heading,
  patents,
  note,
}: {
  id: string;
  heading: string;
  patents: Item[];
  note: (item: Item) => string;
}) {
  const { language } = useLanguage();
  if (patents.length === 0) return null;
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {patents.map((item) => (
          <li key={item.id}>
            <Link to={`/patents/${item.id}`} className="text-brand-700 hover:underline">
              {localized(language, item.title, item.titleEn)}
            </Link>
            <span className="block text-xs text-slate-500">{note(item)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
