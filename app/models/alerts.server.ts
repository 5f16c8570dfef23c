// Saved searches and watched patents: nobody misses a new patent that fits or a change to one they follow.
// The database's change log (PatentChange, written by triggers on every patent and declaration write) drives
// the alerts, so imports, declarations, withdrawals and assessments are all seen, whoever made them.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { translator, type MessageKey } from "~/lib/i18n";
import { publicUrl } from "~/lib/public-url.server";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { searchParamsToQuery } from "~/models/search/search-url";
import { sendMail } from "./mail.server";
import { notificationValues, type NotificationValues } from "./notification.server";
import { RELOAD_ALL } from "./search/facet-index.server";
import { patentSearch } from "./search/service.server";

const ALERTS_JOB = "alerts";
const DIGEST_JOB = "digest";
const DAY_MS = 86_400_000;
const MAX_SAVED_SEARCHES = 50;
/** Rows a statement, within SQLite's limit on bound parameters. */
const HIT_BATCH = 300;

function requireMember(user: CurrentUser) {
  if (user.role === "ADMIN" || !user.organization)
    throw new DomainError("FORBIDDEN", "alerts.membersOnly", { status: 403 });
  return user.organization.id;
}

/** The search as it would be saved: its URL query without paging or page size, in a stable order. */
export function canonicalSearch(query: string): { params: SearchParams; query: string } {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok)
    throw new DomainError("INVALID_SEARCH", parsed.issues[0].message, { status: 400, path: parsed.issues[0].path });
  const params = { ...parsed.params, page: 1, size: 20 as const };
  return { params, query: searchParamsToQuery({ ...params, page: undefined, size: undefined }) };
}

/** The open-license version each patent has now (missing: none), of the given patents or (null) of all. */
async function openLicenseVersions(patentIds: number[] | null): Promise<Map<number, number>> {
  // Active declarations are few next to the pool: for a long list, reading them all beats a huge IN.
  const wanted = patentIds && new Set(patentIds);
  const rows = await prisma.openLicenseDeclaration.findMany({
    where: { status: "ACTIVE", ...(patentIds && patentIds.length <= 500 ? { patentId: { in: patentIds } } : {}) },
    select: { patentId: true, version: true },
  });
  const versions = new Map<number, number>();
  for (const row of rows)
    if (!wanted || wanted.has(row.patentId))
      versions.set(row.patentId, Math.max(row.version, versions.get(row.patentId) ?? 0));
  return versions;
}

/**
 * Saving a search stores only what a later run could not tell from the patents themselves (issue 17): a patent
 * that existed when the search was saved is a known match without an open license unless a hit says otherwise,
 * so hits are kept for the matches that had an open license then (its version, few next to the pool) and for
 * the matches found since. A broad search over the whole pool writes a handful of rows, not one per patent.
 */
export async function saveSearch(user: CurrentUser, input: { name: string; query: string }) {
  const organizationId = requireMember(user);
  const { params, query } = canonicalSearch(input.query);
  if ((await prisma.savedSearch.count({ where: { userId: user.id } })) >= MAX_SAVED_SEARCHES)
    throw new DomainError("TOO_MANY", "alerts.tooMany", { status: 409 });
  const existing = await prisma.savedSearch.findUnique({ where: { userId_query: { userId: user.id, query } } });
  if (existing) return existing;
  const declared = await openLicenseVersions(null);
  const declaredMatches = [...(await patentSearch().matchingAmong(params, [...declared.keys()]))];
  return prisma.$transaction(async (tx) => {
    const saved = await tx.savedSearch.create({ data: { userId: user.id, organizationId, name: input.name, query } });
    for (let start = 0; start < declaredMatches.length; start += HIT_BATCH) {
      const batch = declaredMatches.slice(start, start + HIT_BATCH);
      await tx.savedSearchHit.createMany({
        data: batch.map((patentId) => ({
          savedSearchId: saved.id,
          patentId,
          openLicenseVersion: declared.get(patentId)!,
        })),
      });
    }
    return saved;
  });
}

/** How many patents a saved search finds now: the search itself, as its page would count them. */
export async function currentMatchCount(query: string): Promise<number> {
  return (await patentSearch().matchingAmong(canonicalSearch(query).params, null)).size;
}

export async function listSavedSearches(user: CurrentUser) {
  const saved = await prisma.savedSearch.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, query: true, createdAt: true },
  });
  const counted: Array<(typeof saved)[number] & { matches: number }> = [];
  for (const search of saved) counted.push({ ...search, matches: await currentMatchCount(search.query) });
  return counted;
}

export async function deleteSavedSearch(user: CurrentUser, id: string) {
  const { count } = await prisma.savedSearch.deleteMany({ where: { id, userId: user.id } });
  if (count === 0) throw new DomainError("NOT_FOUND", "alerts.notFound", { status: 404 });
}

export async function watchPatent(user: CurrentUser, patentId: number) {
  const organizationId = requireMember(user);
  if (!(await prisma.patent.findUnique({ where: { id: patentId }, select: { id: true } })))
    throw new DomainError("NOT_FOUND", "patent.notFound", { status: 404 });
  const version = (await openLicenseVersions([patentId])).get(patentId) ?? 0;
  await prisma.patentWatch.upsert({
    where: { userId_patentId: { userId: user.id, patentId } },
    create: { userId: user.id, organizationId, patentId, openLicenseVersion: version },
    update: {},
  });
}

export async function unwatchPatent(user: CurrentUser, patentId: number) {
  await prisma.patentWatch.deleteMany({ where: { userId: user.id, patentId } });
}

export async function isWatching(user: CurrentUser | null, patentId: number): Promise<boolean> {
  if (!user) return false;
  return (await prisma.patentWatch.count({ where: { userId: user.id, patentId } })) > 0;
}

/** A query over a long id list, a statement per few hundred ids (SQLite's limit on bound parameters). */
async function inChunks<T>(ids: number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < ids.length; start += HIT_BATCH)
    results.push(...(await query(ids.slice(start, start + HIT_BATCH))));
  return results;
}

type Change = "declared" | "withdrawn" | "newTerms";
const changeOf = (before: number, after: number): Change | null =>
  before === after ? null : before === 0 ? "declared" : after === 0 ? "withdrawn" : "newTerms";

/** A job's row, made on its first run. Every server runs the jobs: two making the row at once both get it. */
async function jobState(name: string) {
  try {
    return await prisma.jobState.upsert({ where: { name }, create: { name }, update: {} });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return prisma.jobState.findUniqueOrThrow({ where: { name } });
  }
}

/**
 * Looks at every patent changed since the last run: new matches of each saved search (one notification per
 * search and run), open licenses declared, withdrawn or re-priced on known matches and on watched patents (one
 * notification each). Returns how many notifications it wrote. Safe to run from several processes: a run that
 * finds the log already handled by another writes nothing.
 */
export async function runAlerts(now = new Date()): Promise<{ changedPatents: number; notifications: number }> {
  const state = await jobState(ALERTS_JOB);
  // Only as far as the search has seen: on a read replica it may trail the primary, and a change it has not
  // seen yet would match nothing and be lost. The next run takes it.
  const search = patentSearch();
  const seen = (await search.refresh()).lastChange;
  const changes = await prisma.patentChange.findMany({
    where: { seq: { gt: state.lastSeq, lte: seen } },
    select: { seq: true, patentId: true },
    orderBy: { seq: "asc" },
  });
  if (changes.length === 0) return { changedPatents: 0, notifications: 0 };
  const lastSeq = changes[changes.length - 1].seq;
  // A reseeded pool is not news: forget what was known and start over from it.
  if (changes.some((change) => change.patentId === RELOAD_ALL)) {
    await prisma.jobState.update({ where: { name: ALERTS_JOB }, data: { lastSeq, lastRunAt: now } });
    return { changedPatents: 0, notifications: 0 };
  }
  const changed = [...new Set(changes.map((change) => change.patentId))];
  const [versions, titles, savedSearches, hits, watches] = await Promise.all([
    openLicenseVersions(changed),
    inChunks(changed, (ids) =>
      prisma.patent.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, createdAt: true } }),
    ),
    prisma.savedSearch.findMany({
      select: { id: true, userId: true, organizationId: true, name: true, query: true, createdAt: true },
    }),
    inChunks(changed, (ids) => prisma.savedSearchHit.findMany({ where: { patentId: { in: ids } } })),
    inChunks(changed, (ids) => prisma.patentWatch.findMany({ where: { patentId: { in: ids } } })),
  ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  const createdAtOf = new Map(titles.map((t) => [t.id, t.createdAt.getTime()]));
  const known = new Map(hits.map((hit) => [`${hit.savedSearchId}:${hit.patentId}`, hit.openLicenseVersion]));
  const notifications: Array<{
    organizationId: string;
    userId: string;
    kind: string;
    link: string;
    values: NotificationValues;
  }> = [];
  const newHits: Array<{ savedSearchId: string; patentId: number; openLicenseVersion: number }> = [];
  const updatedHits: Array<{ savedSearchId: string; patentId: number; openLicenseVersion: number }> = [];
  const goneHits: Array<{ savedSearchId: string; patentId: number }> = [];
  const textCache = new Map<string, Set<number>>();

  for (const saved of savedSearches) {
    const { params } = canonicalSearch(saved.query);
    const matching = await search.matchingAmong(params, changed, now.getTime(), textCache);
    const fresh: number[] = [];
    const notifyChange = (patentId: number, change: Change) =>
      notifications.push({
        organizationId: saved.organizationId,
        userId: saved.userId,
        kind: "notify.alertChanged",
        link: `/patents/${patentId}`,
        values: { search: saved.name, patent: titleOf.get(patentId) ?? "", change },
      });
    for (const patentId of changed) {
      const hit = known.get(`${saved.id}:${patentId}`);
      // A patent older than the search, without a hit, was known to it then without an open license (saveSearch).
      const before = hit ?? ((createdAtOf.get(patentId) ?? Infinity) <= saved.createdAt.getTime() ? 0 : undefined);
      const version = versions.get(patentId) ?? 0;
      if (matching.has(patentId)) {
        if (before === undefined) {
          fresh.push(patentId);
          newHits.push({ savedSearchId: saved.id, patentId, openLicenseVersion: version });
          continue;
        }
        const change = changeOf(before, version);
        if (!change) continue;
        (hit === undefined ? newHits : updatedHits).push({
          savedSearchId: saved.id,
          patentId,
          openLicenseVersion: version,
        });
        notifyChange(patentId, change);
      } else if (hit !== undefined) {
        goneHits.push({ savedSearchId: saved.id, patentId });
        const change = changeOf(hit, version);
        if (change === "withdrawn") notifyChange(patentId, change);
      }
    }
    if (fresh.length > 0) {
      notifications.push({
        organizationId: saved.organizationId,
        userId: saved.userId,
        kind: "notify.alertNewMatches",
        link: `/patents?${saved.query}${saved.query ? "&" : ""}sort=newest`,
        values: { search: saved.name, count: fresh.length, patent: titleOf.get(fresh[0]) ?? "" },
      });
    }
  }
  const watchUpdates: Array<{ userId: string; patentId: number; openLicenseVersion: number }> = [];
  for (const watch of watches) {
    const version = versions.get(watch.patentId) ?? 0;
    const change = changeOf(watch.openLicenseVersion, version);
    if (!change) continue;
    watchUpdates.push({ userId: watch.userId, patentId: watch.patentId, openLicenseVersion: version });
    notifications.push({
      organizationId: watch.organizationId,
      userId: watch.userId,
      kind: "notify.alertWatched",
      link: `/patents/${watch.patentId}`,
      values: { patent: titleOf.get(watch.patentId) ?? "", change },
    });
  }

  const written = await prisma.$transaction(async (tx) => {
    // Claims this stretch of the log: another process that got here first has told everyone already.
    const claimed = await tx.jobState.updateMany({
      where: { name: ALERTS_JOB, lastSeq: state.lastSeq },
      data: { lastSeq, lastRunAt: now },
    });
    if (claimed.count === 0) return 0;
    for (let start = 0; start < newHits.length; start += HIT_BATCH)
      await tx.savedSearchHit.createMany({ data: newHits.slice(start, start + HIT_BATCH) });
    for (const hit of updatedHits)
      await tx.savedSearchHit.update({
        where: { savedSearchId_patentId: { savedSearchId: hit.savedSearchId, patentId: hit.patentId } },
        data: { openLicenseVersion: hit.openLicenseVersion },
      });
    for (const hit of goneHits) await tx.savedSearchHit.delete({ where: { savedSearchId_patentId: hit } });
    for (const watch of watchUpdates)
      await tx.patentWatch.update({
        where: { userId_patentId: { userId: watch.userId, patentId: watch.patentId } },
        data: { openLicenseVersion: watch.openLicenseVersion },
      });
    await tx.notification.createMany({ data: notifications });
    return notifications.length;
  });
  return { changedPatents: changed.length, notifications: written };
}

/** Once a day, each member with new alerts gets one mail listing them (the outbox in development). */
export async function sendDailyDigests(now = new Date(), { force = false } = {}): Promise<number> {
  const state = await jobState(DIGEST_JOB);
  if (!force && state.lastRunAt && now.getTime() - state.lastRunAt.getTime() < DAY_MS) return 0;
  const pending = await prisma.notification.findMany({
    where: { userId: { not: null }, digestedAt: null, kind: { startsWith: "notify.alert" } },
    orderBy: { createdAt: "asc" },
  });
  const byUser = new Map<string, typeof pending>();
  for (const notification of pending)
    byUser.set(notification.userId!, [...(byUser.get(notification.userId!) ?? []), notification]);
  const users = await prisma.user.findMany({
    where: { id: { in: [...byUser.keys()] }, deactivatedAt: null },
    select: { id: true, email: true, name: true },
  });
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.jobState.updateMany({
      where: { name: DIGEST_JOB, lastRunAt: state.lastRunAt },
      data: { lastRunAt: now },
    });
    if (claimed.count === 0) return 0;
    for (const user of users) {
      const alerts = byUser.get(user.id)!;
      await sendMail(tx, {
        to: user.email,
        subject: `${translator("zh")("mail.digest.subject", { count: alerts.length })} ${translator("en")("mail.digest.subject", { count: alerts.length })}`,
        body: digestText(user.name, alerts),
      });
    }
    await tx.notification.updateMany({ where: { id: { in: pending.map((n) => n.id) } }, data: { digestedAt: now } });
    return users.length;
  });
}

/** The digest in both languages: the app's users read either. */
function digestText(
  name: string,
  alerts: Array<{ kind: string; values: Prisma.JsonValue; link: string; createdAt: Date }>,
): string {
  const [zh, en] = [translator("zh"), translator("en")];
  const origin = publicUrl();
  const lines = alerts.map((alert) => {
    const values = notificationValues(alert.values);
    const change = values.change
      ? {
          zh: zh(`alerts.change.${values.change}` as MessageKey),
          en: en(`alerts.change.${values.change}` as MessageKey),
        }
      : { zh: "", en: "" };
    return `- ${zh(alert.kind as MessageKey, { ...values, change: change.zh })}\n  ${en(alert.kind as MessageKey, { ...values, change: change.en })}\n  ${origin}${alert.link}`;
  });
  return `${name}：\n\n${lines.join("\n\n")}\n\n${zh("alerts.digestFooter")}\n${en("alerts.digestFooter")}\n`;
}
