-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "shortName" TEXT,
    "creditCode" TEXT NOT NULL,
    "region" TEXT,
    "level" TEXT,
    "cluster" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patent" (
    "id" SERIAL NOT NULL,
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
    "filingDate" TIMESTAMP(3) NOT NULL,
    "publicationDate" TIMESTAMP(3),
    "grantDate" TIMESTAMP(3),
    "expiresOn" TIMESTAMP(3) NOT NULL,
    "legalStatus" TEXT NOT NULL,
    "cluster" TEXT,
    "field" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '',
    "keywordsEn" TEXT NOT NULL DEFAULT '',
    "transferable" BOOLEAN NOT NULL DEFAULT false,
    "transferableNote" TEXT,
    "valueScore" INTEGER,
    "maturity" INTEGER,
    "assessedAt" TIMESTAMP(3),
    "hasEvaluationReport" BOOLEAN NOT NULL DEFAULT false,
    "pledged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Patent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpenLicenseDeclaration" (
    "id" TEXT NOT NULL,
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
    "declaredAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpenLicenseDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "License" (
    "id" TEXT NOT NULL,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "licensorId" TEXT NOT NULL,
    "licenseeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "declarationId" TEXT,
    "termsSnapshot" TEXT NOT NULL,
    "valueFen" INTEGER NOT NULL DEFAULT 0,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "signatoryName" TEXT,
    "signedById" TEXT,
    "intendedUse" TEXT,
    "contractText" TEXT,
    "contractSha256" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "License_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "contractNumber" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "assignorId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealEvent" (
    "id" TEXT NOT NULL,
    "licenseId" TEXT,
    "transferId" TEXT,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "DealEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatentChange" (
    "seq" SERIAL NOT NULL,
    "patentId" INTEGER NOT NULL,

    CONSTRAINT "PatentChange_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organizationId" TEXT,
    "canInvite" BOOLEAN NOT NULL DEFAULT false,
    "deactivatedAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "canInvite" BOOLEAN NOT NULL DEFAULT false,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "subject" TEXT NOT NULL,
    "ip" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deal" (
    "id" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "requesterId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "termsBy" TEXT NOT NULL,
    "requesterSignatory" TEXT,
    "requesterSignedAt" TIMESTAMP(3),
    "ownerSignatory" TEXT,
    "ownerSignedAt" TIMESTAMP(3),
    "licenseId" TEXT,
    "transferId" TEXT,
    "proposalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealMessage" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "terms" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "values" TEXT NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "userId" TEXT,
    "readAt" TIMESTAMP(3),
    "digestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "licenseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "salesReportId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalesReport" (
    "id" TEXT NOT NULL,
    "licenseId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "revenueFen" INTEGER NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,
    "reportedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SalesReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatentViewDay" (
    "patentId" INTEGER NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PatentViewDay_pkey" PRIMARY KEY ("patentId","day")
);

-- CreateTable
CREATE TABLE "PatentImport" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "format" TEXT,
    "encoding" TEXT,
    "status" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '[]',
    "mapping" TEXT NOT NULL DEFAULT '{}',
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "toAdd" INTEGER NOT NULL DEFAULT 0,
    "toUpdate" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER,
    "updated" INTEGER,
    "rejectionSample" TEXT NOT NULL DEFAULT '[]',
    "preview" TEXT NOT NULL DEFAULT '[]',
    "rejectionReport" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "errorDetail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "PatentImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TechnologyNeed" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "cluster" TEXT,
    "budgetMinFen" INTEGER,
    "budgetMaxFen" INTEGER,
    "deadline" TIMESTAMP(3),
    "visibility" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TechnologyNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedProposal" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "universityId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearchHit" (
    "savedSearchId" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "openLicenseVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SavedSearchHit_pkey" PRIMARY KEY ("savedSearchId","patentId")
);

-- CreateTable
CREATE TABLE "PatentWatch" (
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patentId" INTEGER NOT NULL,
    "openLicenseVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatentWatch_pkey" PRIMARY KEY ("userId","patentId")
);

-- CreateTable
CREATE TABLE "JobState" (
    "name" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "JobState_pkey" PRIMARY KEY ("name")
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
CREATE UNIQUE INDEX "License_declarationId_licenseeId_key" ON "License"("declarationId", "licenseeId");

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

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_idx" ON "Invitation"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEvent_action_subject_at_idx" ON "AuditEvent"("action", "subject", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_ip_at_idx" ON "AuditEvent"("action", "ip", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_licenseId_key" ON "Deal"("licenseId");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_transferId_key" ON "Deal"("transferId");

-- CreateIndex
CREATE INDEX "Deal_patentId_idx" ON "Deal"("patentId");

-- CreateIndex
CREATE INDEX "Deal_requesterId_idx" ON "Deal"("requesterId");

-- CreateIndex
CREATE INDEX "Deal_ownerId_idx" ON "Deal"("ownerId");

-- CreateIndex
CREATE INDEX "DealMessage_dealId_createdAt_idx" ON "DealMessage"("dealId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_organizationId_readAt_idx" ON "Notification"("organizationId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_digestedAt_idx" ON "Notification"("userId", "digestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_salesReportId_key" ON "Payment"("salesReportId");

-- CreateIndex
CREATE INDEX "Payment_licenseId_idx" ON "Payment"("licenseId");

-- CreateIndex
CREATE INDEX "Payment_paidAt_dueOn_idx" ON "Payment"("paidAt", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "SalesReport_licenseId_period_key" ON "SalesReport"("licenseId", "period");

-- CreateIndex
CREATE INDEX "PatentViewDay_day_idx" ON "PatentViewDay"("day");

-- CreateIndex
CREATE INDEX "PatentImport_organizationId_createdAt_idx" ON "PatentImport"("organizationId", "createdAt");

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

-- AddForeignKey
ALTER TABLE "Patent" ADD CONSTRAINT "Patent_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenLicenseDeclaration" ADD CONSTRAINT "OpenLicenseDeclaration_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenLicenseDeclaration" ADD CONSTRAINT "OpenLicenseDeclaration_declarantId_fkey" FOREIGN KEY ("declarantId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "License" ADD CONSTRAINT "License_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "License" ADD CONSTRAINT "License_licensorId_fkey" FOREIGN KEY ("licensorId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "License" ADD CONSTRAINT "License_licenseeId_fkey" FOREIGN KEY ("licenseeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "License" ADD CONSTRAINT "License_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "OpenLicenseDeclaration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_assignorId_fkey" FOREIGN KEY ("assignorId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvent" ADD CONSTRAINT "DealEvent_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvent" ADD CONSTRAINT "DealEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "NeedProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealMessage" ADD CONSTRAINT "DealMessage_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_salesReportId_fkey" FOREIGN KEY ("salesReportId") REFERENCES "SalesReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesReport" ADD CONSTRAINT "SalesReport_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatentViewDay" ADD CONSTRAINT "PatentViewDay_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatentImport" ADD CONSTRAINT "PatentImport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechnologyNeed" ADD CONSTRAINT "TechnologyNeed_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedProposal" ADD CONSTRAINT "NeedProposal_needId_fkey" FOREIGN KEY ("needId") REFERENCES "TechnologyNeed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchHit" ADD CONSTRAINT "SavedSearchHit_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text index of "Patent", the PostgreSQL counterpart of SQLite's FTS5 table (docs/decisions/012).
-- The app writes "document" as a tsvector literal made by the same segmentation as FTS5's (two-character
-- words for Chinese, porter stems for English), so both databases find the same patents. Weights: A title,
-- B keywords, C abstract, D claim.
CREATE TABLE "PatentSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "document" tsvector NOT NULL
);
CREATE INDEX "PatentSearch_document_idx" ON "PatentSearch" USING GIN ("document");

-- Readers of the change log follow "seq", so a later seq must never become visible before an earlier one:
-- writers of the log take turns until they commit, and a row's seq is drawn once its writer has the turn.
-- SQLite gets this for free, as it has one writer at a time.
CREATE FUNCTION "PatentChange_in_commit_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('PatentChange'));
    NEW."seq" := nextval(pg_get_serial_sequence('"PatentChange"', 'seq'));
    RETURN NEW;
END $$;
CREATE TRIGGER "PatentChange_in_commit_order" BEFORE INSERT ON "PatentChange"
    FOR EACH ROW EXECUTE FUNCTION "PatentChange_in_commit_order"();

-- Change log for the in-memory facet index: only columns that search filters on.
CREATE FUNCTION "Patent_log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PatentChange" ("patentId") VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
    RETURN NULL;
END $$;
CREATE TRIGGER "Patent_search_insert" AFTER INSERT ON "Patent" FOR EACH ROW EXECUTE FUNCTION "Patent_log_change"();
CREATE TRIGGER "Patent_search_update" AFTER UPDATE OF "ownerId", "type", "ipcMain", "filingDate", "expiresOn",
    "legalStatus", "cluster", "field", "transferable" ON "Patent" FOR EACH ROW EXECUTE FUNCTION "Patent_log_change"();
CREATE TRIGGER "Patent_search_delete" AFTER DELETE ON "Patent" FOR EACH ROW EXECUTE FUNCTION "Patent_log_change"();

CREATE FUNCTION "Declaration_log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PatentChange" ("patentId") VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD."patentId" ELSE NEW."patentId" END);
    RETURN NULL;
END $$;
CREATE TRIGGER "Declaration_search_insert" AFTER INSERT ON "OpenLicenseDeclaration" FOR EACH ROW EXECUTE FUNCTION "Declaration_log_change"();
CREATE TRIGGER "Declaration_search_update" AFTER UPDATE OF "status" ON "OpenLicenseDeclaration" FOR EACH ROW EXECUTE FUNCTION "Declaration_log_change"();
CREATE TRIGGER "Declaration_search_delete" AFTER DELETE ON "OpenLicenseDeclaration" FOR EACH ROW EXECUTE FUNCTION "Declaration_log_change"();
