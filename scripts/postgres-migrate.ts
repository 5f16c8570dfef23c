// Applies prisma/postgresql/migrations to a PostgreSQL database. `prisma migrate deploy` cannot yet run
// through @prisma/adapter-pg (prisma/orm#27403: it fails reading a column of type "name"), so this does
// its job: the same "_prisma_migrations" table and checksums, each migration in its own transaction (DDL is
// transactional in PostgreSQL), and an advisory lock so servers starting together migrate once.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const POSTGRES_MIGRATIONS = "prisma/postgresql/migrations";
const MIGRATION_LOCK = 72_707_369;

export async function migratePostgres(url: string, log: (message: string) => void = console.log): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const applied = new Map<string, string>(
      (
        await client.query<{ migration_name: string; checksum: string }>(
          `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
        )
      ).rows.map((row) => [row.migration_name, row.checksum]),
    );
    const names = fs
      .readdirSync(POSTGRES_MIGRATIONS)
      .filter((name) => fs.existsSync(path.join(POSTGRES_MIGRATIONS, name, "migration.sql")))
      .sort();
    let count = 0;
    for (const name of names) {
      const sql = fs.readFileSync(path.join(POSTGRES_MIGRATIONS, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      count++;
      log(`applied ${name}`);
    }
    log(count === 0 ? "No pending migrations to apply." : `${count} migration(s) applied.`);
  } finally {
    await client.end();
  }
}
