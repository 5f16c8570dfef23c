// Search, statistics and alerts read from a PostgreSQL hot standby (DATABASE_READ_URL) while writes go to the
// primary: what is written is found once the standby has it, and the alert job never skips a change the
// standby has not replayed yet. PostgreSQL only (the integration suite's PostgreSQL run starts the standby).
import { describe, expect, inject, it } from "vitest";
import type { SearchParams } from "~/models/search/search-params";

const replica = inject("replicaBaseUrl");
const database = process.env.DATABASE_URL!.slice(process.env.DATABASE_URL!.lastIndexOf("/"));
process.env.DATABASE_READ_URL = `${replica}${database}`;
// Imported after DATABASE_READ_URL is set: the app's clients are made when db.server is first imported.
const { prisma, readPrisma } = await import("~/lib/db.server");
const { parseSearchParams } = await import("~/models/search/search-params");
const { patentSearch } = await import("~/models/search/service.server");
const { runAlerts, saveSearch } = await import("~/models/alerts.server");
const { getUser } = await import("~/lib/auth.server");
const { startSession } = await import("~/lib/session.server");
const { createUser } = await import("~/models/account/account.server");
const { createEnterprise, createPatent, createUniversity } = await import("../helpers/fixtures");

const params = (query: string) => (parseSearchParams(new URLSearchParams(query)) as { params: SearchParams }).params;

describe("reads from a hot standby", () => {
  it("is a separate, read-only connection", async () => {
    expect(readPrisma).not.toBe(prisma);
    const [{ recovery }] = await readPrisma.$queryRaw<
      Array<{ recovery: boolean }>
    >`SELECT pg_is_in_recovery() AS "recovery"`;
    expect(recovery).toBe(true);
    await expect(readPrisma.$executeRaw`INSERT INTO "PatentChange" ("patentId") VALUES (1)`).rejects.toThrow(
      /read-only/,
    );
  });

  it("finds what the primary wrote once the standby has replayed it, and alerts on it exactly once", async () => {
    const university = await createUniversity("重庆工商大学", "Chongqing Technology and Business University");
    const company = await createEnterprise("重庆副本读取科技有限公司");
    await prisma.organization.update({ where: { id: company.id }, data: { verifiedAt: new Date() } });
    const member = await createUser({
      email: "replica@alerts.example",
      name: "Replica",
      password: "replica password",
      role: "SME",
      organizationId: company.id,
    });
    const cookie = (await startSession(member.id, 1)).split(";")[0];
    const user = (await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
    await expect.poll(() => readPrisma.user.count({ where: { id: member.id } })).toBe(1);
    await saveSearch(user, { name: "火锅底料", query: `q=${encodeURIComponent("火锅底料")}` });

    await createPatent({ ownerId: university.id, title: "一种火锅底料炒制设备" });
    await expect
      .poll(async () => (await patentSearch().search(params(`q=${encodeURIComponent("火锅底料")}`))).total)
      .toBe(1);

    let notifications = 0;
    await expect.poll(async () => (notifications += (await runAlerts()).notifications)).toBe(1);
    expect((await runAlerts()).notifications).toBe(0);
    expect(await prisma.notification.count({ where: { userId: member.id, kind: "notify.alertNewMatches" } })).toBe(1);
  });
});
