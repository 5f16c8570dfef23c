// The few places where SQLite and PostgreSQL need different SQL (docs/decisions/012-postgresql.md). Every
// other raw statement is written once, in SQL both accept.
import { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "./db.server";
import type { DatabaseKind } from "./database-url";

type Db = PrismaClient | Prisma.TransactionClient;

/** Which database a client (or a transaction's client) talks to. */
export function dialectOf(db: Db): DatabaseKind {
  return (db as unknown as { _activeProvider: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/** The year of a date column, as text ("2025"). SQLite holds dates as ISO text. */
export function yearOf(db: Db, column: Prisma.Sql): Prisma.Sql {
  return dialectOf(db) === "postgresql" ? Prisma.sql`to_char(${column}, 'YYYY')` : Prisma.sql`substr(${column}, 1, 4)`;
}

/** Days from one date column to another, fractional, as a float. */
export function daysBetween(db: Db, later: Prisma.Sql, earlier: Prisma.Sql): Prisma.Sql {
  return dialectOf(db) === "postgresql"
    ? Prisma.sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 86400)::float8`
    : Prisma.sql`(julianday(${later}) - julianday(${earlier}))`;
}

/** After rows were inserted with explicit ids: PostgreSQL's sequence must move past them (SQLite's
 * AUTOINCREMENT follows by itself). */
export async function advanceIdSequence(db: Db, table: string): Promise<void> {
  if (dialectOf(db) !== "postgresql") return;
  await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX("id") FROM "${table}"), 1))`);
}

/**
 * Makes the rest of the transaction wait for any other transaction holding the same turn until that one
 * ends: for check-then-write rules (one exclusive license per patent, contract numbers in sequence). SQLite
 * runs one write transaction at a time, so there every transaction already has its turn; PostgreSQL runs
 * them side by side, and a transaction-scoped advisory lock gives the turn.
 */
export async function takeTurn(db: Prisma.TransactionClient, turn: string): Promise<void> {
  if (dialectOf(db) === "postgresql") await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${turn}))::text`;
}

/** Turns, always taken in this order: a patent's, then the contract register's. */
export const patentTurn = (patentId: number) => `patent:${patentId}`;
export const CONTRACT_REGISTER_TURN = "contract-register";
