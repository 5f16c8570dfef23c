-- Written by hand from prisma migrate diff's script, which dropped and re-added each column (losing its rows'
-- values): the columns change type in place, converting what they hold.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SME', 'UNIVERSITY_STAFF');

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role" USING "role"::"Role";

-- AlterTable
ALTER TABLE "PendingRegistration" ALTER COLUMN "organization" TYPE JSONB USING "organization"::jsonb;

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "detail" DROP DEFAULT,
ALTER COLUMN "detail" TYPE JSONB USING "detail"::jsonb,
ALTER COLUMN "detail" SET DEFAULT '{}';

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "values" DROP DEFAULT,
ALTER COLUMN "values" TYPE JSONB USING "values"::jsonb,
ALTER COLUMN "values" SET DEFAULT '{}';
