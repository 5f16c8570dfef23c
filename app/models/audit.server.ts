import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { prisma } from "~/lib/db.server";

export interface AuditInput {
  action: string;
  actorId?: string | null;
  subject: string;
  ip?: string | null;
  detail?: object;
}

/** Appends to the audit log, inside the caller's transaction when it has one. Never holds a password. */
export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: { action: event.action, actorId: event.actorId ?? null, subject: event.subject, ip: event.ip ?? null, detail: JSON.stringify(event.detail ?? {}) },
  });
}

export async function listAuditEvents({ page, pageSize = 50 }: { page: number; pageSize?: number }) {
  const [total, events] = await Promise.all([
    prisma.auditEvent.count(),
    prisma.auditEvent.findMany({ orderBy: { at: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, events };
}
