// npm start: migrate the database, seed the demo pool if it is empty, build if the sources changed, serve.
import { spawn } from "node:child_process";
import { serverNodeFlags } from "./server-options";
import { createPrismaClient } from "../app/lib/db.server";
import { databaseKind, databaseUrl } from "../app/lib/database-url";
import { DEFAULT_SEED } from "../prisma/seed/demo-pool";
import { seedDemoPool } from "../prisma/seed/write";
import { buildIfNeeded, SERVER_SCRIPT } from "./build";
import { migrateDatabase } from "./migrate-database";

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
const server = spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: process.env.NODE_ENV ?? "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
