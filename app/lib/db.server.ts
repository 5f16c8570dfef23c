import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./database-url";

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  // timeout: wait for a writer's lock instead of failing at once (better-sqlite3's busy timeout, ms).
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

// One client for the process; kept on globalThis so dev-server reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = (globalForPrisma.prisma ??= createPrismaClient());

export type { PrismaClient };
