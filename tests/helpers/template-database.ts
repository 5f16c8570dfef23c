// Vitest global setup for integration tests: one database migrated exactly as production, which every
// test file copies (tests/helpers/test-database.ts) so that files never share state.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runPrisma } from "../../scripts/prisma";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-test-"));
  const template = path.join(dir, "template.db");
  runPrisma(["migrate", "deploy"], { capture: true, databaseUrl: `file:${template}` });
  project.provide("templateDatabase", template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
