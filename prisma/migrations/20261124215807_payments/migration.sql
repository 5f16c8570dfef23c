-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "licenseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "confirmedById" TEXT,
    "salesReportId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payment_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Payment_salesReportId_fkey" FOREIGN KEY ("salesReportId") REFERENCES "SalesReport" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SalesReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "licenseId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "revenueFen" INTEGER NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,
    "reportedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SalesReport_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_salesReportId_key" ON "Payment"("salesReportId");

-- CreateIndex
CREATE INDEX "Payment_licenseId_idx" ON "Payment"("licenseId");

-- CreateIndex
CREATE INDEX "Payment_paidAt_dueOn_idx" ON "Payment"("paidAt", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "SalesReport_licenseId_period_key" ON "SalesReport"("licenseId", "period");

