import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { databaseKind, databaseUrl } from "./app/lib/database-url";

const url = databaseUrl();
const postgres = databaseKind(url) === "postgresql";

// Prisma 6 with the JS engine: the CLI migrates through the same driver the app uses (docs/decisions/001).
// PostgreSQL has its own schema and migrations, derived from SQLite's (docs/decisions/012).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
