// In-app notifications: each step of a deal that needs the other side tells that side's organisation.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma, type PrismaClient } from "~/lib/db.server";

export type NotificationKind =
  | "notify.licenseSigned" | "notify.paymentConfirmed" | "notify.dealRequested" | "notify.dealCountered"
  | "notify.dealAccepted" | "notify.dealSigned" | "notify.dealConcluded" | "notify.dealDeclined" | "notify.dealMessage"
  | "notify.salesReported" | "notify.needProposal" | "notify.alertNewMatches" | "notify.alertChanged" | "notify.alertWatched";

export async function notify(
  db: PrismaClient | Prisma.TransactionClient,
  organizationId: string,
  kind: NotificationKind,
  link: string,
  values: Record<string, string | number> = {},
): Promise<void> {
  await db.notification.create({ data: { organizationId, kind, link, values: JSON.stringify(values) } });
}

/** The organisation's notices, and the alerts of this member's own saved searches and watches. */
function addressedTo(user: CurrentUser & { organization: { id: string } }) {
  return { organizationId: user.organization.id, OR: [{ userId: null }, { userId: user.id }] };
}

export async function unreadCount(user: CurrentUser): Promise<number> {
  if (!user.organization) return 0;
  return prisma.notification.count({ where: { ...addressedTo({ ...user, organization: user.organization }), readAt: null } });
}

export async function listNotifications(user: CurrentUser) {
  if (!user.organization) return [];
  const notifications = await prisma.notification.findMany({ where: addressedTo({ ...user, organization: user.organization }), orderBy: { createdAt: "desc" }, take: 100 });
  return notifications.map((n) => ({ ...n, values: JSON.parse(n.values) as Record<string, string | number> }));
}

/** Marks all of the organisation's notifications read. */
export async function markRead(user: CurrentUser): Promise<void> {
  if (!user.organization) return;
  await prisma.notification.updateMany({ where: { ...addressedTo({ ...user, organization: user.organization }), readAt: null }, data: { readAt: new Date() } });
}
