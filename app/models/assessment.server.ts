// The inventory assessment: staff decide which patents go into the transferable pool, with a value score and
// a technology readiness level. A suggested score, computed from the patent's own data and the market's demand
// for its cluster, gives them a starting point they may override.
import type { CurrentUser } from "~/lib/auth.server";
import { canManageFor } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { termYears, type PatentType } from "~/lib/patent-vocabulary";

const DAY_MS = 86_400_000;
const DEMAND_YEARS = 3;

export interface ScoreFactor {
  factor: "type" | "term" | "status" | "breadth" | "demand";
  points: number;
  max: number;
}

/** 0–100 from five factors: the kind of right (an invention protects most), the share of its term left, whether
 * it is in force, its breadth (IPC groups it spans) and how many deals its 33618 cluster drew lately. */
export function suggestValueScore(
  patent: { type: string; filingDate: Date; expiresOn: Date; legalStatus: string; ipcOthers: string; cluster: string | null },
  clusterDemand: ReadonlyMap<string, number>,
  now = new Date(),
): { score: number; factors: ScoreFactor[] } {
  const typePoints = { INVENTION: 30, UTILITY_MODEL: 15, DESIGN: 8 }[patent.type as PatentType] ?? 0;
  const totalDays = termYears(patent.type as PatentType, patent.filingDate) * 365.25;
  const leftShare = Math.max(0, Math.min(1, (patent.expiresOn.getTime() - now.getTime()) / DAY_MS / totalDays));
  const statusPoints = { VALID: 20, PENDING: 10 }[patent.legalStatus] ?? 0;
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
    prisma.transfer.findMany({ where: { signedAt: { gte: since } }, select: { patent: { select: { cluster: true } } } }),
  ]);
  const counts = new Map<string, number>();
  for (const deal of [...licenses, ...transfers]) if (deal.patent.cluster) counts.set(deal.patent.cluster, (counts.get(deal.patent.cluster) ?? 0) + 1);
  const busiest = Math.max(1, ...counts.values());
  return new Map([...counts].map(([cluster, count]) => [cluster, count / busiest]));
}

export type AssessmentFilter = "all" | "unassessed" | "transferable" | "excluded";

/** A university's patents with their assessment and the suggested score, for its staff. */
export async function listForAssessment(user: CurrentUser, universityId: string, filter: AssessmentFilter, page: number, pageSize = 50) {
  if (!canManageFor(user, universityId)) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const where = {
    ownerId: universityId,
    ...(filter === "unassessed" ? { assessedAt: null } : filter === "transferable" ? { transferable: true } : filter === "excluded" ? { transferable: false, assessedAt: { not: null } } : {}),
  };
  const [total, patents, demand] = await Promise.all([
    prisma.patent.count({ where }),
    prisma.patent.findMany({
      where,
      orderBy: [{ assessedAt: { sort: "asc", nulls: "first" } }, { filingDate: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, applicationNumber: true, title: true, titleEn: true, type: true, legalStatus: true, filingDate: true, expiresOn: true, ipcOthers: true,
        cluster: true, transferable: true, transferableNote: true, valueScore: true, maturity: true, assessedAt: true,
      },
    }),
    clusterDemand(),
  ]);
  return { total, patents: patents.map((patent) => ({ ...patent, suggested: suggestValueScore(patent, demand) })) };
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
  if (input.transferable === false && !input.note?.trim()) throw new DomainError("REASON_REQUIRED", "assess.reasonRequired", { status: 400, path: "note" });
  const patents = await prisma.patent.findMany({
    where: { id: { in: patentIds } },
    select: { id: true, ownerId: true, type: true, filingDate: true, expiresOn: true, legalStatus: true, ipcOthers: true, cluster: true },
  });
  if (patents.length !== new Set(patentIds).size || patents.some((patent) => !canManageFor(user, patent.ownerId) || user.role === "SME")) {
    throw new DomainError("NOT_YOURS", "assess.notYours", { status: 403 });
  }
  const demand = input.valueScore === "suggested" ? await clusterDemand(now) : new Map<string, number>();
  await prisma.$transaction(
    patents.map((patent) =>
      prisma.patent.update({
        where: { id: patent.id },
        data: {
          assessedAt: now,
          ...(input.transferable !== undefined ? { transferable: input.transferable, transferableNote: input.transferable ? (input.note?.trim() || null) : input.note!.trim() } : {}),
          ...(input.transferable === undefined && input.note?.trim() ? { transferableNote: input.note.trim() } : {}),
          ...(input.valueScore === "suggested" ? { valueScore: suggestValueScore(patent, demand, now).score } : input.valueScore !== undefined ? { valueScore: input.valueScore } : {}),
          ...(input.maturity !== undefined ? { maturity: input.maturity } : {}),
        },
      }),
    ),
  );
  return { assessed: patents.length };
}
