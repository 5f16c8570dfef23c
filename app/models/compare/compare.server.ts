// Offers side by side (/compare): up to four patents' open-license terms, owners, type, legal status, remaining
// term and licensees, for a company choosing between them.
import { isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { declaredTerms, type ContractTerms } from "~/models/contract/contract.server";
import { type LegalStatus, type PatentType } from "~/models/patent/vocabulary";
import { PATENT_ROW_SELECT } from "~/models/university-patents.server";
import { MAX_COMPARED } from "./compare-params";

const YEAR_MS = 365.2425 * 86_400_000;

export interface ComparedOpenLicense extends Omit<ContractTerms, "version"> {
  id: string;
  version: number;
  declaredAt: string;
}

export interface ComparedPatent {
  id: number;
  applicationNumber: string;
  title: string;
  titleEn: string | null;
  type: PatentType;
  legalStatus: LegalStatus;
  /** The owner first, then any co-owners (共有人). */
  owners: Array<{ id: string; name: string; nameEn: string | null }>;
  filingDate: string;
  expiresOn: string;
  /** Whole and tenth years until the term ends, 0 once it has; null when the patent is no longer in force or pending
   * (lapsed, rejected…), whose remaining term no longer means anything. */
  remainingYears: number | null;
  openLicense: ComparedOpenLicense | null;
  /** Organisations holding a license on the patent (open or negotiated), each counted once. */
  licenseeCount: number;
  /** Of those, the ones that took the open license. */
  openLicenseeCount: number;
}

export interface Comparison {
  patents: ComparedPatent[];
  /** Ids given that no patent has (the page answers 404 and names them). */
  unknownIds: number[];
}

/**
 * The patents of `ids` in that order, and the ids that have none. Any patent with a page can be compared, as its
 * page shows the same facts. More than MAX_COMPARED is refused (the URL's parser says so first).
 */
export async function comparePatents(ids: readonly number[], now = new Date()): Promise<Comparison> {
  if (ids.length > MAX_COMPARED)
    throw new DomainError("COMPARE_TOO_MANY", "compare.tooMany", { status: 400, path: "ids" });
  if (ids.length === 0) return { patents: [], unknownIds: [] };
  const patents = await prisma.patent.findMany({
    where: { id: { in: [...ids] } },
    select: {
      ...PATENT_ROW_SELECT,
      owner: { select: { id: true, name: true, nameEn: true } },
      coOwners: {
        select: { organization: { select: { id: true, name: true, nameEn: true } } },
        orderBy: { createdAt: "asc" },
      },
      declarations: { where: { status: "ACTIVE" }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  const unknownIds = ids.filter((id) => !patents.some((patent) => patent.id === id));

  const licenses = await prisma.license.findMany({
    where: { patentId: { in: [...ids] } },
    select: { patentId: true, licenseeId: true, kind: true },
    distinct: ["patentId", "licenseeId", "kind"],
  });
  const byId = new Map(patents.map((patent) => [patent.id, patent]));
  const compared = ids
    .filter((id) => byId.has(id))
    .map((id): ComparedPatent => {
      const patent = byId.get(id)!;
      const declaration = patent.declarations[0];
      const held = licenses.filter((license) => license.patentId === id);
      const inForceOrPending = patent.legalStatus === "VALID" || patent.legalStatus === "PENDING";
      return {
        id: patent.id,
        applicationNumber: patent.applicationNumber,
        title: patent.title,
        titleEn: patent.titleEn,
        type: patent.type,
        legalStatus: patent.legalStatus,
        owners: [
          patent.owner,
          ...patent.coOwners
            .map((coOwner) => coOwner.organization)
            .filter((organization) => organization.id !== patent.owner.id),
        ],
        filingDate: isoDay(patent.filingDate),
        expiresOn: isoDay(patent.expiresOn),
        remainingYears: inForceOrPending
          ? Math.max(0, Math.floor(((patent.expiresOn.getTime() - now.getTime()) / YEAR_MS) * 10) / 10)
          : null,
        openLicense: declaration
          ? {
              id: declaration.id,
              version: declaration.version,
              ...declaredTerms(declaration),
              declaredAt: isoDay(declaration.declaredAt),
            }
          : null,
        licenseeCount: new Set(held.map((license) => license.licenseeId)).size,
        openLicenseeCount: new Set(
          held.filter((license) => license.kind === "OPEN").map((license) => license.licenseeId),
        ).size,
      };
    });
  return { patents: compared, unknownIds };
}
