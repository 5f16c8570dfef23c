-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "claimedUntil" DATETIME;

-- CreateIndex
CREATE INDEX "OutboxEmail_sentAt_createdAt_idx" ON "OutboxEmail"("sentAt", "createdAt");

