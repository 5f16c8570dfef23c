// npm run db:backup and db:restore as an operator runs them: child processes on this file's database. The
// test talks to the database through its own better-sqlite3 connections, opened and closed around each run,
// because a restore puts a new file in place and a connection left open would still see the old one.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile } from "~/lib/database-url";

const database = databaseFile();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(
  script: "backup" | "restore",
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: `file:${database}` },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function withDatabase<T>(file: string, use: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** An enterprise and its one user, written in one transaction: a consistent copy never holds one without the other. */
function insertPair(db: Database.Database, n: number): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO "Organization" ("id", "kind", "name", "creditCode", "updatedAt") VALUES (?, 'ENTERPRISE', ?, ?, ?)`,
    ).run(`org-${n}`, `企业 ${n}`, `pair-${n}`, now);
    db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "organizationId", "updatedAt") VALUES (?, ?, ?, 'x', 'SME', ?, ?)`,
    ).run(`user-${n}`, `user${n}@pair.test`, `User ${n}`, `org-${n}`, now);
  })();
}

/** The pair numbers in a database, after checking that no pair is half present. */
function pairsIn(db: Database.Database): number[] {
  const halves = db
    .prepare(
      `SELECT count(*) FROM "Organization" o FULL JOIN "User" u ON u."organizationId" = o."id" WHERE o."id" LIKE 'org-%' AND u."id" IS NULL OR u."id" LIKE 'user-%' AND o."id" IS NULL`,
    )
    .pluck()
    .get();
  expect(halves).toBe(0);
  const ids = db.prepare(`SELECT "id" FROM "Organization" WHERE "id" LIKE 'org-%'`).pluck().all() as string[];
  return ids.map((id) => Number(id.slice("org-".length))).sort((a, b) => a - b);
}

const fileHash = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

beforeAll(() => {
  withDatabase(database, (db) => {
    db.pragma("journal_mode = WAL"); // as the app runs it (scripts/start.ts)
    // About 20 MB of audit events, so that copying takes a while as a real database's would.
    const insert = db.prepare(
      `INSERT INTO "AuditEvent" ("id", "action", "subject", "detail") VALUES (?, 'SIGN_IN', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++)
        insert.run(`event-${i}`, `user${i % 50}@pair.test`, JSON.stringify({ padding: "x".repeat(1000) }));
    })();
  });
});

describe("db:backup", () => {
  it("copies a consistent snapshot while another connection keeps writing", async () => {
    const writer = new Database(database, { timeout: 10_000 });
    let written = 0;
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        insertPair(writer, written++);
        // A pair every millisecond or so: the app's pace at its busiest, and CPU left for the backup's process
        // (a tight loop here starved it on two busy cores).
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const out = path.join(dir, "during-writes.db");
    let writtenAtStart = 0;
    let writtenAtEnd = 0;
    let result: Awaited<ReturnType<typeof run>>;
    try {
      while (written < 100) await new Promise((resolve) => setTimeout(resolve, 5));
      writtenAtStart = written;
      result = await run("backup", ["--out", out]);
      writtenAtEnd = written;
    } finally {
      // Even when the backup fails, the writer stops: the tests after this one need a still database.
      stop = true;
      await writing;
      writer.close();
    }

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/integrity_check ok/);
    expect(result.stdout).toContain(out);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    withDatabase(out, (copy) => {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete"); // one self-contained file
      const pairs = pairsIn(copy);
      // A prefix of the writes: pairs 0…k-1 and nothing after, taken after the writer had started and before it stopped.
      expect(pairs).toEqual(Array.from({ length: pairs.length }, (_, i) => i));
      expect(pairs.length).toBeGreaterThan(writtenAtStart);
      expect(pairs.length).toBeLessThan(writtenAtEnd);
      expect(copy.prepare(`SELECT count(*) FROM "AuditEvent"`).pluck().get()).toBe(20_000);
    });
  }, 90_000);

  it("refuses an output file that already exists, leaving it as it was", async () => {
    const out = path.join(dir, "existing.db");
    fs.writeFileSync(out, "keep me");
    const result = await run("backup", ["--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
  });
});

describe("db:restore", () => {
  const backup = path.join(dir, "before-change.db");

  beforeAll(async () => {
    withDatabase(database, (db) => insertPair(db, 1_000_000));
    expect((await run("backup", ["--out", backup])).code).toBe(0);
  });

  it("puts the backed-up data back after a change, once confirmed with --yes", async () => {
    const before = withDatabase(database, pairsIn);
    expect(before).toContain(1_000_000);
    withDatabase(database, (db) => {
      db.exec(`DELETE FROM "User" WHERE "id" LIKE 'user-%'; DELETE FROM "Organization" WHERE "id" LIKE 'org-%'`);
      insertPair(db, 2_000_000);
    });
    const changed = fileHash(database);

    const unconfirmed = await run("restore", [backup]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stdout).toMatch(/would replace/);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    expect(fileHash(database)).toBe(changed);

    const result = await run("restore", [backup, "--yes"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/restored/);
    withDatabase(database, (db) => {
      expect(pairsIn(db)).toEqual(before);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    });
    expect(fs.readdirSync(path.dirname(database)).filter((name) => name.includes("-restore-"))).toEqual([]);
  });

  it("refuses a file that is not a database, and a truncated backup, leaving the database untouched", async () => {
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "these are not the patents you are looking for\n".repeat(200));
    const truncated = path.join(dir, "truncated.db");
    const whole = fs.readFileSync(backup);
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const untouched = fileHash(database);

    for (const file of [text, truncated]) {
      const result = await run("restore", [file, "--yes"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not restoring: .* is not a sound PatentBridge backup/);
      expect(fileHash(database)).toBe(untouched);
    }
    expect(fs.readdirSync(path.dirname(database)).filter((name) => name.includes("-restore-"))).toEqual([]);
    expect(withDatabase(database, pairsIn)).toContain(1_000_000);
  });

  it("refuses while another connection holds the database open", async () => {
    const app = new Database(database);
    app.prepare(`SELECT count(*) FROM "Patent"`).get();
    const result = await run("restore", [backup, "--yes"]).finally(() => app.close());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/in use: stop the app first/);
  });
});
