// npm run bench:import [-- --rows 100000]
// Generates an export-like CSV (the real export's Chinese headers, abstracts and first claims), then imports it
// through the same code as the web upload and `npm run import` — the preview pass, then the one-transaction
// write — into a fresh database, and prints rows/s for each pass and the process's peak memory.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const rowCount = Number(values.rows);
if (!Number.isInteger(rowCount) || rowCount < 1) {
  console.error("usage: npm run bench:import -- [--rows n]");
  process.exit(2);
}

const dbFile = path.resolve("tmp/bench-import.db");
const csvFile = path.resolve(`tmp/bench-import-${rowCount}.csv`);
fs.mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
process.env.DATABASE_URL = `file:${dbFile}`;

const { applicationCheckCharacter } = await import("../../app/models/patent/identifiers");
const { creditCodeCheckCharacter } = await import("../../app/models/organization/credit-code");
const { runPrisma } = await import("../../scripts/prisma");
const { prisma } = await import("../../app/lib/db.server");
const { analyseImport, commitImport, createImport, getImportFor, importProgress } =
  await import("../../app/models/import/patent-import.server");
const { Random } = await import("../../prisma/seed/random");

// The export: rows like the real one's (types, statuses, IPC lists, multi-inventor cells, long text).
if (!fs.existsSync(csvFile)) {
  const rng = new Random("bench-import");
  const words = [
    "石墨烯",
    "锂电池",
    "热管理",
    "传感器",
    "无人机",
    "芯片",
    "机器人",
    "镁合金",
    "中药提取",
    "图像识别",
    "储能",
    "隧道监测",
    "桥梁",
    "发酵",
    "纺织",
  ];
  const out = fs.createWriteStream(csvFile);
  out.write(
    "序号,申请日,公开日,授权公告日,申请人,发明人,申请号,公开号,授权公告号,专利类型,专利名称,申请摘要,主权项,法律状态,主分类号,分类号\n",
  );
  for (let i = 0; i < rowCount; i++) {
    const year = 2012 + (i % 13);
    const typeDigit = i % 3 === 0 ? "2" : "1";
    const digits = `${year}${typeDigit}${String(1_000_000 + i).padStart(7, "0")}`;
    const topic = `${rng.pick(words)}${rng.pick(words)}`;
    const abstract = `本发明公开了一种${topic}的方法，属于${rng.pick(words)}技术领域。${"该方法包括获取数据、预处理、特征提取和结果输出等步骤，提高了效率和可靠性。".repeat(2)}`;
    const claim =
      `1.一种${topic}装置，其特征在于，包括${rng.pick(words)}模块、${rng.pick(words)}模块和控制模块，所述控制模块分别与其他模块连接。`.repeat(
        2,
      );
    const filed = `${year}${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}`;
    const granted = i % 4 !== 0;
    const line = [
      i + 1,
      filed,
      filed,
      granted ? filed.replace(/^\d{4}/, String(year + 2)) : "0",
      "重庆基准大学",
      "张三;李四;王五",
      `CN${digits}.${applicationCheckCharacter(digits)}`,
      `CN${100000000 + i}${typeDigit === "2" ? "U" : "A"}`,
      granted ? `CN${100000000 + i}${typeDigit === "2" ? "U" : "B"}` : "",
      typeDigit === "2" ? "实用新型" : granted ? "发明公开;发明授权" : "发明公开",
      `一种${topic}的装置及方法`,
      abstract,
      claim,
      granted ? "有权-审定授权" : "审中-实质审查",
      "G06F16/00",
      "G06F16/00;G06N3/08;H04L67/12",
    ];
    if (!out.write(`${line.join(",")}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}
const megabytes = fs.statSync(csvFile).size / 1024 / 1024;
console.log(
  `file: ${rowCount.toLocaleString("en-US")} rows, ${megabytes.toFixed(1)} MB (${path.relative(process.cwd(), csvFile)})`,
);

runPrisma(["migrate", "deploy"], { capture: true });
await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
const university = await prisma.organization.create({
  data: {
    kind: "UNIVERSITY",
    name: "重庆基准大学",
    creditCode: `12500106MB0000001${creditCodeCheckCharacter("12500106MB0000001")}`,
  },
});
const operator = {
  id: "bench",
  email: "bench@localhost",
  name: "bench",
  role: "ADMIN" as const,
  canInvite: false,
  organization: null,
};

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}, 100);
const baseline = process.memoryUsage().rss;

const record = await createImport(operator, {
  universityId: university.id,
  fileName: path.basename(csvFile),
  filePath: csvFile,
});
let started = performance.now();
await analyseImport(record.id);
const analysed = (performance.now() - started) / 1000;
const preview = await getImportFor(operator, record.id);
if (preview.status !== "READY" || preview.error)
  throw new Error(`preview failed: ${preview.error} ${preview.errorDetail}`);
console.log(
  `preview: ${preview.toAdd.toLocaleString("en-US")} to add, ${preview.rejected} rejected in ${analysed.toFixed(1)} s (${Math.round(rowCount / analysed).toLocaleString("en-US")} rows/s)`,
);

const ticker = setInterval(() => {
  const running = importProgress(record.id);
  if (running) console.log(`  … ${running.rowsRead.toLocaleString("en-US")} rows written`);
}, 5000);
started = performance.now();
await prisma.patentImport.update({ where: { id: record.id }, data: { status: "IMPORTING" } });
await commitImport(record.id);
const committed = (performance.now() - started) / 1000;
clearInterval(ticker);
clearInterval(sampler);
const done = await getImportFor(operator, record.id);
if (done.status !== "DONE") throw new Error(`import failed: ${done.error} ${done.errorDetail}`);
const stored = await prisma.patent.count();
const indexed = Number(
  (await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "PatentSearch"`))[0].n,
);
console.log(
  `import: ${done.added?.toLocaleString("en-US")} added in one transaction in ${committed.toFixed(1)} s (${Math.round(rowCount / committed).toLocaleString("en-US")} rows/s); ${stored.toLocaleString("en-US")} patents and ${indexed.toLocaleString("en-US")} search entries in the database`,
);
console.log(
  `total ${(analysed + committed).toFixed(1)} s; peak memory: RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (${((peakRss - baseline) / 1024 / 1024).toFixed(0)} MB above the start), heap ${(peakHeap / 1024 / 1024).toFixed(0)} MB, for a ${megabytes.toFixed(0)} MB file`,
);
await prisma.$disconnect();
