-- CreateTable
CREATE TABLE "PatentImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "PatentImport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PatentImport_organizationId_createdAt_idx" ON "PatentImport"("organizationId", "createdAt");

