// The measuring half of bench:stats, run once per database (DATABASE_URL) by stats.bench.ts.
import { prisma } from "../../app/lib/db.server";
import { getTransferStatistics, type StatsScope } from "../../app/models/stats/statistics.server";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const rounds = Number(process.argv[2]);
const [first, second] = (process.env.BENCH_UNIVERSITIES ?? "").split(",");
const scopes: Array<{ label: string; scope: StatsScope }> = [
  {
    label: "2025, all",
    scope: { period: { from: "2025-01-01", to: "2025-12-31" }, universityId: null, cluster: null },
  },
  {
    label: "2024, all",
    scope: { period: { from: "2024-01-01", to: "2024-12-31" }, universityId: null, cluster: null },
  },
  {
    label: "2023-07-01..2025-06-30",
    scope: { period: { from: "2023-07-01", to: "2025-06-30" }, universityId: null, cluster: null },
  },
  {
    label: "2025, one university",
    scope: { period: { from: "2025-01-01", to: "2025-12-31" }, universityId: first, cluster: null },
  },
  {
    label: "2025, another university + NEV",
    scope: { period: { from: "2025-01-01", to: "2025-12-31" }, universityId: second, cluster: "NEV" },
  },
  {
    label: "2025, cluster NEW_ENERGY",
    scope: { period: { from: "2025-01-01", to: "2025-12-31" }, universityId: null, cluster: "NEW_ENERGY" },
  },
];

const [licenses, transfers, deals] = await Promise.all([
  prisma.license.count(),
  prisma.transfer.count(),
  prisma.deal.count(),
]);
console.log(
  `  ${licenses.toLocaleString("en-US")} licenses, ${transfers.toLocaleString("en-US")} assignments, ${deals.toLocaleString("en-US")} negotiations`,
);
await getTransferStatistics(scopes[0].scope); // warm-up: connection and statement caches

const all: number[] = [];
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
for (const { label, scope } of scopes) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await getTransferStatistics(scope);
    times.push(performance.now() - started);
  }
  all.push(...times);
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(32)} p50 ${quantile(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${quantile(times, 0.95).toFixed(1).padStart(6)} ms`,
  );
}
all.sort((a, b) => a - b);
console.log(
  `  all ${all.length} dashboards: p50 ${quantile(all, 0.5).toFixed(1)} ms, p95 ${quantile(all, 0.95).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`,
);
await prisma.$disconnect();
