import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { databaseKind, databaseUrl } from "./database-url";

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    // Both clients come from one schema (scripts/postgres-schema.ts), so their model APIs are the same type.
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) }) as unknown as PrismaClient;
  }
  // timeout: wait for a writer's lock instead of failing at once (better-sqlite3's busy timeout, ms).
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

// One client for the process; kept on globalThis so dev-server reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; readPrisma?: PrismaClient };
export const prisma = (globalForPrisma.prisma ??= createPrismaClient());

/**
 * For reads that may lag the primary by a moment: search (which follows the change log of the database it
 * reads, so it is consistent with itself) and statistics. DATABASE_READ_URL names a PostgreSQL read replica;
 * without one this is the one client.
 */
export const readPrisma = (globalForPrisma.readPrisma ??= process.env.DATABASE_READ_URL ? createPrismaClient(process.env.DATABASE_READ_URL) : prisma);

export type { PrismaClient };
