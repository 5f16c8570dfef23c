// Technology needs: a company describes its problem; the pool is ranked against it (text relevance, cluster
// and IPC proximity, open-license offers first), with the reasons; universities answer with their patents.
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { addMonths } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { fenOf } from "~/lib/money";
import { readPage } from "~/lib/paging";
import type { DealTerms } from "~/models/deal/terms";
import { assertKindAllowed } from "~/models/license/exclusivity.server";
import { notify } from "~/models/notification.server";
import { openLicenseSummary } from "~/models/search/items.server";
import { INDEXED_TEXT } from "~/models/search/patent-index.server";
import { compoundHead, subjectWords, wordFinder, type QueryWord } from "~/models/search/query.server";
import { patentSearch } from "~/models/search/service.server";
import { compileQuery } from "~/models/search/text-search";
import type { NeedInput } from "./schemas";

/** How many of the patents holding most of a need's words are weighed for title, cluster, IPC and open license. */
const CANDIDATES = 100;

export async function createNeed(user: CurrentUser, input: NeedInput) {
  if (user.role !== "SME" || !user.organization) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  if (!user.organization.verifiedAt) throw new DomainError("NOT_VERIFIED", "need.notVerified", { status: 403 });
  return withBudget(
    await prisma.technologyNeed.create({
      data: { ...input, organizationId: user.organization.id, createdById: user.id },
    }),
  );
}

/** A need with its budget as the fen the pages and the API show (the columns are BIGINT, read as bigint). */
function withBudget<T extends { budgetMinFen: bigint | null; budgetMaxFen: bigint | null }>(need: T) {
  return { ...need, budgetMinFen: fenOf(need.budgetMinFen), budgetMaxFen: fenOf(need.budgetMaxFen) };
}

/** Public needs for everyone; needs for universities only to university staff and administrators; a company's
 * own needs to its members. */
function visibleTo(user: CurrentUser | null) {
  if (user?.role === "ADMIN" || user?.role === "UNIVERSITY_STAFF") return {};
  return { OR: [{ visibility: "PUBLIC" }, ...(user?.organization ? [{ organizationId: user.organization.id }] : [])] };
}

export async function listNeeds(user: CurrentUser | null, { page = 1, pageSize = 20 } = {}) {
  const where = { ...visibleTo(user), status: "OPEN" };
  const { rows: needs, ...paging } = await readPage(
    page,
    pageSize,
    () => prisma.technologyNeed.count({ where }),
    (window) =>
      prisma.technologyNeed.findMany({
        where,
        orderBy: { createdAt: "desc" },
        ...window,
        select: {
          id: true,
          title: true,
          cluster: true,
          budgetMinFen: true,
          budgetMaxFen: true,
          deadline: true,
          visibility: true,
          createdAt: true,
          organization: { select: { name: true } },
          _count: { select: { proposals: true } },
        },
      }),
  );
  return { ...paging, needs: needs.map(withBudget) };
}

export async function getNeedFor(user: CurrentUser | null, needId: string) {
  const need = await prisma.technologyNeed.findFirst({
    where: { id: needId, ...visibleTo(user) },
    include: {
      organization: { select: { id: true, name: true } },
      proposals: {
        orderBy: { createdAt: "desc" },
        include: {
          deals: {
            select: {
              id: true,
              kind: true,
              status: true,
              patent: { select: { id: true, title: true, titleEn: true } },
            },
          },
        },
      },
    },
  });
  if (!need) throw new DomainError("NOT_FOUND", "need.notFound", { status: 404 });
  const isOwner = user?.organization?.id === need.organizationId;
  // A university sees its own proposals; the company and administrators see them all.
  const proposals = need.proposals.filter((proposal) => isOwner || (user && canManageFor(user, proposal.universityId)));
  return { ...withBudget(need), proposals, isOwner };
}

export type MatchReason =
  | { kind: "words"; words: string[] }
  | { kind: "cluster"; cluster: string }
  | { kind: "ipc"; subclass: string }
  | { kind: "openLicense" };

export interface NeedMatch {
  patent: {
    id: number;
    title: string;
    titleEn: string | null;
    applicationNumber: string;
    ownerId: string;
    owner: string;
    ownerEn: string | null;
    cluster: string | null;
    ipcMain: string;
  };
  openLicense: ReturnType<typeof openLicenseSummary> | null;
  score: number;
  reasons: MatchReason[];
}

/** The words of a need searched at most (the title's first): each is one full-text query. */
const MAX_NEED_WORDS = 16;

/**
 * The pool ranked against a need (ADR 013). The need's subject words (segmented; stop words, weak verbs and
 * filler such as 控制 left out; each with its thesaurus alternatives) decide: patents holding more of their
 * weight come first, over the whole pool. A title word weighs 3, or 1.5 when it only sets the scene (before the
 * title's last 的); a description word and a compound's head (轮毂电机 → 电机) weigh 1. Among patents with the
 * same weight, those holding more of it in their title, then the need's cluster and the IPC subclasses common
 * among the best matches break the tie, then the newest. Open-license offers then come first, as a company can
 * take them at once. The score is the share (0-100) of the need's word weight a patent holds; the reasons name
 * the words as the patent writes them (噪声 for a need's 噪音), whole words only.
 */
export async function matchNeed(
  need: { title: string; description: string; cluster: string | null },
  options: { limit?: number; ownerId?: string } = {},
): Promise<NeedMatch[]> {
  const limit = options.limit ?? 20;
  // 电动摩托车轮毂电机的噪声与振动: what follows the title's last 的 is the subject (噪声, 振动), what comes
  // before it the setting (电动摩托车轮毂电机). Without a 的, every title word is the subject.
  const split = need.title.lastIndexOf("的");
  const head = split > 0 ? subjectWords(need.title.slice(split + 1)) : [];
  const subject = new Set((head.length > 0 ? head : subjectWords(need.title)).map((word) => word.label));
  const setting = new Set(head.length > 0 ? subjectWords(need.title.slice(0, split)).map((word) => word.label) : []);
  const words = subjectWords(`${need.title} ${need.description}`, MAX_NEED_WORDS);
  // A compound's head also counts, a little: a need about a 轮毂电机 concerns 电机 patents too.
  for (const word of [...words]) {
    const compound = compoundHead(word.label);
    const extra = compound && !words.some((known) => known.label === compound) ? subjectWords(compound)[0] : undefined;
    if (extra && words.length < MAX_NEED_WORDS) words.push(extra);
  }
  if (words.length === 0) return [];
  const weightOf = (word: QueryWord) => (subject.has(word.label) ? 3 : setting.has(word.label) ? 1.5 : 1);
  const weights = words.map(weightOf);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const best = await patentSearch().byWordWeight(
    words.map((word) => compileQuery(word.expression, word.highlight)),
    weights,
    CANDIDATES,
  );
  if (best.length === 0) return [];
  const rows = await prisma.patent.findMany({
    where: { id: { in: best.map((candidate) => candidate.id) } },
    select: {
      // The text the words were found in, but the claim: a word only found there is named as the need wrote it.
      ...INDEXED_TEXT,
      firstClaim: false,
      firstClaimEn: false,
      applicationNumber: true,
      ownerId: true,
      cluster: true,
      ipcMain: true,
      owner: { select: { name: true, nameEn: true } },
      declarations: { where: { status: "ACTIVE" }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const subclass = (ipc: string) => ipc.slice(0, 4);
  // The need's technical neighbourhood: IPC subclasses of the twenty patents holding most of its words.
  const neighbourhood = new Map<string, number>();
  for (const { id } of best.slice(0, 20))
    neighbourhood.set(subclass(byId.get(id)!.ipcMain), (neighbourhood.get(subclass(byId.get(id)!.ipcMain)) ?? 0) + 1);
  const busiest = Math.max(...neighbourhood.values());
  const matches = best.map(({ id, weight, words: held }, rank) => {
    const row = byId.get(id)!;
    const inTitle = wordFinder(`${row.title}\n${row.titleEn ?? ""}`);
    const inText = wordFinder(
      [row.title, row.keywords, row.abstract, row.titleEn ?? "", row.keywordsEn, row.abstractEn ?? ""].join("\n"),
    );
    const heldWords = words.filter((_, i) => (held & (1 << i)) !== 0);
    const titleWeight = heldWords.reduce((sum, word) => sum + (inTitle(word) ? weightOf(word) : 0), 0);
    const reasons: MatchReason[] = [];
    // Each need word once, as the patent writes it; a word found only in the claim is named as the need wrote it.
    const named = [...new Set(heldWords.map((word) => inText(word) ?? word.label))];
    if (named.length) reasons.push({ kind: "words", words: named.slice(0, 6) });
    const sameCluster = need.cluster !== null && row.cluster === need.cluster;
    if (sameCluster) reasons.push({ kind: "cluster", cluster: row.cluster! });
    const near = neighbourhood.get(subclass(row.ipcMain)) ?? 0;
    if (near >= 2) reasons.push({ kind: "ipc", subclass: subclass(row.ipcMain) });
    const proximity = (sameCluster ? 1 : 0) + (near >= 2 ? near / busiest : 0);
    const declaration = row.declarations[0];
    if (declaration) reasons.push({ kind: "openLicense" });
    const match: NeedMatch = {
      patent: {
        id: row.id,
        title: row.title,
        titleEn: row.titleEn,
        applicationNumber: row.applicationNumber,
        ownerId: row.ownerId,
        owner: row.owner.name,
        ownerEn: row.owner.nameEn,
        cluster: row.cluster,
        ipcMain: row.ipcMain,
      },
      openLicense: declaration ? openLicenseSummary(declaration) : null,
      score: Math.round((100 * weight) / totalWeight),
      reasons,
    };
    return { match, weight, titleWeight, proximity, rank };
  });
  const ranked = matches
    .filter(({ match }) => !options.ownerId || match.patent.ownerId === options.ownerId)
    .sort(
      (a, b) => b.weight - a.weight || b.titleWeight - a.titleWeight || b.proximity - a.proximity || a.rank - b.rank,
    )
    .slice(0, limit)
    .map(({ match }) => match);
  return [...ranked.filter((m) => m.openLicense), ...ranked.filter((m) => !m.openLicense)];
}

/** A university answers a need with some of its patents: each becomes a deal proposal to the company, with the
 * university's full terms (as a request carries them) on the table as version 1, for the company to accept, counter
 * or decline; accepting opens the contract preview from exactly those terms. */
export async function proposeForNeed(
  user: CurrentUser,
  needId: string,
  input: { patentIds: number[]; message: string; terms: DealTerms },
  now = new Date(),
) {
  if (user.role !== "UNIVERSITY_STAFF" || !user.organization)
    throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const need = await getNeedFor(user, needId);
  if (need.status !== "OPEN") throw new DomainError("NEED_CLOSED", "need.closed", { status: 409 });
  const universityId = user.organization.id;
  const patents = await prisma.patent.findMany({
    where: { id: { in: input.patentIds } },
    select: { id: true, ownerId: true, legalStatus: true },
  });
  if (patents.length !== new Set(input.patentIds).size || patents.some((p) => p.ownerId !== universityId))
    throw new DomainError("NOT_YOURS", "need.notYourPatents", { status: 403 });
  if (patents.some((p) => p.legalStatus !== "VALID" && p.legalStatus !== "PENDING"))
    throw new DomainError("NOT_IN_FORCE", "patent.err.notInForce", { status: 409 });
  const { kind } = input.terms;
  const end = addMonths(now, input.terms.licenseTermMonths ?? 0);
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.needProposal.create({
      data: { needId, universityId, createdById: user.id, message: input.message },
    });
    for (const patent of patents) {
      if (kind !== "ASSIGNMENT") await assertKindAllowed(tx, patent.id, kind, now, end);
      const terms = JSON.stringify(input.terms);
      const deal = await tx.deal.create({
        data: {
          patentId: patent.id,
          requesterId: need.organizationId,
          ownerId: universityId,
          kind,
          status: "NEGOTIATING",
          terms,
          termsBy: "OWNER",
          termsVersion: 1,
          proposalId: proposal.id,
        },
      });
      await tx.dealMessage.create({
        data: { dealId: deal.id, authorId: user.id, kind: "PROPOSAL", body: input.message, terms, version: 1 },
      });
    }
    await notify(tx, need.organizationId, "notify.needProposal", `/needs/${needId}`, {
      university: user.organization!.name,
      need: need.title,
      count: patents.length,
    });
    return proposal;
  });
}

export async function closeNeed(user: CurrentUser, needId: string) {
  const need = await getNeedFor(user, needId);
  if (!need.isOwner) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  await prisma.technologyNeed.update({ where: { id: needId }, data: { status: "CLOSED" } });
}
