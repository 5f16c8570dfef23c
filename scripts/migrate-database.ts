// Brings a database up to the latest migration: Prisma's own migrate deploy for SQLite, the equivalent runner
// for PostgreSQL (scripts/postgres-migrate.ts). The SQLite file's folder is created if need be.
import fs from "node:fs";
import path from "node:path";
import { databaseKind, databaseUrl } from "../app/lib/database-url";
import { migratePostgres } from "./postgres-migrate";
import { runPrisma } from "./prisma";

export async function migrateDatabase(url = databaseUrl(), options: { quiet?: boolean } = {}): Promise<void> {
  if (databaseKind(url) === "postgresql") {
    await migratePostgres(url, options.quiet ? () => {} : console.log);
    return;
  }
  fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  runPrisma(["migrate", "deploy"], { capture: options.quiet, databaseUrl: url });
}
