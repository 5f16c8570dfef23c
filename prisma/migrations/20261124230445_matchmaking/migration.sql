-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "digestedAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "userId" TEXT;

-- CreateTable
CREATE TABLE "TechnologyNeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "cluster" TEXT,
    "budgetMinFen" INTEGER,
    "budgetMaxFen" INTEGER,
    "deadline" DATETIME,
    "visibility" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TechnologyNeed_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NeedProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "needId" TEXT NOT NULL,
    "universityId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NeedProposal_needId_fkey" FOREIGN KEY ("needId") REFERENCES "TechnologyNeed" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SavedSearchHit" (
    "savedSearchId" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "openLicenseVersion" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("savedSearchId", "patentId"),
    CONSTRAINT "SavedSearchHit_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatentWatch" (
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "openLicenseVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "patentId")
);

-- CreateTable
CREATE TABLE "JobState" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastRunAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
INSERT INTO "new_Deal" ("createdAt", "id", "kind", "licenseId", "ownerId", "ownerSignatory", "ownerSignedAt", "patentId", "requesterId", "requesterSignatory", "requesterSignedAt", "status", "terms", "termsBy", "transferId", "updatedAt") SELECT "createdAt", "id", "kind", "licenseId", "ownerId", "ownerSignatory", "ownerSignedAt", "patentId", "requesterId", "requesterSignatory", "requesterSignedAt", "status", "terms", "termsBy", "transferId", "updatedAt" FROM "Deal";
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
CREATE INDEX "TechnologyNeed_status_createdAt_idx" ON "TechnologyNeed"("status", "createdAt");

-- CreateIndex
CREATE INDEX "TechnologyNeed_organizationId_idx" ON "TechnologyNeed"("organizationId");

-- CreateIndex
CREATE INDEX "NeedProposal_needId_idx" ON "NeedProposal"("needId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_userId_query_key" ON "SavedSearch"("userId", "query");

-- CreateIndex
CREATE INDEX "SavedSearchHit_patentId_idx" ON "SavedSearchHit"("patentId");

-- CreateIndex
CREATE INDEX "PatentWatch_patentId_idx" ON "PatentWatch"("patentId");

-- CreateIndex
CREATE INDEX "Notification_userId_digestedAt_idx" ON "Notification"("userId", "digestedAt");

