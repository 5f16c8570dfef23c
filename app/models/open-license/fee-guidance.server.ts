// For the university pricing a declaration: the pool's comparable open licenses, their fees and how many were taken.
import { prisma } from "~/lib/db.server";
import { fenOf } from "~/lib/money";

export interface FigureRange {
  count: number;
  median: number;
  min: number;
  max: number;
}

export interface FeeGuidance {
  /** what the declarations compared have in common with the patent: its IPC subclass, else its 33618 cluster */
  basis: "subclass" | "cluster" | null;
  subclass: string;
  cluster: string | null;
  declarations: number;
  /** declarations that at least one company has taken, and the licenses concluded on them */
  taken: number;
  licenses: number;
  lumpSumFen: FigureRange | null;
  entryFeeFen: FigureRange | null;
  royaltyBasisPoints: FigureRange | null;
  perUnitFen: FigureRange | null;
}

/** Below this many declarations in the IPC subclass, the cluster is compared instead (a median of two is noise). */
export const MIN_COMPARABLES = 3;

function range(values: number[]): FigureRange | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  // An even count's median is the mean of the two middle values, rounded to a whole fen or basis point.
  const median = sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
  return { count: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The IPC subclass of a code such as "H01M 10/052" (H01M). */
export function ipcSubclass(code: string): string {
  return code.replace(/\s+/g, "").slice(0, 4).toUpperCase();
}

/**
 * The open licenses in force on other patents of the pool that compare with this one: the same IPC subclass, or the
 * same 33618 cluster when the subclass has fewer than three. Median and range of each fee, and how many were taken.
 */
export async function feeGuidanceFor(patentId: number): Promise<FeeGuidance | null> {
  const patent = await prisma.patent.findUnique({
    where: { id: patentId },
    select: { id: true, ipcMain: true, cluster: true },
  });
  if (!patent) return null;
  const subclass = ipcSubclass(patent.ipcMain);
  const comparable = (patentWhere: { ipcMain: { startsWith: string } } | { cluster: string }) =>
    prisma.openLicenseDeclaration.findMany({
      where: { status: "ACTIVE", patentId: { not: patent.id }, patent: patentWhere },
      select: {
        lumpSumFen: true,
        entryFeeFen: true,
        royaltyBasisPoints: true,
        perUnitFen: true,
        _count: { select: { licenses: true } },
      },
      take: 5_000,
    });
  let basis: FeeGuidance["basis"] = "subclass";
  let declarations = subclass.length === 4 ? await comparable({ ipcMain: { startsWith: subclass } }) : [];
  if (declarations.length < MIN_COMPARABLES && patent.cluster) {
    const inCluster = await comparable({ cluster: patent.cluster });
    if (inCluster.length > declarations.length) {
      declarations = inCluster;
      basis = "cluster";
    }
  }
  if (declarations.length === 0) basis = null;
  const values = (pick: (d: (typeof declarations)[number]) => number | null) =>
    declarations.map(pick).filter((v): v is number => v !== null && v > 0);
  return {
    basis,
    subclass,
    cluster: patent.cluster,
    declarations: declarations.length,
    taken: declarations.filter((d) => d._count.licenses > 0).length,
    licenses: declarations.reduce((sum, d) => sum + d._count.licenses, 0),
    lumpSumFen: range(values((d) => fenOf(d.lumpSumFen))),
    entryFeeFen: range(values((d) => fenOf(d.entryFeeFen))),
    royaltyBasisPoints: range(values((d) => d.royaltyBasisPoints)),
    perUnitFen: range(values((d) => fenOf(d.perUnitFen))),
  };
}
