// npm run db:report: the realism report of the seeded database (prisma/seed/report.ts); exits 1 when a check fails.
import { createPrismaClient } from "../../app/lib/db.server";
import { BASE_ASSESSED } from "./demo-pool";
import { formatReport, realismReport } from "./report";
import "../../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const prisma = createPrismaClient();
try {
  const scale = (await prisma.patent.count()) / BASE_ASSESSED;
  const report = await realismReport(prisma, scale);
  console.log(formatReport(report));
  if (report.checks.some((check) => !check.ok)) process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
