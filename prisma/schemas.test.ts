// The PostgreSQL schema and both databases' migrations must follow prisma/schema.prisma, the one schema
// anyone edits (scripts/postgres-schema.ts, scripts/new-migration.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema } from "../scripts/postgres-schema";

const read = (file: string) => fs.readFileSync(file, "utf8");
const lastMigrationSchema = (dir: string) => {
  const last = fs
    .readdirSync(dir)
    .filter((entry) => fs.existsSync(path.join(dir, entry, "schema.prisma")))
    .sort()
    .at(-1)!;
  return read(path.join(dir, last, "schema.prisma"));
};

describe("the PostgreSQL schema", () => {
  it("is derived from the SQLite schema: npm run db:postgres-schema has nothing to write", () => {
    expect(read(POSTGRES_SCHEMA)).toBe(postgresSchema(read("prisma/schema.prisma")));
  });

  it("differs only in its datasource and generated client's folder", () => {
    const derived = postgresSchema(read("prisma/schema.prisma"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output          = "../../app/generated/prisma-pg"');
    const models = (schema: string) => schema.slice(schema.indexOf("/// A university"));
    expect(models(derived)).toBe(models(read("prisma/schema.prisma")));
  });

  it("refuses a SQLite schema it no longer recognises instead of writing a wrong one", () => {
    expect(() =>
      postgresSchema(read("prisma/schema.prisma").replace('provider = "sqlite"', 'provider = "mysql"')),
    ).toThrow(/update scripts\/postgres-schema.ts/);
  });
});

describe("migrations", () => {
  it("exist for the current schema on both databases", () => {
    expect(lastMigrationSchema("prisma/migrations")).toBe(read("prisma/schema.prisma"));
    expect(lastMigrationSchema("prisma/postgresql/migrations")).toBe(read(POSTGRES_SCHEMA));
  });
});
