// npm run bench:match [-- --searches 500 --rounds 5]
// On the demo pool (27,500 transferable patents): (1) ranks the pool against a set of technology needs through
// matchNeed, as the need page does; (2) saves many searches, adds 1,000 new patents as an import would, and
// times the alert run that checks every saved search against them. Targets: ≤ 50 ms a need, ≤ 5 s the run.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({
  options: { searches: { type: "string", default: "500" }, rounds: { type: "string", default: "5" } },
});
const searchCount = Number(values.searches);
const rounds = Number(values.rounds);
if (!(searchCount >= 1) || !(rounds >= 1)) {
  console.error("usage: npm run bench:match -- [--searches n] [--rounds n]");
  process.exit(2);
}

const file = path.resolve("tmp/bench-match.db");
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;

const { runPrisma } = await import("../../scripts/prisma");
const { prisma } = await import("../../app/lib/db.server");
const { seedDemoPool } = await import("../../prisma/seed/write");
const { DEFAULT_SEED } = await import("../../prisma/seed/demo-pool");
const { matchNeed } = await import("../../app/models/need/need.server");
const { runAlerts, saveSearch } = await import("../../app/models/alerts.server");
const { insertPatents } = await import("../../app/models/patent-store.server");
const { applicationCheckCharacter } = await import("../../app/models/patent/identifiers");
const { getUser } = await import("../../app/lib/auth.server");
const { startSession } = await import("../../app/lib/session.server");
const { createUser } = await import("../../app/models/account/account.server");
const { patentSearch } = await import("../../app/models/search/service.server");

runPrisma(["migrate", "deploy"], { capture: true });
await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
console.log("seeding the demo pool…");
await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale: 1 });
await patentSearch().refresh();

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};

// (1) Needs as companies write them: a sentence or two, sometimes a cluster.
const needs = [
  {
    title: "锂电池 热管理",
    description: "储能电站的锂电池包需要热管理方案，控制电池温度一致，延长寿命。",
    cluster: "NEW_ENERGY",
  },
  { title: "芯片散热", description: "功率芯片封装后温度过高，需要新的散热结构或材料。", cluster: "POWER_SEMI" },
  {
    title: "火锅底料工业化",
    description: "希望把传统火锅底料炒制工艺工业化，保证风味稳定，降低油耗。",
    cluster: "FOOD",
  },
  { title: "隧道衬砌检测", description: "山区隧道衬砌的裂缝和空洞需要自动检测，最好能在线监测。", cluster: null },
  {
    title: "镁合金压铸",
    description: "汽车零部件镁合金压铸件气孔多，需要改进工艺或合金成分。",
    cluster: "LIGHT_ALLOY",
  },
  { title: "无人机巡检", description: "输电线路巡检需要无人机自动识别缺陷并规划航线。", cluster: "LOW_ALTITUDE" },
  { title: "中药提取", description: "需要提高中药有效成分提取率的工艺，减少溶剂使用。", cluster: "BIOMEDICINE" },
  {
    title: "Battery thermal management",
    description: "We need a liquid cooling design for battery packs in energy storage containers.",
    cluster: "NEW_ENERGY",
  },
  {
    title: "图像识别质检",
    description: "生产线上的产品外观缺陷需要基于深度学习的图像识别自动检测。",
    cluster: "SOFTWARE",
  },
  { title: "纺织印染废水", description: "印染废水的脱色和回用技术，降低处理成本。", cluster: "TEXTILE" },
];
await matchNeed(needs[0]); // warm-up
const needTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const need of needs) {
    const started = performance.now();
    await matchNeed(need);
    needTimes.push(performance.now() - started);
  }
}
console.log(
  `matching a need against ${(await prisma.patent.count({ where: { transferable: true } })).toLocaleString("en-US")} transferable patents (${needTimes.length} runs): ${summary(needTimes)}  (target ≤ 50 ms)`,
);

// (2) Saved searches of the demo companies: words, words with filters, filters alone.
const words = [
  "电池",
  "芯片",
  "传感器",
  "机器人",
  "热管理",
  "锂电池",
  "火锅",
  "中药",
  "镁合金",
  "桥梁",
  "隧道",
  "无人机",
  "卫星",
  "显示",
  "摩托车",
  "纺织",
  "发酵",
  "储能",
  "battery",
  "sensor",
  "robot",
];
const filters = [
  "",
  "&cluster=NEV",
  "&cluster=NEW_ENERGY",
  "&type=INVENTION",
  "&open=1",
  "&status=VALID",
  "&field=GREEN",
  "&section=H",
];
// A user keeps at most 50 saved searches: enough company users to hold them all.
const enterprises = await prisma.organization.findMany({
  where: { kind: "ENTERPRISE" },
  take: Math.ceil(searchCount / 50),
  select: { id: true },
});
const users = await Promise.all(
  enterprises.map(async (enterprise, i) => {
    const created = await createUser({
      email: `bench-${i}@match.example`,
      name: `bench ${i}`,
      password: "bench password",
      role: "SME",
      organizationId: enterprise.id,
    });
    return (await getUser(
      new Request("http://localhost/", { headers: { Cookie: (await startSession(created.id, 1)).split(";")[0] } }),
    ))!;
  }),
);
for (let i = 0; i < searchCount; i++) {
  const query =
    i % 10 === 9
      ? filters[(i % 7) + 1].slice(1)
      : `q=${encodeURIComponent(words[i % words.length])}${filters[Math.floor(i / words.length) % filters.length]}`;
  // The sort makes each saved query distinct without changing what it matches.
  await saveSearch(users[Math.floor(i / 50)], {
    name: `bench ${i}`,
    query: `${query}&sort=${["relevance", "newest", "term"][i % 3]}`,
  });
}
await runAlerts(); // what was there before is known
const savedCount = await prisma.savedSearch.count();

// 1,000 new patents, as an import of a university's file adds them: their text shares the searches' words.
const university = await prisma.organization.findFirstOrThrow({ where: { kind: "UNIVERSITY" } });
const [{ maxId }] = await prisma.$queryRaw<Array<{ maxId: number }>>`SELECT MAX("id") AS "maxId" FROM "Patent"`;
const now = new Date();
const rows = Array.from({ length: 1000 }, (_, i) => {
  const digits = `2025199${String(10000 + i).padStart(5, "0")}`;
  const word = words[i % words.length];
  return {
    id: Number(maxId) + 1 + i,
    applicationNumber: `${digits}.${applicationCheckCharacter(digits)}`,
    publicationNumber: null,
    grantNumber: null,
    type: "INVENTION" as const,
    title: `一种新的${word}装置`,
    titleEn: null,
    abstract: `本发明涉及${word}，提高了可靠性。`,
    abstractEn: null,
    firstClaim: `1.一种${word}装置。`,
    firstClaimEn: null,
    ipcMain: "H01M 10/613",
    ipcOthers: "",
    inventors: "张三",
    ownerId: university.id,
    filingDate: new Date("2025-06-01T00:00:00Z"),
    publicationDate: null,
    grantDate: null,
    expiresOn: new Date("2045-06-01T00:00:00Z"),
    legalStatus: "PENDING" as const,
    cluster: i % 2 ? "NEW_ENERGY" : "NEV",
    field: "GREEN",
    keywords: word,
    keywordsEn: "",
    transferable: true,
    transferableNote: null,
    valueScore: 60,
    maturity: 4,
    assessedAt: now,
    hasEvaluationReport: false,
  };
});
await prisma.$transaction(async (tx) => insertPatents(tx, rows), { timeout: 120_000 });
const started = performance.now();
const run = await runAlerts();
const elapsed = performance.now() - started;
console.log(
  `checking ${savedCount} saved searches after an import of 1,000 patents: ${(elapsed / 1000).toFixed(2)} s, ${run.notifications} notifications  (target ≤ 5 s)`,
);
await prisma.$disconnect();
