import path from "node:path";

export type DatabaseKind = "sqlite" | "postgresql";

/** The database the app, the CLI and the seed all use: DATABASE_URL (file:… for SQLite, postgresql://… for
 * PostgreSQL) or the SQLite file prisma/data.db. */
export function databaseUrl(): string {
  const configured = process.env.DATABASE_URL;
  if (!configured) return `file:${path.resolve("prisma/data.db")}`;
  if (databaseKind(configured) === "postgresql") return configured;
  if (!configured.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL, got "${configured.split(":")[0]}:…"`,
    );
  }
  return `file:${path.resolve(configured.slice("file:".length))}`;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** The SQLite file, for the commands that work on it directly (backup, restore). */
export function databaseFile(): string {
  const url = databaseUrl();
  if (databaseKind(url) !== "sqlite")
    throw new Error("This command works on the SQLite database; on PostgreSQL use pg_dump and pg_restore.");
  return url.slice("file:".length);
}
