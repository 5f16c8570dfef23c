// A university's own patents as its staff list them (administrators choose the university): searched by title
// or application number, filtered by type, legal status and open license, sorted by a column, one page at a time.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/lib/db.server";
import { readPage, type ListQuery } from "~/lib/paging";
import { containsText, searchWords } from "~/lib/text-match.server";
import type { LegalStatus, PatentType } from "~/models/patent/vocabulary";

export const UNIVERSITY_PATENT_SORTS = [
  "filingDate",
  "title",
  "applicationNumber",
  "type",
  "legalStatus",
  "expiresOn",
] as const;
export type UniversityPatentSort = (typeof UNIVERSITY_PATENT_SORTS)[number];

/** Each word matches the title (either language) or the application number (written with or without CN/ZL). */
export function patentWordsWhere(q: string): Prisma.PatentWhereInput[] {
  return searchWords(q).map((word) => ({
    OR: [
      { title: containsText(word) },
      { titleEn: containsText(word) },
      { applicationNumber: { contains: word.replace(/^(CN|ZL)/i, "").toUpperCase() } },
    ],
  }));
}

/** The column a university patent list sorts by, then the id so that pages never overlap. */
export function patentOrder(
  sort: UniversityPatentSort | "assessedAt" | "valueScore",
  dir: "asc" | "desc",
): Prisma.PatentOrderByWithRelationInput[] {
  const column: Prisma.PatentOrderByWithRelationInput =
    sort === "assessedAt" || sort === "valueScore" ? { [sort]: { sort: dir, nulls: "first" } } : { [sort]: dir };
  return [column, { id: "asc" }];
}

/** The facts a patent's row shows in the university's lists and the comparison: its number, titles, type, status, dates. */
export const PATENT_ROW_SELECT = {
  id: true,
  applicationNumber: true,
  title: true,
  titleEn: true,
  type: true,
  legalStatus: true,
  filingDate: true,
  expiresOn: true,
} as const satisfies Prisma.PatentSelect;

export async function listUniversityPatentsPage(
  universityId: string,
  query: ListQuery<UniversityPatentSort> & {
    type?: PatentType;
    legalStatus?: LegalStatus;
    openLicense?: "declared" | "none";
  },
  pageSize?: number,
) {
  const where: Prisma.PatentWhereInput = {
    AND: [
      { ownerId: universityId },
      query.type ? { type: query.type } : {},
      query.legalStatus ? { legalStatus: query.legalStatus } : {},
      query.openLicense === "declared"
        ? { declarations: { some: { status: "ACTIVE" } } }
        : query.openLicense === "none"
          ? { declarations: { none: { status: "ACTIVE" } } }
          : {},
      ...patentWordsWhere(query.q),
    ],
  };
  const { rows: patents, ...paging } = await readPage(
    query.page,
    pageSize,
    () => prisma.patent.count({ where }),
    (window) =>
      prisma.patent.findMany({
        where,
        orderBy: patentOrder(query.sort, query.dir),
        ...window,
        select: {
          ...PATENT_ROW_SELECT,
          transferable: true,
          declarations: { where: { status: "ACTIVE" }, select: { id: true, version: true } },
        },
      }),
  );
  return { ...paging, patents };
}
