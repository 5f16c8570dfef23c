-- AlterTable
ALTER TABLE "License" ADD COLUMN "contractSha256" TEXT;
ALTER TABLE "License" ADD COLUMN "contractText" TEXT;
ALTER TABLE "License" ADD COLUMN "intendedUse" TEXT;
ALTER TABLE "License" ADD COLUMN "signatoryName" TEXT;
ALTER TABLE "License" ADD COLUMN "signedById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "License_declarationId_licenseeId_key" ON "License"("declarationId", "licenseeId");

