// In-app notifications: each step of a deal that needs the other side tells that side's organisation.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma, type PrismaClient } from "~/lib/db.server";

export type NotificationKind =
  | "notify.licenseSigned"
  | "notify.paymentConfirmed"
  | "notify.dealRequested"
  | "notify.dealCountered"
  | "notify.dealAccepted"
  | "notify.dealSigned"
  | "notify.dealConcluded"
  | "notify.dealDeclined"
  | "notify.dealWithdrawn"
  | "notify.dealMessage"
  | "notify.salesReported"
  | "notify.needProposal"
  | "notify.alertNewMatches"
  | "notify.alertChanged"
  | "notify.alertWatched";

/** The values a notice's message is worded with. */
export type NotificationValues = Record<string, string | number>;

/** A notice's stored values, of which only strings and numbers are ever written. */
export function notificationValues(values: Prisma.JsonValue): NotificationValues {
  const object = values && typeof values === "object" && !Array.isArray(values) ? values : {};
  return Object.fromEntries(
    Object.entries(object).filter(
      (entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number",
    ),
  );
}

export async function notify(
  db: PrismaClient | Prisma.TransactionClient,
  organizationId: string,
  kind: NotificationKind,
  link: string,
  values: NotificationValues = {},
): Promise<void> {
  await db.notification.create({ data: { organizationId, kind, link, values } });
}

/** The organisation's notices, and the alerts of this member's own saved searches and watches. */
function addressedTo(user: CurrentUser & { organization: { id: string } }) {
  return { organizationId: user.organization.id, OR: [{ userId: null }, { userId: user.id }] };
}

/** The user's unread notifications; those pointing to `opened`, the page being opened (whose loader reads them
 * at the same moment), are not counted. */
export async function unreadCount(user: CurrentUser, opened?: string): Promise<number> {
  if (!user.organization) return 0;
  const openedLinks = opened ? [...new Set([opened, notificationTarget(opened)])] : [];
  return prisma.notification.count({
    where: {
      ...addressedTo({ ...user, organization: user.organization }),
      readAt: null,
      ...(opened ? { link: { notIn: openedLinks } } : {}),
    },
  });
}

export async function listNotifications(user: CurrentUser) {
  if (!user.organization) return [];
  const notifications = await prisma.notification.findMany({
    where: addressedTo({ ...user, organization: user.organization }),
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return notifications.map((n) => ({ ...n, values: notificationValues(n.values) }));
}

/** Marks all of the organisation's notifications read. */
export async function markRead(user: CurrentUser): Promise<void> {
  if (!user.organization) return;
  await prisma.notification.updateMany({
    where: { ...addressedTo({ ...user, organization: user.organization }), readAt: null },
    data: { readAt: new Date() },
  });
}

/** Where a notice points, as a path without its query: the thing it is about (a deal, a license, a need …). */
export function notificationTarget(link: string): string {
  return link.split(/[?#]/, 1)[0];
}

export interface NotificationGroup {
  /** the link of the group's notices: one deal, license, need or patent (or one saved search's results) */
  link: string;
  /** what the link points to, by name: a patent's title, a contract number, a need's title */
  subject: { title: string; titleEn: string | null; reference: string | null } | null;
  count: number;
  unread: number;
  latest: { kind: string; values: Record<string, string | number>; createdAt: Date };
}

export const GROUPS_PER_PAGE = 30;

/** The user's notices, one row per thing they point to (a deal, a license …): how many, how many unread, and
 * the latest; the group with the newest notice first. */
export async function listNotificationGroups(
  user: CurrentUser,
  { page = 1, pageSize = GROUPS_PER_PAGE }: { page?: number; pageSize?: number } = {},
) {
  if (!user.organization) return { total: 0, unread: 0, groups: [] as NotificationGroup[] };
  const where = addressedTo({ ...user, organization: user.organization });
  const [all, unreadByLink] = await Promise.all([
    prisma.notification.groupBy({ by: ["link"], where, _count: { _all: true }, _max: { createdAt: true } }),
    prisma.notification.groupBy({ by: ["link"], where: { ...where, readAt: null }, _count: { _all: true } }),
  ]);
  const unread = new Map(unreadByLink.map((row) => [row.link, row._count._all]));
  // Unread groups first, then the newest; ties by link so that paging is stable.
  const ordered = all
    .map((row) => ({
      link: row.link,
      count: row._count._all,
      unread: unread.get(row.link) ?? 0,
      newest: row._max.createdAt?.getTime() ?? 0,
    }))
    .sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || b.newest - a.newest || a.link.localeCompare(b.link));
  const shown = ordered.slice((page - 1) * pageSize, page * pageSize);
  const links = shown.map((group) => group.link);
  const latest = links.length
    ? await prisma.notification.findMany({
        where: { ...where, link: { in: links } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        distinct: ["link"],
        select: { link: true, kind: true, values: true, createdAt: true },
      })
    : [];
  const latestByLink = new Map(latest.map((n) => [n.link, n]));
  const subjects = await subjectsOf(links);
  const groups: NotificationGroup[] = shown.map((group) => {
    const last = latestByLink.get(group.link)!;
    return {
      link: group.link,
      count: group.count,
      unread: group.unread,
      subject: subjects.get(group.link) ?? null,
      latest: { kind: last.kind, values: notificationValues(last.values), createdAt: last.createdAt },
    };
  });
  return { total: ordered.length, unread: ordered.reduce((sum, group) => sum + group.unread, 0), groups };
}

/** The names of the deals, licenses, needs and patents the links point to. */
async function subjectsOf(links: string[]) {
  const ids = (prefix: string) =>
    links
      .map(notificationTarget)
      .filter((path) => path.startsWith(prefix))
      .map((path) => path.slice(prefix.length))
      .filter((id) => /^[\w-]+$/.test(id));
  const patentIds = ids("/patents/").map(Number).filter(Number.isSafeInteger);
  const [deals, licenses, needs, patents] = await Promise.all([
    prisma.deal.findMany({
      where: { id: { in: ids("/deals/") } },
      select: { id: true, patent: { select: { title: true, titleEn: true } } },
    }),
    prisma.license.findMany({
      where: { id: { in: ids("/licenses/") } },
      select: { id: true, contractNumber: true, patent: { select: { title: true, titleEn: true } } },
    }),
    prisma.technologyNeed.findMany({ where: { id: { in: ids("/needs/") } }, select: { id: true, title: true } }),
    prisma.patent.findMany({ where: { id: { in: patentIds } }, select: { id: true, title: true, titleEn: true } }),
  ]);
  const subjects = new Map<string, NotificationGroup["subject"]>();
  for (const link of links) {
    const path = notificationTarget(link);
    if (path !== link) continue;
    const [, kind, id] = path.split("/");
    const deal = kind === "deals" && deals.find((d) => d.id === id);
    const license = kind === "licenses" && licenses.find((l) => l.id === id);
    const need = kind === "needs" && needs.find((n) => n.id === id);
    const patent = kind === "patents" && patents.find((p) => String(p.id) === id);
    if (deal) subjects.set(link, { ...deal.patent, reference: null });
    else if (license) subjects.set(link, { ...license.patent, reference: license.contractNumber });
    else if (need) subjects.set(link, { title: need.title, titleEn: null, reference: null });
    else if (patent) subjects.set(link, { title: patent.title, titleEn: patent.titleEn, reference: null });
  }
  return subjects;
}

/** The thing at `path` was opened by the user: the notices pointing to it are read (the organisation's notices
 * are read for every member, as any member may act on them). Returns how many became read. */
export async function markReadFor(user: CurrentUser | null, path: string, now = new Date()): Promise<number> {
  if (!user?.organization) return 0;
  const where = {
    ...addressedTo({ ...user, organization: user.organization }),
    link: { in: [...new Set([path, notificationTarget(path)])] },
    readAt: null,
  };
  // Read first: most pages have nothing to mark, and a write would wait for any import holding the database.
  if (!(await prisma.notification.findFirst({ where, select: { id: true } }))) return 0;
  const { count } = await prisma.notification.updateMany({ where, data: { readAt: now } });
  return count;
}
