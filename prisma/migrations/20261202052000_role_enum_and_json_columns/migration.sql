-- Json columns (SQLite keeps the JSON text; Prisma parses it) and the Role enum (text on SQLite: no change).
-- Edited: prisma migrate diff wrote the Json defaults as DEFAULT {}, which SQLite refuses; they are quoted.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PendingRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "organization" JSONB NOT NULL,
    "ip" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_PendingRegistration" ("createdAt", "email", "expiresAt", "id", "ip", "name", "organization", "passwordHash", "tokenHash", "usedAt") SELECT "createdAt", "email", "expiresAt", "id", "ip", "name", "organization", "passwordHash", "tokenHash", "usedAt" FROM "PendingRegistration";
DROP TABLE "PendingRegistration";
ALTER TABLE "new_PendingRegistration" RENAME TO "PendingRegistration";
CREATE UNIQUE INDEX "PendingRegistration_tokenHash_key" ON "PendingRegistration"("tokenHash");
CREATE INDEX "PendingRegistration_email_idx" ON "PendingRegistration"("email");
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "subject" TEXT NOT NULL,
    "ip" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}'
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "at", "detail", "id", "ip", "subject") SELECT "action", "actorId", "at", "detail", "id", "ip", "subject" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_action_subject_at_idx" ON "AuditEvent"("action", "subject", "at");
CREATE INDEX "AuditEvent_action_ip_at_idx" ON "AuditEvent"("action", "ip", "at");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "userId" TEXT,
    "readAt" DATETIME,
    "digestedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("createdAt", "digestedAt", "id", "kind", "link", "organizationId", "readAt", "userId", "values") SELECT "createdAt", "digestedAt", "id", "kind", "link", "organizationId", "readAt", "userId", "values" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_organizationId_readAt_idx" ON "Notification"("organizationId", "readAt");
CREATE INDEX "Notification_userId_digestedAt_idx" ON "Notification"("userId", "digestedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

