// Rejected rows in words: on the import page and in the downloadable report, in the user's language.
import { toCsv } from "~/lib/csv";
import { translator, type Language, type MessageKey } from "~/lib/i18n";
import type { RowProblem } from "./columns";

export function describeProblem(problem: RowProblem, language: Language): string {
  const t = translator(language);
  const text = t(`import.problem.${problem.code}` as MessageKey);
  const detail = problem.code === "DUPLICATE" ? `${t("import.col.line")} ${problem.detail}` : problem.detail;
  return `${problem.column ? `${problem.column}: ` : ""}${text}${detail ? ` (${detail})` : ""}`;
}

/** One line per problem: a row with three problems has three lines, all with its line number. `notListed`: rows
 * rejected beyond those kept, said in a last line. */
export function rejectionReportCsv(
  rejections: Array<{ line: number; problems: RowProblem[] }>,
  language: Language,
  notListed = 0,
): string {
  const t = translator(language);
  const rows: Array<Array<string | number>> = rejections.flatMap(({ line, problems }) =>
    problems.map((problem) => [
      line,
      problem.column ?? "",
      t(`import.problem.${problem.code}` as MessageKey),
      problem.value ?? "",
      problem.detail ?? "",
    ]),
  );
  if (notListed > 0) rows.push(["", "", t("import.rejectionsNotListed", { count: notListed }), "", ""]);
  return toCsv(
    [
      t("import.report.line"),
      t("import.report.column"),
      t("import.report.problem"),
      t("import.report.value"),
      t("import.report.detail"),
    ],
    rows,
  );
}
