// npm run db:migrate: applies pending migrations to DATABASE_URL (default prisma/data.db; PostgreSQL's own
// migrations for a postgresql:// URL).
import fs from "node:fs";
import path from "node:path";
import { databaseFile, databaseKind, databaseUrl } from "../app/lib/database-url";
import { migratePostgres } from "./postgres-migrate";
import { runPrisma } from "./prisma";

if (databaseKind() === "postgresql") {
  await migratePostgres(databaseUrl());
} else {
  fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });
  runPrisma(["migrate", "deploy"]);
}
