// Creates prisma/migrations/<timestamp>_<name>/ from the change between the schema the last migration was
// made from (kept beside its SQL) and prisma/schema.prisma. `prisma migrate dev` cannot run in the JS
// engine mode, and diffing a live database would also see the FTS5 tables that Prisma does not model.
import fs from "node:fs";
import path from "node:path";
import { runPrisma } from "./prisma";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const migrationsDir = "prisma/migrations";
const previous = fs
  .readdirSync(migrationsDir)
  .filter((entry) => fs.existsSync(path.join(migrationsDir, entry, "schema.prisma")))
  .sort()
  .at(-1);
const from = previous ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.prisma")] : ["--from-empty"];
const sql = runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { capture: true })
  .split("\n")
  .filter((line) => !line.startsWith("Loaded Prisma config"))
  .join("\n");
if (!/CREATE|ALTER|DROP/.test(sql)) {
  console.log("The schema has not changed since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync("prisma/schema.prisma", path.join(dir, "schema.prisma"));
console.log(`Wrote ${dir}/migration.sql: review it, add any raw SQL (FTS5, triggers), then npm run db:migrate.`);
