// The downloadable import template, as CSV (the header row, UTF-8 with a BOM for Excel) or as an Excel workbook
// (the header row on the first sheet, which the import reads, each header with its explanation as a note; a
// second sheet lists every column, required or not, with its explanation and an example). Neither holds an
// example row: a forgotten example would be imported as the university's patent.
import { csvCell } from "~/lib/csv";
import { translator, type Language, type MessageKey } from "~/lib/i18n";
import { TEMPLATE_COLUMNS } from "./template";

export type TemplateFormat = "csv" | "xlsx";

const NUMBER_COLUMNS = new Set(["applicationNumber", "publicationNumber", "grantNumber"]);
const DATE_COLUMNS = new Set(["filingDate", "publicationDate", "grantDate"]);

export function templateFileName(format: TemplateFormat, language: Language): string {
  return `${language === "zh" ? "专利导入模板" : "patent-import-template"}.${format}`;
}

export function importTemplateCsv(language: Language): string {
  return "\uFEFF" + TEMPLATE_COLUMNS.map((column) => csvCell(column.header[language])).join(",") + "\r\n";
}

export async function importTemplateXlsx(language: Language): Promise<Buffer> {
  const t = translator(language);
  // Loaded on first use: exceljs is large, and most requests never write a workbook.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  workbook.creator = "PatentBridge";
  const patents = workbook.addWorksheet(t("import.template.sheetPatents"), { views: [{ state: "frozen", ySplit: 1 }] });
  patents.columns = TEMPLATE_COLUMNS.map((column) => ({
    header: column.header[language],
    key: column.target,
    width: Math.max(14, column.header[language].length * 2 + 4),
  }));
  TEMPLATE_COLUMNS.forEach((column, i) => {
    const cell = patents.getRow(1).getCell(i + 1);
    cell.font = { bold: column.required };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: column.required ? "FFFDE68A" : "FFE2E8F0" } };
    cell.note = `${column.required ? t("import.columns.required") : t("import.columns.optional")}: ${t(`import.help.${column.target}` as MessageKey)}`;
    // Numbers such as 202223220665.2 stay text (Excel would make them decimals); dates are shown as 2022-12-02.
    if (NUMBER_COLUMNS.has(column.target)) patents.getColumn(i + 1).numFmt = "@";
    if (DATE_COLUMNS.has(column.target)) patents.getColumn(i + 1).numFmt = "yyyy-mm-dd";
  });

  const guide = workbook.addWorksheet(t("import.template.sheetColumns"));
  guide.columns = [
    { header: t("import.columns.column"), key: "header", width: 22 },
    { header: t("import.columns.requiredColumn"), key: "required", width: 10 },
    { header: t("import.columns.meaning"), key: "meaning", width: 80 },
    { header: t("import.columns.example"), key: "example", width: 40 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) {
    guide.addRow({
      header: column.header[language],
      required: column.required ? t("import.columns.required") : t("import.columns.optional"),
      meaning: t(`import.help.${column.target}` as MessageKey),
      example: column.example,
    });
  }
  guide.getColumn("meaning").alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
