// npm run db:restore -- FILE [--yes]
// Replaces the database (DATABASE_URL) with a backup made by npm run db:backup. The backup is copied beside
// the database and that copy is checked (integrity_check, the app's tables), so what is checked is exactly what
// is put in place; a file that fails leaves the database untouched. Without --yes it only says what it would
// replace. The app must be stopped: a database another process holds open is refused. The copy takes the
// database's name in one rename, so a crash leaves either the old database or the new one.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseFile } from "../app/lib/database-url";
import { describeSummary, fsyncPath, inspectDatabase, type DatabaseSummary } from "./backup";

function refuse(message: string): never {
  console.error(`not restoring: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  options: { yes: { type: "boolean", default: false } },
  allowPositionals: true,
});
if (positionals.length !== 1) refuse("usage: npm run db:restore -- FILE [--yes]");
const file = path.resolve(positionals[0]);
const target = databaseFile();
if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) refuse(`${file} is not a file`);
if (file === target) refuse(`${file} is the database itself`);
// Committed data may still be in the -wal beside a live database's file; a backup is one self-contained file.
if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
  refuse(`${file}-wal exists: ${file} is a live database, not a backup (make one with npm run db:backup)`);
}

const started = performance.now();
fs.mkdirSync(path.dirname(target), { recursive: true });
const staged = `${target}-restore-${process.pid}`;
const removeStaged = () => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${staged}${suffix}`, { force: true });
};
let restored: DatabaseSummary;
try {
  fs.copyFileSync(file, staged);
  const db = new Database(staged, { fileMustExist: true });
  try {
    restored = inspectDatabase(db);
    db.pragma("journal_mode = WAL"); // the app's mode (scripts/start.ts); db:backup writes rollback-journal files
  } finally {
    db.close();
  }
  fsyncPath(staged);
} catch (error) {
  removeStaged();
  refuse(`${file} is not a sound PatentBridge backup: ${(error as Error).message}`);
}

let current = "no database yet";
if (fs.existsSync(target)) {
  try {
    const db = new Database(target, { readonly: true, fileMustExist: true });
    try {
      current = describeSummary(inspectDatabase(db));
    } finally {
      db.close();
    }
  } catch (error) {
    current = `unsound: ${(error as Error).message}`; // the usual reason to restore
  }
}
if (!values.yes) {
  removeStaged();
  console.log(`would replace ${target}\n  now:    ${current}\n  with ${file}\n          ${describeSummary(restored)}`);
  refuse("run again with --yes to replace it");
}

if (fs.existsSync(target)) {
  // Every open connection of the app holds a shared lock in WAL mode, so an exclusive lock means none is open.
  // Closing this last connection also checkpoints the old database's -wal into its file and deletes it.
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { fileMustExist: true, timeout: 1000 });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      removeStaged();
      refuse(`${target} is in use: stop the app first`);
    }
    // a damaged database is replaced all the same
  } finally {
    db?.close();
  }
}
// A -wal or -shm left beside the target belongs to the old database and would be replayed into the new one.
for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
fs.renameSync(staged, target);
fsyncPath(path.dirname(target));
console.log(
  `restored ${file}\n  into ${target}\n  ${describeSummary(restored)}; was: ${current}; ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
