-- AlterTable
ALTER TABLE "Patent" ADD COLUMN "familyId" TEXT;

-- CreateTable
CREATE TABLE "PatentCoOwner" (
    "patentId" INTEGER NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("patentId", "organizationId"),
    CONSTRAINT "PatentCoOwner_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PatentCoOwner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeclarationConsent" (
    "declarationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "consentedOn" DATETIME NOT NULL,
    "reference" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("declarationId", "organizationId"),
    CONSTRAINT "DeclarationConsent_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "OpenLicenseDeclaration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeclarationConsent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PatentCoOwner_organizationId_idx" ON "PatentCoOwner"("organizationId");

-- CreateIndex
CREATE INDEX "Patent_familyId_idx" ON "Patent"("familyId");

