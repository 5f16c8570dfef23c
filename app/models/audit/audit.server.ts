import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { prisma } from "~/lib/db.server";
import { readPage, type ListQuery } from "~/lib/paging";
import { containsText, searchWords } from "~/lib/text-match.server";
import type { AuditAction } from "./actions";

export interface AuditInput {
  action: string;
  actorId?: string | null;
  subject: string;
  ip?: string | null;
  detail?: Prisma.InputJsonObject;
}

/** Appends to the audit log, inside the caller's transaction when it has one. Never holds a password. */
export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId ?? null,
      subject: event.subject,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    },
  });
}

export const AUDIT_SORTS = ["at", "action"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

/** An IPv4 client seen through an IPv6 socket ("::ffff:127.0.0.1") is shown as the IPv4 address it is. */
export function shownIp(ip: string | null): string | null {
  return ip?.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1") ?? null;
}

export interface AuditTarget {
  kind: "user" | "email" | "organization" | "patent" | "other";
  name: string;
  detail?: string;
  href?: string;
}

/** One page of the audit log with names instead of ids: who acted, on whom or what, and for which organisation. */
export async function listAuditEventsPage(
  query: ListQuery<AuditSort> & { action?: AuditAction; from?: Date; to?: Date },
  pageSize?: number,
) {
  const words = searchWords(query.q);
  // A word may name an actor or an organisation: the events about them match too.
  const [people, organizations] = words.length
    ? await Promise.all([
        prisma.user.findMany({
          where: {
            AND: words.map((word) => ({
              OR: [{ name: containsText(word) }, { email: containsText(word.toLowerCase()) }],
            })),
          },
          select: { id: true },
          take: 500,
        }),
        prisma.organization.findMany({
          where: { AND: words.map((word) => ({ OR: [{ name: containsText(word) }, { nameEn: containsText(word) }] })) },
          select: { id: true },
          take: 500,
        }),
      ])
    : [[], []];
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      query.action ? { action: query.action } : {},
      query.from || query.to
        ? {
            at: {
              ...(query.from ? { gte: query.from } : {}),
              ...(query.to ? { lt: new Date(query.to.getTime() + 86_400_000) } : {}),
            },
          }
        : {},
      words.length
        ? {
            OR: [
              { AND: words.map((word) => ({ OR: [{ subject: containsText(word) }, { ip: containsText(word) }] })) },
              ...(people.length ? [{ actorId: { in: people.map((p) => p.id) } }] : []),
              ...(organizations.length ? [{ subject: { in: organizations.map((o) => o.id) } }] : []),
            ],
          }
        : {},
    ],
  };
  const { rows: events, ...paging } = await readPage(
    query.page,
    pageSize,
    () => prisma.auditEvent.count({ where }),
    (window) =>
      prisma.auditEvent.findMany({
        where,
        orderBy: [
          { [query.sort]: query.dir },
          ...(query.sort === "at" ? [] : [{ at: "desc" as const }]),
          { id: "asc" },
        ],
        ...window,
      }),
  );
  const details = events.map((event) =>
    event.detail && typeof event.detail === "object" && !Array.isArray(event.detail) ? event.detail : {},
  );
  const emails = events.map((event) => event.subject).filter((subject) => subject.includes("@"));
  const ids = [
    ...events.map((event) => event.subject),
    ...details.map((detail) => String(detail.organizationId ?? "")),
  ].filter((id) => id && !id.includes("@"));
  const patentIds = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  const actorIds = events.map((event) => event.actorId).filter((id): id is string => Boolean(id));
  const [actors, subjectsByEmail, orgs, patents] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: [...new Set(actorIds)] } },
      select: { id: true, name: true, email: true },
    }),
    prisma.user.findMany({ where: { email: { in: [...new Set(emails)] } }, select: { email: true, name: true } }),
    prisma.organization.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, name: true, nameEn: true },
    }),
    patentIds.length
      ? prisma.patent.findMany({
          where: { id: { in: [...new Set(patentIds)] } },
          select: { id: true, title: true, titleEn: true },
        })
      : [],
  ]);
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  const nameByEmail = new Map(subjectsByEmail.map((user) => [user.email, user.name]));
  const orgById = new Map(orgs.map((org) => [org.id, org]));
  const patentById = new Map(patents.map((patent) => [patent.id, patent]));
  const targetOf = (subject: string): AuditTarget => {
    if (subject.includes("@")) {
      const name = nameByEmail.get(subject);
      return name ? { kind: "user", name, detail: subject } : { kind: "email", name: subject };
    }
    const org = orgById.get(subject);
    if (org) return { kind: "organization", name: org.name, detail: org.nameEn ?? undefined };
    const patent = /^\d{1,9}$/.test(subject) ? patentById.get(Number(subject)) : undefined;
    if (patent)
      return { kind: "patent", name: patent.title, detail: patent.titleEn ?? undefined, href: `/patents/${patent.id}` };
    return { kind: "other", name: subject };
  };
  return {
    ...paging,
    events: events.map((event, index) => {
      const actor = event.actorId ? actorById.get(event.actorId) : undefined;
      const organization = orgById.get(String(details[index].organizationId ?? ""));
      return {
        id: event.id,
        at: event.at,
        action: event.action,
        actor: actor ? { name: actor.name, email: actor.email } : null,
        target: targetOf(event.subject),
        organization:
          organization && organization.id !== event.subject
            ? { name: organization.name, nameEn: organization.nameEn }
            : null,
        ip: shownIp(event.ip),
      };
    }),
  };
}
