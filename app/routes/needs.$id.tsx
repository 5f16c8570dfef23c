import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DealRequestTermsForm } from "~/components/deal-terms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { feeSummary } from "~/components/open-license-terms";
import { BackLink } from "~/components/ui/back-link";
import { FormError, Notice } from "~/components/ui/form";
import { getUser, requireUser } from "~/lib/auth.server";
import { isoDay } from "~/lib/calendar-date";
import { orErrorPage } from "~/lib/errors";
import { answerForm } from "~/lib/form-action.server";
import { formatFen } from "~/lib/format";
import { replyErrors, tickedIds } from "~/lib/forms";
import { readForm } from "~/lib/http.server";
import { localized, translator, type MessageKey } from "~/lib/i18n";
import { languageFromMatches, useLanguage } from "~/lib/language";
import { recordId } from "~/lib/route-params";
import { DealRequestFormSchema } from "~/models/deal/terms-form";
import { closeNeed, getNeedFor, matchNeed, proposeForNeed, type MatchReason } from "~/models/need/need.server";
import { markReadFor } from "~/models/notification.server";
import { CLUSTERS } from "~/models/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  { title: loaded?.need.title ?? translator(languageFromMatches(matches))("need.title") },
];

/** GET /needs/:id: the need, the pool ranked against it, and for university staff their own matching patents. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const need = await orErrorPage(getNeedFor(user, recordId(params.id)));
  // Opening the need reads the notifications that point to it (universities' proposals).
  if (need.isOwner) await markReadFor(user, `/needs/${need.id}`);
  const isStaff = user?.role === "UNIVERSITY_STAFF" && user.organization;
  const [matches, ownMatches] = await Promise.all([
    matchNeed(need),
    isStaff && need.status === "OPEN"
      ? matchNeed(need, { ownerId: user.organization!.id, limit: 10 })
      : Promise.resolve([]),
  ]);
  return { need, matches, ownMatches, canPropose: Boolean(isStaff) && need.status === "OPEN" };
}

/** A university's proposal: the patents ticked (at most 20) and the full terms, read like a company's request. */
const ProposalFormSchema = z
  .intersection(
    z.object({
      patentId: tickedIds(20),
    }),
    DealRequestFormSchema,
  )
  .superRefine((proposal, context) => {
    if (proposal.patentId.length === 0) context.addIssue({ code: "custom", path: [], message: "need.choosePatents" });
  });

/** intent=propose (university staff: patentId… and the request form's terms and message) or intent=close (the company). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request);
  const needId = recordId(params.id);
  if (form.get("intent") === "close") {
    const answer = await answerForm(form, z.object({}), () => closeNeed(user, needId));
    if (!answer.ok) return answer.refusal;
    return { result: answer.reply({ resetForm: true }), done: "need.closedNotice" as const };
  }
  const answer = await answerForm(form, ProposalFormSchema, ({ patentId, message, terms }) =>
    proposeForNeed(user, needId, { patentIds: patentId, message, terms }),
  );
  if (!answer.ok) return answer.refusal;
  return { result: answer.reply({ resetForm: true }), done: "need.proposed" as const };
}

function Reason({ reason }: { reason: MatchReason }) {
  const { t, language } = useLanguage();
  if (reason.kind === "words") return <>{t("need.reason.words", { words: reason.words.join("、") })}</>;
  if (reason.kind === "cluster") {
    const cluster = CLUSTERS.find((c) => c.code === reason.cluster);
    return (
      <>
        {t("need.reason.cluster")}
        {cluster ? `（${localized(language, cluster.zh, cluster.en)}）` : ""}
      </>
    );
  }
  if (reason.kind === "ipc") return <>{t("need.reason.ipc", { subclass: reason.subclass })}</>;
  return <>{t("need.reason.openLicense")}</>;
}

export default function NeedPage() {
  const { need, matches, ownMatches, canPropose } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useLanguage();
  const cluster = CLUSTERS.find((c) => c.code === need.cluster);
  const sent = replyErrors(actionData?.result);
  const errors: Record<string, string | undefined> = { ...sent, form: sent[""] };
  return (
    <article aria-labelledby="need-heading" className="space-y-6">
      <BackLink to="/needs">{t("need.title")}</BackLink>
      <header className="space-y-2">
        <h1 id="need-heading" className="text-2xl font-bold">
          {need.title}
        </h1>
        <p className="text-sm text-slate-600">
          {t("need.by")} {need.organization.name}
          {cluster && ` · ${localized(language, cluster.zh, cluster.en)}`}
          {(need.budgetMinFen !== null || need.budgetMaxFen !== null) &&
            ` · ${t("need.budget")} ${[need.budgetMinFen, need.budgetMaxFen].map((fen) => (fen === null ? "…" : formatFen(fen, language))).join(" – ")}`}
          {need.deadline && ` · ${t("need.deadline")} ${isoDay(need.deadline)}`}
          {` · ${t(`need.visibility.${need.visibility as "PUBLIC" | "UNIVERSITIES"}`)}`}
        </p>
        <p className="whitespace-pre-line rounded-lg bg-white p-4 ring-1 ring-slate-200">{need.description}</p>
      </header>
      {actionData && "done" in actionData && <Notice>{t(actionData.done)}</Notice>}
      {need.status !== "OPEN" && <Notice>{t("need.closedNotice")}</Notice>}

      <section aria-labelledby="matches-heading" className="space-y-3">
        <h2 id="matches-heading" className="text-xl font-semibold">
          {t("need.matches")}
        </h2>
        <p className="text-sm text-slate-600">{t("need.matchesLead")}</p>
        {matches.length === 0 ? (
          <p>{t("need.noMatches")}</p>
        ) : (
          <ol className="space-y-3">
            {matches.map((match) => (
              <li key={match.patent.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link to={`/patents/${match.patent.id}`} className="font-semibold text-brand-700 underline">
                    {localized(language, match.patent.title, match.patent.titleEn)}
                  </Link>
                  <span className="text-sm text-slate-600">{t("need.score", { score: match.score })}</span>
                </div>
                <p className="text-sm text-slate-600">
                  {localized(language, match.patent.owner, match.patent.ownerEn)} · CN{match.patent.applicationNumber} ·{" "}
                  {match.patent.ipcMain}
                  {match.openLicense && ` · ${feeSummary(match.openLicense, language)}`}
                </p>
                <p className="mt-1 text-sm">
                  <span className="font-medium">{t("need.why")}：</span>
                  {match.reasons.map((reason, i) => (
                    <span key={i}>
                      {i > 0 && "；"}
                      <Reason reason={reason} />
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {canPropose && (
        <section
          aria-labelledby="propose-heading"
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="propose-heading" className="text-xl font-semibold">
            {t("need.propose")}
          </h2>
          <DealRequestTermsForm errors={errors} intent="propose" submitLabel={t("need.proposeSubmit")}>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t("need.ownMatches")}</legend>
              {ownMatches.length === 0 && <p className="text-sm text-slate-600">{t("need.noMatches")}</p>}
              {ownMatches.map((match) => (
                <label key={match.patent.id} className="block text-sm">
                  <input type="checkbox" name="patentId" value={match.patent.id} className="mr-2" />
                  {localized(language, match.patent.title, match.patent.titleEn)} (
                  {t("need.score", { score: match.score })})
                </label>
              ))}
            </fieldset>
          </DealRequestTermsForm>
        </section>
      )}

      {need.proposals.length > 0 && (
        <section aria-labelledby="proposals-heading" className="space-y-2">
          <h2 id="proposals-heading" className="text-xl font-semibold">
            {t("need.proposals")}
          </h2>
          <ul className="space-y-2">
            {need.proposals.map((proposal) => (
              <li key={proposal.id} className="rounded bg-white p-3 ring-1 ring-slate-200">
                <p className="text-sm">{proposal.message}</p>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {proposal.deals.map((deal) => (
                    <li key={deal.id}>
                      <Link to={`/deals/${deal.id}`} className="text-brand-700 underline">
                        {localized(language, deal.patent.title, deal.patent.titleEn)}
                      </Link>{" "}
                      · {t(`deal.kind.${deal.kind}` as MessageKey)} · {t(`deal.status.${deal.status}` as MessageKey)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      {need.isOwner && need.status === "OPEN" && (
        <Form method="post">
          <FormError error={errors.form} />
          <button
            type="submit"
            name="intent"
            value="close"
            className="rounded bg-white px-4 py-2 text-sm ring-1 ring-slate-300 hover:bg-slate-100"
          >
            {t("need.close")}
          </button>
        </Form>
      )}
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
