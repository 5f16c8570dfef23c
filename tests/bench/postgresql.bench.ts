// npm run bench:postgresql [-- --rounds 5]
// The demo pool on PostgreSQL beside SQLite: seeding time, the search benchmark's query mix on both (the same
// code, remember off), and a check that both databases find exactly the same patents for every query (same
// totals, same facet counts). PostgreSQL is a private throw-away server (tests/helpers/postgres-server.ts), or
// BENCH_POSTGRES_URL (a superuser URL; a database "patentbridge_bench" is created in it).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../app/lib/db.server";
import { parseSearchParams } from "../../app/models/search/search-params";
import { createPatentSearch } from "../../app/models/search/service.server";
import { DEFAULT_SEED } from "../../prisma/seed/demo-pool";
import { seedDemoPool } from "../../prisma/seed/write";
import { migrateDatabase } from "../../scripts/migrate-database";
import { startPostgres } from "../helpers/postgres-server";
import { searchMix } from "./search-mix";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } } });
const rounds = Number(values.rounds);
if (!(rounds >= 1)) {
  console.error("usage: npm run bench:postgresql -- [--rounds n>=1]");
  process.exit(2);
}

const server = process.env.BENCH_POSTGRES_URL
  ? { baseUrl: process.env.BENCH_POSTGRES_URL.replace(/\/[^/@]*$/, ""), stop: () => {} }
  : await startPostgres();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function prepare(name: string, url: string): Promise<{ name: string; url: string; db: PrismaClient }> {
  process.env.DATABASE_URL = url; // the code's SQL dialect follows DATABASE_URL (app/lib/sql-dialect.server.ts)
  await migrateDatabase(url, { quiet: true });
  const db = createPrismaClient(url);
  const started = performance.now();
  const summary = await seedDemoPool(db, { seed: DEFAULT_SEED, scale: 1 });
  console.log(
    `${name.padEnd(11)} seeded ${summary.patents.toLocaleString()} patents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { name, url, db };
}

try {
  const admin = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS patentbridge_bench");
  await admin.query("CREATE DATABASE patentbridge_bench ENCODING 'UTF8'");
  await admin.end();
  const sqliteFile = path.resolve("tmp/bench-postgresql-sqlite.db");
  fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFile + suffix, { force: true });

  const databases = [
    await prepare("SQLite", `file:${sqliteFile}`),
    await prepare("PostgreSQL", `${server.baseUrl}/patentbridge_bench`),
  ];
  const universities = await databases[0].db.organization.findMany({
    where: { kind: "UNIVERSITY" },
    orderBy: { name: "asc" },
    take: 3,
    select: { id: true },
  });
  const mix = searchMix(universities.map((u) => u.id)).all;
  const paramsOf = (query: string) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`bad benchmark query ${query}`);
    return parsed.params;
  };

  console.log(`\nquery mix: ${mix.length} searches × ${rounds} rounds, after one warm-up round`);
  console.log("database        p50 ms    p95 ms    max ms");
  const outcomes: Array<Map<string, string>> = [];
  for (const { name, url, db } of databases) {
    process.env.DATABASE_URL = url;
    const search = createPatentSearch(db, { remember: false });
    const outcome = new Map<string, string>();
    for (const query of mix) {
      const result = await search.search(paramsOf(query));
      outcome.set(query, JSON.stringify({ total: result.total, facets: result.facets }));
    }
    outcomes.push(outcome);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const query of mix) {
        const started = performance.now();
        await search.search(paramsOf(query));
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    const ms = (value: number) => value.toFixed(1).padStart(9);
    console.log(
      `${name.padEnd(12)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times[times.length - 1])}`,
    );
  }
  const differing = mix.filter((query) => outcomes[0].get(query) !== outcomes[1].get(query));
  console.log(
    `\nsame totals and facet counts on both databases: ${mix.length - differing.length} of ${mix.length} queries`,
  );
  for (const query of differing)
    console.log(
      `  differs: ${query}\n    SQLite     ${outcomes[0].get(query)?.slice(0, 160)}\n    PostgreSQL ${outcomes[1].get(query)?.slice(0, 160)}`,
    );
  for (const { db } of databases) await db.$disconnect();
  if (differing.length > 0) process.exitCode = 1;
} finally {
  server.stop();
}
