// Technology needs: a company describes its problem; the pool is ranked against it (text relevance, cluster
// and IPC proximity, open-license offers first), with the reasons; universities answer with their patents.
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { parseSearchParams, type SearchParams } from "~/lib/search-params";
import { highlight, needQuery } from "~/lib/text-search";
import type { NeedInput } from "~/lib/need-schemas";
import type { DealKind, OpenLicenseTerms } from "~/lib/open-license-schemas";
import { assertKindAllowed } from "./deal.server";
import { notify } from "./notification.server";
import { openLicenseSummary, patentSearch } from "./search.server";

/** How many of the best text matches are weighed for cluster, IPC and open license. */
const CANDIDATES = 100;
const ALL_OF_THE_POOL = (parseSearchParams(new URLSearchParams()) as { ok: true; params: SearchParams }).params;

export async function createNeed(user: CurrentUser, input: NeedInput) {
  if (user.role !== "SME" || !user.organization) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  if (!user.organization.verifiedAt) throw new DomainError("NOT_VERIFIED", "need.notVerified", { status: 403 });
  return prisma.technologyNeed.create({ data: { ...input, organizationId: user.organization.id, createdById: user.id } });
}

/** Public needs for everyone; needs for universities only to university staff and administrators; a company's
 * own needs to its members. */
function visibleTo(user: CurrentUser | null) {
  if (user?.role === "ADMIN" || user?.role === "UNIVERSITY_STAFF") return {};
  return { OR: [{ visibility: "PUBLIC" }, ...(user?.organization ? [{ organizationId: user.organization.id }] : [])] };
}

export async function listNeeds(user: CurrentUser | null, { page = 1, pageSize = 20 } = {}) {
  const where = { ...visibleTo(user), status: "OPEN" };
  const [total, needs] = await Promise.all([
    prisma.technologyNeed.count({ where }),
    prisma.technologyNeed.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, title: true, cluster: true, budgetMinFen: true, budgetMaxFen: true, deadline: true, visibility: true, createdAt: true, organization: { select: { name: true } }, _count: { select: { proposals: true } } },
    }),
  ]);
  return { total, needs };
}

export async function getNeedFor(user: CurrentUser | null, needId: string) {
  const need = await prisma.technologyNeed.findFirst({
    where: { id: needId, ...visibleTo(user) },
    include: { organization: { select: { id: true, name: true } }, proposals: { orderBy: { createdAt: "desc" }, include: { deals: { select: { id: true, kind: true, status: true, patent: { select: { id: true, title: true, titleEn: true } } } } } } },
  });
  if (!need) throw new DomainError("NOT_FOUND", "need.notFound", { status: 404 });
  const isOwner = user?.organization?.id === need.organizationId;
  // A university sees its own proposals; the company and administrators see them all.
  const proposals = need.proposals.filter((proposal) => isOwner || (user && canManageFor(user, proposal.universityId)));
  return { ...need, proposals, isOwner };
}

export type MatchReason =
  | { kind: "words"; words: string[] }
  | { kind: "cluster"; cluster: string }
  | { kind: "ipc"; subclass: string }
  | { kind: "openLicense" };

export interface NeedMatch {
  patent: { id: number; title: string; titleEn: string | null; applicationNumber: string; ownerId: string; owner: string; ownerEn: string | null; cluster: string | null; ipcMain: string };
  openLicense: ReturnType<typeof openLicenseSummary> | null;
  score: number;
  reasons: MatchReason[];
}

/**
 * The pool ranked against a need. Text relevance (bm25 rank among the need's words) gives up to 60 points, the
 * need's cluster 20, the IPC subclasses most common among the best text matches up to 20; open-license offers
 * then come first, as a company can take them at once.
 */
export async function matchNeed(need: { title: string; description: string; cluster: string | null }, options: { limit?: number; ownerId?: string } = {}): Promise<NeedMatch[]> {
  const limit = options.limit ?? 20;
  const query = needQuery(`${need.title} ${need.description}`);
  if (!query.match) return [];
  const search = patentSearch();
  const ranked = await search.bestMatches(query, Math.ceil(CANDIDATES * 1.5));
  const inPool = await search.matchingAmong(ALL_OF_THE_POOL, ranked);
  const ids = ranked.filter((id) => inPool.has(id)).slice(0, CANDIDATES);
  if (ids.length === 0) return [];
  const rows = await prisma.patent.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, title: true, titleEn: true, abstract: true, applicationNumber: true, ownerId: true, cluster: true, ipcMain: true,
      owner: { select: { name: true, nameEn: true } },
      declarations: { where: { status: "ACTIVE" }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const subclass = (ipc: string) => ipc.slice(0, 4);
  // The need's technical neighbourhood: IPC subclasses of the twenty best text matches.
  const neighbourhood = new Map<string, number>();
  for (const id of ids.slice(0, 20)) {
    const key = subclass(byId.get(id)!.ipcMain);
    neighbourhood.set(key, (neighbourhood.get(key) ?? 0) + 1);
  }
  const busiest = Math.max(...neighbourhood.values());
  const matches = ids.map((id, rank): NeedMatch => {
    const row = byId.get(id)!;
    const reasons: MatchReason[] = [];
    const words = [...new Set([...highlight(row.title, query.highlight), ...highlight(row.abstract, query.highlight)].filter((s) => s.hit).map((s) => s.text))];
    if (words.length) reasons.push({ kind: "words", words: words.slice(0, 6) });
    let score = 60 * (1 - rank / ids.length);
    if (need.cluster && row.cluster === need.cluster) {
      score += 20;
      reasons.push({ kind: "cluster", cluster: row.cluster });
    }
    const near = neighbourhood.get(subclass(row.ipcMain)) ?? 0;
    if (near >= 2) {
      score += 20 * (near / busiest);
      reasons.push({ kind: "ipc", subclass: subclass(row.ipcMain) });
    }
    const declaration = row.declarations[0];
    if (declaration) reasons.push({ kind: "openLicense" });
    return {
      patent: { id: row.id, title: row.title, titleEn: row.titleEn, applicationNumber: row.applicationNumber, ownerId: row.ownerId, owner: row.owner.name, ownerEn: row.owner.nameEn, cluster: row.cluster, ipcMain: row.ipcMain },
      openLicense: declaration ? openLicenseSummary(declaration) : null,
      score: Math.round(score),
      reasons,
    };
  });
  const best = matches
    .filter((match) => !options.ownerId || match.patent.ownerId === options.ownerId)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return [...best.filter((m) => m.openLicense), ...best.filter((m) => !m.openLicense)];
}

/** A university answers a need with some of its patents: each becomes a deal proposal to the company, with the
 * university's terms on the table for the company to accept, counter or decline. */
export async function proposeForNeed(user: CurrentUser, needId: string, input: { patentIds: number[]; kind: DealKind; message: string; terms: OpenLicenseTerms }, now = new Date()) {
  if (user.role !== "UNIVERSITY_STAFF" || !user.organization) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const need = await getNeedFor(user, needId);
  if (need.status !== "OPEN") throw new DomainError("NEED_CLOSED", "need.closed", { status: 409 });
  const universityId = user.organization.id;
  const patents = await prisma.patent.findMany({ where: { id: { in: input.patentIds } }, select: { id: true, ownerId: true, legalStatus: true } });
  if (patents.length !== new Set(input.patentIds).size || patents.some((p) => p.ownerId !== universityId)) throw new DomainError("NOT_YOURS", "need.notYourPatents", { status: 403 });
  if (patents.some((p) => p.legalStatus !== "VALID" && p.legalStatus !== "PENDING")) throw new DomainError("NOT_IN_FORCE", "The patent is not in force.", { status: 409 });
  const end = new Date(now);
  end.setUTCMonth(end.getUTCMonth() + input.terms.licenseTermMonths);
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.needProposal.create({ data: { needId, universityId, createdById: user.id, message: input.message } });
    for (const patent of patents) {
      await assertKindAllowed(tx, patent.id, input.kind, now, end);
      const terms = JSON.stringify(input.terms);
      const deal = await tx.deal.create({
        data: { patentId: patent.id, requesterId: need.organizationId, ownerId: universityId, kind: input.kind, status: "NEGOTIATING", terms, termsBy: "OWNER", proposalId: proposal.id },
      });
      await tx.dealMessage.create({ data: { dealId: deal.id, authorId: user.id, kind: "PROPOSAL", body: input.message, terms } });
    }
    await notify(tx, need.organizationId, "notify.needProposal", `/needs/${needId}`, { university: user.organization!.name, need: need.title, count: patents.length });
    return proposal;
  });
}

export async function closeNeed(user: CurrentUser, needId: string) {
  const need = await getNeedFor(user, needId);
  if (!need.isOwner) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  await prisma.technologyNeed.update({ where: { id: needId }, data: { status: "CLOSED" } });
}
