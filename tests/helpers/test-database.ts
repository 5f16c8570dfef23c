// Runs before each integration test file's imports: gives the file its own copy of the migrated template,
// so the app's one Prisma client (app/lib/db.server.ts) opens that copy.
import fs from "node:fs";
import { inject } from "vitest";

const template = inject("templateDatabase");
const file = template.replace(/template\.db$/, `test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
// Sessions are signed with a fixed test secret (no secret file is written).
process.env.SESSION_SECRET = "integration-test-secret";
