// Bulk writes of patents (the demo pool and imports). One multi-row INSERT per batch (insertRows) is many
// times faster than createMany here (docs/decisions/005-bulk-patent-writes.md); the FTS index is written in
// the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { messageKey } from "~/lib/i18n";
import { advancePatentIdSequence, insertRows } from "~/lib/sql-dialect.server";
import { parseApplicationNumber } from "~/models/patent/identifiers";
import {
  PATENT_TEXT_FIELDS,
  TRANSFER_PROFILE_FIELDS,
  type LegalStatus,
  type PatentType,
} from "~/models/patent/vocabulary";
import { indexPatentText } from "./search/patent-index.server";

export interface NewPatent {
  id?: number;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  type: PatentType;
  title: string;
  titleEn: string | null;
  abstract: string;
  abstractEn: string | null;
  firstClaim: string;
  firstClaimEn: string | null;
  ipcMain: string;
  ipcOthers: string;
  inventors: string;
  ownerId: string;
  filingDate: Date;
  publicationDate: Date | null;
  grantDate: Date | null;
  expiresOn: Date;
  legalStatus: LegalStatus;
  cluster: string | null;
  field: string | null;
  keywords: string;
  keywordsEn: string;
  transferable: boolean;
  transferableNote: string | null;
  valueScore: number | null;
  maturity: number | null;
  assessedAt: Date | null;
  hasEvaluationReport: boolean;
  /** 一案双申: the invention and the utility model filed the same day share it. */
  familyId?: string | null;
}

const COLUMNS = [
  "applicationNumber",
  "publicationNumber",
  "grantNumber",
  "type",
  ...PATENT_TEXT_FIELDS,
  "ipcMain",
  "ipcOthers",
  "inventors",
  "ownerId",
  "filingDate",
  "publicationDate",
  "grantDate",
  "expiresOn",
  ...TRANSFER_PROFILE_FIELDS,
  "assessedAt",
  "hasEvaluationReport",
  "familyId",
] as const satisfies ReadonlyArray<keyof NewPatent>;

const BATCH = 250; // on PostgreSQL 33 parameters a row: well under its 65,535

/** Inserts patents with explicit ids and indexes their text; refuses the whole batch if an application
 * number is not normalised or its check character is wrong. Run it inside a transaction. */
export async function insertPatents(
  db: Prisma.TransactionClient | PrismaClient,
  patents: Array<NewPatent & { id: number }>,
): Promise<void> {
  for (const patent of patents) {
    const parsed = parseApplicationNumber(patent.applicationNumber);
    if (!parsed.ok || parsed.normalized !== patent.applicationNumber) {
      const reason = parsed.ok
        ? messageKey("identifier.appNumber.writeAs", { normalized: parsed.normalized })
        : parsed.reason;
      throw new DomainError("INVALID_APPLICATION_NUMBER", "patent.err.applicationNumber", {
        path: "applicationNumber",
        values: { number: patent.applicationNumber, reason },
      });
    }
  }
  const now = new Date();
  for (let start = 0; start < patents.length; start += BATCH) {
    const rows = patents
      .slice(start, start + BATCH)
      .map((patent) => [patent.id, ...COLUMNS.map((column) => patent[column] ?? null), now]);
    await insertRows(db, "Patent", ["id", ...COLUMNS, "updatedAt"], rows);
  }
  await advancePatentIdSequence(db);
  await indexPatentText(db, patents);
}
