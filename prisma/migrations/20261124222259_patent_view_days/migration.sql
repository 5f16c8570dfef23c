-- CreateTable
CREATE TABLE "PatentViewDay" (
    "patentId" INTEGER NOT NULL,
    "day" DATETIME NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("patentId", "day"),
    CONSTRAINT "PatentViewDay_patentId_fkey" FOREIGN KEY ("patentId") REFERENCES "Patent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PatentViewDay_day_idx" ON "PatentViewDay"("day");

-- Dated views replace the undated counter. Dropped in place (not by Prisma's table rebuild) so that the
-- Patent triggers feeding PatentChange survive.
ALTER TABLE "Patent" DROP COLUMN "viewCount";
