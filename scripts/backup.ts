// npm run db:backup [-- --out FILE]
// An online copy of the database (DATABASE_URL) while the app may be writing: VACUUM INTO reads one
// snapshot, so the copy holds every transaction committed before that read and none after. The copy is then
// checked read-only (integrity_check, the app's tables) and described. Restore it with npm run db:restore.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseFile } from "../app/lib/database-url";

/** Tables every PatentBridge database has: a file without them is not one of its backups. */
const APP_TABLES = ["_prisma_migrations", "Organization", "Patent", "OpenLicenseDeclaration", "License", "User"];

export interface DatabaseSummary {
  bytes: number;
  patents: number;
  licenses: number;
  migration: string;
}

/** Checks that an open database is a sound PatentBridge database and counts its content; throws saying why not. */
export function inspectDatabase(db: Database.Database): DatabaseSummary {
  const problems = (db.pragma("integrity_check(5)") as Array<{ integrity_check: string }>).map(
    (row) => row.integrity_check,
  );
  if (problems.join() !== "ok") throw new Error(`integrity_check failed: ${problems.join("; ")}`);
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const missing = APP_TABLES.filter((table) => !tables.has(table));
  if (missing.length) throw new Error(`not a PatentBridge database: no ${missing.join(", ")} table`);
  const count = (table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  return {
    bytes: fs.statSync(db.name).size,
    patents: count("Patent"),
    licenses: count("License"),
    migration:
      (db
        .prepare(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`,
        )
        .pluck()
        .get() as string | undefined) ?? "none",
  };
}

export const describeSummary = (summary: DatabaseSummary) =>
  `${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.patents.toLocaleString("en")} patents, ${summary.licenses.toLocaleString("en")} licenses, migration ${summary.migration}`;

/** Makes a file's writes durable before it is given its final name. */
export function fsyncPath(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const source = databaseFile();
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const out = path.resolve(values.out ?? `backups/patentbridge-${stamp}.db`);
  if (fs.existsSync(out)) {
    console.error(`${out} already exists: choose another --out (a backup never overwrites a file).`);
    process.exit(2);
  }
  if (!fs.existsSync(source)) {
    console.error(`no database at ${source} (DATABASE_URL)`);
    process.exit(2);
  }

  const started = performance.now();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under another name first, so that an interrupted backup never looks like a finished one.
  const partial = `${out}.partial`;
  try {
    const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
    try {
      // One statement reads one snapshot, whatever the app writes meanwhile. The backup API copied in steps, and a
      // write by the app between two steps restarted the copy: at a write a millisecond it could restart for ever.
      db.prepare("VACUUM INTO ?").run(partial);
    } finally {
      db.close();
    }
    // The copy carries the source's WAL mode; a backup is one self-contained file.
    const copy = new Database(partial);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    fsyncPath(partial);
    fs.linkSync(partial, out); // fails, unlike a rename, if the output appeared meanwhile
    fs.unlinkSync(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }

  const check = new Database(out, { readonly: true, fileMustExist: true });
  let summary: DatabaseSummary;
  try {
    summary = inspectDatabase(check);
  } catch (error) {
    console.error(`the copy ${out} is not sound, so neither is the database: ${(error as Error).message}`);
    process.exit(1);
  } finally {
    check.close();
  }
  console.log(`backup of ${source}`);
  console.log(`  ${out}`);
  console.log(
    `  ${describeSummary(summary)}; integrity_check ok; ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}

// restore.ts imports the checks above without taking a backup.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
