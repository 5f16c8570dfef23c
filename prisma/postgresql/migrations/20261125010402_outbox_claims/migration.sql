-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "claimedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxEmail_sentAt_createdAt_idx" ON "OutboxEmail"("sentAt", "createdAt");

