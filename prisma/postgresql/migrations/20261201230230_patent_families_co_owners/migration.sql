-- AlterTable
ALTER TABLE "Patent" ADD COLUMN     "familyId" TEXT;

-- CreateTable
CREATE TABLE "PatentCoOwner" (
    "patentId" INTEGER NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatentCoOwner_pkey" PRIMARY KEY ("patentId","organizationId")
);

-- CreateTable
CREATE TABLE "DeclarationConsent" (
    "declarationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "consentedOn" TIMESTAMP(3) NOT NULL,
    "reference" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeclarationConsent_pkey" PRIMARY KEY ("declarationId","organizationId")
);

-- CreateIndex
CREATE INDEX "PatentCoOwner_organizationId_idx" ON "PatentCoOwner"("organizationId");

-- CreateIndex
CREATE INDEX "Patent_familyId_idx" ON "Patent"("familyId");

-- AddForeignKey
ALTER TABLE "PatentCoOwner" ADD CONSTRAINT "PatentCoOwner_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatentCoOwner" ADD CONSTRAINT "PatentCoOwner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationConsent" ADD CONSTRAINT "DeclarationConsent_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "OpenLicenseDeclaration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationConsent" ADD CONSTRAINT "DeclarationConsent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

