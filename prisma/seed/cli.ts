// npm run db:seed [-- --seed <text>] [--scale <n>]: replaces the database's content with the demo pool.
import { parseArgs } from "node:util";
import { createPrismaClient } from "../../app/lib/db.server";
import { migrateDatabase } from "../../scripts/migrate-database";
import { DEFAULT_SEED } from "./demo-pool";
import { seedDemoPool } from "./write";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({
  options: { seed: { type: "string", default: DEFAULT_SEED }, scale: { type: "string", default: "1" } },
});
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 100) {
  console.error("--scale must be a number between 0 and 100");
  process.exit(2);
}
await migrateDatabase(undefined, { quiet: true });
const prisma = createPrismaClient();
const started = performance.now();
try {
  const summary = await seedDemoPool(prisma, { seed: values.seed!, scale }, (message) =>
    console.log(`seed: ${message}`),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `seed: done in ${seconds} s: ${summary.patents} patents (${summary.transferable} transferable), ${summary.organizations} organisations`,
  );
} finally {
  await prisma.$disconnect();
}
