// npm run bench:seed [-- --runs 3] [--scale 1]
// How long the demo pool takes to seed, as `npm start` seeds it on a fresh machine: a new SQLite file per run,
// migrated first (not timed), WAL on, then seedDemoPool timed with each phase's share (the seed's progress
// messages mark the phases). Target (issue 14): under 30 s at scale 1.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../../app/lib/db.server";
import "../../app/lib/messages/all";
import { DEFAULT_SEED } from "../../prisma/seed/demo-pool";
import { seedDemoPool } from "../../prisma/seed/write";
import { migrateDatabase } from "../../scripts/migrate-database";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, scale: { type: "string", default: "1" } },
});
const runs = Number(values.runs);
const scale = Number(values.scale);
if (!Number.isInteger(runs) || runs < 1 || !(scale > 0 && scale <= 100)) {
  console.error("usage: npm run bench:seed -- [--runs n>=1] [--scale 0<s<=100]");
  process.exit(2);
}
const TARGET_SECONDS = 30;

const file = path.resolve(`tmp/bench-seed-scale-${scale}.db`);
const removeDatabase = () => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
};

/** The phase a progress message belongs to: its words before any figure ("patents 3000/32000" → "patents"). */
const phaseOf = (message: string) => message.split(/[\d:]/)[0].trim() || message;

const totals: number[] = [];
const phaseTimes = new Map<string, number[]>();
for (let run = 1; run <= runs; run++) {
  removeDatabase();
  const url = `file:${file}`;
  await migrateDatabase(url, { quiet: true });
  const prisma = createPrismaClient(url);
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const started = performance.now();
  const spent = new Map<string, number>();
  let last = started;
  // A message reports what was just done: the time since the previous one belongs to it.
  const spend = (phase: string) => {
    const now = performance.now();
    spent.set(phase, (spent.get(phase) ?? 0) + now - last);
    last = now;
  };
  try {
    await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale }, (message) => spend(phaseOf(message)));
  } finally {
    await prisma.$disconnect();
  }
  spend("after the last message");
  const seconds = (performance.now() - started) / 1000;
  totals.push(seconds);
  for (const [name, ms] of spent) phaseTimes.set(name, [...(phaseTimes.get(name) ?? []), ms]);
  console.log(`run ${run}: ${seconds.toFixed(1)} s`);
}
removeDatabase();

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
console.log(`\nSeeding the demo pool at scale ${scale}, ${runs} run(s) on a new SQLite file each:\n`);
console.log("| phase | median s |");
console.log("|:--|--:|");
for (const [name, times] of phaseTimes) console.log(`| ${name} | ${(median(times) / 1000).toFixed(1)} |`);
const total = median(totals);
console.log(`| **total** | **${total.toFixed(1)}** |`);
console.log(
  `\nruns: ${totals.map((s) => s.toFixed(1)).join(", ")} s; target < ${TARGET_SECONDS} s at scale 1: ${
    scale !== 1 ? "n/a" : total < TARGET_SECONDS ? "met" : "MISSED"
  }`,
);
