// Crashes: the process writing the database is killed (SIGKILL, no cleanup) half-way through a seeding run and
// through an import, and the database that is left must be whole: the previous content, consistent indexes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFile } from "~/lib/database-url";
import { applicationCheckCharacter } from "~/models/patent/identifiers";

const database = databaseFile();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-crash-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a script and kills it with SIGKILL as soon as a line of its output matches `killAt`. */
function runAndKill(args: string[], killAt: RegExp): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      env: { ...process.env, DATABASE_URL: `file:${database}`, IMPORT_DIR: dir },
    });
    let output = "";
    let killed = false;
    const watch = (chunk: Buffer) => {
      output += chunk;
      if (!killed && killAt.test(output)) {
        killed = true;
        child.kill("SIGKILL");
      }
    };
    child.stdout.on("data", watch);
    child.stderr.on("data", watch);
    child.on("error", reject);
    child.on("close", () => resolve({ killed, output }));
  });
}

function state() {
  const db = new Database(database, { fileMustExist: true, timeout: 10_000 });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: (db.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check,
      patents: count(`SELECT COUNT(*) AS n FROM "Patent"`),
      indexed: count(`SELECT COUNT(*) AS n FROM "PatentSearch"`),
      organizations: count(`SELECT COUNT(*) AS n FROM "Organization"`),
      licenses: count(`SELECT COUNT(*) AS n FROM "License"`),
      licensesWithoutEvents: count(
        `SELECT COUNT(*) AS n FROM "License" l WHERE NOT EXISTS (SELECT 1 FROM "DealEvent" e WHERE e."licenseId" = l."id")`,
      ),
    };
  } finally {
    db.close();
  }
}

describe("a killed writer", () => {
  it("leaves the previous pool whole when a seeding run is killed half-way", async () => {
    const seeded = await runAndKill(["prisma/seed/cli.ts", "--scale", "0.05", "--seed", "first"], /seed: done/);
    expect(seeded.output).toContain("seed: done");
    const before = state();
    expect(before).toMatchObject({ integrity: "ok", patents: 1600, indexed: 1600, licensesWithoutEvents: 0 });

    const run = await runAndKill(["prisma/seed/cli.ts", "--scale", "0.05", "--seed", "second"], /patents 1000\//);
    expect(run.killed).toBe(true);
    expect(state()).toEqual(before);
  }, 120_000);

  it("leaves no half import when an import is killed while it writes", async () => {
    const university = new Database(database)
      .prepare(`SELECT "id", "name" FROM "Organization" WHERE "kind" = 'UNIVERSITY' LIMIT 1`)
      .get() as { id: string };
    const file = path.join(dir, "export.csv");
    const rows = Array.from({ length: 30_000 }, (_, i) => {
      const digits = `2024177${String(i).padStart(5, "0")}`;
      return `CN${digits}.${applicationCheckCharacter(digits)},一种崩溃测试用的发明${i},20240301,G06F16/00,${"这是一段用于崩溃测试的摘要。".repeat(8)}`;
    });
    fs.writeFileSync(file, ["申请号,专利名称,申请日,主分类号,申请摘要", ...rows].join("\n"));
    const before = state();
    const run = await runAndKill(["scripts/import.ts", "--university", university.id, file], /imported [\d,]+ of/);
    expect(run.killed).toBe(true);
    expect(run.output).not.toContain("imported in");
    const after = state();
    expect(after).toEqual(before);
    expect(after.indexed).toBe(after.patents);
  }, 180_000);
});
