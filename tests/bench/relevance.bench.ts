// npm run bench:relevance [-- --database FILE] [--reseed] [--write-before FILE] [--before FILE]
//
// Runs the judged query set of tests/bench/relevance-queries.ts through the search the /patents page uses
// (patentSearch().search(parseSearchParams(…)), default sort, page 1 of 20) on the demo pool at scale 1 with
// the default seed, grades each result with the query's rule, and prints per query and overall:
//   - answered@10: a relevant result (grade ≥ 1) in the top 10, over the queries the pool can answer (those
//     whose rule matches at least one patent of the pool: transferable, in force or pending);
//   - nDCG@10: gain 2^grade − 1, log2 discount, the ideal ranking taken from every relevant patent of the
//     pool (found by scanning the Patent table with the rule), averaged over the answerable queries;
//   - the zero-result rate over the answerable queries;
//   - for the queries the pool cannot answer: whether the page shows no result or only irrelevant ones;
//   - page-1 results whose title repeats another's on that page without being one family (Patent.familyId).
// It prints the failing queries with their top-3 titles, writes the summary and every query's page to
// tmp/relevance-<date>.json, and prints the same figures for the search before issue 13 from
// tests/bench/relevance-before.json (re-graded with today's rules when that file was made on the same pool).
//
// The database is tmp/bench-relevance.db unless --database names another file. The default file is seeded
// (migrated, then the demo pool written) when it is missing, holds another number of patents, or was seeded
// from other generator sources (prisma/seed/**, prisma/migrations: their hash is kept in FILE.seed.json).
// A file named with --database is used as it is whenever it holds patents (it may have been seeded by another
// checkout's generator); --reseed seeds it again.
//
// Making tests/bench/relevance-before.json (the search at commit 6a6ebdf, before issue 13, on today's pool;
// the search index's format is unchanged, so the old search reads a pool seeded by the new generator):
//   cd /work/main && npm run bench:relevance                     # seeds tmp/bench-relevance.db if need be
//   git worktree add /work/wt-before 6a6ebdf
//   ln -s /work/main/node_modules /work/wt-before/node_modules
//   cd /work/wt-before && npm run postinstall                    # its Prisma clients (SQLite and PostgreSQL)
//   cp /work/main/tests/bench/relevance.bench.ts /work/main/tests/bench/relevance-queries.ts tests/bench/
//   mkdir -p tmp && cp /work/main/tmp/bench-relevance.db tmp/pool.db  # a copy: the old code never writes the pool
//   npx tsx tests/bench/relevance.bench.ts --database tmp/pool.db --write-before /work/main/tests/bench/relevance-before.json
//   cd /work/main && git worktree remove --force /work/wt-before
// (nothing is committed in the worktree). Then `npm run bench:relevance` prints both.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { RELEVANCE_QUERIES, compileRule, type Grade, type GradedPatent, type JudgedQuery } from "./relevance-queries";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({
  options: {
    database: { type: "string" },
    reseed: { type: "boolean", default: false },
    "write-before": { type: "string" },
    before: { type: "string", default: "tests/bench/relevance-before.json" },
  },
});

const SCALE = 1;
const PAGE = 20;
const AT = 10;
const file = path.resolve(values.database ?? "tmp/bench-relevance.db");
fs.mkdirSync(path.dirname(file), { recursive: true });
process.env.DATABASE_URL = `file:${file}`;
delete process.env.DATABASE_READ_URL;

// ---- the pool ----

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** The generator's sources: a pool seeded from other ones is seeded again. */
function generatorHash(): string {
  const hash = crypto.createHash("sha256");
  for (const source of listFiles("prisma/seed")
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort()) {
    hash.update(source).update(fs.readFileSync(source));
  }
  for (const migration of listFiles("prisma/migrations").sort()) hash.update(migration);
  return hash.digest("hex").slice(0, 16);
}

async function patentCount(): Promise<number> {
  if (!fs.existsSync(file)) return 0;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Patent'").get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM "Patent"').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

async function preparePool(): Promise<void> {
  const count = await patentCount();
  const marker = `${file}.seed.json`;
  let reason: string | null = null;
  let expected: number | null = null;
  if (values.database === undefined) {
    const { BASE_ASSESSED } = await import("../../prisma/seed/demo-pool");
    expected = Math.round(BASE_ASSESSED * SCALE);
    const recorded = fs.existsSync(marker)
      ? (JSON.parse(fs.readFileSync(marker, "utf8")) as { generator?: string }).generator
      : undefined;
    if (count === 0) reason = "no pool yet";
    else if (count !== expected) reason = `${count} patents instead of ${expected}`;
    else if (recorded !== generatorHash()) reason = "the generator changed since it was seeded";
    else if (values.reseed) reason = "--reseed";
    if (reason) for (const suffix of ["", "-wal", "-shm", ".seed.json"]) fs.rmSync(`${file}${suffix}`, { force: true });
  } else if (count === 0) reason = "no pool yet";
  else if (values.reseed) reason = "--reseed";
  if (!reason) return;

  console.log(`seeding the demo pool (scale ${SCALE}) into ${file}: ${reason}…`);
  const { migrateDatabase } = await import("../../scripts/migrate-database");
  const { createPrismaClient } = await import("../../app/lib/db.server");
  const { seedDemoPool } = await import("../../prisma/seed/write");
  const { DEFAULT_SEED } = await import("../../prisma/seed/demo-pool");
  await migrateDatabase(process.env.DATABASE_URL, { quiet: true });
  const client = createPrismaClient();
  const started = performance.now();
  let last = 0;
  try {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const summary = await seedDemoPool(client, { seed: DEFAULT_SEED, scale: SCALE }, (message) => {
      if (performance.now() - last > 5000) {
        console.log(`  ${message}`);
        last = performance.now();
      }
    });
    console.log(
      `seeded ${summary.patents} patents (${summary.transferable} transferable) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.$disconnect();
  }
  if (values.database === undefined)
    fs.writeFileSync(
      marker,
      JSON.stringify({ generator: generatorHash(), scale: SCALE, seed: DEFAULT_SEED, patents: expected }, null, 2),
    );
}

await preparePool();

const { prisma } = await import("../../app/lib/db.server");
const { patentSearch } = await import("../../app/models/search/service.server");
const { parseSearchParams } = await import("../../app/models/search/search-params");
const { POOL_LEGAL_STATUSES } = await import("../../app/models/patent/vocabulary");

interface PoolPatent extends GradedPatent {
  id: number;
  familyId: string | null;
}

const columns = await prisma.$queryRawUnsafe<Array<{ name: string }>>(`PRAGMA table_info("Patent")`);
const hasFamily = columns.some((column) => column.name === "familyId");
const statuses = POOL_LEGAL_STATUSES.map((status) => `'${status}'`).join(", ");
const SELECT = `SELECT "id", "type", "title", "titleEn", "abstract", "abstractEn", "keywords", "keywordsEn", ${hasFamily ? `"familyId"` : `NULL AS "familyId"`} FROM "Patent"`;
const poolRows = (
  await prisma.$queryRawUnsafe<PoolPatent[]>(
    `${SELECT} WHERE "transferable" = 1 AND "legalStatus" IN (${statuses}) ORDER BY "id"`,
  )
).map((row) => ({ ...row, id: Number(row.id) }));
const byId = new Map(poolRows.map((row) => [row.id, row]));
const totalPatents = Number(
  (await prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "Patent"`))[0].n,
);
const fingerprint = crypto
  .createHash("sha256")
  .update(poolRows.map((row) => `${row.id}\t${row.title}`).join("\n"))
  .digest("hex")
  .slice(0, 16);

/** A search result outside the pool (it should not happen) is read on its own. */
async function patentOf(id: number): Promise<PoolPatent> {
  const known = byId.get(id);
  if (known) return known;
  const [row] = await prisma.$queryRawUnsafe<PoolPatent[]>(`${SELECT} WHERE "id" = ${Number(id)}`);
  const patent = { ...row, id: Number(row.id) };
  byId.set(id, patent);
  return patent;
}

// ---- grading ----

interface PoolJudgement {
  relevant: number;
  highly: number;
  idealDcg: number;
}

const dcg = (grades: readonly number[]) =>
  grades.slice(0, AT).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);

const graders = new Map<string, (patent: GradedPatent) => Grade>(
  RELEVANCE_QUERIES.map((query) => [query.q, compileRule(query.relevant)]),
);
const judgements = new Map<string, PoolJudgement>();
const judgingStarted = performance.now();
for (const query of RELEVANCE_QUERIES) {
  const grade = graders.get(query.q)!;
  let relevant = 0;
  let highly = 0;
  for (const patent of poolRows) {
    const g = grade(patent);
    if (g > 0) relevant++;
    if (g === 2) highly++;
  }
  const ideal = [
    ...Array(Math.min(AT, highly)).fill(2),
    ...Array(Math.min(AT - Math.min(AT, highly), relevant - highly)).fill(1),
  ];
  judgements.set(query.q, { relevant, highly, idealDcg: dcg(ideal) });
}
const judgingSeconds = (performance.now() - judgingStarted) / 1000;

// ---- the searches ----

interface Page {
  total: number;
  ids: number[];
  ms: number;
}

const search = patentSearch();
const pages = new Map<string, Page>();
for (const query of RELEVANCE_QUERIES) {
  const parsed = parseSearchParams(new URLSearchParams({ q: query.q }));
  if (!parsed.ok) throw new Error(`the search refuses ${query.q}: ${JSON.stringify(parsed.issues)}`);
  const started = performance.now();
  const result = await search.search(parsed.params);
  pages.set(query.q, {
    total: result.total,
    ids: result.items.slice(0, PAGE).map((item) => item.id),
    ms: performance.now() - started,
  });
}

// ---- figures ----

interface Outcome {
  q: string;
  lang: string;
  style: string;
  area: string | null;
  issue: boolean;
  designedAbsent: boolean;
  answerable: boolean;
  poolRelevant: number;
  poolHighlyRelevant: number;
  total: number;
  ms: number;
  ids: number[];
  grades: number[];
  answeredAt10: boolean;
  firstRelevantRank: number | null;
  precisionAt10: number;
  ndcgAt10: number | null;
  duplicates: Array<{ title: string; ids: number[] }>;
  top3: string[];
}

interface Rate {
  count: number;
  of: number;
  rate: number | null;
}

interface Summary {
  queries: number;
  answerable: number;
  unanswerable: number;
  answeredAt10: Rate;
  ndcgAt10: number | null;
  zeroResults: Rate;
  issueExamplesAnswered: Rate;
  unanswerablePages: { noResult: number; onlyIrrelevant: number; queries: number };
  duplicateTitles: { queries: number; results: number };
  byKind: Record<string, { answeredAt10: Rate; ndcgAt10: number | null }>;
  searchMsMedian: number | null;
  /** judged-set problems: queries meant to be absent that the pool answers, and the reverse */
  absentButRelevant: string[];
  answerableNotInPool: string[];
}

interface Report {
  label: string;
  date: string;
  commit: string;
  database: string;
  pool: { patents: number; inPool: number; fingerprint: string };
  judgedSet: { queries: number; hash: string };
  summary: Summary;
  outcomes: Outcome[];
}

const rate = (count: number, of: number): Rate => ({ count, of, rate: of ? count / of : null });
const mean = (numbers: number[]) => (numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null);
const median = (numbers: number[]) => {
  if (!numbers.length) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function evaluate(
  queries: readonly JudgedQuery[],
  pageOf: (q: string) => Page | undefined,
): Promise<{ outcomes: Outcome[]; summary: Summary }> {
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    const page = pageOf(query.q);
    if (!page) continue;
    const judgement = judgements.get(query.q)!;
    const grade = graders.get(query.q)!;
    const patents = await Promise.all(page.ids.map(patentOf));
    const grades = patents.map((patent) => grade(patent));
    const top = grades.slice(0, AT);
    const firstRelevant = top.findIndex((g) => g > 0);
    const answerable = judgement.relevant > 0;
    const byTitle = new Map<string, PoolPatent[]>();
    for (const patent of patents) {
      const key = patent.title.replace(/\s+/g, "");
      byTitle.set(key, [...(byTitle.get(key) ?? []), patent]);
    }
    const duplicates = [...byTitle.values()]
      .filter(
        (same) =>
          same.length > 1 && !(same[0].familyId && same.every((patent) => patent.familyId === same[0].familyId)),
      )
      .map((same) => ({ title: same[0].title, ids: same.map((patent) => patent.id) }));
    outcomes.push({
      q: query.q,
      lang: query.lang,
      style: query.style,
      area: query.area,
      issue: Boolean(query.issue),
      designedAbsent: Boolean(query.absent),
      answerable,
      poolRelevant: judgement.relevant,
      poolHighlyRelevant: judgement.highly,
      total: page.total,
      ms: page.ms,
      ids: page.ids,
      grades,
      answeredAt10: firstRelevant >= 0,
      firstRelevantRank: grades.findIndex((g) => g > 0) >= 0 ? grades.findIndex((g) => g > 0) + 1 : null,
      precisionAt10: top.filter((g) => g > 0).length / AT,
      ndcgAt10: answerable ? dcg(grades) / judgement.idealDcg : null,
      duplicates,
      top3: patents.slice(0, 3).map((patent) => patent.title),
    });
  }
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const kinds = ["zh natural", "zh keywords", "en natural", "en keywords"];
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const ofKind = answerable.filter((o) => `${o.lang} ${o.style}` === kind);
      return [
        kind,
        {
          answeredAt10: rate(ofKind.filter((o) => o.answeredAt10).length, ofKind.length),
          ndcgAt10: mean(ofKind.map((o) => o.ndcgAt10!)),
        },
      ];
    }),
  );
  const issue = answerable.filter((o) => o.issue);
  const withDuplicates = outcomes.filter((o) => o.duplicates.length > 0);
  const summary: Summary = {
    queries: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    answeredAt10: rate(answerable.filter((o) => o.answeredAt10).length, answerable.length),
    ndcgAt10: mean(answerable.map((o) => o.ndcgAt10!)),
    zeroResults: rate(answerable.filter((o) => o.total === 0).length, answerable.length),
    issueExamplesAnswered: rate(issue.filter((o) => o.answeredAt10).length, issue.length),
    unanswerablePages: {
      queries: unanswerable.length,
      noResult: unanswerable.filter((o) => o.total === 0).length,
      onlyIrrelevant: unanswerable.filter((o) => o.total > 0).length,
    },
    duplicateTitles: {
      queries: withDuplicates.length,
      results: withDuplicates.reduce((sum, o) => sum + o.duplicates.reduce((s, d) => s + d.ids.length - 1, 0), 0),
    },
    byKind,
    searchMsMedian: median(outcomes.map((o) => o.ms)),
    absentButRelevant: outcomes.filter((o) => o.designedAbsent && o.answerable).map((o) => o.q),
    answerableNotInPool: outcomes.filter((o) => !o.designedAbsent && !o.answerable).map((o) => o.q),
  };
  return { outcomes, summary };
}

function commitOf(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app"], { encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} + uncommitted changes in app/` : head;
  } catch {
    return "unknown";
  }
}

const judgedSetHash = crypto.createHash("sha256").update(JSON.stringify(RELEVANCE_QUERIES)).digest("hex").slice(0, 16);
const today = new Date().toISOString().slice(0, 10);
const current = await evaluate(RELEVANCE_QUERIES, (q) => pages.get(q));
const report: Report = {
  label: values["write-before"] ? "the search before issue 13" : "the search now",
  date: today,
  commit: commitOf(),
  database: file,
  pool: { patents: totalPatents, inPool: poolRows.length, fingerprint },
  judgedSet: { queries: RELEVANCE_QUERIES.length, hash: judgedSetHash },
  summary: current.summary,
  outcomes: current.outcomes,
};

// ---- the before figures ----

let before: { summary: Summary; note: string } | null = null;
if (!values["write-before"] && fs.existsSync(values.before!)) {
  const recorded = JSON.parse(fs.readFileSync(values.before!, "utf8")) as Report;
  if (recorded.pool.fingerprint === fingerprint) {
    // Same pool: the recorded pages are graded again with today's rules (the judged set may have changed).
    const recordedPages = new Map(recorded.outcomes.map((o) => [o.q, { total: o.total, ids: o.ids, ms: o.ms }]));
    const regraded = await evaluate(RELEVANCE_QUERIES, (q) => recordedPages.get(q));
    const missing = RELEVANCE_QUERIES.filter((query) => !recordedPages.has(query.q)).length;
    before = {
      summary: regraded.summary,
      note: `${recorded.commit}, recorded ${recorded.date} on this pool; its pages graded with today's rules${missing ? ` (${missing} of today's queries were not in it)` : ""}`,
    };
  } else {
    before = {
      summary: recorded.summary,
      note: `${recorded.commit}, recorded ${recorded.date} on another pool (${recorded.pool.inPool} patents, fingerprint ${recorded.pool.fingerprint}): its figures as recorded`,
    };
  }
}

// ---- printing ----

const cut = (text: string, width: number) => {
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    if (used + w > width) return `${out}…`;
    out += ch;
    used += w;
  }
  return out;
};
const widthOf = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - widthOf(text)));
const pct = (r: Rate) => (r.rate === null ? "–" : `${(r.rate * 100).toFixed(1)} % (${r.count}/${r.of})`);
const num = (value: number | null) => (value === null ? "–" : value.toFixed(3));

console.log(
  `\npool: ${poolRows.length.toLocaleString()} patents searchable of ${totalPatents.toLocaleString()} (fingerprint ${fingerprint}), ${file}`,
);
console.log(
  `search: ${report.commit}; judged set: ${RELEVANCE_QUERIES.length} queries (${judgedSetHash}); rules applied to the pool in ${judgingSeconds.toFixed(1)} s`,
);

const failing = current.outcomes.filter((o) => o.answerable && !o.answeredAt10);
console.log(`\nanswerable queries without a relevant result in the top ${AT} (${failing.length}):`);
for (const o of failing) {
  console.log(
    `  ${pad(cut(o.q, 44), 46)} ${`${o.lang}/${o.style}`.padEnd(12)} relevant in pool ${String(o.poolRelevant).padStart(5)}  results ${String(o.total).padStart(5)}`,
  );
  for (const title of o.top3) console.log(`      · ${cut(title, 70)}`);
  if (o.top3.length === 0) console.log("      · (no result)");
}

const unanswerable = current.outcomes.filter((o) => !o.answerable);
console.log(`\nqueries the pool cannot answer (${unanswerable.length}):`);
for (const o of unanswerable) {
  console.log(
    `  ${pad(cut(o.q, 44), 46)} ${o.total === 0 ? "no result" : `${o.total} irrelevant results, first: ${cut(o.top3[0] ?? "", 40)}`}`,
  );
}

const duplicated = current.outcomes.filter((o) => o.duplicates.length);
if (duplicated.length) {
  console.log(`\nrepeated titles on page 1, not one family (${duplicated.length} queries):`);
  for (const o of duplicated)
    console.log(
      `  ${pad(cut(o.q, 44), 46)} ${o.duplicates.map((d) => `${cut(d.title, 30)} ×${d.ids.length}`).join("; ")}`,
    );
}

for (const [label, list] of [
  ["meant to be absent but the pool answers", current.summary.absentButRelevant],
  ["meant to be answerable but nothing in the pool matches the rule", current.summary.answerableNotInPool],
] as const) {
  if (list.length) console.log(`\njudged set: ${label}: ${list.join(" | ")}`);
}

const rows: Array<[string, (s: Summary) => string]> = [
  ["queries (answerable / not)", (s) => `${s.queries} (${s.answerable} / ${s.unanswerable})`],
  [`answered@${AT}`, (s) => pct(s.answeredAt10)],
  [`nDCG@${AT}`, (s) => num(s.ndcgAt10)],
  ["zero results (answerable)", (s) => pct(s.zeroResults)],
  ["issue 13 examples answered", (s) => pct(s.issueExamplesAnswered)],
  ["not answerable: no result", (s) => `${s.unanswerablePages.noResult}/${s.unanswerablePages.queries}`],
  ["not answerable: only irrelevant", (s) => `${s.unanswerablePages.onlyIrrelevant}/${s.unanswerablePages.queries}`],
  ["repeated titles (queries/results)", (s) => `${s.duplicateTitles.queries} / ${s.duplicateTitles.results}`],
  ...["zh natural", "zh keywords", "en natural", "en keywords"].map((kind): [string, (s: Summary) => string] => [
    `  ${kind}: answered@${AT}, nDCG`,
    (s) => `${pct(s.byKind[kind].answeredAt10)}, ${num(s.byKind[kind].ndcgAt10)}`,
  ]),
  ["search ms, median", (s) => (s.searchMsMedian === null ? "–" : s.searchMsMedian.toFixed(1))],
];
console.log(`\n${"".padEnd(36)} ${"now".padEnd(30)} ${before ? "before issue 13" : ""}`);
for (const [label, show] of rows)
  console.log(`${label.padEnd(36)} ${show(current.summary).padEnd(30)} ${before ? show(before.summary) : ""}`);
if (before) console.log(`\nbefore: ${before.note}`);
else if (!values["write-before"]) console.log(`\n(no ${values.before}: see the top of this file for how to make it)`);

/** The report as JSON: the summary spread out, one line per query. */
function toJson(value: Report & { before?: unknown }): string {
  const { outcomes, ...head } = value;
  const top = JSON.stringify(head, null, 1);
  return `${top.slice(0, -2)},\n "outcomes": [\n${outcomes.map((o) => `  ${JSON.stringify(o)}`).join(",\n")}\n ]\n}\n`;
}

fs.mkdirSync("tmp", { recursive: true });
const out = `tmp/relevance-${today}.json`;
fs.writeFileSync(out, toJson({ ...report, before: before ? { ...before.summary, note: before.note } : null }));
console.log(`\nwritten: ${out}`);
if (values["write-before"]) {
  fs.writeFileSync(values["write-before"], toJson(report));
  console.log(`written: ${values["write-before"]}`);
}
await prisma.$disconnect();
