import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { databaseKind, databaseUrl } from "./database-url";
import { INDEX_SQL_FUNCTIONS } from "./index-text";
import { STAGING_SQL_FUNCTIONS } from "./sql-dialect.server";
import { sqliteReader, type SqliteReader } from "./sqlite-reader.server";

/** How long a SQLite connection waits for a writer's lock instead of failing at once (better-sqlite3's busy
 * timeout). */
const BUSY_TIMEOUT_MS = 10_000;
/** Each SQLite client's file, for its side reader. */
const sqliteFiles = new WeakMap<object, string>();
const sideReaders = new WeakMap<object, SqliteReader>();

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    // Both clients come from one schema (scripts/postgres-schema.ts), so their model APIs are the same type.
    return new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    }) as unknown as PrismaClient;
  }
  const client = new PrismaClient({ adapter: new SQLiteWithIndexFunctions({ url, timeout: BUSY_TIMEOUT_MS }) });
  sqliteFiles.set(client, url.slice("file:".length).split("?")[0]!);
  return client;
}

/**
 * A read-only connection to a SQLite client's file on a worker thread (./sqlite-reader.server.ts), for a read
 * that may run beside the client's own; one per client, started on first use. null on PostgreSQL, whose pool
 * already runs a client's queries side by side.
 */
export function sideReaderOf(db: PrismaClient): SqliteReader | null {
  const file = sqliteFiles.get(db);
  if (file === undefined) return null;
  let reader = sideReaders.get(db);
  if (!reader) sideReaders.set(db, (reader = sqliteReader(file, BUSY_TIMEOUT_MS)));
  return reader;
}

/**
 * The SQLite adapter, with the functions that write the full-text index registered on its connection, so that
 * SQLite reads a patent's text from its row instead of receiving it a second time, segmented, through the
 * query compiler (which costs more than SQLite's own work: ADR 014). The adapter keeps its better-sqlite3
 * connection as `client`; if a Prisma upgrade hides it, every connection fails at once, with this message.
 */
class SQLiteWithIndexFunctions extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: Pick<Database.Database, "function"> }).client;
    if (typeof connection?.function !== "function")
      throw new Error(
        "@prisma/adapter-better-sqlite3 no longer exposes its connection: the full-text index functions cannot be registered",
      );
    for (const [name, run] of Object.entries(INDEX_SQL_FUNCTIONS))
      connection.function(name, { deterministic: true }, run);
    for (const [name, run] of Object.entries(STAGING_SQL_FUNCTIONS)) connection.function(name, run);
    return adapter;
  }
}

// One client for the process; kept on globalThis so dev-server reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; readPrisma?: PrismaClient };
export const prisma = (globalForPrisma.prisma ??= createPrismaClient());

/**
 * For reads that may lag the primary by a moment: search (which follows the change log of the database it
 * reads, so it is consistent with itself) and statistics. DATABASE_READ_URL names a PostgreSQL read replica;
 * without one this is the one client.
 */
export const readPrisma = (globalForPrisma.readPrisma ??= process.env.DATABASE_READ_URL
  ? createPrismaClient(process.env.DATABASE_READ_URL)
  : prisma);

export type { PrismaClient };
