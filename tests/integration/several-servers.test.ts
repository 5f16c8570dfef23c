// Several app servers on one database (docs/decisions/012): each keeps its own search index and caches, fed
// by the database's change log; what one server writes, the others find; imports and signatures running on
// two servers at once neither clash nor get lost. PostgreSQL only: SQLite is one server's database. Each
// "server" here is its own client with its own connections, as a server process has.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUser } from "~/lib/auth.server";
import { databaseUrl } from "~/lib/database-url";
import { createPrismaClient, prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { reservePatentIds, takeTurn } from "~/lib/sql-dialect.server";
import { createUser } from "~/models/account/account.server";
import { runAlerts, saveSearch } from "~/models/alerts.server";
import { dispatchOutbox } from "~/models/mail.server";
import { applicationCheckCharacter } from "~/models/patent/identifiers";
import { insertPatents } from "~/models/patent-store.server";
import { recordPatentView } from "~/models/patent.server";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { createPatentSearch } from "~/models/search/service.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

const params = (query: string) => (parseSearchParams(new URLSearchParams(query)) as { params: SearchParams }).params;
const serverB = createPrismaClient(databaseUrl());
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆交通大学", "Chongqing Jiaotong University");
});
afterAll(async () => {
  await serverB.$disconnect();
});

function newPatent(id: number, serial: number, title: string) {
  const digits = `2025100${String(serial).padStart(5, "0")}`;
  return {
    id,
    applicationNumber: `${digits}.${applicationCheckCharacter(digits)}`,
    publicationNumber: null,
    grantNumber: null,
    type: "INVENTION" as const,
    title,
    titleEn: null,
    abstract: `${title}的摘要`,
    abstractEn: null,
    firstClaim: `1.一种${title}`,
    firstClaimEn: null,
    ipcMain: "E01D 19/00",
    ipcOthers: "",
    inventors: "王五",
    ownerId: university.id,
    filingDate: new Date("2025-01-02T00:00:00Z"),
    publicationDate: null,
    grantDate: null,
    expiresOn: new Date("2045-01-02T00:00:00Z"),
    legalStatus: "PENDING" as const,
    cluster: null,
    field: null,
    keywords: title,
    keywordsEn: "",
    transferable: true,
    transferableNote: null,
    valueScore: null,
    maturity: null,
    assessedAt: null,
    hasEvaluationReport: false,
  };
}

describe("several servers on one database", () => {
  it("find on one server what another wrote: new patents and open-license declarations", async () => {
    const searchOnB = createPatentSearch(serverB);
    const bridge = await createPatent({ ownerId: university.id, title: "一种斜拉桥索力监测装置" });
    expect((await searchOnB.search(params(`q=${encodeURIComponent("索力监测")}`))).total).toBe(1);
    expect((await searchOnB.search(params(`q=${encodeURIComponent("索力监测")}&open=1`))).total).toBe(0);
    await declareOpenLicense(bridge.id, university.id);
    expect((await searchOnB.search(params(`q=${encodeURIComponent("索力监测")}&open=1`))).total).toBe(1);
  });

  it("give two imports writing at once different patent ids, and lose neither", async () => {
    const write = (db: typeof prisma, from: number) =>
      db.$transaction(
        async (tx) => {
          const ids = await reservePatentIds(tx, 50);
          await insertPatents(
            tx,
            ids.map((id, i) => newPatent(id, from + i, `一种同时导入的桥梁构件${from + i}`)),
          );
        },
        { timeout: 60_000 },
      );
    await Promise.all([write(prisma, 100), write(serverB, 200), write(prisma, 300)]);
    const written = await prisma.patent.findMany({
      where: { title: { startsWith: "一种同时导入的桥梁构件" } },
      select: { id: true },
    });
    expect(new Set(written.map((p) => p.id)).size).toBe(150);
    expect((await createPatentSearch(serverB).search(params(`q=${encodeURIComponent("同时导入")}`))).total).toBe(150);
    // A patent created one at a time afterwards takes a fresh id, not one of theirs.
    const single = await createPatent({ ownerId: university.id, title: "一种之后单独登记的桥梁" });
    expect(written.map((p) => p.id)).not.toContain(single.id);
  });

  it("run the alert job on every server, and alert once", async () => {
    const company = await createEnterprise("重庆两台服务器科技有限公司");
    const member = await createUser({
      email: "two@servers.example",
      name: "Two",
      password: "two servers password",
      role: "SME",
      organizationId: company.id,
    });
    const cookie = (await startSession(member.id, 1)).split(";")[0];
    const user = (await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
    await saveSearch(user, { name: "隧道通风", query: `q=${encodeURIComponent("隧道通风")}` });
    await createPatent({ ownerId: university.id, title: "一种隧道通风节能控制系统" });
    // Both servers' first run at the same moment: each makes the job's row if it is missing.
    const runs = await Promise.all([runAlerts(), runAlerts(), runAlerts()]);
    expect(runs.reduce((sum, run) => sum + run.notifications, 0)).toBe(1);
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(1);
  });

  it("send each mail of the outbox once, though every server sends the outbox", async () => {
    await prisma.outboxEmail.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ to: `m${i}@outbox.example`, subject: `通知 ${i}`, body: "正文" })),
    });
    const delivered: string[] = [];
    const smtp = async (mail: { to: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      delivered.push(mail.to);
    };
    const sent = await Promise.all([dispatchOutbox(50, smtp), dispatchOutbox(50, smtp), dispatchOutbox(50, smtp)]);
    expect(sent.reduce((sum, n) => sum + n, 0)).toBe(30);
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered).size).toBe(30);
    expect(await prisma.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
  });

  it("try a mail again when sending failed, or when its server died holding it", async () => {
    const failing = await prisma.outboxEmail.create({
      data: { to: "fails@outbox.example", subject: "重试", body: "正文" },
    });
    const refused = async () => {
      throw new Error("SMTP 451 try again later");
    };
    expect(await dispatchOutbox(50, refused)).toBe(0);
    const abandoned = await prisma.outboxEmail.create({
      data: { to: "died@outbox.example", subject: "接管", body: "正文", claimedUntil: new Date(Date.now() - 1000) },
    });
    const held = await prisma.outboxEmail.create({
      data: { to: "held@outbox.example", subject: "占用", body: "正文", claimedUntil: new Date(Date.now() + 60_000) },
    });
    const delivered: string[] = [];
    expect(await dispatchOutbox(50, async (mail) => void delivered.push(mail.to))).toBe(2);
    expect(delivered.sort()).toEqual([abandoned.to, failing.to].sort());
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ sentAt: null });
  });

  it("count every page view when the first views of a day arrive at once", async () => {
    const viewed = await createPatent({ ownerId: university.id, title: "一种同时浏览的桥梁支座" });
    const day = new Date("2026-05-04T10:00:00Z");
    await Promise.all(Array.from({ length: 20 }, () => recordPatentView(viewed.id, day)));
    expect(await prisma.patentViewDay.findMany({ where: { patentId: viewed.id }, select: { views: true } })).toEqual([
      { views: 20 },
    ]);
  });

  it("log changes in commit order, so a server following the log never skips one", async () => {
    const [{ seq: start }] = await prisma.$queryRaw<
      Array<{ seq: number | bigint | null }>
    >`SELECT MAX("seq") AS "seq" FROM "PatentChange"`;
    const readLog = async () =>
      (
        await prisma.$queryRaw<Array<{ patentId: number | bigint }>>`
        SELECT "patentId" FROM "PatentChange" WHERE "seq" > ${Number(start ?? 0)} AND "patentId" < 0 ORDER BY "seq"`
      ).map((row) => Number(row.patentId));
    let slowLogged!: () => void;
    const slowHasLogged = new Promise<void>((resolve) => (slowLogged = resolve));
    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    // The slow writer logs a change first and commits last; the fast one logs while the slow one is open.
    const slow = prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`INSERT INTO "PatentChange" ("patentId") VALUES (-1)`;
        slowLogged();
        await slowMayCommit;
      },
      { timeout: 30_000 },
    );
    await slowHasLogged;
    const fast = serverB.$transaction(
      async (tx) => {
        await tx.$executeRaw`INSERT INTO "PatentChange" ("patentId") VALUES (-2)`;
      },
      { timeout: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A reader must not see the later change while the earlier one is still open: it would move past it.
    expect(await readLog()).toEqual([]);
    releaseSlow();
    await Promise.all([slow, fast]);
    expect(await readLog()).toEqual([-1, -2]);
  });

  it("take turns on a patent across servers: the second waits for the first to commit", async () => {
    const order: string[] = [];
    let firstHasTurn!: () => void;
    const firstHasTheTurn = new Promise<void>((resolve) => (firstHasTurn = resolve));
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = prisma.$transaction(
      async (tx) => {
        await takeTurn(tx, "patent:test-turns");
        order.push("first has the turn");
        firstHasTurn();
        await firstMayCommit;
        order.push("first commits");
      },
      { timeout: 30_000 },
    );
    await firstHasTheTurn;
    const second = serverB.$transaction(
      async (tx) => {
        await takeTurn(tx, "patent:test-turns");
        order.push("second has the turn");
      },
      { timeout: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first has the turn", "first commits", "second has the turn"]);
  });
});
