-- AlterTable
ALTER TABLE "License" ADD COLUMN     "licensorSignatory" TEXT,
ADD COLUMN     "licensorSignatoryTitle" TEXT,
ADD COLUMN     "licensorSignedAt" TIMESTAMP(3),
ADD COLUMN     "signatoryTitle" TEXT;

-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN     "assigneeSignatory" TEXT,
ADD COLUMN     "assigneeSignatoryTitle" TEXT,
ADD COLUMN     "assigneeSignedAt" TIMESTAMP(3),
ADD COLUMN     "assignorSignatory" TEXT,
ADD COLUMN     "assignorSignatoryTitle" TEXT,
ADD COLUMN     "assignorSignedAt" TIMESTAMP(3),
ADD COLUMN     "contractSha256" TEXT,
ADD COLUMN     "contractText" TEXT,
ADD COLUMN     "ownershipPasses" TEXT NOT NULL DEFAULT 'ON_SIGNATURE',
ADD COLUMN     "termsSnapshot" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "agreedVersion" INTEGER,
ADD COLUMN     "ownerSignatoryTitle" TEXT,
ADD COLUMN     "ownerSignedById" TEXT,
ADD COLUMN     "receivingAccount" TEXT,
ADD COLUMN     "requesterSignatoryTitle" TEXT,
ADD COLUMN     "requesterSignedById" TEXT,
ADD COLUMN     "termsVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "DealMessage" ADD COLUMN     "version" INTEGER;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "overdueNoticeAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PaymentReceipt" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "receivedOn" TIMESTAMP(3) NOT NULL,
    "reference" TEXT NOT NULL,
    "confirmedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentReceipt_paymentId_idx" ON "PaymentReceipt"("paymentId");

-- AddForeignKey
ALTER TABLE "PaymentReceipt" ADD CONSTRAINT "PaymentReceipt_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

