import path from "node:path";

/** The SQLite file the app, the CLI and the seed all use: DATABASE_URL (file:…) or prisma/data.db. */
export function databaseUrl(): string {
  const configured = process.env.DATABASE_URL;
  if (!configured) return `file:${path.resolve("prisma/data.db")}`;
  if (!configured.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${configured.split(":")[0]}:…"`);
  }
  return `file:${path.resolve(configured.slice("file:".length))}`;
}

export function databaseFile(): string {
  return databaseUrl().slice("file:".length);
}
