// Keeps the full-text index "PatentSearch" in step with patent text: an FTS5 table on SQLite, a tsvector
// table on PostgreSQL, both written from the same segmentation (app/lib/index-text.ts). Called in the same
// transaction as the write that changes the text, so the index never disagrees with "Patent".
import { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { sqlDialect } from "~/lib/sql-dialect.server";
import type { NewPatent } from "~/models/patent-store.server";
import { postgresDocument } from "./text-search";

export type IndexablePatentText = Pick<
  NewPatent,
  "title" | "titleEn" | "abstract" | "abstractEn" | "firstClaim" | "firstClaimEn" | "keywords" | "keywordsEn"
> & {
  id: number;
};

/** The columns the index is built from, as a select of "Patent". */
export const INDEXED_TEXT = {
  id: true,
  title: true,
  titleEn: true,
  abstract: true,
  abstractEn: true,
  firstClaim: true,
  firstClaimEn: true,
  keywords: true,
  keywordsEn: true,
} satisfies Prisma.PatentSelect;

type Db = PrismaClient | Prisma.TransactionClient;

const BATCH = 400; // 5 parameters a row, well under SQLite's 32,766 variables

const both = (zh: string, en: string | null) => (en ? `${zh} ${en}` : zh);

/** Weights as FTS5's bm25 column weights rank them: title, keywords, abstract, claim. */
function postgresColumns(patent: IndexablePatentText): string {
  return postgresDocument([
    { text: both(patent.title, patent.titleEn), weight: "A" },
    { text: both(patent.keywords, patent.keywordsEn), weight: "B" },
    { text: both(patent.abstract, patent.abstractEn), weight: "C" },
    { text: both(patent.firstClaim, patent.firstClaimEn), weight: "D" },
  ]);
}

/** Adds or replaces the index entries of these patents, whose rows in "Patent" already hold this text: SQLite
 * reads it from them (index_text, app/lib/index-text.ts), PostgreSQL's document is built here. */
export async function indexPatentText(db: Db, patents: IndexablePatentText[]): Promise<void> {
  const postgres = sqlDialect() === "postgresql";
  for (let start = 0; start < patents.length; start += BATCH) {
    const batch = patents.slice(start, start + BATCH);
    if (postgres) {
      const rows = batch.map((patent) => Prisma.sql`(${patent.id}, CAST(${postgresColumns(patent)} AS tsvector))`);
      await db.$executeRaw`INSERT INTO "PatentSearch" ("id", "document") VALUES ${Prisma.join(rows)}
        ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document"`;
    } else {
      const ids = Prisma.join(batch.map((patent) => patent.id));
      await db.$executeRaw`DELETE FROM "PatentSearch" WHERE rowid IN (${ids})`;
      await db.$executeRaw`INSERT INTO "PatentSearch" (rowid, title, abstract, claim, keywords)
        SELECT "id", index_text("title", "titleEn"), index_text("abstract", "abstractEn"), index_text("firstClaim", "firstClaimEn"), index_text("keywords", "keywordsEn")
        FROM "Patent" WHERE "id" IN (${ids})`;
    }
    // New text changes what searches match: the change log tells caches and alerts, as triggers do for the rest.
    await db.$executeRaw`INSERT INTO "PatentChange" ("patentId") VALUES ${Prisma.join(batch.map((patent) => Prisma.sql`(${patent.id})`))}`;
  }
}
