// Keeps the FTS5 index "PatentSearch" in step with patent text. Called in the same transaction as the
// write that changes the text, so the index never disagrees with "Patent".
import { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { segmentForIndex } from "~/lib/text-search";
import type { NewPatent } from "./patent-store.server";

export type IndexablePatentText = Pick<NewPatent, "title" | "titleEn" | "abstract" | "abstractEn" | "firstClaim" | "firstClaimEn" | "keywords" | "keywordsEn"> & {
  id: number;
};

type Db = PrismaClient | Prisma.TransactionClient;

const BATCH = 400; // 5 parameters a row, well under SQLite's 32,766 variables

function columns(patent: IndexablePatentText): [string, string, string, string] {
  const both = (zh: string, en: string | null) => segmentForIndex(en ? `${zh} ${en}` : zh);
  return [
    both(patent.title, patent.titleEn),
    both(patent.abstract, patent.abstractEn),
    both(patent.firstClaim, patent.firstClaimEn),
    both(patent.keywords, patent.keywordsEn),
  ];
}

/** Adds or replaces the index entries of these patents. */
export async function indexPatentText(db: Db, patents: IndexablePatentText[]): Promise<void> {
  for (let start = 0; start < patents.length; start += BATCH) {
    const batch = patents.slice(start, start + BATCH);
    await db.$executeRaw`DELETE FROM "PatentSearch" WHERE rowid IN (${Prisma.join(batch.map((p) => p.id))})`;
    const rows = batch.map((patent) => Prisma.sql`(${patent.id}, ${Prisma.join(columns(patent))})`);
    await db.$executeRaw`INSERT INTO "PatentSearch" (rowid, title, abstract, claim, keywords) VALUES ${Prisma.join(rows)}`;
    // New text changes what searches match: the change log tells caches and alerts, as triggers do for the rest.
    await db.$executeRaw`INSERT INTO "PatentChange" ("patentId") VALUES ${Prisma.join(batch.map((patent) => Prisma.sql`(${patent.id})`))}`;
  }
}
