// npm run db:postgres-schema [-- --check]: derives prisma/postgresql/schema.prisma from prisma/schema.prisma,
// the one schema anyone edits. Prisma needs a schema per provider; the models are the same, only the
// datasource and the generated client's folder differ (docs/decisions/012-postgresql.md).
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const SOURCE = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

export function postgresSchema(sqliteSchema: string): string {
  const replace = (text: string, pattern: RegExp, replacement: string) => {
    if (!pattern.test(text)) throw new Error(`${SOURCE} no longer has ${pattern}: update scripts/postgres-schema.ts`);
    return text.replace(pattern, replacement);
  };
  let schema = replace(
    sqliteSchema,
    /output\s*=\s*"\.\.\/app\/generated\/prisma"/,
    'output          = "../../app/generated/prisma-pg"',
  );
  schema = replace(schema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  schema = replace(schema, /url\s*=\s*"file:\.\/data\.db"/, 'url      = "postgresql://localhost/patentbridge"');
  return `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: edit that file, then run\n// npm run db:postgres-schema.\n${schema}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = postgresSchema(fs.readFileSync(SOURCE, "utf8"));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== wanted) {
      console.error(`${POSTGRES_SCHEMA} is out of step with ${SOURCE}: run npm run db:postgres-schema`);
      process.exit(1);
    }
  } else if (current !== wanted) {
    fs.writeFileSync(POSTGRES_SCHEMA, wanted);
    console.log(`wrote ${POSTGRES_SCHEMA}`);
  }
}
