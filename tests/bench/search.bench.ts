// npm run bench:search [-- --scale 10] [--rounds 5] [--database FILE]
// Runs a fixed mix of searches (Chinese, English, filtered, facet-only) through the search module against
// the seeded demo pool, and the same mix through a naive Prisma `contains` search, and prints p50/p95.
// The database is tmp/bench-scale-<scale>.db unless --database names another file (a copy seeded earlier,
// say); either way it is migrated, and seeded only if it does not hold exactly the scale's patents.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    rounds: { type: "string", default: "5" },
    database: { type: "string" },
  },
});
const scale = Number(values.scale);
const rounds = Number(values.rounds);
if (!(scale > 0 && scale <= 100) || !(rounds >= 1)) {
  console.error("usage: npm run bench:search -- [--scale 0<n<=100] [--rounds n>=1] [--database FILE]");
  process.exit(2);
}

const file = path.resolve(values.database ?? `tmp/bench-scale-${scale}.db`);
fs.mkdirSync(path.dirname(file), { recursive: true });
process.env.DATABASE_URL = `file:${file}`;

const { runPrisma } = await import("../../scripts/prisma");
const { createPrismaClient } = await import("../../app/lib/db.server");
const { createPatentSearch, SEARCH_TIME_BUDGET_MS } = await import("../../app/models/search/service.server");
const { parseSearchParams } = await import("../../app/models/search/search-params");
const { seedDemoPool } = await import("../../prisma/seed/write");
const { DEFAULT_SEED, BASE_ASSESSED } = await import("../../prisma/seed/demo-pool");
const { searchMix } = await import("./search-mix");
const { queryUnderstandingTime } = await import("../../app/models/search/query.server");

runPrisma(["migrate", "deploy"], { capture: true });
const prisma = createPrismaClient();
await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
const expected = Math.round(BASE_ASSESSED * scale);
if ((await prisma.patent.count()) !== expected) {
  console.log(`seeding ${expected.toLocaleString()} patents (scale ${scale}) into ${file}…`);
  const started = performance.now();
  let last = 0;
  await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale }, (message) => {
    if (performance.now() - last > 5000) {
      console.log(`  ${message}`);
      last = performance.now();
    }
  });
  console.log(
    `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; database ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`,
  );
}

const universities = await prisma.organization.findMany({
  where: { kind: "UNIVERSITY" },
  orderBy: { name: "asc" },
  take: 3,
  select: { id: true },
});
const { chinese, natural, english, filtered, facetOnly, all: mix } = searchMix(universities.map((u) => u.id));

// Without the memory of recent outcomes: every measured search does its whole work, within the app's time
// budget (issue 17), so the searches that answered newest first instead of by relevance are counted.
const search = createPatentSearch(prisma, { remember: false, timeBudgetMs: SEARCH_TIME_BUDGET_MS });
const paramsOf = (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad benchmark query ${query}: ${JSON.stringify(parsed.issues)}`);
  return parsed.params;
};

/** The search a first version would write: LIKE '%…%' over the text, COUNT, and a GROUP BY per facet. */
async function naiveSearch(query: string) {
  const params = paramsOf(query);
  const words = params.q.replace(/"/g, "").split(/\s+/).filter(Boolean);
  const where = {
    transferable: true,
    AND: words.map((word) => ({
      OR: [
        { title: { contains: word } },
        { titleEn: { contains: word } },
        { abstract: { contains: word } },
        { abstractEn: { contains: word } },
        { firstClaim: { contains: word } },
        { keywords: { contains: word } },
        { keywordsEn: { contains: word } },
      ],
    })),
    ...(params.type.length ? { type: { in: params.type } } : {}),
    ...(params.cluster.length ? { cluster: { in: params.cluster } } : {}),
    ...(params.field.length ? { field: { in: params.field } } : {}),
    ...(params.status.length ? { legalStatus: { in: params.status } } : {}),
    ...(params.university.length ? { ownerId: { in: params.university } } : {}),
    ...(params.section.length ? { OR: params.section.map((s) => ({ ipcMain: { startsWith: s } })) } : {}),
    ...(params.open ? { declarations: { some: { status: "ACTIVE" } } } : {}),
  };
  const orderBy = params.sort === "term" ? { expiresOn: "desc" as const } : { filingDate: "desc" as const };
  await Promise.all([
    prisma.patent.findMany({
      where,
      orderBy,
      skip: (params.page - 1) * params.size,
      take: params.size,
      include: { owner: true },
    }),
    prisma.patent.count({ where }),
    ...(["ownerId", "type", "cluster", "field", "legalStatus"] as const).map((by) =>
      prisma.patent.groupBy({ by: [by], where, _count: true }),
    ),
  ]);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(
  name: string,
  run: (query: string) => Promise<unknown>,
  measuredRounds: number,
  warmUp: boolean,
) {
  if (warmUp) for (const query of mix) await run(query); // caches, the facet index, prepared statements
  const times: number[] = [];
  for (let round = 0; round < measuredRounds; round++) {
    for (const query of mix) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1).padStart(9);
  console.log(
    `${name.padEnd(26)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times[times.length - 1])}   (${times.length} searches)`,
  );
}

const pool = await prisma.patent.count({ where: { transferable: true } });
const loadStarted = performance.now();
await search.refresh();
const indexLoadMs = performance.now() - loadStarted;
console.log(
  `\npool: ${pool.toLocaleString()} transferable of ${expected.toLocaleString()} patents (scale ${scale}); facet index loaded in ${indexLoadMs.toFixed(0)} ms`,
);
console.log(
  `query mix: ${mix.length} searches (${chinese.length} Chinese, ${natural.length} as people type them, ${english.length} English, ${filtered.length} filtered, ${facetOnly.length} facet-only)`,
);
console.log("search with facets             p50 ms    p95 ms    max ms");
const searchTime = { ms: 0 };
const partial = new Map<string, number>();
await measure(
  "FTS5 + facet index",
  async (query) => {
    const started = performance.now();
    const result = await search.search(paramsOf(query));
    searchTime.ms += performance.now() - started;
    if (result.partial) partial.set(query, (partial.get(query) ?? 0) + 1);
  },
  rounds,
  true,
);
const partialCount = [...partial.values()].reduce((sum, count) => sum + count, 0);
console.log(
  `over half the ${SEARCH_TIME_BUDGET_MS} ms budget after matching, so newest first: ${partialCount} of ${mix.length * (rounds + 1)} searches` +
    (partial.size ? ` (${[...partial.keys()].map((query) => decodeURIComponent(query)).join(", ")})` : ""),
);
// Query understanding is remembered per text, so the measured rounds segment nothing: its share is that of the
// warm-up round, which understood every query of the mix once.
const understanding = queryUnderstandingTime();
console.log(
  `query understanding: ${understanding.queries} distinct queries in ${understanding.ms.toFixed(1)} ms (segmenter ${understanding.segmentMs.toFixed(1)} ms, ` +
    `${(understanding.segmentMs / understanding.queries).toFixed(3)} ms a query), ${((100 * understanding.ms) / searchTime.ms).toFixed(2)} % of all search time ` +
    `(${((100 * understanding.segmentMs) / searchTime.ms).toFixed(2)} % segmenting); the dictionary loaded once in ${understanding.dictionaryLoadMs.toFixed(0)} ms`,
);
// One round without warm-up shows the naive search's order of magnitude; it is far slower (beyond scale 10 a
// round would take a quarter of an hour, so it is left out there).
if (scale <= 10) await measure("naive Prisma contains", naiveSearch, 1, false);
await prisma.$disconnect();
