import { spawnSync } from "node:child_process";

/** Runs the Prisma CLI in its JS-engine mode: the engine paths must exist but are never executed
 * (docs/decisions/001-prisma-6-js-engine.md). */
export function runPrisma(args: string[], options: { capture?: boolean; databaseUrl?: string } = {}): string {
  const result = spawnSync("npx", ["prisma", ...args], {
    env: {
      ...process.env,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      PRISMA_SCHEMA_ENGINE_BINARY: "package.json",
      PRISMA_QUERY_ENGINE_LIBRARY: "package.json",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  return result.stdout ?? "";
}
