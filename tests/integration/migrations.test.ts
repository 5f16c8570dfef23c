// A migration that changes a column's type keeps the rows a database already holds: a database migrated up to
// just before it, given rows, then migrated to the end, reads them back through Prisma.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "~/lib/db.server";

const url = process.env.DATABASE_URL!;
const postgres = url.startsWith("postgresql://");
const folder = postgres ? "prisma/postgresql/migrations" : "prisma/migrations";
const migrations = fs
  .readdirSync(folder)
  .filter((name) => fs.existsSync(path.join(folder, name, "migration.sql")))
  .sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8");

/** A new, empty database beside the test's own, with a way to run SQL on it and to remove it. */
async function emptyDatabase() {
  const unique = `migrations_${process.pid}_${Date.now()}`;
  if (postgres) {
    const base = url.slice(0, url.lastIndexOf("/"));
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${unique}`);
    const client = new pg.Client({ connectionString: `${base}/${unique}` });
    await client.connect();
    return {
      url: `${base}/${unique}`,
      run: async (sql: string) => void (await client.query(sql)),
      remove: async () => {
        await client.end();
        await admin.query(`DROP DATABASE ${unique} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const file = path.join(path.dirname(url.slice("file:".length)), `${unique}.db`);
  const db = new Database(file);
  return {
    url: `file:${file}`,
    run: async (sql: string) => void db.exec(sql),
    remove: async () => {
      db.close();
      fs.rmSync(file, { force: true });
    },
  };
}

describe("migrations", () => {
  it("keep the roles, license kinds and JSON documents written as text when their columns become enums and Json", async () => {
    const database = await emptyDatabase();
    try {
      const at = migrations.indexOf("20261202052000_role_enum_and_json_columns");
      expect(at).toBeGreaterThan(0);
      for (const name of migrations.slice(0, at)) await database.run(sqlOf(name));
      await database.run(`
        INSERT INTO "Organization" ("id", "kind", "name", "creditCode", "updatedAt") VALUES ('org-m', 'UNIVERSITY', '迁移大学', '12500000450400000X', '2026-12-01 00:00:00');
        INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "organizationId", "updatedAt") VALUES ('user-m', 'staff@migration.test', '迁移', 'x', 'UNIVERSITY_STAFF', 'org-m', '2026-12-01 00:00:00');
        INSERT INTO "Notification" ("id", "organizationId", "kind", "values", "link") VALUES ('n-m', 'org-m', 'notify.dealRequested', '{"company":"星河科技","count":2}', '/deals/d-1');
        INSERT INTO "AuditEvent" ("id", "action", "subject", "detail") VALUES ('a-m', 'REGISTERED', 'staff@migration.test', '{"organizationId":"org-m"}');
        INSERT INTO "PendingRegistration" ("id", "tokenHash", "email", "name", "passwordHash", "organization", "expiresAt")
          VALUES ('p-m', 'hash', 'sme@migration.test', '赵', 'x', '{"name":"星河科技有限公司","creditCode":"91500000MA5U7G4X2B","region":"重庆"}', '2026-12-02 00:00:00');`);
      // Licenses of patents this database does not hold: its foreign keys are not checked for these rows.
      await database.run(postgres ? "SET session_replication_role = replica" : "PRAGMA foreign_keys = OFF");
      for (const [id, kind] of [
        ["l-open", "OPEN"],
        ["l-exclusive", "EXCLUSIVE"],
      ]) {
        await database.run(`INSERT INTO "License" ("id", "contractNumber", "patentId", "licensorId", "licenseeId", "kind", "termsSnapshot", "startsOn", "endsOn", "signedAt")
          VALUES ('${id}', 'PB-M-${id}', 1, 'org-m', 'org-m', '${kind}', '{}', '2026-01-01 00:00:00', '2027-01-01 00:00:00', '2026-01-01 00:00:00')`);
      }
      await database.run(postgres ? "SET session_replication_role = DEFAULT" : "PRAGMA foreign_keys = ON");
      for (const name of migrations.slice(at)) await database.run(sqlOf(name));

      const prisma = createPrismaClient(database.url);
      try {
        expect(await prisma.user.findUniqueOrThrow({ where: { id: "user-m" }, select: { role: true } })).toEqual({
          role: "UNIVERSITY_STAFF",
        });
        expect(await prisma.user.count({ where: { role: "UNIVERSITY_STAFF" } })).toBe(1);
        // Accounts sorted by role come in the same order on both databases (an enum sorts in its declared order).
        for (const role of ["SME", "ADMIN"] as const) {
          await prisma.user.create({
            data: { email: `${role.toLowerCase()}@migration.test`, name: role, passwordHash: "x", role },
          });
        }
        expect(
          (await prisma.user.findMany({ orderBy: { role: "asc" }, select: { role: true } })).map((user) => user.role),
        ).toEqual(["ADMIN", "SME", "UNIVERSITY_STAFF"]);
        // Licenses too, by kind.
        expect(await prisma.license.findMany({ orderBy: { kind: "asc" }, select: { id: true, kind: true } })).toEqual([
          { id: "l-exclusive", kind: "EXCLUSIVE" },
          { id: "l-open", kind: "OPEN" },
        ]);
        expect(
          (await prisma.notification.findUniqueOrThrow({ where: { id: "n-m" }, select: { values: true } })).values,
        ).toEqual({ company: "星河科技", count: 2 });
        expect(
          (await prisma.auditEvent.findUniqueOrThrow({ where: { id: "a-m" }, select: { detail: true } })).detail,
        ).toEqual({ organizationId: "org-m" });
        expect(
          (await prisma.pendingRegistration.findUniqueOrThrow({ where: { id: "p-m" }, select: { organization: true } }))
            .organization,
        ).toEqual({
          name: "星河科技有限公司",
          creditCode: "91500000MA5U7G4X2B",
          region: "重庆",
        });
        // The columns' defaults still hold for new rows.
        const fresh = await prisma.notification.create({
          data: { organizationId: "org-m", kind: "notify.dealCountered", link: "/deals/d-2" },
          select: { values: true },
        });
        expect(fresh.values).toEqual({});
        expect(
          (
            await prisma.auditEvent.create({
              data: { action: "SIGN_IN", subject: "staff@migration.test" },
              select: { detail: true },
            })
          ).detail,
        ).toEqual({});
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await database.remove();
    }
  });
});
