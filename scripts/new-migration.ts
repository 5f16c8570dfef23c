// npm run db:migration -- <name>: creates the migration for a change to prisma/schema.prisma twice, for
// SQLite (prisma/migrations) and for PostgreSQL (prisma/postgresql/migrations, after deriving its schema),
// each from the change between the schema the last migration was made from (kept beside its SQL) and now.
// `prisma migrate dev` cannot run in the JS engine mode, and diffing a live database would also see the
// full-text tables that Prisma does not model.
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, postgresSchema } from "./postgres-schema";
import { runPrisma } from "./prisma";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
fs.writeFileSync(POSTGRES_SCHEMA, postgresSchema(fs.readFileSync("prisma/schema.prisma", "utf8")));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const [schema, migrationsDir, extra] of [
  ["prisma/schema.prisma", "prisma/migrations", "FTS5, triggers"],
  [POSTGRES_SCHEMA, "prisma/postgresql/migrations", "tsvector, triggers"],
] as const) {
  const previous = fs
    .readdirSync(migrationsDir)
    .filter((entry) => fs.existsSync(path.join(migrationsDir, entry, "schema.prisma")))
    .sort()
    .at(-1);
  const from = previous
    ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.prisma")]
    : ["--from-empty"];
  const sql = runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], { capture: true })
    .split("\n")
    .filter((line) => !line.startsWith("Loaded Prisma config"))
    .join("\n");
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log(`${schema} has not changed since its last migration.`);
    continue;
  }
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.copyFileSync(schema, path.join(dir, "schema.prisma"));
  console.log(`Wrote ${dir}/migration.sql: review it, add any raw SQL (${extra}).`);
}
console.log(
  "Then npm run db:migrate (and with a postgresql:// DATABASE_URL), and npm run db:postgres-schema has nothing left to do.",
);
