// The inventory assessment: staff decide which patents go into the transferable pool, with a value score and
// a technology readiness level. A suggested score, computed from the patent's own data and the market's demand
// for its cluster, gives them a starting point they may override.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { canManageFor } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { pageWindow, type ListQuery } from "~/lib/paging";
import { normalizeIpc } from "~/models/patent/identifiers";
import { POOL_LEGAL_STATUSES, termYears, type LegalStatus, type PatentType } from "~/models/patent/vocabulary";
import { PATENT_ROW_SELECT, patentOrder, patentWordsWhere } from "~/models/university-patents.server";
import type { AssessmentFilter } from "./filters";
import { MOST_CLASSIFIED_AT_ONCE } from "./schemas";

const DAY_MS = 86_400_000;
const DEMAND_YEARS = 3;

export interface ScoreFactor {
  factor: "type" | "term" | "status" | "breadth" | "demand";
  points: number;
  max: number;
}

/** Points of the status factor: a patent in force, or an application that may still become one. */
const STATUS_POINTS: Partial<Record<LegalStatus, number>> = { VALID: 20, PENDING: 10 };

/** 0–100 from five factors: the kind of right (an invention protects most), the share of its term left, whether
 * it is in force, its breadth (IPC groups it spans) and how many deals its 33618 cluster drew lately. */
export function suggestValueScore(
  patent: {
    type: PatentType;
    filingDate: Date;
    expiresOn: Date;
    legalStatus: LegalStatus;
    ipcOthers: string;
    cluster: string | null;
  },
  clusterDemand: ReadonlyMap<string, number>,
  now = new Date(),
): { score: number; factors: ScoreFactor[] } {
  const typePoints = { INVENTION: 30, UTILITY_MODEL: 15, DESIGN: 8 }[patent.type] ?? 0;
  const totalDays = termYears(patent.type, patent.filingDate) * 365.25;
  const leftShare = Math.max(0, Math.min(1, (patent.expiresOn.getTime() - now.getTime()) / DAY_MS / totalDays));
  const statusPoints = STATUS_POINTS[patent.legalStatus] ?? 0;
  const groups = 1 + patent.ipcOthers.split(";").filter((code) => code.trim()).length;
  const factors: ScoreFactor[] = [
    { factor: "type", points: typePoints, max: 30 },
    { factor: "term", points: statusPoints ? Math.round(leftShare * 25) : 0, max: 25 },
    { factor: "status", points: statusPoints, max: 20 },
    { factor: "breadth", points: Math.min(groups, 5) * 2, max: 10 },
    { factor: "demand", points: Math.round((clusterDemand.get(patent.cluster ?? "") ?? 0) * 15), max: 15 },
  ];
  return { score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}

/** Each cluster's deals over the last three years, relative to the busiest cluster (0–1). */
export async function clusterDemand(now = new Date()): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - DEMAND_YEARS * 365 * DAY_MS);
  const [licenses, transfers] = await Promise.all([
    prisma.license.findMany({ where: { signedAt: { gte: since } }, select: { patent: { select: { cluster: true } } } }),
    prisma.transfer.findMany({
      where: { signedAt: { gte: since } },
      select: { patent: { select: { cluster: true } } },
    }),
  ]);
  const counts = new Map<string, number>();
  for (const deal of [...licenses, ...transfers])
    if (deal.patent.cluster) counts.set(deal.patent.cluster, (counts.get(deal.patent.cluster) ?? 0) + 1);
  const busiest = Math.max(1, ...counts.values());
  return new Map([...counts].map(([cluster, count]) => [cluster, count / busiest]));
}

export const ASSESSMENT_SORTS = [
  "assessedAt",
  "filingDate",
  "title",
  "applicationNumber",
  "valueScore",
  "legalStatus",
] as const;
export type AssessmentSort = (typeof ASSESSMENT_SORTS)[number];

/** An assessment is redone yearly, like the inventory it belongs to. */
const REASSESS_AFTER_DAYS = 365;

/** What each filter shows; "due" is what needs an assessment: never assessed, assessed over a year ago,
 * without a score, readiness level or main IPC (imported without one), or still in the transferable pool though
 * no longer in force. */
export function assessmentFilterWhere(filter: AssessmentFilter, now = new Date()): Prisma.PatentWhereInput {
  switch (filter) {
    case "due":
      return {
        OR: [
          { assessedAt: null },
          { assessedAt: { lt: new Date(now.getTime() - REASSESS_AFTER_DAYS * DAY_MS) } },
          { valueScore: null },
          { maturity: null },
          { ipcMain: "" },
          { transferable: true, legalStatus: { notIn: [...POOL_LEGAL_STATUSES] } },
        ],
      };
    case "unassessed":
      return { assessedAt: null };
    case "unclassified":
      return { ipcMain: "" };
    case "transferable":
      return { transferable: true };
    case "excluded":
      return { transferable: false, assessedAt: { not: null } };
    case "all":
      return {};
  }
}

/** A university's patents with their assessment and the suggested score, for its staff. Without a chosen
 * filter the list opens on those that need an assessment, or on all (longest since assessed first) when none does. */
export async function listForAssessment(
  user: CurrentUser,
  universityId: string,
  query: ListQuery<AssessmentSort> & { filter?: AssessmentFilter },
  now = new Date(),
  pageSize?: number,
) {
  if (!canManageFor(user, universityId)) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const whereFor = (filter: AssessmentFilter): Prisma.PatentWhereInput => ({
    AND: [{ ownerId: universityId }, assessmentFilterWhere(filter, now), ...patentWordsWhere(query.q)],
  });
  let filter = query.filter ?? "due";
  let total = await prisma.patent.count({ where: whereFor(filter) });
  const noneDue = !query.filter && total === 0;
  if (noneDue) {
    filter = "all";
    total = await prisma.patent.count({ where: whereFor(filter) });
  }
  const window = pageWindow(query.page, total, pageSize);
  const [patents, demand] = await Promise.all([
    prisma.patent.findMany({
      where: whereFor(filter),
      orderBy: patentOrder(query.sort, query.dir),
      skip: window.skip,
      take: window.take,
      select: {
        ...PATENT_ROW_SELECT,
        ipcMain: true,
        ipcOthers: true,
        cluster: true,
        transferable: true,
        transferableNote: true,
        valueScore: true,
        maturity: true,
        assessedAt: true,
      },
    }),
    clusterDemand(now),
  ]);
  return {
    filter,
    noneDue,
    total,
    page: window.page,
    pages: window.pages,
    patents: patents.map((patent) => ({ ...patent, suggested: suggestValueScore(patent, demand, now) })),
  };
}

export interface AssessmentInput {
  /** undefined: leave as it is */
  transferable?: boolean;
  /** why a patent is left out of the pool (required then), or a remark */
  note?: string;
  /** a score, "suggested" for each patent's own suggestion, or undefined to leave it */
  valueScore?: number | "suggested";
  maturity?: number;
}

/** Assesses many patents at once, all or none: each must belong to the user's university. */
export async function assessPatents(user: CurrentUser, patentIds: number[], input: AssessmentInput, now = new Date()) {
  if (input.transferable === false && !input.note?.trim())
    throw new DomainError("REASON_REQUIRED", "assess.reasonRequired", { status: 400, path: "note" });
  const patents = await prisma.patent.findMany({
    where: { id: { in: patentIds } },
    select: {
      id: true,
      ownerId: true,
      type: true,
      filingDate: true,
      expiresOn: true,
      legalStatus: true,
      ipcOthers: true,
      cluster: true,
    },
  });
  if (
    patents.length !== new Set(patentIds).size ||
    patents.some((patent) => !canManageFor(user, patent.ownerId) || user.role === "SME")
  ) {
    throw new DomainError("NOT_YOURS", "assess.notYours", { status: 403 });
  }
  const demand = input.valueScore === "suggested" ? await clusterDemand(now) : new Map<string, number>();
  await prisma.$transaction(
    patents.map((patent) =>
      prisma.patent.update({
        where: { id: patent.id },
        data: {
          assessedAt: now,
          ...(input.transferable !== undefined
            ? {
                transferable: input.transferable,
                transferableNote: input.transferable ? input.note?.trim() || null : input.note!.trim(),
              }
            : {}),
          ...(input.transferable === undefined && input.note?.trim() ? { transferableNote: input.note.trim() } : {}),
          ...(input.valueScore === "suggested"
            ? { valueScore: suggestValueScore(patent, demand, now).score }
            : input.valueScore !== undefined
              ? { valueScore: input.valueScore }
              : {}),
          ...(input.maturity !== undefined ? { maturity: input.maturity } : {}),
        },
      }),
    ),
  );
  return { assessed: patents.length };
}

/** Gives patents imported without a main IPC their main classification, all or none, so that search files them
 * under it. Codes are keyed by patent id; each patent must be the user's university's and still unclassified
 * (a classification is the patent record's own, corrected by a new import, not here). */
export async function classifyPatents(user: CurrentUser, codes: ReadonlyMap<number, string>) {
  const typed = [...codes].filter(([, code]) => code.trim());
  if (!typed.length) throw new DomainError("NO_IPC", "assess.ipc.none", { status: 400 });
  if (typed.length > MOST_CLASSIFIED_AT_ONCE)
    throw new DomainError("TOO_MANY", "assess.ipc.tooMany", { status: 400, values: { most: MOST_CLASSIFIED_AT_ONCE } });
  const normalized = typed.map(([patentId, code]) => {
    const ipc = normalizeIpc(code);
    if (!ipc)
      throw new DomainError("IPC_INVALID", "assess.ipc.invalid", {
        status: 400,
        path: `ipc.${patentId}`,
        values: { code: code.trim().slice(0, 40) },
      });
    return { patentId, ipc };
  });
  return prisma.$transaction(async (tx) => {
    const patents = await tx.patent.findMany({
      where: { id: { in: normalized.map((entry) => entry.patentId) } },
      select: { id: true, ownerId: true, ipcMain: true, ipcOthers: true },
    });
    const byId = new Map(patents.map((patent) => [patent.id, patent]));
    for (const { patentId } of normalized) {
      const patent = byId.get(patentId);
      if (!patent || user.role === "SME" || !canManageFor(user, patent.ownerId))
        throw new DomainError("NOT_YOURS", "assess.notYours", { status: 403 });
      if (patent.ipcMain)
        throw new DomainError("CLASSIFIED", "assess.ipc.already", {
          status: 409,
          path: `ipc.${patentId}`,
          values: { code: patent.ipcMain },
        });
    }
    for (const { patentId, ipc } of normalized) {
      const others = byId
        .get(patentId)!
        .ipcOthers.split(";")
        .map((code) => code.trim())
        .filter((code) => code && code !== ipc);
      await tx.patent.update({ where: { id: patentId }, data: { ipcMain: ipc, ipcOthers: others.join("; ") } });
    }
    return { classified: normalized.length };
  });
}
