import { prisma } from "~/lib/db.server";
import { POOL_LEGAL_STATUSES } from "~/models/patent/vocabulary";

export interface MarketplaceFigures {
  transferablePatents: number;
  universities: number;
  openLicensePatents: number;
  dealsYear: number;
  dealsInYear: number;
  /** Granted invention patents transferred or licensed at least once ÷ granted invention patents. */
  industrialisationRate: number;
}

/** The home page's live figures, counted from the database. Deals are those of the last complete year (as on
 * /admin/stats by default), never the current year so far, and counted as the statistics count them: licenses
 * granted and assignments made by universities. */
export async function getMarketplaceFigures(today: Date = new Date()): Promise<MarketplaceFigures> {
  const [transferablePatents, universities, openLicensePatents] = await Promise.all([
    prisma.patent.count({ where: { transferable: true, legalStatus: { in: [...POOL_LEGAL_STATUSES] } } }),
    prisma.organization.count({ where: { kind: "UNIVERSITY" } }),
    prisma.patent.count({ where: { declarations: { some: { status: "ACTIVE" } } } }),
  ]);
  const dealsYear = today.getUTCFullYear() - 1;
  const yearRange = { gte: new Date(Date.UTC(dealsYear, 0, 1)), lt: new Date(Date.UTC(dealsYear + 1, 0, 1)) };
  const grantedInvention = { type: "INVENTION", grantDate: { not: null } } as const;
  const [licensesInYear, transfersInYear, grantedInventions, industrialised] = await Promise.all([
    prisma.license.count({ where: { signedAt: yearRange, licensor: { kind: "UNIVERSITY" } } }),
    prisma.transfer.count({ where: { signedAt: yearRange, assignor: { kind: "UNIVERSITY" } } }),
    prisma.patent.count({ where: grantedInvention }),
    prisma.patent.count({
      where: { ...grantedInvention, OR: [{ licenses: { some: {} } }, { transfers: { some: {} } }] },
    }),
  ]);
  return {
    transferablePatents,
    universities,
    openLicensePatents,
    dealsYear,
    dealsInYear: licensesInYear + transfersInYear,
    industrialisationRate: grantedInventions === 0 ? 0 : industrialised / grantedInventions,
  };
}
