// The patents of a result as the search page, the API and a patent page's similar patents show them: one raw
// statement for the page's rows with their active open license, highlighted by the query's terms.
import { Prisma } from "~/generated/prisma/client";
import { isoDay } from "~/lib/calendar-date";
import type { PrismaClient } from "~/lib/db.server";
import { fenOf } from "~/lib/money";
import type { LegalStatus, PatentType } from "~/models/patent/vocabulary";
import { highlight, snippet, type HighlightTerm, type TextSegment } from "./text-search";

export interface OpenLicenseSummary {
  id: string;
  version: number;
  feeModel: string;
  lumpSumFen: number | null;
  entryFeeFen: number | null;
  royaltyBasisPoints: number | null;
  perUnitFen: number | null;
  paymentSchedule: string;
  licenseTermMonths: number;
  declaredAt: string;
}

/** A declaration's amounts, stored as BIGINT: bigint from Prisma, bigint or number from a raw query. */
type StoredAmount = "lumpSumFen" | "entryFeeFen" | "perUnitFen";

export interface SearchItem {
  id: number;
  applicationNumber: string;
  title: string;
  titleEn: string | null;
  type: PatentType;
  university: { id: string; name: string; nameEn: string | null };
  ipcMain: string;
  cluster: string | null;
  field: string | null;
  legalStatus: LegalStatus;
  filingDate: string;
  expiresOn: string;
  openLicense: OpenLicenseSummary | null;
  highlights: { title: TextSegment[]; titleEn: TextSegment[]; abstract: TextSegment[]; abstractEn: TextSegment[] };
  /** The query's words this result does not contain (a partial match); [] for an exact one. */
  missing: string[];
  /** The other patents of its family (一案双申: an invention and a utility model), shown on this card. */
  family: Array<{ id: number; applicationNumber: string; type: PatentType }>;
}

interface ItemRow {
  id: number;
  applicationNumber: string;
  title: string;
  titleEn: string | null;
  type: PatentType;
  ipcMain: string;
  cluster: string | null;
  field: string | null;
  legalStatus: LegalStatus;
  filingDate: Date;
  expiresOn: Date;
  abstract: string;
  abstractEn: string | null;
  familyId: string | null;
  ownerId: string;
  ownerName: string;
  ownerNameEn: string | null;
  declarationId: string | null;
  version: number | null;
  feeModel: string | null;
  lumpSumFen: bigint | number | null;
  entryFeeFen: bigint | number | null;
  royaltyBasisPoints: number | null;
  perUnitFen: bigint | number | null;
  paymentSchedule: string | null;
  licenseTermMonths: number | null;
  declaredAt: Date | null;
}

/** The items of these patents, in this order (unknown ids are left out). */
export async function loadSearchItems(
  db: PrismaClient,
  ids: number[],
  terms: HighlightTerm[],
  missing: string[][] = [],
): Promise<SearchItem[]> {
  if (ids.length === 0) return [];
  // One raw statement: this runs on every search, and Prisma would compile three model queries each time.
  const rows = await db.$queryRaw<ItemRow[]>`
    SELECT p."id", p."applicationNumber", p."title", p."titleEn", p."type", p."ipcMain", p."cluster", p."field", p."legalStatus",
      p."filingDate", p."expiresOn", p."abstract", p."abstractEn", p."familyId", o."id" AS "ownerId", o."name" AS "ownerName", o."nameEn" AS "ownerNameEn",
      d."id" AS "declarationId", d."version", d."feeModel", d."lumpSumFen", d."entryFeeFen", d."royaltyBasisPoints", d."perUnitFen",
      d."paymentSchedule", d."licenseTermMonths", d."declaredAt"
    FROM "Patent" p JOIN "Organization" o ON o."id" = p."ownerId"
    LEFT JOIN "OpenLicenseDeclaration" d ON d."id" = (
      SELECT "id" FROM "OpenLicenseDeclaration" WHERE "patentId" = p."id" AND "status" = 'ACTIVE' ORDER BY "version" DESC LIMIT 1)
    WHERE p."id" IN (${Prisma.join(ids)})`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const familyIds = [...new Set(rows.flatMap((row) => (row.familyId ? [row.familyId] : [])))];
  const relatives =
    familyIds.length === 0
      ? []
      : await db.$queryRaw<Array<{ id: number; applicationNumber: string; type: PatentType; familyId: string }>>`
    SELECT "id", "applicationNumber", "type", "familyId" FROM "Patent" WHERE "familyId" IN (${Prisma.join(familyIds)}) ORDER BY "id"`;
  return ids.flatMap((id, i) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        applicationNumber: row.applicationNumber,
        title: row.title,
        titleEn: row.titleEn,
        type: row.type,
        university: { id: row.ownerId, name: row.ownerName, nameEn: row.ownerNameEn },
        ipcMain: row.ipcMain,
        cluster: row.cluster,
        field: row.field,
        legalStatus: row.legalStatus,
        filingDate: isoDay(row.filingDate),
        expiresOn: isoDay(row.expiresOn),
        openLicense: row.declarationId
          ? openLicenseSummary({
              ...row,
              id: row.declarationId,
              version: row.version!,
              feeModel: row.feeModel!,
              paymentSchedule: row.paymentSchedule!,
              licenseTermMonths: row.licenseTermMonths!,
              declaredAt: row.declaredAt!,
            })
          : null,
        highlights: {
          title: highlight(row.title, terms),
          titleEn: highlight(row.titleEn ?? "", terms),
          abstract: snippet(row.abstract, terms, 140).segments,
          abstractEn: snippet(row.abstractEn ?? "", terms, 260).segments,
        },
        missing: missing[i] ?? [],
        family: relatives
          .filter((other) => other.familyId === row.familyId && Number(other.id) !== row.id)
          .map((other) => ({
            id: Number(other.id),
            applicationNumber: other.applicationNumber,
            type: other.type,
          })),
      },
    ];
  });
}

/** A patent's active open-license declaration as its card and its page show it (dates as YYYY-MM-DD). */
export function openLicenseSummary(
  declaration: Omit<OpenLicenseSummary, "declaredAt" | StoredAmount> & { declaredAt: Date } & Record<
      StoredAmount,
      bigint | number | null
    >,
): OpenLicenseSummary {
  return {
    id: declaration.id,
    version: declaration.version,
    feeModel: declaration.feeModel,
    lumpSumFen: fenOf(declaration.lumpSumFen),
    entryFeeFen: fenOf(declaration.entryFeeFen),
    royaltyBasisPoints: declaration.royaltyBasisPoints,
    perUnitFen: fenOf(declaration.perUnitFen),
    paymentSchedule: declaration.paymentSchedule,
    licenseTermMonths: declaration.licenseTermMonths,
    declaredAt: isoDay(declaration.declaredAt),
  };
}
