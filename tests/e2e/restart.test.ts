// `npm start` brings the server back after a crash: the server process is killed (SIGKILL, as the kernel's
// out-of-memory killer would) and the site answers again, from a new process, without anyone's help.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, inject } from "vitest";
import { freePort } from "../helpers/e2e-server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-restart-e2e-"));
const file = path.join(dir, "restart.db");
let supervisor: ChildProcess | null = null;
afterAll(() => {
  if (supervisor?.pid && supervisor.exitCode === null) process.kill(-supervisor.pid, "SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Collects the supervisor's output and resolves when a line matches. */
function outputOf(child: ChildProcess) {
  let text = "";
  const waiters: Array<{ pattern: RegExp; from: number; resolve: (match: RegExpMatchArray) => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = text.slice(waiter.from).match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      check();
    });
  return {
    get text() {
      return text;
    },
    /** The first match of `pattern` in what is printed from now on. */
    next(pattern: RegExp, from = text.length): Promise<RegExpMatchArray> {
      return new Promise((resolve) => {
        waiters.push({ pattern, from, resolve });
        check();
      });
    },
  };
}

async function answers(baseUrl: string, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })).ok) return true;
    } catch {
      // not listening (yet)
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe("npm start", () => {
  it("starts the server again after it is killed, with a log line, and stops with it on SIGTERM", async () => {
    const shared = new Database(inject("databaseUrl").replace(/^file:/, ""), { readonly: true });
    shared.exec(`VACUUM INTO '${file}'`);
    shared.close();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    supervisor = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${file}`,
        SESSION_SECRET: "restart-test-secret",
        PUBLIC_URL: baseUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const output = outputOf(supervisor);
    const first = Number((await output.next(/server started \(pid (\d+)\)/, 0))[1]);
    expect(await answers(baseUrl, 120_000)).toBe(true);

    const restarted = output.next(/server started \(pid (\d+)\)/);
    process.kill(first, "SIGKILL");
    const second = Number((await restarted)[1]);
    expect(second).not.toBe(first);
    expect(output.text).toMatch(/server exited \(signal SIGKILL\) after [\d.]+ s: starting it again in 1 s/);
    expect(await answers(baseUrl, 120_000)).toBe(true);
    expect(() => process.kill(first, 0)).toThrow();

    // A second crash soon after waits longer (the backoff).
    const third = output.next(/server started \(pid (\d+)\)/);
    process.kill(second, "SIGKILL");
    await third;
    expect(output.text).toMatch(/server exited \(signal SIGKILL\) after [\d.]+ s: starting it again in 2 s/);
    expect(await answers(baseUrl, 120_000)).toBe(true);

    const exited = new Promise<number | null>((resolve) => supervisor!.once("exit", resolve));
    supervisor.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await answers(baseUrl, 1_000)).toBe(false);
  }, 300_000);
});
