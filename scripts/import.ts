// npm run import -- --university <id or name> [--dry-run] FILE
// Imports a university's patents from an export file (CSV, XLSX, JSON) with the same validation and report as
// the web upload, for operators and files of any size. --dry-run prints the preview and writes nothing.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CurrentUser } from "../app/lib/auth.server";
import { prisma } from "../app/lib/db.server";
import {
  analyseImport,
  cancelImport,
  commitImport,
  createImport,
  getImportFor,
  importProgress,
  importRejections,
} from "../app/models/import/patent-import.server";
import { describeProblem, rejectionReportCsv } from "../app/models/import/report";
import "../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

// Operators import files of any length; the browser's row limit is not theirs (read when the file is read).
process.env.IMPORT_MAX_ROWS ??= "0";

const usage = "usage: npm run import -- --university <id or name> [--dry-run] [--report rejected.csv] FILE";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    university: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    report: { type: "string" },
  },
});
const file = positionals[0];
if (!values.university || positionals.length !== 1 || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
  console.error(!file || fs.existsSync(file) ? usage : `no such file: ${file}\n${usage}`);
  process.exit(2);
}

const wanted = values.university.trim();
const university = await prisma.organization.findFirst({
  where: { kind: "UNIVERSITY", OR: [{ id: wanted }, { name: wanted }, { nameEn: wanted }, { shortName: wanted }] },
  select: { id: true, name: true },
});
if (!university) {
  console.error(`no university with id or name "${wanted}"`);
  process.exit(2);
}

// The operator acts with an administrator's rights; the import record names the command as its author.
const operator: CurrentUser = {
  id: "operator:npm-run-import",
  email: "operator@localhost",
  name: "npm run import",
  role: "ADMIN",
  canInvite: false,
  organization: null,
};
const record = await createImport(operator, {
  universityId: university.id,
  fileName: path.basename(file),
  filePath: path.resolve(file),
});
const started = performance.now();
const ticker = setInterval(() => {
  const running = importProgress(record.id);
  if (running)
    console.log(
      `  ${running.phase === "ANALYSING" ? "checked" : "imported"} ${running.rowsRead.toLocaleString("en-US")}${running.rowsTotal ? ` of ${running.rowsTotal.toLocaleString("en-US")}` : ""} rows`,
    );
}, 2000);

console.log(`checking ${file} for ${university.name}…`);
await analyseImport(record.id);
let result = await getImportFor(operator, record.id);
const print = () => {
  console.log(
    `${result.rowsRead} rows (${result.format ?? "?"}${result.encoding ? `, ${result.encoding}` : ""}): ${result.toAdd} to add, ${result.toUpdate} to update, ${result.rejected} rejected`,
  );
  for (const rejection of result.rejections.slice(0, 20))
    console.log(
      `  line ${rejection.line}: ${rejection.problems.map((problem) => describeProblem(problem, "en")).join("; ")}`,
    );
  if (result.rejected > 20)
    console.log(
      `  … and ${result.rejected - 20} more${values.report ? ` in ${values.report}` : " (--report FILE writes them all)"}`,
    );
};

let exitCode = 0;
if (result.status === "FAILED" || result.error) {
  console.error(`cannot import: ${result.errorDetail ?? result.error}`);
  exitCode = 1;
} else {
  print();
  if (values["dry-run"]) {
    await cancelImport(operator, record.id);
    console.log("dry run: nothing written");
  } else if (result.toAdd + result.toUpdate > 0) {
    await prisma.patentImport.update({ where: { id: record.id }, data: { status: "IMPORTING" } });
    await commitImport(record.id);
    result = await getImportFor(operator, record.id);
    if (result.status === "DONE")
      console.log(
        `imported in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.added} added, ${result.updated} updated, ${result.rejected} rejected`,
      );
    else {
      console.error(`import failed, nothing written: ${result.errorDetail ?? result.error}`);
      exitCode = 1;
    }
  }
  if (values.report && result.rejected > 0) {
    const { rejections, notListed } = await importRejections(operator, record.id);
    fs.writeFileSync(values.report, rejectionReportCsv(rejections, "en", notListed));
  }
}
clearInterval(ticker);
await prisma.$disconnect();
process.exit(exitCode);
