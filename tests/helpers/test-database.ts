// Runs before each integration test file's imports: gives the file its own copy of the migrated template
// (a file copy on SQLite, a database cloned from the template on PostgreSQL), so the app's one Prisma
// client (app/lib/db.server.ts) opens that copy.
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";

const template = inject("templateDatabase");
const unique = `${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2)}`;

if (template.startsWith("postgresql://")) {
  const [base, templateName] = [
    template.slice(0, template.lastIndexOf("/")),
    template.slice(template.lastIndexOf("/") + 1),
  ];
  const name = `test_${unique}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  // Two files cloning at the same instant can find the template busy with the other clone: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  await admin.end();
  process.env.DATABASE_URL = `${base}/${name}`;
} else {
  const file = template.replace(/template\.db$/, `test-${unique}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
// Sessions are signed with a fixed test secret (no secret file is written).
process.env.SESSION_SECRET = "integration-test-secret";
