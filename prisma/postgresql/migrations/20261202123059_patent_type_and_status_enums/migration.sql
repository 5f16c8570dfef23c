-- Written by hand from prisma migrate diff's script, which dropped and re-added both columns (losing every patent's
-- type and status): the columns change type in place, converting what they hold. PostgreSQL refuses to change the
-- type of a column an UPDATE OF trigger names, so the change-log trigger is dropped and created again around it;
-- the indexes on the columns are rebuilt by ALTER TABLE itself.

-- CreateEnum
CREATE TYPE "PatentType" AS ENUM ('DESIGN', 'INVENTION', 'UTILITY_MODEL');

-- CreateEnum
CREATE TYPE "LegalStatus" AS ENUM ('EXPIRED', 'LAPSED', 'PENDING', 'REJECTED', 'TERMINATED', 'VALID', 'WITHDRAWN');

DROP TRIGGER "Patent_search_update" ON "Patent";

-- AlterTable
ALTER TABLE "Patent" ALTER COLUMN "type" TYPE "PatentType" USING "type"::"PatentType",
ALTER COLUMN "legalStatus" TYPE "LegalStatus" USING "legalStatus"::"LegalStatus";

CREATE TRIGGER "Patent_search_update" AFTER UPDATE OF "ownerId", "type", "ipcMain", "filingDate", "expiresOn",
    "legalStatus", "cluster", "field", "transferable" ON "Patent" FOR EACH ROW EXECUTE FUNCTION "Patent_log_change"();
