// Uploads that used to take the whole server down (issue 17), sent to a real server with the production heap cap:
// each is refused with a clear message in Chinese and English (or, when it is only long, read to the end), the
// server stays up with its memory bounded, /healthz answers within a second throughout, and no upload is left
// on disk. The files are generated here, into a temporary folder.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { SERVER_SCRIPT } from "../../scripts/build";
import { serverNodeFlags } from "../../scripts/server-options";
import { freePort, shownHtml, waitForHealth } from "../helpers/e2e-server";
import { writeJsonArray, writeLines, writeWideCsv, writeXlsxBomb } from "../helpers/hostile-files";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-hostile-uploads-"));
const uploadDir = path.join(dir, "uploads");
const filesDir = path.join(dir, "files");
fs.mkdirSync(filesDir);
let server: ChildProcess;
let baseUrl = "";
let cookie = "";
/** The most the server's resident memory has been (Linux's VmHWM): every upload of this file adds to it. */
const MAX_PEAK_RSS_MB = 450;

beforeAll(async () => {
  const file = path.join(dir, "hostile.db");
  const shared = new Database(inject("databaseUrl").replace(/^file:/, ""), { readonly: true });
  shared.exec(`VACUUM INTO '${file}'`);
  shared.close();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: `file:${file}`,
      SESSION_SECRET: "hostile-uploads-secret",
      PUBLIC_URL: baseUrl,
      IMPORT_DIR: uploadDir,
      IMPORT_MAX_ROWS: "1500000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(baseUrl, server);
  const session = await fetch(`${baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/json" },
    body: JSON.stringify({ email: "cqu@patentbridge.test", password: DEMO_PASSWORD }),
  });
  expect(session.status).toBe(200);
  cookie = session.headers.get("set-cookie")!.split(";")[0];
});

afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Health {
  /** The slowest /healthz answer, in ms of wall time. */
  slowestMs: number;
  /** Of that wait, the time the server's main thread was running (its CPU time, from /proc): how long the server
   * itself held the request up, apart from waiting for a core on a loaded machine. */
  slowestBusyMs: number;
}

/** Asks /healthz every 100 ms from a thread of its own (so that this process's own work, such as sending the
 * upload, never delays it), until `stop` is called. */
function probeHealth(): { stop: () => Promise<Health> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const fs = require("node:fs");
     // utime + stime of the server's main thread, in ms (clock ticks of 10 ms).
     const cpuMs = () => { const fields = fs.readFileSync(workerData.stat, "utf8").split(") ")[1].split(" "); return (Number(fields[11]) + Number(fields[12])) * 10; };
     let running = true, slowestMs = 0, slowestBusyMs = 0;
     parentPort.on("message", () => { running = false; });
     (async () => {
       while (running) {
         const startedAt = performance.now(), cpuBefore = cpuMs();
         const response = await fetch(workerData.url, { signal: AbortSignal.timeout(60000) });
         await response.arrayBuffer();
         const waitedMs = performance.now() - startedAt;
         if (response.status !== 200) slowestMs = Infinity;
         slowestMs = Math.max(slowestMs, waitedMs);
         slowestBusyMs = Math.max(slowestBusyMs, Math.min(waitedMs, cpuMs() - cpuBefore));
         await new Promise((resolve) => setTimeout(resolve, 100));
       }
       parentPort.postMessage({ slowestMs, slowestBusyMs });
     })().catch(() => parentPort.postMessage({ slowestMs: Infinity, slowestBusyMs: Infinity }));`,
    { eval: true, workerData: { url: `${baseUrl}/healthz`, stat: `/proc/${server.pid}/task/${server.pid}/stat` } },
  );
  return {
    stop: async () => {
      const health = new Promise<Health>((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      const value = await health;
      await worker.terminate();
      return value;
    },
  };
}

/** /healthz while `work` runs, and, for scale, its slowest answer over two seconds of no upload just before. */
async function healthWhile<T>(work: () => Promise<T>): Promise<{ result: T; health: Health; idleMs: number }> {
  const idle = probeHealth();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idleMs = (await idle.stop()).slowestMs;
  const probe = probeHealth();
  try {
    const result = await work();
    return { result, health: await probe.stop(), idleMs };
  } catch (error) {
    await probe.stop();
    throw error;
  }
}

async function upload(file: string, name = path.basename(file)): Promise<Response> {
  const body = new FormData();
  body.set("file", await fs.openAsBlob(file), name);
  return fetch(`${baseUrl}/university/import`, {
    method: "POST",
    headers: { Origin: baseUrl, Cookie: cookie },
    body,
    redirect: "manual",
  });
}

/** The import page as shown (without the texts the document carries for the browser). */
const importPage = async (location: string, language: "zh" | "en") =>
  shownHtml(
    await (await fetch(`${baseUrl}${location}`, { headers: { Cookie: `${cookie}; lang=${language}` } })).text(),
  );

/** Uploads the file and waits until its analysis has ended; the import page in both languages. */
async function uploadAndSettle(file: string) {
  const response = await upload(file);
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/university\/import\/[A-Za-z0-9_-]+$/);
  // The page polls while the status is 正在检查 (checking).
  await expect
    .poll(async () => (await importPage(location, "zh")).includes("正在检查"), { timeout: 240_000, interval: 500 })
    .toBe(false);
  return { location, zh: await importPage(location, "zh"), en: await importPage(location, "en") };
}

function peakRssMb(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const uploadsLeft = () => (fs.existsSync(uploadDir) ? fs.readdirSync(uploadDir) : []);

async function cancel(location: string) {
  const body = new URLSearchParams({ intent: "cancel" });
  const response = await fetch(`${baseUrl}${location}`, {
    method: "POST",
    headers: { Origin: baseUrl, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  expect(response.status).toBeLessThan(400);
}

/** The server is up, never held /healthz up for a second of its own time (on an idle machine: answered within a
 * second; on a loaded one the wait for a core comes on top, reported beside it), holds its memory, kept no upload. */
function expectServerWell({ health }: { health: Health; idleMs: number }) {
  expect(server.exitCode).toBeNull();
  expect(server.signalCode).toBeNull();
  expect(health.slowestMs).toBeLessThan(60_000);
  expect(health.slowestBusyMs).toBeLessThan(1_000);
  expect(peakRssMb()).toBeLessThan(MAX_PEAK_RSS_MB);
  expect(uploadsLeft()).toEqual([]);
}

const figures: string[] = [];
afterAll(() => console.info(`hostile uploads:\n  ${figures.join("\n  ")}`));
const note = (what: string, { health, idleMs }: { health: Health; idleMs: number }, startedAt: number) =>
  figures.push(
    `${what}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s, slowest /healthz ${Math.round(health.slowestMs)} ms (server busy ${Math.round(health.slowestBusyMs)} ms of it; ${Math.round(idleMs)} ms with no upload), peak RSS ${Math.round(peakRssMb())} MB`,
  );

describe("hostile uploads to a running server", { timeout: 300_000 }, () => {
  it("refuses a 1 MB workbook whose shared strings inflate to 1 GB, at once and without inflating it", async () => {
    const file = path.join(filesDir, "bomb.xlsx");
    await writeXlsxBomb(file, { part: "sharedStrings", declared: "true" });
    expect(fs.statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
    const startedAt = performance.now();
    const { result, ...health } = await healthWhile(() => uploadAndSettle(file));
    expect(performance.now() - startedAt).toBeLessThan(10_000);
    expect(result.zh).toContain("可能是压缩炸弹");
    expect(result.en).toContain("it may be a zip bomb");
    note("1 GB sharedStrings bomb", health, startedAt);
    expectServerWell(health);
  });

  it("refuses a workbook whose sheet inflates to 1 GB while its headers claim 1 KB, writing no temporary file", async () => {
    const file = path.join(filesDir, "sheet-bomb.xlsx");
    await writeXlsxBomb(file, { part: "sheet", declared: "small" });
    const tempBefore = new Set(fs.readdirSync(os.tmpdir()));
    const startedAt = performance.now();
    const { result, ...health } = await healthWhile(() => uploadAndSettle(file));
    expect(result.zh).toContain("无法把文件读成表格");
    expect(result.en).toContain("The file cannot be read as a table.");
    const newTemp = fs.readdirSync(os.tmpdir()).filter((name) => !tempBefore.has(name) && name.startsWith("tmp-"));
    expect(newTemp).toEqual([]);
    note("1 GB lying sheet bomb", health, startedAt);
    expectServerWell(health);
  });

  it("refuses a header of a million columns", async () => {
    const file = path.join(filesDir, "wide.csv");
    await writeWideCsv(file, 1_000_000, (i) => `c${i}`);
    const startedAt = performance.now();
    const { result, ...health } = await healthWhile(() => uploadAndSettle(file));
    expect(result.zh).toContain("表头超过 500 列");
    expect(result.en).toContain("The header row has more than 500 columns");
    expect(result.zh.length).toBeLessThan(200_000);
    note("1,000,000 columns", health, startedAt);
    expectServerWell(health);
  });

  it("refuses 10,000 columns of one name at once", async () => {
    const file = path.join(filesDir, "same-name.csv");
    await writeWideCsv(file, 10_000, () => "a");
    const startedAt = performance.now();
    const { result, ...health } = await healthWhile(() => uploadAndSettle(file));
    expect(result.zh).toContain("第 1 列和第 2 列都叫“a”");
    expect(result.en).toContain("Columns 1 and 2 are both named “a”");
    expect(result.zh.length).toBeLessThan(200_000);
    note("10,000 columns named a", health, startedAt);
    expectServerWell(health);
  });

  it("reads 1.3 million bad rows to the end, keeping the first 1,000 rejections and counting the rest", async () => {
    const file = path.join(filesDir, "bad-rows.csv");
    await writeLines(file, 1_300_000, (i) => `${i},,,`, "申请号,专利名称,申请日,主分类号");
    const startedAt = performance.now();
    const { result, ...health } = await healthWhile(() => uploadAndSettle(file));
    expect(result.zh).toContain("显示前 100 行，共 1,300,000 行。");
    expect(result.en).toContain("Showing the first 100 of 1,300,000.");
    const report = await (
      await fetch(`${baseUrl}${result.location}/report`, { headers: { Cookie: `${cookie}; lang=en` } })
    ).text();
    expect(report).toContain("1299000 more rejected rows are not listed one by one.");
    note("1,300,000 bad rows", health, startedAt);
    await cancel(result.location);
    expectServerWell(health);
  });

  it("reads a 39 MB JSON array as a stream", async () => {
    const file = path.join(filesDir, "patents.json");
    await writeJsonArray(file, 39);
    const startedAt = performance.now();
    const { result, ...health } = await healthWhile(() => uploadAndSettle(file));
    expect(result.zh).toContain("待确认");
    expect(result.zh).toMatch(/>8\d,\d{3}</); // rows read, in the figures
    note("39 MB JSON array", health, startedAt);
    await cancel(result.location);
    expectServerWell(health);
  });

  it("refuses one chunked request with three 30 MB file parts and keeps none of them", async () => {
    const boundary = "----patentbridge-three-files";
    const megabyte = Buffer.alloc(1024 * 1024, "a");
    async function* parts() {
      for (const name of ["one.csv", "two.csv", "three.csv"]) {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n申请号,专利名称\r\n`,
        );
        for (let i = 0; i < 30; i++) yield megabyte;
        yield Buffer.from("\r\n");
      }
      yield Buffer.from(`--${boundary}--\r\n`);
    }
    const startedAt = performance.now();
    const { result: response, ...health } = await healthWhile(() =>
      fetch(`${baseUrl}/university/import`, {
        method: "POST",
        headers: {
          Origin: baseUrl,
          Cookie: `${cookie}; lang=zh`,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
        },
        body: ReadableStreamFrom(parts()),
        duplex: "half",
        redirect: "manual",
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(shownHtml(await response.text())).toContain("一次只能上传一个文件。");
    note("three 30 MB file parts", health, startedAt);
    expectServerWell(health);
  });
});

function ReadableStreamFrom(chunks: AsyncGenerator<Buffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
  });
}
