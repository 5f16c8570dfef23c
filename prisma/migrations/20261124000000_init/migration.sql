-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "shortName" TEXT,
    "creditCode" TEXT NOT NULL,
    "region" TEXT,
    "level" TEXT,
    "cluster" TEXT,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Patent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationNumber" TEXT NOT NULL,
    "publicationNumber" TEXT,
    "grantNumber" TEXT,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "abstract" TEXT NOT NULL,
    "abstractEn" TEXT,
    "firstClaim" TEXT NOT NULL,
    "firstClaimEn" TEXT,
    "ipcMain" TEXT NOT NULL,
    "ipcOthers" TEXT NOT NULL DEFAULT '',
    "inventors" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "filingDate" DATETIME NOT NULL,
    "publicationDate" DATETIME,
    "grantDate" DATETIME,
    "expiresOn" DATETIME NOT NULL,
    "legalStatus" TEXT NOT NULL,
    "cluster" TEXT,
    "field" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '',
    "keywordsEn" TEXT NOT NULL DEFAULT '',
    "transferable" BOOLEAN NOT NULL DEFAULT false,
    "transferableNote" TEXT,
    "valueScore" INTEGER,
    "maturity" INTEGER,
    "assessedAt" DATETIME,
    "hasEvaluationReport" BOOLEAN NOT NULL DEFAULT false,
    "pledged" BOOLEAN NOT NULL DEFAULT false,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Patent_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpenLicenseDeclaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patentId" INTEGER NOT NULL,
    "declarantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "feeModel" TEXT NOT NULL,
    "lumpSumFen" INTEGER,
    "entryFeeFen" INTEGER,
    "royaltyBasisPoints" INTEGER,
    "perUnitFen" INTEGER,
    "paymentSchedule" TEXT NOT NULL,
    "licenseTermMonths" INTEGER NOT NULL,
    "territory" TEXT NOT NULL DEFAULT '中国大陆',
    "fieldOfUse" TEXT,
    "declaredAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OpenLicenseDeclaration_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OpenLicenseDeclaration_declarantId_fkey" FOREIGN KEY ("declarantId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "License" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "licensorId" TEXT NOT NULL,
    "licenseeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "declarationId" TEXT,
    "termsSnapshot" TEXT NOT NULL,
    "valueFen" INTEGER NOT NULL DEFAULT 0,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "License_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_licensorId_fkey" FOREIGN KEY ("licensorId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_licenseeId_fkey" FOREIGN KEY ("licenseeId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "OpenLicenseDeclaration" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "assignorId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "recordedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Transfer_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_assignorId_fkey" FOREIGN KEY ("assignorId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DealEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "licenseId" TEXT,
    "transferId" TEXT,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "DealEvent_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DealEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatentChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patentId" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "Organization_kind_name_idx" ON "Organization"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Patent_applicationNumber_key" ON "Patent"("applicationNumber");

-- CreateIndex
CREATE INDEX "Patent_ownerId_idx" ON "Patent"("ownerId");

-- CreateIndex
CREATE INDEX "Patent_transferable_filingDate_idx" ON "Patent"("transferable", "filingDate");

-- CreateIndex
CREATE INDEX "OpenLicenseDeclaration_patentId_status_idx" ON "OpenLicenseDeclaration"("patentId", "status");

-- CreateIndex
CREATE INDEX "OpenLicenseDeclaration_status_idx" ON "OpenLicenseDeclaration"("status");

-- CreateIndex
CREATE UNIQUE INDEX "License_contractNumber_key" ON "License"("contractNumber");

-- CreateIndex
CREATE INDEX "License_patentId_idx" ON "License"("patentId");

-- CreateIndex
CREATE INDEX "License_licenseeId_idx" ON "License"("licenseeId");

-- CreateIndex
CREATE INDEX "License_signedAt_idx" ON "License"("signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_contractNumber_key" ON "Transfer"("contractNumber");

-- CreateIndex
CREATE INDEX "Transfer_patentId_idx" ON "Transfer"("patentId");

-- CreateIndex
CREATE INDEX "Transfer_signedAt_idx" ON "Transfer"("signedAt");

-- CreateIndex
CREATE INDEX "DealEvent_licenseId_idx" ON "DealEvent"("licenseId");

-- CreateIndex
CREATE INDEX "DealEvent_transferId_idx" ON "DealEvent"("transferId");


-- Full-text index of patents (docs/decisions/002-bilingual-search.md). Contentless: the text lives in
-- "Patent"; each column holds the Chinese text segmented into overlapping two-character words followed by
-- the English text, which the porter tokenizer stems. rowid = "Patent"."id".
CREATE VIRTUAL TABLE "PatentSearch" USING fts5(
    title, abstract, claim, keywords,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Change log for the in-memory facet index: only columns that search filters on.
CREATE TRIGGER "Patent_search_insert" AFTER INSERT ON "Patent"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (NEW."id"); END;
CREATE TRIGGER "Patent_search_update" AFTER UPDATE OF "ownerId", "type", "ipcMain", "filingDate", "expiresOn",
    "legalStatus", "cluster", "field", "transferable" ON "Patent"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (NEW."id"); END;
CREATE TRIGGER "Patent_search_delete" AFTER DELETE ON "Patent"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (OLD."id"); END;
CREATE TRIGGER "Declaration_search_insert" AFTER INSERT ON "OpenLicenseDeclaration"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (NEW."patentId"); END;
CREATE TRIGGER "Declaration_search_update" AFTER UPDATE OF "status" ON "OpenLicenseDeclaration"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (NEW."patentId"); END;
CREATE TRIGGER "Declaration_search_delete" AFTER DELETE ON "OpenLicenseDeclaration"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (OLD."patentId"); END;
