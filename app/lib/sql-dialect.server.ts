// The few places where SQLite and PostgreSQL need different SQL (docs/decisions/012-postgresql.md). Every
// other raw statement is written once, in SQL both accept.
import { Prisma } from "~/generated/prisma/client";
import { databaseKind, type DatabaseKind } from "./database-url";
import type { PrismaClient } from "./db.server";

type Db = PrismaClient | Prisma.TransactionClient;

/** The SQL the database speaks, from its URL: a process talks to one kind of database, the one DATABASE_URL names
 * (DATABASE_READ_URL is a replica of it). Read at each call, so a tool that works on two databases in turn
 * (tests/bench/postgresql.bench.ts) points DATABASE_URL at each before using it. */
export function sqlDialect(): DatabaseKind {
  return databaseKind();
}

/** The year of a date column, as text ("2025"). SQLite holds dates as ISO text. */
export function yearOf(column: Prisma.Sql): Prisma.Sql {
  return sqlDialect() === "postgresql" ? Prisma.sql`to_char(${column}, 'YYYY')` : Prisma.sql`substr(${column}, 1, 4)`;
}

/** Days from one date column to another, fractional, as a float. */
export function daysBetween(later: Prisma.Sql, earlier: Prisma.Sql): Prisma.Sql {
  return sqlDialect() === "postgresql"
    ? Prisma.sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 86400)::float8`
    : Prisma.sql`(julianday(${later}) - julianday(${earlier}))`;
}

type InsertValue = string | number | boolean | Date | null;

/**
 * Inserts rows with one multi-row INSERT. On SQLite the batch reaches SQLite as JSON that it unpacks
 * (json_each), and not through Prisma: every byte of a parameter crosses Prisma's query compiler, which cost
 * more than SQLite's whole insert (32,000 patents: 8.6 s through a JSON parameter, 3.8 s when SQLite takes the
 * same JSON from `staged_rows`; ADR 005). The statement still runs through Prisma, on the transaction's
 * connection; only the JSON is handed over beside it, by key. Values are written as the SQLite adapter writes
 * parameters: booleans as 0/1, dates as its ISO 8601 text ("2026-01-02T00:00:00.000+00:00", its default
 * `timestampFormat`). PostgreSQL takes them as parameters, where its types check them.
 */
export async function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<InsertValue>>,
): Promise<void> {
  const into = Prisma.raw(`"${table}" (${columns.map((column) => `"${column}"`).join(", ")})`);
  if (sqlDialect() === "postgresql") {
    await db.$executeRaw`INSERT INTO ${into} VALUES ${Prisma.join(rows.map((row) => Prisma.sql`(${Prisma.join(row)})`))}`;
    return;
  }
  const key = ++lastStagedKey;
  stagedBatches.set(key, JSON.stringify(rows.map((row) => row.map(sqliteValue))));
  try {
    const values = Prisma.raw(columns.map((_, index) => `value ->> ${index}`).join(", "));
    await db.$executeRaw`INSERT INTO ${into} SELECT ${values} FROM json_each(staged_rows(${key}))`;
  } finally {
    stagedBatches.delete(key);
  }
}

/** Batches of insertRows waiting for their statement, by key (this process's SQLite connections only). */
const stagedBatches = new Map<number, string>();
let lastStagedKey = 0;

/** SQL functions on SQLite's connections (app/lib/db.server.ts): `staged_rows(key)` is a waiting batch's JSON. */
export const STAGING_SQL_FUNCTIONS = {
  staged_rows: (key: unknown) => {
    const json = stagedBatches.get(Number(key));
    if (json === undefined) throw new Error(`no rows are staged under ${String(key)}`);
    return json;
  },
};

function sqliteValue(value: InsertValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** After patents were inserted with explicit ids (the seed's planned ones): PostgreSQL's sequence must move
 * past them, never back (SQLite's AUTOINCREMENT follows by itself). */
export async function advancePatentIdSequence(db: Db): Promise<void> {
  if (sqlDialect() !== "postgresql") return;
  await db.$queryRaw`SELECT setval('"Patent_id_seq"', GREATEST((SELECT MAX("id") FROM "Patent"), (SELECT "last_value" FROM "Patent_id_seq")))::text`;
}

/** Ids for `count` new patents, to insert with explicit ids in a write transaction. On PostgreSQL they come
 * from the sequence, so a concurrent import or a single new patent never takes the same ones. */
export async function reservePatentIds(tx: Prisma.TransactionClient, count: number): Promise<number[]> {
  if (count === 0) return [];
  if (sqlDialect() === "postgresql") {
    const rows = await tx.$queryRaw<
      Array<{ id: bigint }>
    >`SELECT nextval('"Patent_id_seq"') AS "id" FROM generate_series(1, ${count}::int)`;
    return rows.map((row) => Number(row.id));
  }
  // SQLite has one writer at a time: nobody else can take these between now and the insert.
  const [{ maxId }] = await tx.$queryRaw<
    Array<{ maxId: number | bigint | null }>
  >`SELECT MAX("id") AS "maxId" FROM "Patent"`;
  const first = Number(maxId ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * Makes the rest of the transaction wait for any other transaction holding the same turn until that one
 * ends: for check-then-write rules (one exclusive license per patent, contract numbers in sequence). SQLite
 * runs one write transaction at a time, so there every transaction already has its turn; PostgreSQL runs
 * them side by side, and a transaction-scoped advisory lock gives the turn.
 */
export async function takeTurn(db: Prisma.TransactionClient, turn: string): Promise<void> {
  if (sqlDialect() === "postgresql") await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${turn}))::text`;
}

/** Turns, always taken in this order: a patent's, then the contract register's. */
export const patentTurn = (patentId: number) => `patent:${patentId}`;
export const CONTRACT_REGISTER_TURN = "contract-register";
