// The statistics' figures, one named query each (./statistics.server.ts composes them). Heavy aggregates are raw
// SQL (STYLE.md: "$queryRaw for FTS5 and heavy aggregates"), written once for SQLite and PostgreSQL (the two
// differences are in app/lib/sql-dialect.server.ts). Days are "YYYY-MM-DD" strings, a period [start, end) with
// `end` the day after its last: SQLite holds dates as ISO text, which orders correctly against them, and
// PostgreSQL reads them as timestamps. Every figure is read from the read replica if there is one (readPrisma):
// a moment's lag does not change a report.
import { Prisma } from "~/generated/prisma/client";
import { isoDay } from "~/lib/calendar-date";
import { readPrisma } from "~/lib/db.server";
import { daysBetween, yearOf } from "~/lib/sql-dialect.server";
import type { PatentType } from "~/models/patent/vocabulary";

export const DEAL_KINDS = ["OPEN", "ORDINARY", "SOLE", "EXCLUSIVE", "ASSIGNMENT"] as const;
export type DealKindCode = (typeof DEAL_KINDS)[number];

/** The statistics' scope: one university (by id) or all, one cluster or all. */
export interface Scope {
  universityId: string | null;
  cluster: string | null;
}

type Count = bigint | number;

// Licenses granted and assignments made by universities; a patent's cluster and field come with it.
const UNIVERSITY_DEALS = Prisma.sql`
  SELECT l."patentId", l."licensorId" AS "universityId", CAST(l."kind" AS TEXT) AS "kind", l."valueFen", l."signedAt"
  FROM "License" l JOIN "Organization" o ON o."id" = l."licensorId" AND o."kind" = 'UNIVERSITY'
  UNION ALL
  SELECT t."patentId", t."assignorId", 'ASSIGNMENT', t."priceFen", t."signedAt"
  FROM "Transfer" t JOIN "Organization" o ON o."id" = t."assignorId" AND o."kind" = 'UNIVERSITY'`;

// A patent belongs to the university that held it before its first assignment, else to its owner.
const FIRST_ASSIGNOR = Prisma.sql`
  SELECT t."patentId", t."assignorId" FROM "Transfer" t
  WHERE NOT EXISTS (SELECT 1 FROM "Transfer" e WHERE e."patentId" = t."patentId"
    AND (e."signedAt" < t."signedAt" OR (e."signedAt" = t."signedAt" AND e."id" < t."id")))`;

// The casts tell PostgreSQL the type of a parameter that is only tested for NULL.
const clusterMatches = (cluster: string | null) =>
  Prisma.sql`(CAST(${cluster} AS TEXT) IS NULL OR p."cluster" = ${cluster})`;
const universityMatches = (universityId: string | null, column: Prisma.Sql) =>
  Prisma.sql`(CAST(${universityId} AS TEXT) IS NULL OR ${column} = ${universityId})`;
/** A university deal (UNIVERSITY_DEALS d, its patent p) in the scope. */
const inScope = (scope: Scope) =>
  Prisma.sql`${universityMatches(scope.universityId, Prisma.sql`d."universityId"`)} AND ${clusterMatches(scope.cluster)}`;
/** 1 where a condition holds, else 0, to be summed (SQLite can sum a comparison, PostgreSQL cannot). */
const oneIf = (condition: Prisma.Sql) => Prisma.sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

export type Grouped = {
  universityId: string;
  cluster: string | null;
  field: string | null;
  kind: DealKindCode;
  deals: Count;
  valueFen: Count | null;
};

/** Every university's deals signed in [start, end) (the ranking needs them all), by cluster, field and kind. */
export function dealsByUniversityAndGroup(start: string, end: string, cluster: string | null): Promise<Grouped[]> {
  return readPrisma.$queryRaw<Grouped[]>`
    SELECT d."universityId", p."cluster", p."field", d."kind", COUNT(*) AS "deals", SUM(d."valueFen") AS "valueFen"
    FROM (${UNIVERSITY_DEALS}) d JOIN "Patent" p ON p."id" = d."patentId"
    WHERE d."signedAt" >= ${start} AND d."signedAt" < ${end} AND ${clusterMatches(cluster)}
    GROUP BY 1, 2, 3, 4`;
}

/** The deals in the scope signed in [start, end), by kind. */
export function dealsByKind(
  scope: Scope,
  start: string,
  end: string,
): Promise<Array<{ kind: string; deals: Count; valueFen: Count | null }>> {
  return readPrisma.$queryRaw<Array<{ kind: string; deals: Count; valueFen: Count | null }>>`
    SELECT d."kind", COUNT(*) AS "deals", SUM(d."valueFen") AS "valueFen"
    FROM (${UNIVERSITY_DEALS}) d JOIN "Patent" p ON p."id" = d."patentId"
    WHERE d."signedAt" >= ${start} AND d."signedAt" < ${end} AND ${inScope(scope)}
    GROUP BY 1`;
}

/** The deals in the scope signed from `fromYear` to `toYear`, by calendar year and kind. */
export function dealsByYearAndKind(
  scope: Scope,
  fromYear: number,
  toYear: number,
): Promise<Array<{ year: string; kind: string; deals: Count; valueFen: Count | null }>> {
  return readPrisma.$queryRaw<Array<{ year: string; kind: string; deals: Count; valueFen: Count | null }>>`
    SELECT ${yearOf(Prisma.sql`d."signedAt"`)} AS "year", d."kind", COUNT(*) AS "deals", SUM(d."valueFen") AS "valueFen"
    FROM (${UNIVERSITY_DEALS}) d JOIN "Patent" p ON p."id" = d."patentId"
    WHERE d."signedAt" >= ${`${fromYear}-01-01`} AND d."signedAt" < ${`${toYear + 1}-01-01`} AND ${inScope(scope)}
    GROUP BY 1, 2`;
}

/** The industrialisation rate's terms per university (the first assignor's, else the owner's), as at `end`: granted
 * invention patents, and those of them licensed or transferred before `end`. */
export function industrialisationByUniversity(
  end: string,
  cluster: string | null,
): Promise<Array<{ universityId: string; granted: Count; industrialised: Count }>> {
  return readPrisma.$queryRaw<Array<{ universityId: string; granted: Count; industrialised: Count }>>`
    SELECT COALESCE(ft."assignorId", p."ownerId") AS "universityId", COUNT(*) AS "granted",
      SUM(${oneIf(Prisma.sql`EXISTS (SELECT 1 FROM "License" l WHERE l."patentId" = p."id" AND l."signedAt" < ${end})
        OR EXISTS (SELECT 1 FROM "Transfer" t WHERE t."patentId" = p."id" AND t."signedAt" < ${end})`)}) AS "industrialised"
    FROM "Patent" p LEFT JOIN (${FIRST_ASSIGNOR}) ft ON ft."patentId" = p."id"
    WHERE p."type" = 'INVENTION' AND p."grantDate" < ${end} AND ${clusterMatches(cluster)}
    GROUP BY 1`;
}

/** The pool as it stands now, by patent type: patents assessed and patents transferable. */
export function poolByType(scope: Scope): Promise<Array<{ type: PatentType; assessed: Count; transferable: Count }>> {
  return readPrisma.$queryRaw<Array<{ type: PatentType; assessed: Count; transferable: Count }>>`
    SELECT p."type", COUNT(p."assessedAt") AS "assessed", SUM(${oneIf(Prisma.sql`p."transferable"`)}) AS "transferable"
    FROM "Patent" p LEFT JOIN (${FIRST_ASSIGNOR}) ft ON ft."patentId" = p."id"
    WHERE ${universityMatches(scope.universityId, Prisma.sql`COALESCE(ft."assignorId", p."ownerId")`)} AND ${clusterMatches(scope.cluster)}
    GROUP BY 1`;
}

/** Open licenses by patent type: under open license at `end` (the latest version declared by then, not withdrawn by
 * then), declared and withdrawn in [start, end). */
export function declarationsByType(
  scope: Scope,
  start: string,
  end: string,
): Promise<Array<{ type: PatentType; underOpenLicense: Count; declared: Count; withdrawn: Count }>> {
  return readPrisma.$queryRaw<Array<{ type: PatentType; underOpenLicense: Count; declared: Count; withdrawn: Count }>>`
    SELECT p."type",
      COUNT(DISTINCT CASE WHEN d."declaredAt" < ${end} AND (d."withdrawnAt" IS NULL OR d."withdrawnAt" >= ${end})
        AND NOT EXISTS (SELECT 1 FROM "OpenLicenseDeclaration" n WHERE n."patentId" = d."patentId" AND n."version" > d."version" AND n."declaredAt" < ${end})
        THEN d."patentId" END) AS "underOpenLicense",
      SUM(${oneIf(Prisma.sql`d."declaredAt" >= ${start} AND d."declaredAt" < ${end}`)}) AS "declared",
      SUM(${oneIf(Prisma.sql`d."withdrawnAt" IS NOT NULL AND d."withdrawnAt" >= ${start} AND d."withdrawnAt" < ${end}`)}) AS "withdrawn"
    FROM "OpenLicenseDeclaration" d JOIN "Patent" p ON p."id" = d."patentId"
    WHERE ${universityMatches(scope.universityId, Prisma.sql`d."declarantId"`)} AND ${clusterMatches(scope.cluster)}
    GROUP BY 1`;
}

/**
 * The open-license funnel over the patents offered under open license by `end`: views in [start, end), then the
 * requests made then (a written notice is a request, art. 51; or a negotiation), how many of those requests were
 * signed, and how many of those are paid (or owe nothing).
 */
export async function openLicenseFunnel(
  scope: Scope,
  start: string,
  end: string,
): Promise<{ views: Count | null; requests: Count; signed: Count; paid: Count }> {
  const [funnel] = await readPrisma.$queryRaw<
    Array<{ views: Count | null; requests: Count; signed: Count; paid: Count }>
  >`
    WITH offered AS (
      SELECT DISTINCT d."patentId" FROM "OpenLicenseDeclaration" d JOIN "Patent" p ON p."id" = d."patentId"
      WHERE d."declaredAt" < ${end} AND ${universityMatches(scope.universityId, Prisma.sql`d."declarantId"`)} AND ${clusterMatches(scope.cluster)}
    ), requests AS (
      SELECT l."id" AS "licenseId" FROM "License" l JOIN offered o ON o."patentId" = l."patentId"
      WHERE l."kind" = 'OPEN' AND l."signedAt" >= ${start} AND l."signedAt" < ${end}
      UNION ALL
      SELECT r."licenseId" FROM "Deal" r JOIN offered o ON o."patentId" = r."patentId"
      WHERE r."kind" <> 'ASSIGNMENT' AND r."createdAt" >= ${start} AND r."createdAt" < ${end}
    )
    SELECT
      (SELECT SUM(v."views") FROM "PatentViewDay" v JOIN offered o ON o."patentId" = v."patentId" WHERE v."day" >= ${start} AND v."day" < ${end}) AS "views",
      (SELECT COUNT(*) FROM requests) AS "requests",
      (SELECT COUNT("licenseId") FROM requests) AS "signed",
      (SELECT COUNT(*) FROM requests r WHERE r."licenseId" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Payment" pay WHERE pay."licenseId" = r."licenseId" AND pay."kind" = 'UP_FRONT' AND pay."paidAt" IS NULL)) AS "paid"`;
  return funnel;
}

/** Days from request to signature of each negotiation in the scope signed in [start, end). */
export function negotiationDays(scope: Scope, start: string, end: string): Promise<Array<{ days: number }>> {
  return readPrisma.$queryRaw<Array<{ days: number }>>`
    SELECT ${daysBetween(Prisma.sql`COALESCE(l."signedAt", t."signedAt")`, Prisma.sql`r."createdAt"`)} AS "days"
    FROM "Deal" r JOIN "Patent" p ON p."id" = r."patentId"
      LEFT JOIN "License" l ON l."id" = r."licenseId" LEFT JOIN "Transfer" t ON t."id" = r."transferId"
    WHERE r."status" = 'SIGNED' AND COALESCE(l."signedAt", t."signedAt") >= ${start} AND COALESCE(l."signedAt", t."signedAt") < ${end}
      AND ${universityMatches(scope.universityId, Prisma.sql`r."ownerId"`)} AND ${clusterMatches(scope.cluster)}`;
}

/** Whether page views were recorded at all in [start, end) (platform-wide: none recorded is not zero views), and the
 * first day any were. */
export async function viewsRecorded(start: string, end: string): Promise<{ inPeriod: boolean; since: string | null }> {
  const [recordedInPeriod, firstRecorded] = await Promise.all([
    readPrisma.patentViewDay.findFirst({
      where: { day: { gte: new Date(`${start}T00:00:00Z`), lt: new Date(`${end}T00:00:00Z`) } },
      select: { day: true },
    }),
    readPrisma.patentViewDay.findFirst({ orderBy: { day: "asc" }, select: { day: true } }),
  ]);
  return { inPeriod: recordedInPeriod !== null, since: firstRecorded ? isoDay(firstRecorded.day) : null };
}
