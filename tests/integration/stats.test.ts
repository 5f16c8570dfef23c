// The statistics on a small hand-made database: every figure against a count written independently (plain
// SQL over the tables) and against the numbers worked out by hand in the comments.
import { beforeAll, describe, expect, it } from "vitest";
import type { LicenseKind } from "~/generated/prisma/client";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { sqlDialect } from "~/lib/sql-dialect.server";
import { createUser } from "~/models/account/account.server";
import { getMarketplaceFigures } from "~/models/marketplace.server";
import { recordPatentView } from "~/models/patent.server";
import { byPinyin, statisticsDashboard } from "~/models/stats/dashboard.server";
import { getTransferStatistics, statisticsFor, type StatsScope } from "~/models/stats/statistics.server";
import { buildStatsTables, columnHeader, formatStatsCell, formatStatsMoney } from "~/models/stats/stats-tables";
import { loader as apiLoader } from "~/routes/api.v1.stats";
import { loader as exportLoader } from "~/routes/stats.export.$table";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const YEAR_2025 = { from: "2025-01-01", to: "2025-12-31" };
const YEAR_2024 = { from: "2024-01-01", to: "2024-12-31" };
const all = (period: { from: string; to: string }): StatsScope => ({ period, universityId: null, cluster: null });

let u1: { id: string };
let u2: { id: string };
const cookies: Record<string, string> = {};
const users: Record<string, CurrentUser> = {};
let serial = 0;

async function license(
  patentId: number,
  licensorId: string,
  licenseeId: string,
  kind: LicenseKind,
  signedOn: string,
  valueFen: number,
) {
  return prisma.license.create({
    data: {
      contractNumber: `PB-T-L-${++serial}`,
      patentId,
      licensorId,
      licenseeId,
      kind,
      termsSnapshot: "{}",
      valueFen,
      startsOn: day(signedOn),
      endsOn: day("2030-01-01"),
      signedAt: day(signedOn),
    },
  });
}

async function negotiation(
  patentId: number,
  requesterId: string,
  ownerId: string,
  kind: string,
  requestedOn: string,
  concluded: { licenseId?: string; transferId?: string } | null,
) {
  return prisma.deal.create({
    data: {
      patentId,
      requesterId,
      ownerId,
      kind,
      status: concluded ? "SIGNED" : "NEGOTIATING",
      terms: "{}",
      termsBy: "REQUESTER",
      createdAt: day(requestedOn),
      ...concluded,
    },
  });
}

async function signIn(key: string, role: "SME" | "UNIVERSITY_STAFF" | "ADMIN", organizationId: string | null) {
  const created = await createUser({
    email: `${key}@stats.example`,
    name: key,
    password: "stats password",
    role,
    organizationId,
  });
  cookies[key] = (await startSession(created.id, 1)).split(";")[0];
  users[key] = (await getUser(new Request("http://localhost/", { headers: { Cookie: cookies[key] } })))!;
}

beforeAll(async () => {
  u1 = await createUniversity("重庆大学", "Chongqing University");
  u2 = await createUniversity("西南大学", "Southwest University");
  const e1 = await createEnterprise("重庆统计甲公司");
  const e2 = await createEnterprise("重庆统计乙公司");
  const assessedAt = day("2025-06-01");
  const invention = (title: string, ownerId: string, granted: string | null, cluster: string | null, field = "GREEN") =>
    createPatent({
      ownerId,
      title,
      grantDate: granted ? day(granted) : null,
      legalStatus: granted ? "VALID" : "PENDING",
      cluster,
      field,
      assessedAt,
    });

  // P1 (U1, NEV): open license 2024-03-01, then a negotiated ordinary license 2025-02-01: two deals, one patent.
  const p1 = await invention("统计专利一", u1.id, "2020-05-01", "NEV");
  await declareOpenLicense(p1.id, u1.id, { declaredAt: day("2024-01-01") });
  const open = await license(p1.id, u1.id, e1.id, "OPEN", "2024-03-01", 5_000_000);
  await prisma.payment.create({
    data: { licenseId: open.id, kind: "UP_FRONT", amountFen: 5_000_000, dueOn: day("2024-03-31") },
  });
  const ordinary = await license(p1.id, u1.id, e2.id, "ORDINARY", "2025-02-01", 10_000_000);
  await negotiation(p1.id, e2.id, u1.id, "ORDINARY", "2024-12-01", { licenseId: ordinary.id });
  await prisma.patentViewDay.create({ data: { patentId: p1.id, day: day("2025-03-03"), views: 10 } });

  // P2 (U1, ELECTRONICS, DIGITAL): assigned to E1 on 2024-12-20; still U1's for the rate.
  const p2 = await invention("统计专利二", u1.id, "2021-05-01", "ELECTRONICS", "DIGITAL");
  const transfer = await prisma.transfer.create({
    data: {
      contractNumber: "PB-T-T-1",
      patentId: p2.id,
      assignorId: u1.id,
      assigneeId: e1.id,
      priceFen: 30_000_000,
      signedAt: day("2024-12-20"),
    },
  });
  await prisma.patent.update({ where: { id: p2.id }, data: { ownerId: e1.id, transferable: false } });
  await negotiation(p2.id, e1.id, u1.id, "ASSIGNMENT", "2024-11-20", { transferId: transfer.id });

  // P3 (U1, NEV): under open license since 2024-01-15, no deal; a negotiation opened 2025-05-05.
  const p3 = await invention("统计专利三", u1.id, "2022-05-01", "NEV");
  await declareOpenLicense(p3.id, u1.id, { declaredAt: day("2024-01-15") });
  await negotiation(p3.id, e2.id, u1.id, "ORDINARY", "2025-05-05", null);
  await prisma.patentViewDay.createMany({
    data: [
      { patentId: p3.id, day: day("2025-07-01"), views: 5 },
      { patentId: p3.id, day: day("2024-07-01"), views: 7 },
    ],
  });

  // P4 (U1, utility model, ELECTRONICS): exclusive license 2025-06-30; not an invention, so not in the rate.
  const p4 = await createPatent({
    ownerId: u1.id,
    title: "统计专利四",
    type: "UTILITY_MODEL",
    grantDate: day("2023-01-01"),
    cluster: "ELECTRONICS",
    field: "DIGITAL",
    assessedAt,
  });
  await license(p4.id, u1.id, e1.id, "EXCLUSIVE", "2025-06-30", 30_000_000);

  // P5 (U2, NEV): declared 2023-03-01, withdrawn 2024-05-01; sole license 2025-01-10 after a 30-day negotiation.
  const p5 = await invention("统计专利五", u2.id, "2020-06-01", "NEV");
  await declareOpenLicense(p5.id, u2.id, {
    declaredAt: day("2023-03-01"),
    status: "WITHDRAWN",
    withdrawnAt: day("2024-05-01"),
  });
  const sole = await license(p5.id, u2.id, e2.id, "SOLE", "2025-01-10", 20_000_000);
  await negotiation(p5.id, e2.id, u2.id, "SOLE", "2024-12-11", { licenseId: sole.id });
  await prisma.patentViewDay.create({ data: { patentId: p5.id, day: day("2025-01-01"), views: 4 } });

  // P6 (U2, no cluster): an application not yet granted, licensed 2025-03-01: a deal, not in the rate.
  const p6 = await invention("统计专利六", u2.id, null, null);
  await prisma.patent.update({ where: { id: p6.id }, data: { assessedAt: null, transferable: false } });
  await license(p6.id, u2.id, e1.id, "ORDINARY", "2025-03-01", 1_000_000);

  // P7 (U2): granted only in 2026, outside the 2025 rate.
  await invention("统计专利七", u2.id, "2026-02-01", "NEV");

  // P8 (U1, FOOD): declared 2023-01-01, new terms (version 2) 2025-04-01.
  const p8 = await invention("统计专利八", u1.id, "2020-01-01", "FOOD");
  await declareOpenLicense(p8.id, u1.id, { declaredAt: day("2023-01-01"), status: "SUPERSEDED" });
  await declareOpenLicense(p8.id, u1.id, { declaredAt: day("2025-04-01"), version: 2 });

  await signIn("admin", "ADMIN", null);
  await signIn("staff1", "UNIVERSITY_STAFF", u1.id);
  await signIn("staff2", "UNIVERSITY_STAFF", u2.id);
  await signIn("sme", "SME", e1.id);
});

/** Independent counts, straight from the tables ("?" parameters, numbered for PostgreSQL). */
async function sqlCount(query: string, ...values: unknown[]): Promise<number> {
  let parameter = 0;
  const sql = sqlDialect() === "postgresql" ? query.replace(/\?/g, () => `$${++parameter}`) : query;
  const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint | number | null }>>(sql, ...values);
  return Number(row.n ?? 0);
}
const dealsBetween = (from: string, end: string) =>
  sqlCount(
    `SELECT (SELECT COUNT(*) FROM "License" WHERE "signedAt" >= ? AND "signedAt" < ?) + (SELECT COUNT(*) FROM "Transfer" WHERE "signedAt" >= ? AND "signedAt" < ?) AS n`,
    from,
    end,
    from,
    end,
  );
const industrialisedBy = (end: string, cluster: string | null = null) =>
  sqlCount(
    `SELECT COUNT(*) AS n FROM "Patent" p WHERE p."type" = 'INVENTION' AND p."grantDate" < ? AND (CAST(? AS TEXT) IS NULL OR p."cluster" = ?)
    AND (p."id" IN (SELECT "patentId" FROM "License" WHERE "signedAt" < ?) OR p."id" IN (SELECT "patentId" FROM "Transfer" WHERE "signedAt" < ?))`,
    end,
    cluster,
    cluster,
    end,
    end,
  );
const grantedBy = (end: string, cluster: string | null = null) =>
  sqlCount(
    `SELECT COUNT(*) AS n FROM "Patent" WHERE "type" = 'INVENTION' AND "grantDate" < ? AND (CAST(? AS TEXT) IS NULL OR "cluster" = ?)`,
    end,
    cluster,
    cluster,
  );

describe("transfer statistics", () => {
  it("counts a year's deals by kind with value, and the growth on the year before", async () => {
    const stats = await getTransferStatistics(all(YEAR_2025));
    expect(stats.deals.deals).toBe(await dealsBetween("2025-01-01", "2026-01-01"));
    expect(stats.deals).toMatchObject({
      deals: 4,
      licenses: 4,
      transfers: 0,
      valueFen: 61_000_000,
      previous: { deals: 2, licenses: 1, transfers: 1 },
    });
    expect(stats.deals.previous.deals).toBe(await dealsBetween("2024-01-01", "2025-01-01"));
    expect(stats.deals.growth).toBe(1);
    expect(Object.fromEntries(stats.byKind.map((k) => [k.kind, k.deals]))).toEqual({
      OPEN: 0,
      ORDINARY: 2,
      SOLE: 1,
      EXCLUSIVE: 1,
      ASSIGNMENT: 0,
    });
    const year2024 = stats.byYear.find((y) => y.year === 2024)!;
    expect(year2024).toMatchObject({ deals: 2, licenses: 1, transfers: 1, valueFen: 35_000_000 });
    expect(stats.byYear.at(-1)).toMatchObject({ year: 2025, deals: 4, growth: 1 });
  });

  it("counts a patent licensed twice once in the industrialisation rate, and an assigned patent for its university", async () => {
    const stats = await getTransferStatistics(all(YEAR_2025));
    // Granted inventions by the end of 2025: P1, P2, P3, P5, P8; transferred or licensed: P1 (twice), P2, P5.
    expect(stats.industrialisation).toMatchObject({
      grantedInventions: 5,
      industrialised: 3,
      rate: 0.6,
      asOf: "2025-12-31",
    });
    expect(stats.industrialisation.grantedInventions).toBe(await grantedBy("2026-01-01"));
    expect(stats.industrialisation.industrialised).toBe(await industrialisedBy("2026-01-01"));
    const byUniversity = Object.fromEntries(stats.universities.map((u) => [u.id, u]));
    expect(byUniversity[u1.id]).toMatchObject({ grantedInventions: 4, industrialised: 2, rate: 0.5 });
    expect(byUniversity[u2.id]).toMatchObject({ grantedInventions: 1, industrialised: 1, rate: 1 });
    // At the end of 2024 P5 was not yet licensed.
    const before = await getTransferStatistics(all(YEAR_2024));
    expect(before.industrialisation).toMatchObject({ grantedInventions: 5, industrialised: 2, rate: 0.4 });
    expect(before.industrialisation.industrialised).toBe(await industrialisedBy("2025-01-01"));
  });

  it("counts a range that crosses years by day, against the same days of the year before", async () => {
    const stats = await getTransferStatistics(all({ from: "2024-12-15", to: "2025-01-31" }));
    // P2's assignment on 2024-12-20 and P5's sole license on 2025-01-10.
    expect(stats.deals).toMatchObject({ deals: 2, licenses: 1, transfers: 1 });
    expect(stats.deals.deals).toBe(await dealsBetween("2024-12-15", "2025-02-01"));
    expect(stats.previousPeriod).toEqual({ from: "2023-12-15", to: "2024-01-31" });
    expect(stats.comparison).toBe("sameDaysYearBefore");
    expect(stats.deals.previous.deals).toBe(0);
    expect(stats.deals.growth).toBeNull();
    // The per-year trend still shows whole years.
    expect(stats.byYear.find((y) => y.year === 2025)!.deals).toBe(4);
  });

  it("counts open licenses at the end of the period: versions once, withdrawn declarations out", async () => {
    const [invention2025] = (await getTransferStatistics(all(YEAR_2025))).pool;
    // P1, P3 and P8 (version 2) at the end of 2025; P8's version 2 published in 2025.
    expect(invention2025).toMatchObject({ type: "INVENTION", underOpenLicense: 3, declared: 1, withdrawn: 0 });
    const [invention2024] = (await getTransferStatistics(all(YEAR_2024))).pool;
    // P1, P3, P8 (version 1); P5 withdrawn on 2024-05-01.
    expect(invention2024).toMatchObject({ underOpenLicense: 3, declared: 2, withdrawn: 1 });
    expect(invention2024.withdrawn).toBe(
      await sqlCount(
        `SELECT COUNT(*) AS n FROM "OpenLicenseDeclaration" WHERE "withdrawnAt" >= '2024-01-01' AND "withdrawnAt" < '2025-01-01'`,
      ),
    );
    expect(invention2025.assessed).toBe(
      await sqlCount(`SELECT COUNT(*) AS n FROM "Patent" WHERE "type" = 'INVENTION' AND "assessedAt" IS NOT NULL`),
    );
    expect(invention2025.transferable).toBe(
      await sqlCount(`SELECT COUNT(*) AS n FROM "Patent" WHERE "type" = 'INVENTION' AND "transferable"`),
    );
  });

  it("ranks universities, clusters and fields with shared ranks for ties", async () => {
    const stats = await getTransferStatistics(all(YEAR_2025));
    const byUniversity = Object.fromEntries(stats.universities.map((u) => [u.id, u]));
    // Two deals each; U1's are worth 40 万 fen·100, U2's 21.
    expect(byUniversity[u1.id]).toMatchObject({ deals: 2, valueFen: 40_000_000, rankByDeals: 1, rankByValue: 1 });
    expect(byUniversity[u2.id]).toMatchObject({ deals: 2, valueFen: 21_000_000, rankByDeals: 1, rankByValue: 2 });
    expect(stats.clusters.map((c) => [c.code, c.deals, c.rankByDeals])).toEqual([
      ["NEV", 2, 1],
      ["ELECTRONICS", 1, 2],
      [null, 1, 2],
    ]);
    expect(stats.fields.map((f) => [f.code, f.deals])).toEqual([
      ["GREEN", 3],
      ["DIGITAL", 1],
    ]);
  });

  it("narrows every figure to one university and one cluster", async () => {
    const nev = await getTransferStatistics({ period: YEAR_2025, universityId: null, cluster: "NEV" });
    expect(nev.deals.deals).toBe(2);
    expect(nev.industrialisation).toMatchObject({
      grantedInventions: await grantedBy("2026-01-01", "NEV"),
      industrialised: await industrialisedBy("2026-01-01", "NEV"),
    });
    expect(nev.industrialisation).toMatchObject({ grantedInventions: 3, industrialised: 2 });
    const one = await getTransferStatistics({ period: YEAR_2025, universityId: u1.id, cluster: null });
    expect(one.deals).toMatchObject({ deals: 2, valueFen: 40_000_000, previous: { deals: 2 } });
    expect(one.industrialisation).toMatchObject({ grantedInventions: 4, industrialised: 2 });
    expect(one.pool[0].assessed).toBe(4); // P1, P2 (assigned away), P3, P8
  });

  it("follows the open-license funnel from views to paid, by the requests made in the period", async () => {
    // 2024: P1's open license (fee unpaid) and the negotiations on P1 and P5 begun in December, both signed.
    // Views are recorded from 2024-07-01 (the first recorded day), so 2024's are only its second half's.
    expect((await getTransferStatistics(all(YEAR_2024))).funnel).toEqual({
      views: 7,
      viewsSince: "2024-07-01",
      requests: 3,
      signed: 3,
      paid: 2,
    });
    // 2025: views of P1, P3, P5; the one request, P3's negotiation, is still open.
    expect((await getTransferStatistics(all(YEAR_2025))).funnel).toEqual({
      views: 19,
      viewsSince: null,
      requests: 1,
      signed: 0,
      paid: 0,
    });
  });

  it("counts a patent page's views by day, as the funnel's first stage", async () => {
    const p3 = await prisma.patent.findFirstOrThrow({ where: { title: "统计专利三" } });
    await recordPatentView(p3.id, new Date("2025-08-01T09:00:00Z"));
    await recordPatentView(p3.id, new Date("2025-08-01T23:59:00Z"));
    await recordPatentView(p3.id, new Date("2025-08-02T00:01:00Z"));
    expect((await getTransferStatistics(all({ from: "2025-08-01", to: "2025-08-01" }))).funnel.views).toBe(2);
    expect((await getTransferStatistics(all({ from: "2025-08-01", to: "2025-08-02" }))).funnel.views).toBe(3);
  });

  it("gives the median days from a negotiation's request to its signature", async () => {
    // 2025: P1 (2024-12-01 → 2025-02-01, 62 days) and P5 (2024-12-11 → 2025-01-10, 30 days).
    expect((await getTransferStatistics(all(YEAR_2025))).negotiation).toEqual({ signed: 2, medianDays: 46 });
    expect((await getTransferStatistics(all({ from: "2026-01-01", to: "2026-12-31" }))).negotiation).toEqual({
      signed: 0,
      medianDays: null,
    });
  });
});

describe("who sees which statistics", () => {
  it("shows staff their own university with its rank, and only their own row", async () => {
    const stats = await statisticsFor(users.staff2, { period: YEAR_2025, university: null, cluster: null });
    expect(stats.scope.universityId).toBe(u2.id);
    expect(stats.universities.map((u) => u.id)).toEqual([u2.id]);
    expect(stats.rank).toEqual({ byDeals: 1, byValue: 2, of: 2 });
    await expect(
      statisticsFor(users.staff2, { period: YEAR_2025, university: u1.id, cluster: null }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      statisticsFor(users.sme, { period: YEAR_2025, university: null, cluster: null }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      statisticsFor(users.admin, { period: YEAR_2025, university: "no-such-university", cluster: null }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("answers the API with the dashboard's figures, and refuses bad periods and other universities", async () => {
    const get = (query: string, who: string) =>
      apiLoader({
        request: new Request(`http://localhost/api/v1/stats?${query}`, { headers: { Cookie: cookies[who] } }),
        params: {},
        context: {},
      });
    const response = await get("year=2025", "admin");
    expect(response.status).toBe(200);
    const body = await response.json();
    const model = await getTransferStatistics(all(YEAR_2025));
    expect(body.deals).toEqual(model.deals);
    expect(body.industrialisation).toEqual(model.industrialisation);
    expect(body.universities).toHaveLength(2);
    expect((await get(`from=2024-12-15&to=2025-01-31`, "admin").then((r) => r.json())).deals.deals).toBe(2);
    for (const bad of [
      "year=abc",
      "from=2025-02-30",
      "from=2025-03-01&to=2025-01-01",
      "year=2025&from=2025-01-01",
      "cluster=MOON",
      "university=%3Cscript%3E",
    ]) {
      const refused = await get(bad, "admin");
      expect(refused.status, bad).toBe(400);
      expect((await refused.json()).issues.length, bad).toBeGreaterThan(0);
    }
    expect(await (await get("year=abc", "admin")).json()).toMatchObject({
      error: "year must be a whole number",
      issues: [{ path: "year" }],
    });
    expect((await get(`year=2025&university=${u1.id}`, "staff2")).status).toBe(403);
    expect((await get("year=2025", "sme")).status).toBe(403);
  });

  it("exports a table as CSV with a byte-order mark, the dashboard's rows and plain numbers", async () => {
    const response = (await exportLoader({
      request: new Request("http://localhost/stats/export/universities?year=2025", {
        headers: { Cookie: cookies.admin, "Accept-Language": "en" },
      }),
      params: { table: "universities" },
      context: {},
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(
      'filename="patentbridge-universities-2025-01-01-2025-12-31.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Rank,University,Licenses,Assignments,Deals,Contracted value (CNY),Rank by value,Granted inventions,Transferred or licensed,Industrialisation rate (%)",
    );
    expect(lines.slice(1)).toEqual([
      "1,Chongqing University,2,0,2,400000,1,4,2,50",
      "1,Southwest University,2,0,2,210000,2,1,1,100",
    ]);
  });
});

describe("statistics that compare like with like", () => {
  const admin = () => users.admin;
  const noChoice = { period: null, university: null, cluster: null };

  it("opens on the last complete year against the whole year before, never on the year so far", async () => {
    const stats = await statisticsFor(admin(), noChoice, new Date("2026-03-15T12:00:00Z"));
    expect(stats.period).toEqual(YEAR_2025);
    expect(stats.comparison).toBe("previousYear");
    expect(stats.previousPeriod).toEqual(YEAR_2024);
    expect(stats.toDate).toBe(false);
    expect(stats.deals).toMatchObject({
      deals: await dealsBetween("2025-01-01", "2026-01-01"),
      previous: { deals: await dealsBetween("2024-01-01", "2025-01-01") },
    });
    // On 1 January the year just ended is complete.
    expect((await statisticsFor(admin(), noChoice, new Date("2026-01-01T00:30:00Z"))).period).toEqual(YEAR_2025);
  });

  it("counts this year to date against the same days of the year before, also when the whole year is asked for", async () => {
    const today = new Date("2025-06-30T15:00:00Z");
    for (const period of [{ from: "2025-01-01", to: "2025-06-30" }, YEAR_2025]) {
      const stats = await statisticsFor(admin(), { ...noChoice, period }, today);
      expect(stats.period).toEqual({ from: "2025-01-01", to: "2025-06-30" });
      expect(stats.toDate).toBe(true);
      expect(stats.comparison).toBe("sameDaysYearBefore");
      expect(stats.previousPeriod).toEqual({ from: "2024-01-01", to: "2024-06-30" });
      // P5 (01-10), P1 (02-01), P6 (03-01), P4 (06-30) against P1's open license of 2024-03-01 alone.
      expect(stats.deals).toMatchObject({ deals: 4, previous: { deals: 1 }, growth: 3 });
      expect(stats.deals.deals).toBe(await dealsBetween("2025-01-01", "2025-07-01"));
      expect(stats.deals.previous.deals).toBe(await dealsBetween("2024-01-01", "2024-07-01"));
      // The trend's year so far says how far it goes and is compared only with the same days.
      expect(stats.byYear.at(-1)).toEqual({
        year: 2025,
        deals: 4,
        licenses: 4,
        transfers: 0,
        valueFen: 61_000_000,
        growth: 3,
        through: "2025-06-30",
      });
      expect(stats.byYear.find((y) => y.year === 2024)).toMatchObject({ through: null });
    }
    // A part of the current year that is not the year to date is not given a growth against a whole year.
    const march = await statisticsFor(
      admin(),
      { ...noChoice, period: { from: "2025-03-01", to: "2025-03-31" } },
      today,
    );
    expect(march.byYear.at(-1)).toMatchObject({ year: 2025, growth: null, through: "2025-06-30" });
    expect(march.previousPeriod).toEqual({ from: "2024-03-01", to: "2024-03-31" });
  });

  it("says that views were not recorded, rather than counting 0 views before the requests", async () => {
    // Q4 2024: the negotiations on P1 (12-01) and P5 (12-11), both signed; no page view recorded in the quarter.
    const stats = await getTransferStatistics(all({ from: "2024-10-01", to: "2024-12-31" }));
    expect(stats.funnel).toEqual({ views: null, viewsSince: null, requests: 2, signed: 2, paid: 2 });
    expect(
      await sqlCount(`SELECT COUNT(*) AS n FROM "PatentViewDay" WHERE "day" >= '2024-10-01' AND "day" < '2025-01-01'`),
    ).toBe(0);
    const zh = buildStatsTables(stats, "zh").funnel.rows;
    expect(zh[0]).toEqual(["浏览", "未记录", null]);
    expect(zh[1]).toEqual(["请求", 2, null]);
    expect(zh[2]).toEqual(["签约", 2, 1]);
    expect(buildStatsTables(stats, "en").funnel.rows[0]).toEqual(["Views", "not recorded", null]);
  });

  it("shows money in one format per table: 万元 with two decimals, the unit in the header", async () => {
    const stats = await getTransferStatistics(all(YEAR_2025));
    const tables = buildStatsTables(stats, "zh");
    const valueColumn = tables.universities.columns.findIndex((c) => c.kind === "money");
    expect(columnHeader(tables.universities.columns[valueColumn], "zh")).toBe("合同金额（万元）");
    expect(columnHeader(buildStatsTables(stats, "en").universities.columns[valueColumn], "en")).toBe(
      "Contracted value (CNY 10,000)",
    );
    // 400,000 元 and 210,000 元; 1,000 元 (P6's license) would read 0.10 in the same column.
    expect(tables.universities.rows.map((row) => formatStatsCell(row[valueColumn], "money", "zh"))).toEqual([
      "40.00",
      "21.00",
    ]);
    expect(formatStatsCell(192_327_900, "money", "zh")).toBe("192.33");
    expect(formatStatsCell(1_000, "money", "en")).toBe("0.00");
    expect(formatStatsCell(22_520_000, "money", "zh")).toBe("22.52");
    expect(formatStatsMoney(61_000_000, "zh")).toBe("61.00 万元");
    expect(formatStatsMoney(61_000_000, "en")).toBe("CNY 0.61 million");
  });

  it("lists the universities by pinyin for the period control, and loads the last complete year by default", async () => {
    const answer = await statisticsDashboard(admin(), new URLSearchParams(), new Date("2026-03-15T12:00:00Z"));
    // 重庆 (chóng) before 西南 (xī), though 西 comes before 重 by code point.
    expect(answer.universities?.map((u) => u.name)).toEqual(["重庆大学", "西南大学"]);
    expect(
      byPinyin([{ name: "西南大学" }, { name: "重庆大学" }, { name: "北京大学" }, { name: "四川美术学院" }]).map(
        (u) => u.name,
      ),
    ).toEqual(["北京大学", "重庆大学", "四川美术学院", "西南大学"]);
    expect(answer.stats.period).toEqual(YEAR_2025);
    expect(answer.today).toBe("2026-03-15");
    const ytd = await statisticsDashboard(admin(), new URLSearchParams("period=ytd"), new Date("2025-06-30T15:00:00Z"));
    expect(ytd.stats).toMatchObject({
      period: { from: "2025-01-01", to: "2025-06-30" },
      comparison: "sameDaysYearBefore",
    });
  });

  it("shows the home page's deals for the last complete year, counted as the statistics count them", async () => {
    const figures = await getMarketplaceFigures(new Date("2026-03-15T12:00:00Z"));
    expect(figures.dealsYear).toBe(2025);
    expect(figures.dealsInYear).toBe((await getTransferStatistics(all(YEAR_2025))).deals.deals);
  });

  it("exports the same period by default as the page opens on", async () => {
    const response = (await exportLoader({
      request: new Request("http://localhost/stats/export/deals-by-year", { headers: { Cookie: cookies.admin } }),
      params: { table: "deals-by-year" },
      context: {},
    })) as Response;
    const year = new Date().getUTCFullYear() - 1;
    expect(response.headers.get("Content-Disposition")).toContain(
      `patentbridge-deals-by-year-${year}-01-01-${year}-12-31.csv`,
    );
  });
});
