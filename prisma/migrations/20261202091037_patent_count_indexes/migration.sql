-- CreateIndex
CREATE INDEX "Patent_transferable_legalStatus_idx" ON "Patent"("transferable", "legalStatus");

-- CreateIndex
CREATE INDEX "Patent_type_ownerId_cluster_transferable_assessedAt_idx" ON "Patent"("type", "ownerId", "cluster", "transferable", "assessedAt");

-- CreateIndex
CREATE INDEX "Patent_type_grantDate_ownerId_cluster_idx" ON "Patent"("type", "grantDate", "ownerId", "cluster");

