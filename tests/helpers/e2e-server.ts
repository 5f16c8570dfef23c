// Vitest global setup for browser tests: the built app, served by remix-serve on a free loopback port,
// over a fresh database holding a tenth of the demo pool.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../app/lib/db.server";
import { MESSAGES_ELEMENT_ID } from "../../app/lib/i18n";
import { DEFAULT_SEED } from "../../prisma/seed/demo-pool";
import { seedDemoPool } from "../../prisma/seed/write";
import { buildIfNeeded, SERVER_SCRIPT } from "../../scripts/build";
import { runPrisma } from "../../scripts/prisma";
import { serverNodeFlags } from "../../scripts/server-options";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

const E2E_SCALE = 0.1;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /healthz within 60 s");
}

export default async function setup(project: TestProject) {
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-e2e-"));
  const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
  runPrisma(["migrate", "deploy"], { capture: true, databaseUrl });
  process.env.DATABASE_URL = databaseUrl; // the seed's SQL dialect follows DATABASE_URL (app/lib/sql-dialect.server.ts)
  const prisma = createPrismaClient(databaseUrl);
  await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale: E2E_SCALE });
  await prisma.$disconnect();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: "e2e-test-secret",
      PUBLIC_URL: baseUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitForHealth(baseUrl, server);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", databaseUrl);

  return () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** A document's HTML without the texts it carries for the browser (root.tsx's data block of every message of its
 * language): what the page shows, for a test that looks for a message in the HTML. */
export function shownHtml(html: string): string {
  return html.replace(new RegExp(`<script id="${MESSAGES_ELEMENT_ID}"[^>]*>[^<]*</script>`), "");
}
