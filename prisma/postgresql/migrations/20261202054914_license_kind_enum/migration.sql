-- Written by hand from prisma migrate diff's script, which dropped and re-added the column (losing its rows'
-- values): the column changes type in place. SQLite needs no migration (an enum is text there).

-- CreateEnum
CREATE TYPE "LicenseKind" AS ENUM ('EXCLUSIVE', 'OPEN', 'ORDINARY', 'SOLE');

-- AlterTable
ALTER TABLE "License" ALTER COLUMN "kind" TYPE "LicenseKind" USING "kind"::"LicenseKind";
