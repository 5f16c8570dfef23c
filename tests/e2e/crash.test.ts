// The server is killed (SIGKILL) in the middle of a burst of open-license acceptances, then started again on
// the same database: every acceptance that was answered 201 is there with its history, and nothing is half
// written.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { SERVER_SCRIPT } from "../../scripts/build";
import { serverNodeFlags } from "../../scripts/server-options";
import { freePort, waitForHealth } from "../helpers/e2e-server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-crash-e2e-"));
const file = path.join(dir, "crash.db");
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(port: number) {
  // node itself: the signal must reach the process that writes.
  const child = spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: `file:${file}`,
      SESSION_SECRET: "crash-test-secret",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(`http://127.0.0.1:${port}`, child);
  return child;
}

describe("a server killed during a burst of acceptances", () => {
  it("keeps every acceptance it answered 201, each with its history, and nothing half written", async () => {
    // A consistent copy of the browser tests' database, for this test's own server.
    const shared = new Database(inject("databaseUrl").replace(/^file:/, ""), { readonly: true });
    shared.exec(`VACUUM INTO '${file}'`);
    shared.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await start(port);

    const post = (pathname: string, body: unknown, cookie?: string) =>
      fetch(`${base}${pathname}`, {
        method: "POST",
        headers: { Origin: base, "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(body),
      });
    const cookies = await Promise.all(
      ["sme1", "sme3"].map(async (name) => {
        const response = await post("/api/v1/session", { email: `${name}@patentbridge.test`, password: DEMO_PASSWORD });
        return response.headers.get("set-cookie")!.split(";")[0];
      }),
    );
    const offered = await (await fetch(`${base}/api/v1/patents?open=1&size=50`)).json();
    const declarations: string[] = offered.items.map((item: { openLicense: { id: string } }) => item.openLicense.id);
    expect(declarations.length).toBeGreaterThan(20);

    const answered: Array<{ status: number; id?: string }> = [];
    const burst = cookies.flatMap((cookie) =>
      declarations.map((id) =>
        post(
          `/api/v1/open-licenses/${id}/accept`,
          { signatoryName: "崩溃测试签署人", intendedUse: "量产", agree: true },
          cookie,
        )
          .then(async (response) => {
            answered.push({ status: response.status, id: (await response.json()).id });
            if (answered.length === 10) server!.kill("SIGKILL");
          })
          .catch(() => undefined),
      ),
    );
    await Promise.all(burst);
    if (server.exitCode === null && server.signalCode === null) {
      if (answered.length < 10) server.kill("SIGKILL");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    const created = answered.filter((a) => a.status === 201);
    expect(answered.length).toBeGreaterThanOrEqual(10);
    expect(answered.length).toBeLessThan(burst.length);
    expect(answered.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(created.length).toBeGreaterThan(0);

    server = await start(port);
    const db = new Database(file, { readonly: true });
    try {
      expect((db.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check).toBe("ok");
      const licenseWithHistory = db.prepare(
        `SELECT l."id", (SELECT COUNT(*) FROM "DealEvent" e WHERE e."licenseId" = l."id" AND e."kind" = 'SIGNED') AS "signed" FROM "License" l WHERE l."id" = ?`,
      );
      for (const { id } of created) expect(licenseWithHistory.get(id), id).toMatchObject({ id, signed: 1 });
      const orphans = db
        .prepare(
          `SELECT COUNT(*) AS n FROM "License" l WHERE NOT EXISTS (SELECT 1 FROM "DealEvent" e WHERE e."licenseId" = l."id")`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      db.close();
    }
    // The restarted server serves them, to the same signed-in companies.
    for (const { id } of created.slice(0, 5)) {
      const responses = await Promise.all(
        cookies.map((cookie) => fetch(`${base}/api/v1/licenses/${id}`, { headers: { Cookie: cookie } })),
      );
      expect(responses.some((response) => response.status === 200)).toBe(true);
    }
  });
});
