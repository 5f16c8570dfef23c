import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const SERVER_ENTRY = "build/server/index.js";
/** The production server as plain JavaScript: Node runs it without a TypeScript loader (a thread and 33 MB). */
export const SERVER_SCRIPT = "build/serve.js";
const SOURCES = [
  "app",
  "public",
  "vite.config.ts",
  "package.json",
  "package-lock.json",
  "scripts/serve.ts",
  "scripts/build.ts",
];

function newestModification(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stat.mtimeMs);
}

/** Builds the app unless build/ is newer than every source. */
export function buildIfNeeded(): void {
  const built =
    fs.existsSync(SERVER_ENTRY) && fs.existsSync(SERVER_SCRIPT)
      ? Math.min(fs.statSync(SERVER_ENTRY).mtimeMs, fs.statSync(SERVER_SCRIPT).mtimeMs)
      : 0;
  if (built > 0 && SOURCES.every((source) => newestModification(source) <= built)) {
    console.log("build is current");
    return;
  }
  buildApp();
}

/** The client and server bundles (remix vite:build), then the production server script beside them. */
export function buildApp(): void {
  console.log("building the app…");
  // Under Vitest (the browser tests' setup) VITEST is set, which would leave the Remix plugin out, and NODE_ENV is
  // "test", with which Vite bundles React's development build (twice the size, slower to hydrate) into the client:
  // whoever builds first, the tests, `npm start` or a benchmark, the build is the production one.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
  const build = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit", env });
  if (build.status !== 0) throw new Error(`the build failed with exit code ${build.status}`);
  const server = spawnSync(
    "npx",
    [
      "esbuild",
      "scripts/serve.ts",
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--packages=external",
      `--outfile=${SERVER_SCRIPT}`,
      "--log-level=warning",
    ],
    { stdio: "inherit" },
  );
  if (server.status !== 0) throw new Error(`bundling the server failed with exit code ${server.status}`);
}
