// npm start: migrate the database, seed the demo pool if it is empty, build if the sources changed, serve.
import { spawn, type ChildProcess } from "node:child_process";
import { databaseKind, databaseUrl } from "../app/lib/database-url";
import { createPrismaClient } from "../app/lib/db.server";
import { publicUrl } from "../app/lib/public-url.server";
import { DEFAULT_SEED } from "../prisma/seed/demo-pool";
import { seedDemoPool } from "../prisma/seed/write";
import { buildIfNeeded, SERVER_SCRIPT } from "./build";
import { migrateDatabase } from "./migrate-database";
import { serverNodeFlags } from "./server-options";
import "../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

// A production server without PUBLIC_URL would only die at every restart: say why now, before anything else.
try {
  publicUrl();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const url = databaseUrl();
// The URL without its password, if it has one.
console.log(`database: ${url.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@")}`);
await migrateDatabase(url);

const prisma = createPrismaClient();
// WAL lets searches read while a write (an import, a signature) is under way; the setting stays in the file.
if (databaseKind(url) === "sqlite") await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
if ((await prisma.organization.count()) === 0) {
  console.log("database is empty: seeding the demo pool");
  const started = performance.now();
  await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale: 1 }, (message) => console.log(`seed: ${message}`));
  console.log(`seed: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log("database already holds data: not seeding");
}
await prisma.$disconnect();

buildIfNeeded();

const port = process.env.PORT ?? "3000";
superviseServer(() =>
  spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
    stdio: "inherit",
    // Without NODE_ENV this is a local run of the demo: its mail links point at this machine.
    env: {
      ...process.env,
      PORT: port,
      NODE_ENV: process.env.NODE_ENV ?? "production",
      PUBLIC_URL: process.env.PUBLIC_URL ?? (process.env.NODE_ENV ? undefined : `http://localhost:${port}`),
    },
  }),
);

/** Runs the server and starts it again whenever it dies (a crash, an out-of-memory kill), waiting 1 s, then 2, 4 …
 * up to 30 s while it keeps dying young; a server that ran for a minute starts again after 1 s. SIGINT and SIGTERM
 * stop the server and this process. In production, systemd or the container's restart policy watches this
 * process in turn (README). */
function superviseServer(start: () => ChildProcess) {
  const FIRST_DELAY_MS = 1_000;
  const LONGEST_DELAY_MS = 30_000;
  const HEALTHY_AFTER_MS = 60_000;
  let delay = FIRST_DELAY_MS;
  let stopping = false;
  let server: ChildProcess;
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    timer = null;
    const startedAt = Date.now();
    server = start();
    console.log(`server started (pid ${server.pid})`);
    server.on("exit", (code, signal) => {
      if (stopping) process.exit(code ?? 0);
      if (Date.now() - startedAt >= HEALTHY_AFTER_MS) delay = FIRST_DELAY_MS;
      console.error(
        `server exited (${signal ? `signal ${signal}` : `code ${code}`}) after ${((Date.now() - startedAt) / 1000).toFixed(1)} s: starting it again in ${delay / 1000} s`,
      );
      timer = setTimeout(run, delay);
      delay = Math.min(delay * 2, LONGEST_DELAY_MS);
    });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      if (timer) process.exit(0);
      server.kill(signal);
    });
  }
  run();
}
