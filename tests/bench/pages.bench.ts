// npm run bench:pages [-- --runs 5] [--scale 1]
// How fast each main page becomes usable in a real browser: the built app (built first if a source is newer)
// served by the production server over the demo pool in tmp/bench-pages-scale-<scale>.db (seeded once), each
// page opened in Debian's Chromium through playwright-core with an empty cache (a new browser context per
// visit, signed in where the page needs it). Per page, the median over the runs of the Navigation Timing
// figures — first byte (the server's share), domInteractive, DOMContentLoaded, load — and "hydrated", when the
// root's effect has run (window.__pbHydratedAt, set in app/root.tsx): from then on the page answers clicks.
// Sign-in is timed from the click on 登录 to the landing page hydrated. Also the JavaScript each page loads.
// Target (issue 18): every page interactive within 1 s.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createPrismaClient } from "../../app/lib/db.server";
import { DEFAULT_SEED } from "../../prisma/seed/demo-pool";
import { DEMO_PASSWORD, seedDemoPool } from "../../prisma/seed/write";
import { buildIfNeeded, SERVER_SCRIPT } from "../../scripts/build";
import { migrateDatabase } from "../../scripts/migrate-database";
import { serverNodeFlags } from "../../scripts/server-options";
import { freePort, waitForHealth } from "../helpers/e2e-server";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, scale: { type: "string", default: "1" } },
});
const runs = Number(values.runs);
const scale = Number(values.scale);
if (!Number.isInteger(runs) || runs < 1 || !(scale > 0 && scale <= 1)) {
  console.error("usage: npm run bench:pages -- [--runs n>=1] [--scale 0<s<=1]");
  process.exit(2);
}
const TARGET_MS = 1000;
// As tests/helpers/browser.ts (which needs Vitest running): Debian's Chromium, never a downloaded browser.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// ---- The database and the server ----

const file = path.resolve(`tmp/bench-pages-scale-${scale}.db`);
fs.mkdirSync(path.dirname(file), { recursive: true });
const databaseUrl = `file:${file}`;
await migrateDatabase(databaseUrl, { quiet: true });
const prisma = createPrismaClient(databaseUrl);
if ((await prisma.patent.count()) === 0) {
  console.log(`seeding the demo pool (scale ${scale}) into ${file}…`);
  const started = performance.now();
  await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale });
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// A patent in the pool (assessed transferable, in force) with an open license if there is one: the richest page.
const patent =
  (await prisma.patent.findFirst({
    where: { transferable: true, legalStatus: "VALID", declarations: { some: {} } },
    select: { id: true },
    orderBy: { id: "asc" },
  })) ??
  (await prisma.patent.findFirstOrThrow({
    where: { transferable: true },
    select: { id: true },
    orderBy: { id: "asc" },
  }));
await prisma.$disconnect();
buildIfNeeded();

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: "bench-pages-secret",
    PUBLIC_URL: baseUrl,
  },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stopServer = () => {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
};
process.on("exit", stopServer);
await waitForHealth(baseUrl, server);

// ---- The browser ----

type Role = "guest" | "staff" | "company" | "admin";
const ACCOUNTS: Record<Exclude<Role, "guest">, string> = {
  staff: "cqu@patentbridge.test",
  company: "sme1@patentbridge.test",
  admin: "admin@patentbridge.test",
};

interface PageCase {
  name: string;
  path: string;
  role: Role;
}

const PAGES: PageCase[] = [
  { name: "home", path: "/", role: "guest" },
  { name: "/patents", path: "/patents", role: "guest" },
  {
    name: "/patents with filters",
    path: "/patents?q=电池&type=INVENTION&section=H&status=VALID&sort=newest",
    role: "guest",
  },
  { name: "/patents/:id", path: `/patents/${patent.id}`, role: "guest" },
  { name: "/needs", path: "/needs", role: "company" },
  { name: "/login", path: "/login", role: "guest" },
  { name: "/admin/stats", path: "/admin/stats", role: "admin" },
  { name: "/university/patents", path: "/university/patents", role: "staff" },
  { name: "/licenses", path: "/licenses", role: "staff" },
];

interface Timing {
  firstByte: number;
  domInteractive: number;
  domContentLoaded: number;
  load: number;
  hydrated: number;
  scriptKb: number;
}

const browser: Browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const contextOptions = { locale: "zh-CN", viewport: { width: 1280, height: 900 } };

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForFunction(() => (window as Window & { __pbHydratedAt?: number }).__pbHydratedAt !== undefined);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login", { timeout: 30_000 });
}

// Each role's cookies, so that a visit starts signed in but with an empty cache.
const sessions = new Map<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>();
for (const [role, email] of Object.entries(ACCOUNTS) as Array<[Exclude<Role, "guest">, string]>) {
  const context = await browser.newContext(contextOptions);
  await signIn(await context.newPage(), email);
  sessions.set(role, await context.storageState());
  await context.close();
}

/** Navigation Timing of the page's document, and when the app hydrated, in ms from the navigation's start. */
async function timingOf(page: Page): Promise<Timing> {
  await page.waitForFunction(
    () => (window as Window & { __pbHydratedAt?: number }).__pbHydratedAt !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForLoadState("load");
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((entry) =>
      entry.name.endsWith(".js"),
    );
    return {
      firstByte: navigation.responseStart,
      domInteractive: navigation.domInteractive,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
      hydrated: (window as Window & { __pbHydratedAt?: number }).__pbHydratedAt!,
      scriptKb: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0) / 1024,
    };
  });
}

async function visit(pageCase: PageCase): Promise<Timing> {
  const context = await browser.newContext({
    ...contextOptions,
    storageState: pageCase.role === "guest" ? undefined : sessions.get(pageCase.role),
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${pageCase.path}`, { waitUntil: "commit" });
    if (!response?.ok()) throw new Error(`${pageCase.path} answered ${response?.status()}`);
    return await timingOf(page);
  } finally {
    await context.close();
  }
}

/** From the click on 登录 to the landing page hydrated (a client-side navigation after the form's action). */
async function signInVisit(): Promise<Timing> {
  const context = await browser.newContext(contextOptions);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.waitForFunction(() => (window as Window & { __pbHydratedAt?: number }).__pbHydratedAt !== undefined);
    await page.getByLabel("电子邮箱").fill(ACCOUNTS.staff);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    // Wall-clock time on this side: the sign-in may be a document navigation, which restarts the page's clock.
    const clickedAt = performance.now();
    await page.getByRole("button", { name: "登录" }).click();
    // The URL changes once the landing page's data and modules are in; then one frame to paint it.
    await page.waitForURL((url) => url.pathname !== "/login", { timeout: 30_000 });
    await page.waitForFunction(
      () => (window as Window & { __pbHydratedAt?: number }).__pbHydratedAt !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const doneAt = performance.now();
    const elapsed = doneAt - clickedAt;
    return {
      firstByte: Number.NaN,
      domInteractive: Number.NaN,
      domContentLoaded: Number.NaN,
      load: Number.NaN,
      hydrated: elapsed,
      scriptKb: Number.NaN,
    };
  } finally {
    await context.close();
  }
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const cases: Array<{ name: string; measure: () => Promise<Timing> }> = [
  ...PAGES.map((pageCase) => ({ name: pageCase.name, measure: () => visit(pageCase) })),
  { name: "sign-in (click → landing)", measure: signInVisit },
];
const rows: Array<{ name: string; timings: Timing[] }> = [];
try {
  for (const { name, measure } of cases) {
    await measure(); // the server's first answer warms its caches; not counted
    const timings: Timing[] = [];
    for (let run = 0; run < runs; run++) timings.push(await measure());
    rows.push({ name, timings });
    process.stdout.write(".");
  }
} finally {
  await browser.close();
  stopServer();
}

const ms = (value: number) => (Number.isNaN(value) ? "—" : `${Math.round(value)}`);
const header = [
  "page",
  "first byte",
  "domInteractive",
  "DOMContentLoaded",
  "load",
  "hydrated",
  `hydrated max`,
  "JS KB",
  `≤ ${TARGET_MS} ms`,
];
const table = rows.map(({ name, timings }) => {
  const of = (key: keyof Timing) => median(timings.map((timing) => timing[key]));
  const hydrated = of("hydrated");
  return [
    name,
    ms(of("firstByte")),
    ms(of("domInteractive")),
    ms(of("domContentLoaded")),
    ms(of("load")),
    ms(hydrated),
    ms(Math.max(...timings.map((timing) => timing.hydrated))),
    Number.isNaN(of("scriptKb")) ? "—" : of("scriptKb").toFixed(0),
    hydrated <= TARGET_MS ? "yes" : "NO",
  ];
});
const widths = header.map((title, i) => Math.max(title.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) =>
  `| ${cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join(" | ")} |`;
console.log(
  `\n\nPage timings in Chromium, ms from the navigation's start, median of ${runs} visits with an empty cache (demo pool, scale ${scale}; patent ${patent.id}):\n`,
);
console.log(line(header));
console.log(
  `|${widths.map((width, i) => (i === 0 ? ":" : "") + "-".repeat(width + 1) + (i === 0 ? "" : ":")).join("|")}|`,
);
for (const row of table) console.log(line(row));
console.log(
  "\nhydrated: the root's effect has run, so the page answers clicks; JS KB: JavaScript loaded (uncompressed).",
);
