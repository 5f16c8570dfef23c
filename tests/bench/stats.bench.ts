// npm run bench:stats [-- --rounds 20]
// Times the statistics dashboard's server work (every figure, table and chart of /admin/stats) on the demo
// pool, then on a copy of it with ten times the deals (licenses, assignments, negotiations and payments),
// for a mix of periods and scopes. Targets: p95 ≤ 150 ms on the demo pool, ≤ 500 ms at ten times the deals.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "20" } } });
const rounds = Number(values.rounds);
if (!(rounds >= 1)) {
  console.error("usage: npm run bench:stats -- [--rounds n>=1]");
  process.exit(2);
}

const demoFile = path.resolve("tmp/bench-stats.db");
const tenfoldFile = path.resolve("tmp/bench-stats-10x-deals.db");
fs.mkdirSync(path.dirname(demoFile), { recursive: true });

const { runPrisma } = await import("../../scripts/prisma");
const { createPrismaClient } = await import("../../app/lib/db.server");
const { seedDemoPool } = await import("../../prisma/seed/write");
const { DEFAULT_SEED, BASE_ASSESSED } = await import("../../prisma/seed/demo-pool");

runPrisma(["migrate", "deploy"], { capture: true, databaseUrl: `file:${demoFile}` });
const seeder = createPrismaClient(`file:${demoFile}`);
await seeder.$queryRawUnsafe("PRAGMA journal_mode = WAL");
if (
  (await seeder.patent.count()) !== BASE_ASSESSED ||
  (await seeder.deal.count({ where: { status: "SIGNED" } })) === 0
) {
  console.log(`seeding the demo pool into ${demoFile}…`);
  await seedDemoPool(seeder, { seed: DEFAULT_SEED, scale: 1 });
}
await seeder.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
await seeder.$disconnect();

// Ten times the deals: nine copies of every license, assignment, negotiation and payment, on the same patents
// and dates (copies carry no declaration, so the one-license-per-taker rule still holds).
fs.copyFileSync(demoFile, tenfoldFile);
const tenfold = createPrismaClient(`file:${tenfoldFile}`);
await tenfold.$transaction(async (tx) => {
  const copies = `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 9)`;
  await tx.$executeRawUnsafe(`${copies}
    INSERT INTO "License" ("id", "contractNumber", "patentId", "licensorId", "licenseeId", "kind", "declarationId", "termsSnapshot", "valueFen", "startsOn", "endsOn", "signedAt", "createdAt")
    SELECT l."id" || '-x' || n, l."contractNumber" || '-x' || n, "patentId", "licensorId", "licenseeId", "kind", NULL, "termsSnapshot", "valueFen", "startsOn", "endsOn", "signedAt", l."createdAt" FROM "License" l, k`);
  await tx.$executeRawUnsafe(`${copies}
    INSERT INTO "Transfer" ("id", "contractNumber", "patentId", "assignorId", "assigneeId", "priceFen", "signedAt", "recordedAt", "createdAt")
    SELECT t."id" || '-x' || n, t."contractNumber" || '-x' || n, "patentId", "assignorId", "assigneeId", "priceFen", "signedAt", "recordedAt", t."createdAt" FROM "Transfer" t, k`);
  await tx.$executeRawUnsafe(`${copies}
    INSERT INTO "Deal" ("id", "patentId", "requesterId", "ownerId", "kind", "status", "terms", "termsBy", "licenseId", "transferId", "createdAt", "updatedAt")
    SELECT d."id" || '-x' || n, "patentId", "requesterId", "ownerId", "kind", "status", "terms", "termsBy", "licenseId" || '-x' || n, "transferId" || '-x' || n, d."createdAt", d."updatedAt" FROM "Deal" d, k`);
  await tx.$executeRawUnsafe(`${copies}
    INSERT INTO "Payment" ("id", "licenseId", "kind", "amountFen", "dueOn", "paidAt", "createdAt")
    SELECT p."id" || '-x' || n, "licenseId" || '-x' || n, "kind", "amountFen", "dueOn", "paidAt", p."createdAt" FROM "Payment" p, k WHERE "salesReportId" IS NULL`);
});
await tenfold.$disconnect();

const universityOf = (db: string) => {
  const client = createPrismaClient(`file:${db}`);
  return client.organization
    .findMany({ where: { kind: "UNIVERSITY" }, orderBy: { name: "asc" }, take: 2, select: { id: true } })
    .finally(() => client.$disconnect());
};

async function measure(file: string, label: string) {
  // The model reads the app's one client, made from DATABASE_URL at first import: one child process per file.
  const { execFileSync } = await import("node:child_process");
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.resolve("tests/bench/stats-run.ts"), String(rounds)],
    {
      env: {
        ...process.env,
        DATABASE_URL: `file:${file}`,
        BENCH_UNIVERSITIES: (await universityOf(file)).map((u) => u.id).join(","),
      },
      encoding: "utf8",
    },
  );
  console.log(`\n${label}\n${output.trimEnd()}`);
}

await measure(demoFile, "demo pool:");
await measure(tenfoldFile, "ten times the deals:");
