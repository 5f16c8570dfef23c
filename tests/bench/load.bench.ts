// npm run bench:load [-- --duration 10] [--connections 10] [--warmup 2] [--profile] [--postgresql [--servers 2]]
// The production server (scripts/serve.ts over the built app) on the demo pool in tmp/bench-load.db, or with
// --postgresql in a private PostgreSQL server (tests/helpers/postgres-server.ts) with --servers app servers
// sharing it, their connections spread over the servers as a load balancer would; driven over loopback by
// autocannon: the search API, the search page, the patent page, then a mix of those with sign-ins
// and open-license acceptances by the demo SMEs. Prints requests/s, latency p50/p95/p99, failed responses and
// connection errors per scenario, and the server's peak memory. Targets: ≥ 300 API searches/s with p95 ≤ 50 ms,
// no errors, server memory ≤ 300 MB. --profile writes the server's CPU profile to tmp/profiles/.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../../app/lib/db.server";
import { BASE_ASSESSED, DEFAULT_SEED } from "../../prisma/seed/demo-pool";
import { DEMO_PASSWORD, seedDemoPool } from "../../prisma/seed/write";
import { buildIfNeeded, SERVER_SCRIPT } from "../../scripts/build";
import { migrateDatabase } from "../../scripts/migrate-database";
import { serverNodeFlags } from "../../scripts/server-options";
import { startPostgres } from "../helpers/postgres-server";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    profile: { type: "boolean", default: false },
    postgresql: { type: "boolean", default: false },
    servers: { type: "string", default: "1" },
  },
});
const serverCount = Number(values.servers);
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const validServers = Number.isInteger(serverCount) && serverCount >= 1 && (serverCount === 1 || values.postgresql);
if (!(duration >= 1) || !Number.isInteger(connections) || !(connections >= 5) || !(warmup >= 0) || !validServers) {
  console.error(
    "usage: npm run bench:load -- [--duration s>=1] [--connections n>=5] [--warmup s>=0] [--profile] [--postgresql [--servers n>=1]]",
  );
  process.exit(2);
}

const file = path.resolve("tmp/bench-load.db");
const postgres = values.postgresql ? await startPostgres() : null;
let databaseUrl = `file:${file}`;
if (postgres) {
  const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE patentbridge_load ENCODING 'UTF8'");
  await admin.end();
  databaseUrl = `${postgres.baseUrl}/patentbridge_load`;
}
fs.mkdirSync(path.dirname(file), { recursive: true });
await migrateDatabase(databaseUrl, { quiet: true });
const prisma = createPrismaClient(databaseUrl);
if (!postgres) await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
if ((await prisma.patent.count()) !== BASE_ASSESSED || (await prisma.user.count({ where: { role: "SME" } })) < 3) {
  console.log(`seeding the demo pool into ${postgres ? "PostgreSQL" : file}…`);
  const started = performance.now();
  await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale: 1 });
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
if (!postgres) await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
await prisma.$disconnect();
buildIfNeeded();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /healthz within 60 s");
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const kill = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(kill);
}

/** One kind of request in a scenario: its connections, an optional overall rate (req/s), and how to make the i-th. */
interface Part {
  name: string;
  connections: number;
  rate?: number;
  request: (i: number) => autocannon.Request;
  /** statuses that are documented answers under load rather than failures (a sign-in's 429) */
  tolerated?: number[];
}

interface Measured {
  name: string;
  perSecond: number;
  latencies: number[];
  statuses: Map<number, number>;
  failed: number;
  tolerated: number;
  /** connection errors and timeouts, by code */
  errors: Map<string, number>;
}

const total = (counts: Map<unknown, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
const merge = <K>(maps: Array<Map<K, number>>) =>
  maps.reduce((all, map) => {
    for (const [key, n] of map) all.set(key, (all.get(key) ?? 0) + n);
    return all;
  }, new Map<K, number>());

function fire(base: string | string[], part: Part, seconds: number): Promise<Measured> {
  let next = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const errors = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        // autocannon spreads connections over several URLs; its types only know one.
        url: base as string,
        connections: part.connections,
        duration: seconds,
        ...(part.rate ? { overallRate: part.rate } : {}),
        // Browsers and HTTP clients ask for compression, so the server does that work too.
        headers: { "accept-encoding": "gzip" },
        requests: [{ setupRequest: (request) => ({ ...request, ...part.request(next++) }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const count = (keep: (status: number) => boolean) =>
          [...statuses].reduce((sum, [status, n]) => (keep(status) ? sum + n : sum), 0);
        const isTolerated = (status: number) => part.tolerated?.includes(status) ?? false;
        resolve({
          name: part.name,
          perSecond: result.requests.average,
          latencies: latencies.sort((a, b) => a - b),
          statuses,
          failed: count((status) => (status < 200 || status >= 400) && !isTolerated(status)),
          tolerated: count(isTolerated),
          errors,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    instance.on("reqError", (error: NodeJS.ErrnoException) => {
      const kind = error.code ?? error.message;
      errors.set(kind, (errors.get(kind) ?? 0) + 1);
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

function printRow(row: Measured) {
  const ms = (p: number) => percentile(row.latencies, p).toFixed(1).padStart(8);
  const statuses = [...row.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");
  const tolerated = row.tolerated ? `  (${row.tolerated} rate-limited, not counted)` : "";
  const errors = row.errors.size ? `  errors: ${[...row.errors].map(([kind, n]) => `${kind}×${n}`).join(" ")}` : "";
  console.log(
    `${row.name.padEnd(24)} ${row.perSecond.toFixed(1).padStart(8)} ${ms(50)} ${ms(95)} ${ms(99)} ${String(row.failed).padStart(7)} ${String(total(row.errors)).padStart(7)}   ${statuses}${tolerated}${errors}`,
  );
}

async function scenario(base: string | string[], name: string, parts: Part[]): Promise<Measured[]> {
  if (warmup > 0) await Promise.all(parts.map((part) => fire(base, part, warmup)));
  const measured = await Promise.all(parts.map((part) => fire(base, part, duration)));
  if (parts.length === 1) {
    printRow({ ...measured[0], name });
  } else {
    for (const row of measured) printRow({ ...row, name: `${name}: ${row.name}` });
    printRow({
      name: `${name}: all`,
      perSecond: measured.reduce((sum, row) => sum + row.perSecond, 0),
      latencies: measured.flatMap((row) => row.latencies).sort((a, b) => a - b),
      statuses: merge(measured.map((row) => row.statuses)),
      failed: measured.reduce((sum, row) => sum + row.failed, 0),
      tolerated: measured.reduce((sum, row) => sum + row.tolerated, 0),
      errors: merge(measured.map((row) => row.errors)),
    });
  }
  return measured;
}

const QUERIES = [
  "电池",
  "芯片",
  "传感器",
  "battery",
  "sensor",
  "锂电池 热管理",
  "机器人",
  "thermal management",
  "储能",
  "neural network",
  "无人机",
  "magnesium alloy",
].map(encodeURIComponent);
const SMES = ["sme1@patentbridge.test", "sme2@patentbridge.test", "sme3@patentbridge.test"];
// A stride coprime with 32,000 visits every patent once, scattered, before coming back.
const patentPath = (i: number) => `/patents/${((i * 7919) % BASE_ASSESSED) + 1}`;
const apiSearch = (i: number): autocannon.Request => ({
  method: "GET",
  path: `/api/v1/patents?q=${QUERIES[i % QUERIES.length]}`,
});
const searchPage = (i: number): autocannon.Request => ({
  method: "GET",
  path: `/patents?q=${QUERIES[i % QUERIES.length]}&cluster=NEV`,
});
const patentPage = (i: number): autocannon.Request => ({ method: "GET", path: patentPath(i) });

const profileDir = path.resolve("tmp/profiles");
const servers: ChildProcess[] = [];
const bases: string[] = [];
for (let n = 0; n < serverCount; n++) {
  const port = await freePort();
  bases.push(`http://127.0.0.1:${port}`);
  // node itself, not npx or tsx's launcher, so that the pid read for memory is the serving process.
  // The same Node.js flags as `npm start` (scripts/server-options.ts), and one session secret for all.
  servers.push(
    spawn(
      process.execPath,
      [...serverNodeFlags(), ...(values.profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []), SERVER_SCRIPT],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          HOST: "127.0.0.1",
          NODE_ENV: "production",
          SESSION_SECRET: "bench-load-session-secret-0123456789abcdef",
          PUBLIC_URL: `http://127.0.0.1:${port}`,
        },
        stdio: ["ignore", "ignore", "inherit"],
      },
    ),
  );
}
// Sign-ins, setup requests and same-origin checks use the first server; the load goes to all of them.
const [base] = bases;
const target = bases.length === 1 ? base : bases;
try {
  for (const [n, server] of servers.entries()) await waitForHealth(bases[n], server);
  // Behind a load balancer every server sees the public host; here the first server's stands for it.
  const forwarded: Record<string, string> = servers.length > 1 ? { "x-forwarded-host": new URL(base).host } : {};
  const json = { "content-type": "application/json", origin: base, "accept-encoding": "gzip", ...forwarded };
  const cookies: string[] = [];
  for (const email of SMES) {
    const response = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`signing in ${email} answered ${response.status}`);
    cookies.push(
      response.headers
        .getSetCookie()
        .map((cookie) => cookie.split(";")[0])
        .join("; "),
    );
  }
  const declarations: string[] = [];
  for (let page = 1; page <= 4; page++) {
    const response = await fetch(`${base}/api/v1/patents?open=1&status=VALID&size=50&page=${page}`);
    const { items } = (await response.json()) as {
      items: Array<{ expiresOn: string; openLicense: { id: string } | null }>;
    };
    // Statuses are as of the demo's date; a patent that has expired since takes no new licensees.
    for (const item of items)
      if (item.openLicense && new Date(item.expiresOn) > new Date()) declarations.push(item.openLicense.id);
  }
  if (declarations.length === 0) throw new Error("no active open-license declaration found");

  const where = `${postgres ? "PostgreSQL" : "SQLite"}, ${servers.length} server${servers.length > 1 ? "s" : ""} (pid ${servers.map((server) => server.pid).join(", ")})`;
  console.log(
    `\n${where}; ${duration} s per scenario after ${warmup} s of warm-up; ${declarations.length} open licenses to accept`,
  );
  console.log(`${"scenario".padEnd(24)}    req/s   p50 ms   p95 ms   p99 ms  failed  errors   responses`);
  const [search] = await scenario(target, "API search", [{ name: "API search", connections, request: apiSearch }]);
  const measured = [
    search,
    ...(await scenario(target, "search page (NEV)", [{ name: "search page", connections, request: searchPage }])),
    ...(await scenario(target, "patent page", [{ name: "patent page", connections, request: patentPage }])),
    ...(await scenario(target, "mix", [
      { name: "API search", connections: Math.ceil(connections * 0.4), request: apiSearch },
      { name: "search page", connections: Math.ceil(connections * 0.2), request: searchPage },
      { name: "patent page", connections: Math.ceil(connections * 0.3), request: patentPage },
      {
        name: "sign-in",
        connections: 1,
        rate: 1, // failed sign-ins are limited (5 per account, 20 per address in 15 min); these succeed
        tolerated: [429],
        request: (i) => ({
          method: "POST",
          path: "/api/v1/session",
          headers: json,
          body: JSON.stringify({ email: SMES[i % SMES.length], password: DEMO_PASSWORD }),
        }),
      },
      {
        name: "accept open license",
        connections: 1,
        rate: 5, // 201 the first time a company takes a declaration, 200 after (idempotent)
        request: (i) => ({
          method: "POST",
          path: `/api/v1/open-licenses/${declarations[i % declarations.length]}/accept`,
          headers: { ...json, cookie: cookies[i % cookies.length] },
          body: JSON.stringify({
            signatoryName: "压测签署人",
            intendedUse: "负载测试：评估产品化 / load test",
            agree: true,
          }),
        }),
      },
    ])),
  ];

  const statuses = servers.map((server) => fs.readFileSync(`/proc/${server.pid}/status`, "utf8"));
  const kilobytes = (status: string, field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  // The largest server's peak: the target is per server.
  const peakMb = Math.max(...statuses.map((status) => kilobytes(status, "VmHWM"))) / 1024;
  const failures = measured.reduce((sum, row) => sum + row.failed + total(row.errors), 0);
  const rateLimited = measured.reduce((sum, row) => sum + row.tolerated, 0);
  const check = (met: boolean) => (met ? "met" : "MISSED");
  const searchP95 = percentile(search.latencies, 95);
  const nowMb = statuses.map((status) => (kilobytes(status, "VmRSS") / 1024).toFixed(0)).join(", ");
  console.log(`\nserver memory: peak ${peakMb.toFixed(0)} MB (VmHWM, the largest server), now ${nowMb} MB (VmRSS)`);
  console.log("targets");
  console.log(
    `  API search ≥ 300 req/s       ${search.perSecond.toFixed(1).padStart(8)}     ${check(search.perSecond >= 300)}`,
  );
  console.log(`  API search p95 ≤ 50 ms       ${searchP95.toFixed(1).padStart(8)}     ${check(searchP95 <= 50)}`);
  console.log(
    `  failed responses + errors 0  ${String(failures).padStart(8)}     ${check(failures === 0)}${rateLimited ? ` (${rateLimited} sign-in 429s not counted)` : ""}`,
  );
  console.log(`  server memory ≤ 300 MB       ${peakMb.toFixed(0).padStart(8)}     ${check(peakMb <= 300)}`);
} finally {
  await Promise.all(servers.map(stop));
  postgres?.stop();
}
if (values.profile) console.log(`CPU profile of the server: ${profileDir}/ (open in Chrome DevTools or speedscope)`);
