-- AlterTable
ALTER TABLE "License" ADD COLUMN "licensorSignatory" TEXT;
ALTER TABLE "License" ADD COLUMN "licensorSignatoryTitle" TEXT;
ALTER TABLE "License" ADD COLUMN "licensorSignedAt" DATETIME;
ALTER TABLE "License" ADD COLUMN "signatoryTitle" TEXT;

-- AlterTable
ALTER TABLE "DealMessage" ADD COLUMN "version" INTEGER;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "overdueNoticeAt" DATETIME;

-- CreateTable
CREATE TABLE "PaymentReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paymentId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "receivedOn" DATETIME NOT NULL,
    "reference" TEXT NOT NULL,
    "confirmedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PaymentReceipt_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Transfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "assignorId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "recordedAt" DATETIME,
    "termsSnapshot" TEXT NOT NULL DEFAULT '{}',
    "ownershipPasses" TEXT NOT NULL DEFAULT 'ON_SIGNATURE',
    "assignorSignatory" TEXT,
    "assignorSignatoryTitle" TEXT,
    "assignorSignedAt" DATETIME,
    "assigneeSignatory" TEXT,
    "assigneeSignatoryTitle" TEXT,
    "assigneeSignedAt" DATETIME,
    "contractText" TEXT,
    "contractSha256" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Transfer_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_assignorId_fkey" FOREIGN KEY ("assignorId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Transfer" ("assigneeId", "assignorId", "contractNumber", "createdAt", "id", "patentId", "priceFen", "recordedAt", "signedAt") SELECT "assigneeId", "assignorId", "contractNumber", "createdAt", "id", "patentId", "priceFen", "recordedAt", "signedAt" FROM "Transfer";
DROP TABLE "Transfer";
ALTER TABLE "new_Transfer" RENAME TO "Transfer";
CREATE UNIQUE INDEX "Transfer_contractNumber_key" ON "Transfer"("contractNumber");
CREATE INDEX "Transfer_patentId_idx" ON "Transfer"("patentId");
CREATE INDEX "Transfer_signedAt_idx" ON "Transfer"("signedAt");
CREATE TABLE "new_Deal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patentId" INTEGER NOT NULL,
    "requesterId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "termsBy" TEXT NOT NULL,
    "requesterSignatory" TEXT,
    "requesterSignedAt" DATETIME,
    "ownerSignatory" TEXT,
    "ownerSignedAt" DATETIME,
    "requesterSignatoryTitle" TEXT,
    "ownerSignatoryTitle" TEXT,
    "requesterSignedById" TEXT,
    "ownerSignedById" TEXT,
    "termsVersion" INTEGER NOT NULL DEFAULT 1,
    "agreedVersion" INTEGER,
    "receivingAccount" TEXT,
    "licenseId" TEXT,
    "transferId" TEXT,
    "proposalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deal_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deal_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deal_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deal_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "NeedProposal" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Deal" ("createdAt", "id", "kind", "licenseId", "ownerId", "ownerSignatory", "ownerSignedAt", "patentId", "proposalId", "requesterId", "requesterSignatory", "requesterSignedAt", "status", "terms", "termsBy", "transferId", "updatedAt") SELECT "createdAt", "id", "kind", "licenseId", "ownerId", "ownerSignatory", "ownerSignedAt", "patentId", "proposalId", "requesterId", "requesterSignatory", "requesterSignedAt", "status", "terms", "termsBy", "transferId", "updatedAt" FROM "Deal";
DROP TABLE "Deal";
ALTER TABLE "new_Deal" RENAME TO "Deal";
CREATE UNIQUE INDEX "Deal_licenseId_key" ON "Deal"("licenseId");
CREATE UNIQUE INDEX "Deal_transferId_key" ON "Deal"("transferId");
CREATE INDEX "Deal_patentId_idx" ON "Deal"("patentId");
CREATE INDEX "Deal_requesterId_idx" ON "Deal"("requesterId");
CREATE INDEX "Deal_ownerId_idx" ON "Deal"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PaymentReceipt_paymentId_idx" ON "PaymentReceipt"("paymentId");

