-- Money as 64-bit integers (BIGINT): SQLite stores any integer in 8 bytes already; the declared type tells Prisma
-- to read these columns as bigint, as it does on PostgreSQL.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OpenLicenseDeclaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patentId" INTEGER NOT NULL,
    "declarantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "feeModel" TEXT NOT NULL,
    "lumpSumFen" BIGINT,
    "entryFeeFen" BIGINT,
    "royaltyBasisPoints" INTEGER,
    "perUnitFen" BIGINT,
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
INSERT INTO "new_OpenLicenseDeclaration" ("createdAt", "declarantId", "declaredAt", "entryFeeFen", "feeModel", "fieldOfUse", "id", "licenseTermMonths", "lumpSumFen", "patentId", "paymentSchedule", "perUnitFen", "royaltyBasisPoints", "status", "territory", "version", "withdrawnAt") SELECT "createdAt", "declarantId", "declaredAt", "entryFeeFen", "feeModel", "fieldOfUse", "id", "licenseTermMonths", "lumpSumFen", "patentId", "paymentSchedule", "perUnitFen", "royaltyBasisPoints", "status", "territory", "version", "withdrawnAt" FROM "OpenLicenseDeclaration";
DROP TABLE "OpenLicenseDeclaration";
ALTER TABLE "new_OpenLicenseDeclaration" RENAME TO "OpenLicenseDeclaration";
CREATE INDEX "OpenLicenseDeclaration_patentId_status_idx" ON "OpenLicenseDeclaration"("patentId", "status");
CREATE INDEX "OpenLicenseDeclaration_status_idx" ON "OpenLicenseDeclaration"("status");
CREATE TABLE "new_License" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "licensorId" TEXT NOT NULL,
    "licenseeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "declarationId" TEXT,
    "termsSnapshot" TEXT NOT NULL,
    "valueFen" BIGINT NOT NULL DEFAULT 0,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "signatoryName" TEXT,
    "signedById" TEXT,
    "signatoryTitle" TEXT,
    "licensorSignatory" TEXT,
    "licensorSignatoryTitle" TEXT,
    "licensorSignedAt" DATETIME,
    "intendedUse" TEXT,
    "contractText" TEXT,
    "contractSha256" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "License_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_licensorId_fkey" FOREIGN KEY ("licensorId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_licenseeId_fkey" FOREIGN KEY ("licenseeId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "License_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "OpenLicenseDeclaration" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_License" ("contractNumber", "contractSha256", "contractText", "createdAt", "declarationId", "endsOn", "id", "intendedUse", "kind", "licenseeId", "licensorId", "licensorSignatory", "licensorSignatoryTitle", "licensorSignedAt", "patentId", "signatoryName", "signatoryTitle", "signedAt", "signedById", "startsOn", "termsSnapshot", "valueFen") SELECT "contractNumber", "contractSha256", "contractText", "createdAt", "declarationId", "endsOn", "id", "intendedUse", "kind", "licenseeId", "licensorId", "licensorSignatory", "licensorSignatoryTitle", "licensorSignedAt", "patentId", "signatoryName", "signatoryTitle", "signedAt", "signedById", "startsOn", "termsSnapshot", "valueFen" FROM "License";
DROP TABLE "License";
ALTER TABLE "new_License" RENAME TO "License";
CREATE UNIQUE INDEX "License_contractNumber_key" ON "License"("contractNumber");
CREATE INDEX "License_patentId_idx" ON "License"("patentId");
CREATE INDEX "License_licenseeId_idx" ON "License"("licenseeId");
CREATE INDEX "License_signedAt_idx" ON "License"("signedAt");
CREATE UNIQUE INDEX "License_declarationId_licenseeId_key" ON "License"("declarationId", "licenseeId");
CREATE TABLE "new_Transfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "assignorId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "priceFen" BIGINT NOT NULL,
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
INSERT INTO "new_Transfer" ("assigneeId", "assigneeSignatory", "assigneeSignatoryTitle", "assigneeSignedAt", "assignorId", "assignorSignatory", "assignorSignatoryTitle", "assignorSignedAt", "contractNumber", "contractSha256", "contractText", "createdAt", "id", "ownershipPasses", "patentId", "priceFen", "recordedAt", "signedAt", "termsSnapshot") SELECT "assigneeId", "assigneeSignatory", "assigneeSignatoryTitle", "assigneeSignedAt", "assignorId", "assignorSignatory", "assignorSignatoryTitle", "assignorSignedAt", "contractNumber", "contractSha256", "contractText", "createdAt", "id", "ownershipPasses", "patentId", "priceFen", "recordedAt", "signedAt", "termsSnapshot" FROM "Transfer";
DROP TABLE "Transfer";
ALTER TABLE "new_Transfer" RENAME TO "Transfer";
CREATE UNIQUE INDEX "Transfer_contractNumber_key" ON "Transfer"("contractNumber");
CREATE INDEX "Transfer_patentId_idx" ON "Transfer"("patentId");
CREATE INDEX "Transfer_signedAt_idx" ON "Transfer"("signedAt");
CREATE TABLE "new_Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "licenseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "confirmedById" TEXT,
    "salesReportId" TEXT,
    "overdueNoticeAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payment_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Payment_salesReportId_fkey" FOREIGN KEY ("salesReportId") REFERENCES "SalesReport" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Payment" ("amountFen", "confirmedById", "createdAt", "dueOn", "id", "kind", "licenseId", "overdueNoticeAt", "paidAt", "salesReportId") SELECT "amountFen", "confirmedById", "createdAt", "dueOn", "id", "kind", "licenseId", "overdueNoticeAt", "paidAt", "salesReportId" FROM "Payment";
DROP TABLE "Payment";
ALTER TABLE "new_Payment" RENAME TO "Payment";
CREATE UNIQUE INDEX "Payment_salesReportId_key" ON "Payment"("salesReportId");
CREATE INDEX "Payment_licenseId_idx" ON "Payment"("licenseId");
CREATE INDEX "Payment_paidAt_dueOn_idx" ON "Payment"("paidAt", "dueOn");
CREATE TABLE "new_PaymentReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paymentId" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "receivedOn" DATETIME NOT NULL,
    "reference" TEXT NOT NULL,
    "confirmedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PaymentReceipt_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PaymentReceipt" ("amountFen", "confirmedById", "createdAt", "id", "paymentId", "receivedOn", "reference") SELECT "amountFen", "confirmedById", "createdAt", "id", "paymentId", "receivedOn", "reference" FROM "PaymentReceipt";
DROP TABLE "PaymentReceipt";
ALTER TABLE "new_PaymentReceipt" RENAME TO "PaymentReceipt";
CREATE INDEX "PaymentReceipt_paymentId_idx" ON "PaymentReceipt"("paymentId");
CREATE TABLE "new_SalesReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "licenseId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "revenueFen" BIGINT NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,
    "reportedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SalesReport_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SalesReport" ("createdAt", "id", "licenseId", "period", "reportedById", "revenueFen", "units") SELECT "createdAt", "id", "licenseId", "period", "reportedById", "revenueFen", "units" FROM "SalesReport";
DROP TABLE "SalesReport";
ALTER TABLE "new_SalesReport" RENAME TO "SalesReport";
CREATE UNIQUE INDEX "SalesReport_licenseId_period_key" ON "SalesReport"("licenseId", "period");
CREATE TABLE "new_TechnologyNeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "cluster" TEXT,
    "budgetMinFen" BIGINT,
    "budgetMaxFen" BIGINT,
    "deadline" DATETIME,
    "visibility" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TechnologyNeed_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TechnologyNeed" ("budgetMaxFen", "budgetMinFen", "cluster", "createdAt", "createdById", "deadline", "description", "id", "organizationId", "status", "title", "updatedAt", "visibility") SELECT "budgetMaxFen", "budgetMinFen", "cluster", "createdAt", "createdById", "deadline", "description", "id", "organizationId", "status", "title", "updatedAt", "visibility" FROM "TechnologyNeed";
DROP TABLE "TechnologyNeed";
ALTER TABLE "new_TechnologyNeed" RENAME TO "TechnologyNeed";
CREATE INDEX "TechnologyNeed_status_createdAt_idx" ON "TechnologyNeed"("status", "createdAt");
CREATE INDEX "TechnologyNeed_organizationId_idx" ON "TechnologyNeed"("organizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Redefining "OpenLicenseDeclaration" dropped its triggers, which feed the search index's change log: as in the
-- first migration.
CREATE TRIGGER "Declaration_search_insert" AFTER INSERT ON "OpenLicenseDeclaration"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (NEW."patentId"); END;
CREATE TRIGGER "Declaration_search_update" AFTER UPDATE OF "status" ON "OpenLicenseDeclaration"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (NEW."patentId"); END;
CREATE TRIGGER "Declaration_search_delete" AFTER DELETE ON "OpenLicenseDeclaration"
BEGIN INSERT INTO "PatentChange" ("patentId") VALUES (OLD."patentId"); END;
