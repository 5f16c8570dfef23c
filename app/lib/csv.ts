// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF lines, and
// text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) prefixed with an apostrophe.
export type CsvValue = string | number | null;

const BOM = "\uFEFF";

export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: string[], rows: CsvValue[][]): string {
  return BOM + [headers, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
