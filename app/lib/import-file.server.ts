// Reading layer of the bulk patent import: turns an uploaded CSV, XLSX or JSON file into header names and a
// stream of rows of strings, with memory bounded by a chunk and a row (except JSON arrays, which the caller
// caps by size). Mapping columns and validating values happen elsewhere.
// The header is found by a first pass that stops early and closes the file; `rows` reads the file again when
// iterated, so a caller that rejects the headers and never iterates holds no file or temp file open.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import { pipeline, Readable } from "node:stream";
import { CsvError, parse as parseCsv } from "csv-parse";
import type ExcelJS from "exceljs";

export type ImportFormat = "csv" | "xlsx" | "json";

type ImportFileErrorCode = "EMPTY" | "TOO_LARGE" | "ENCODING" | "NOT_A_TABLE" | "NO_HEADER" | "BAD_JSON" | "UNSUPPORTED";

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

type TextEncoding = "utf-8" | "gb18030";

export interface RowSource {
  format: ImportFormat;
  /** For CSV: "utf-8" or "gb18030"; null for xlsx/json */
  encoding: TextEncoding | null;
  /** For CSV: "," or "\t"; null otherwise */
  delimiter: "," | "\t" | null;
  /** Header names as written in the file, trimmed (BOM removed), in column order. */
  headers: string[];
  /** The data rows in file order; see openRowSource for `line`. Rows whose cells are all empty are skipped. */
  rows: AsyncIterable<{ line: number; cells: string[] }>;
}

interface FileRow {
  line: number;
  cells: string[];
}

/** Bytes sniffed for the format, the encoding, the delimiter and binary content. */
const SAMPLE_BYTES = 64 * 1024;
/** A CSV record this long is an unclosed quote swallowing the file, not data. */
const MAX_CSV_RECORD_CHARS = 16 * 1024 * 1024;
/** Title and banner rows (one cell, often merged) skipped above an XLSX header. */
const MAX_XLSX_TITLE_ROWS = 10;
const JSON_HEADER_SAMPLE_OBJECTS = 100;
const MEGABYTE = 1024 * 1024;

const EXTENSION_FORMATS: Record<string, ImportFormat> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".xlsx": "xlsx",
  ".json": "json",
  ".jsonl": "json",
  ".ndjson": "json",
};

const ZIP_SIGNATURE = Buffer.from("PK\x03\x04", "latin1");
const ZIP_END_SIGNATURE = Buffer.from("PK\x05\x06", "latin1");
/** The end-of-central-directory record (22 bytes) may be followed by a comment of up to 65535 bytes. */
const ZIP_END_MAX_BYTES = 22 + 65535;
/** Compound File (OLE2) container: binary .xls, and .xlsx workbooks encrypted with a password. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PDF_SIGNATURE = Buffer.from("%PDF-", "latin1");
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

const MESSAGES = {
  empty: "The file is empty.",
  encoding: "The file is neither UTF-8 nor GB18030 text. Save it as CSV UTF-8 (or GB18030) and upload it again.",
  binary: "The file is not a text table; it looks like a binary file such as a PDF or an image. Upload a CSV, Excel (.xlsx) or JSON file.",
  oldExcel:
    "Old Excel files (.xls) and password-protected workbooks cannot be read. Save the file as .xlsx (without a password) or as CSV UTF-8, and upload it again.",
  damagedXlsx:
    "The Excel file could not be read; it may be damaged or not a real .xlsx workbook. Save it again as .xlsx or CSV UTF-8, and upload it again.",
  noHeader: "The first row must name the columns (申请号, 专利名称, …); it looks like data.",
  emptyFirstSheet: "The first worksheet is empty. Put the table on the first sheet and upload the file again.",
};

/** Opens a file for reading rows. `fileName` (the user's original name) decides the format by extension
 * (.csv .tsv .txt → csv; .xlsx → xlsx; .json .jsonl .ndjson → json), confirmed by content: a file that starts
 * with the ZIP signature "PK\x03\x04" is XLSX whatever its name; .xls (old binary Excel) → UNSUPPORTED.
 * Row `line`s: CSV, the physical line where the record starts; XLSX, the sheet row number; JSON array, the
 * element's index + 2; JSON Lines, the line number. Throws ImportFileError with a user-facing message. */
export async function openRowSource(path: string, fileName: string, options: { maxBytes?: number } = {}): Promise<RowSource> {
  const { size } = await stat(path);
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    throw new ImportFileError(
      "TOO_LARGE",
      `The file is ${(size / MEGABYTE).toFixed(1)} MB; the limit is ${Number((options.maxBytes / MEGABYTE).toFixed(1))} MB.`,
    );
  }
  const sample = await readBytes(path, 0, SAMPLE_BYTES);
  const sampleIsWholeFile = sample.length === size;
  if (sampleIsWholeFile && isBlankText(sample)) throw new ImportFileError("EMPTY", MESSAGES.empty);

  const extension = extname(fileName).toLowerCase();
  if (startsWith(sample, ZIP_SIGNATURE)) return openXlsx(path, size);
  if (extension === ".xls" || startsWith(sample, OLE_SIGNATURE)) throw new ImportFileError("UNSUPPORTED", MESSAGES.oldExcel);
  const format = EXTENSION_FORMATS[extension];
  if (!format) {
    throw new ImportFileError(
      "UNSUPPORTED",
      `Files of type "${extension || "(no extension)"}" cannot be imported. Upload a CSV, Excel (.xlsx) or JSON file.`,
    );
  }
  if (format === "xlsx") throw new ImportFileError("NOT_A_TABLE", MESSAGES.damagedXlsx);

  const encoding = detectTextEncoding(sample, sampleIsWholeFile);
  const sampleText = new TextDecoder(encoding).decode(sample, { stream: !sampleIsWholeFile });
  if (format === "json") return openJson(path, encoding, sampleText);
  const delimiter = extension === ".tsv" ? "\t" : detectDelimiter(sampleText);
  return openCsv(path, encoding, delimiter);
}

// ---- Sniffing ----

async function readBytes(path: string, position: number, length: number): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.subarray(0, signature.length).equals(signature);
}

function isBlankText(bytes: Buffer): boolean {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  return body.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

/** `sampleIsWholeFile` false: the sample may end inside a multi-byte character, which is not an error. */
function detectTextEncoding(sample: Buffer, sampleIsWholeFile: boolean): TextEncoding {
  if (UTF16_BOMS.some((bom) => startsWith(sample, bom))) throw new ImportFileError("ENCODING", MESSAGES.encoding);
  if (sample.includes(0) || startsWith(sample, PDF_SIGNATURE)) throw new ImportFileError("NOT_A_TABLE", MESSAGES.binary);
  if (startsWith(sample, UTF8_BOM)) return "utf-8";
  for (const encoding of ["utf-8", "gb18030"] as const) {
    if (decodes(sample, encoding, !sampleIsWholeFile)) return encoding;
  }
  throw new ImportFileError("ENCODING", MESSAGES.encoding);
}

function decodes(bytes: Uint8Array, encoding: TextEncoding, mayEndMidCharacter: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: mayEndMidCharacter });
    return true;
  } catch {
    return false;
  }
}

/** Counts commas and tabs outside quotes on the first line with content; tab wins only with more tabs. */
function detectDelimiter(text: string): "," | "\t" {
  let commas = 0;
  let tabs = 0;
  let inQuotes = false;
  let lineHasContent = false;
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (inQuotes) {
      continue;
    } else if (char === "\n" || char === "\r") {
      if (lineHasContent) break;
      commas = tabs = 0;
    } else if (char === ",") {
      commas++;
    } else if (char === "\t") {
      tabs++;
    } else if (char.trim() !== "") {
      lineHasContent = true;
    }
  }
  return tabs > commas ? "\t" : ",";
}

// ---- Decoding ----

/** Decodes the file chunk by chunk; an undecodable byte fails with its physical line. A line feed byte is
 * never part of a multi-byte character in UTF-8 or GB18030, so lines can be counted on the bytes. */
async function* decodeText(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw undecodableLineError(line + lineOffsetOfUndecodableBytes(chunk, encoding), encoding);
    }
    line += countLineFeeds(chunk);
    yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw undecodableLineError(line, encoding);
  }
  if (rest) yield rest;
}

function undecodableLineError(line: number, encoding: TextEncoding): ImportFileError {
  const name = encoding === "utf-8" ? "UTF-8" : "GB18030";
  return new ImportFileError(
    "ENCODING",
    `Line ${line} is not valid ${name} text, unlike the start of the file. Save the whole file as UTF-8 and upload it again.`,
  );
}

/** Which line of a chunk that failed to decode holds the bad bytes: the first line may continue a character
 * begun in the previous chunk and the last may end mid-character, so a line only fails on its own when bad. */
function lineOffsetOfUndecodableBytes(chunk: Buffer, encoding: TextEncoding): number {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
    lines.push(chunk.subarray(start, end));
    start = end + 1;
  }
  lines.push(chunk.subarray(start));
  const last = lines.length - 1;
  for (let i = 1; i <= last; i++) {
    if (!decodes(lines[i], encoding, i === last)) return i;
  }
  return 0;
}

function countLineFeeds(chunk: Buffer): number {
  let count = 0;
  for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) count++;
  return count;
}

function countLineBreaks(text: string): number {
  return text.includes("\n") || text.includes("\r") ? (text.match(/\r\n|\r|\n/g) ?? []).length : 0;
}

// ---- Header and cells ----

interface TableColumns {
  headers: string[];
  /** Where each header's cells sit in a file row; columns without a name are left out. */
  positions: number[];
}

const DATA_LIKE_CELL_PATTERNS = [
  /\d{6,}/, // application, publication and phone numbers, compact dates, postal codes
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/, // dates
  /^[-+]?\d+(\.\d+)?%?$/, // amounts and counts
  /^[A-H]\d{2}[A-Z]\s?\d{1,4}\/\d{2,}/, // IPC classes
];
const MAX_HEADER_NAME_LENGTH = 60;

function looksLikeData(cell: string): boolean {
  return cell.length > MAX_HEADER_NAME_LENGTH || DATA_LIKE_CELL_PATTERNS.some((pattern) => pattern.test(cell));
}

function assertHeaderRow(cells: string[]): void {
  const names = cells.filter((cell) => cell !== "");
  const dataLike = names.filter(looksLikeData).length;
  if (names.length < 2 || dataLike > names.length / 2) throw new ImportFileError("NO_HEADER", MESSAGES.noHeader);
}

/** Names are trimmed (which also removes a BOM); a repeated name gets " (2)", " (3)", … */
function tableColumns(names: string[]): TableColumns {
  const headers: string[] = [];
  const positions: number[] = [];
  const taken = new Set<string>();
  names.forEach((rawName, position) => {
    const name = rawName.trim();
    if (name === "") return;
    let unique = name;
    for (let copy = 2; taken.has(unique); copy++) unique = `${name} (${copy})`;
    taken.add(unique);
    headers.push(unique);
    positions.push(position);
  });
  return { headers, positions };
}

async function* dataRows(fileRows: AsyncIterable<FileRow>, positions: number[]): AsyncGenerator<FileRow> {
  for await (const { line, cells } of fileRows) {
    const rowCells = positions.map((position) => cells[position] ?? "");
    if (rowCells.some((cell) => cell !== "")) yield { line, cells: rowCells };
  }
}

/** Integers without an exponent however large; other numbers in JavaScript's shortest exact form. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return Number.isInteger(value) && Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
}

function isEmptyRow(cells: string[]): boolean {
  return cells.every((cell) => cell === "");
}

// ---- CSV ----

async function openCsv(path: string, encoding: TextEncoding, delimiter: "," | "\t"): Promise<RowSource> {
  const [header] = await take(readCsvRows(path, encoding, delimiter), 1);
  if (!header) throw new ImportFileError("EMPTY", MESSAGES.empty);
  assertHeaderRow(header.cells);
  const { headers, positions } = tableColumns(header.cells);
  return { format: "csv", encoding, delimiter, headers, rows: dataRows(rowsAfter(readCsvRows(path, encoding, delimiter), header.line), positions) };
}

/** Non-empty records with trimmed cells; `line` counts the line breaks inside quoted cells. */
async function* readCsvRows(path: string, encoding: TextEncoding, delimiter: "," | "\t"): AsyncGenerator<FileRow> {
  // Lines are counted as the parser meets records, not as they are consumed: a parse error discards the
  // records still buffered, and must name the line of the record that failed.
  let nextLine = 1;
  const bufferedRecordLines: number[] = [];
  const parser = parseCsv({
    delimiter,
    relax_column_count: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
    on_record: (record: string[]) => {
      const line = nextLine;
      nextLine += 1 + record.reduce((breaks, cell) => breaks + countLineBreaks(cell), 0);
      const cells = record.map((cell) => cell.trim());
      if (isEmptyRow(cells)) return null;
      bufferedRecordLines.push(line);
      return cells;
    },
  });
  // Errors, from decoding or parsing, surface where the parser is iterated; the callback has nothing to add.
  pipeline(Readable.from(decodeText(path, encoding)), parser, () => {});
  try {
    // on_record queued one line for each record the parser emits.
    for await (const cells of parser as AsyncIterable<string[]>) yield { line: bufferedRecordLines.shift()!, cells };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ImportFileError(
      "NOT_A_TABLE",
      `The CSV has a misplaced quote (") in the record starting on line ${nextLine}: a quoted value must end with a quote followed by a separator or the end of the line, and quotes inside it must be doubled (""). Fix that line and upload the file again.`,
    );
  }
}

// ---- XLSX ----

async function openXlsx(path: string, size: number): Promise<RowSource> {
  if (!(await hasZipEnd(path, size))) throw new ImportFileError("NOT_A_TABLE", MESSAGES.damagedXlsx);
  const header = await findXlsxHeader(readFirstSheetRows(path));
  const { headers, positions } = tableColumns(header.cells);
  return { format: "xlsx", encoding: null, delimiter: null, headers, rows: dataRows(rowsAfter(readFirstSheetRows(path), header.line), positions) };
}

/** A workbook cut short (an interrupted download) lacks the ZIP's end record. Refusing it before exceljs reads
 * it also spares the temp copies exceljs makes of worksheets, which it never deletes when the ZIP breaks off. */
async function hasZipEnd(path: string, size: number): Promise<boolean> {
  const tailLength = Math.min(size, ZIP_END_MAX_BYTES);
  const tail = await readBytes(path, size - tailLength, tailLength);
  return tail.includes(ZIP_END_SIGNATURE);
}

/** The first row with two cells or more, below at most a few title rows (one cell, often merged). */
async function findXlsxHeader(sheetRows: AsyncGenerator<FileRow>): Promise<FileRow> {
  const leadingRows = await take(sheetRows, MAX_XLSX_TITLE_ROWS + 1);
  if (leadingRows.length === 0) throw new ImportFileError("EMPTY", MESSAGES.emptyFirstSheet);
  const header = leadingRows.find(({ cells }) => cells.filter((cell) => cell !== "").length >= 2);
  if (!header) throw new ImportFileError("NO_HEADER", MESSAGES.noHeader);
  assertHeaderRow(header.cells);
  return header;
}

const XLSX_READ_ATTEMPTS = 3;

async function* readFirstSheetRows(path: string, attempt = 1): AsyncGenerator<FileRow> {
  // Loaded on first use: exceljs is large, and most servers never read a workbook.
  const { default: excel } = await import("exceljs");
  const input = createReadStream(path);
  // Styles are needed to tell dates from numbers; hyperlink cells read as their text.
  const workbook = new excel.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore" });
  const worksheets = workbook[Symbol.asyncIterator]();
  let rowsRead = 0;
  let readAgain = false;
  try {
    const first = await worksheets.next();
    if (first.done) throw new ImportFileError("NOT_A_TABLE", MESSAGES.damagedXlsx);
    for await (const row of first.value) {
      const cells = Array.from({ length: row.cellCount }, (_, i) => xlsxCellText(row.getCell(i + 1).value));
      rowsRead++;
      if (!isEmptyRow(cells)) yield { line: row.number, cells };
    }
  } catch (error) {
    // exceljs 4.4's streaming reader now and then misses the workbook part of a sound file and fails on its
    // own state with a TypeError (1 read in 1,200 here, reading a sound fixture four at a time on 2 busy cores).
    // Before any row is read nothing is lost by reading again; a damaged file fails every time.
    readAgain = error instanceof TypeError && rowsRead === 0 && attempt < XLSX_READ_ATTEMPTS;
    if (!readAgain) throw error instanceof ImportFileError ? error : new ImportFileError("NOT_A_TABLE", MESSAGES.damagedXlsx);
  } finally {
    await closeWorksheets(worksheets);
    input.destroy();
  }
  if (readAgain) yield* readFirstSheetRows(path, attempt + 1);
}

/** exceljs buffers worksheets in temp files and deletes each one (and closes its descriptor) only once its
 * reader has moved past it, so the reader is run to the end, opening and closing later worksheets unread. */
async function closeWorksheets(worksheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>): Promise<void> {
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      const rows = next.value[Symbol.asyncIterator]();
      await rows.next(); // opens the worksheet's temp file, which return() then closes
      await rows.return(undefined);
    }
  } catch {
    // Nothing to report: the rows wanted have been read, or the damage has been reported already.
  }
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return formatNumber(Number(value.toPrecision(15))); // Excel shows 15 significant digits
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("").trim();
  if ("hyperlink" in value) return xlsxCellText(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    if (value.result !== undefined) return xlsxCellText(value.result);
    // Never evaluated: without a cached result the formula itself is the cell's text.
    const formula = "formula" in value ? value.formula : value.sharedFormula;
    return formula ? `=${formula}` : "";
  }
  return ""; // an error value such as #N/A
}

// ---- JSON ----

type JsonObject = Record<string, unknown>;

interface JsonLine {
  line: number;
  object: JsonObject;
}

async function openJson(path: string, encoding: TextEncoding, sampleText: string): Promise<RowSource> {
  let sampleObjects: JsonLine[];
  let objects: AsyncIterable<JsonLine> | Iterable<JsonLine>;
  if (sampleText.trimStart().startsWith("[")) {
    const elements = await readJsonArray(path, encoding);
    sampleObjects = elements.slice(0, JSON_HEADER_SAMPLE_OBJECTS).map(jsonArrayItem);
    objects = releasingJsonArrayItems(elements);
  } else {
    sampleObjects = await take(readJsonLines(path, encoding), JSON_HEADER_SAMPLE_OBJECTS);
    objects = readJsonLines(path, encoding);
  }
  // Keys in first-seen order over the first objects; keys that appear only later are ignored.
  const keys = [...new Set(sampleObjects.flatMap(({ object }) => Object.keys(object)))];
  const { headers, positions } = tableColumns(keys);
  if (headers.length === 0) throw new ImportFileError("EMPTY", MESSAGES.empty);
  const columnKeys = positions.map((position) => keys[position]);
  return { format: "json", encoding: null, delimiter: null, headers, rows: jsonRows(objects, columnKeys) };
}

async function* jsonRows(objects: AsyncIterable<JsonLine> | Iterable<JsonLine>, columnKeys: string[]): AsyncGenerator<FileRow> {
  for await (const { line, object } of objects) {
    const cells = columnKeys.map((key) => jsonCellText(object[key]));
    if (!isEmptyRow(cells)) yield { line, cells };
  }
}

function jsonCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) return value.map(jsonCellText).filter((text) => text !== "").join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parsed whole: acceptable because the caller caps the size. */
async function readJsonArray(path: string, encoding: TextEncoding): Promise<unknown[]> {
  const chunks: string[] = [];
  for await (const chunk of decodeText(path, encoding)) chunks.push(chunk);
  const text = chunks.join("");
  let elements: unknown;
  try {
    elements = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError("BAD_JSON", `The file is not valid JSON${jsonErrorLocation(text, error)}.`);
  }
  if (!Array.isArray(elements)) throw new ImportFileError("BAD_JSON", "The JSON file must hold an array of objects.");
  return elements;
}

function jsonArrayItem(element: unknown, index: number): JsonLine {
  if (!isJsonObject(element)) throw new ImportFileError("BAD_JSON", `Item ${index + 1} of the JSON array is not an object.`);
  return { line: index + 2, object: element };
}

/** Lets each element be garbage-collected once it has been read. */
function* releasingJsonArrayItems(elements: unknown[]): Generator<JsonLine> {
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index];
    elements[index] = undefined;
    yield jsonArrayItem(element, index);
  }
}

/** V8 gives the position for some syntax errors only ("Unexpected token" messages quote text instead). */
function jsonErrorLocation(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (!position) return "";
  return ` (line ${countLineBreaks(text.slice(0, Number(position[1])).replace(/\r\n/g, "\n")) + 1})`;
}

async function* readJsonLines(path: string, encoding: TextEncoding): AsyncGenerator<JsonLine> {
  const input = Readable.from(decodeText(path, encoding));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      const json = text.trim();
      if (json === "") continue;
      let object: unknown;
      try {
        object = JSON.parse(json);
      } catch {
        throw new ImportFileError("BAD_JSON", `Line ${line} is not valid JSON.`);
      }
      if (!isJsonObject(object)) throw new ImportFileError("BAD_JSON", `Line ${line} is not a JSON object.`);
      yield { line, object };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

// ---- Iteration helpers ----

/** The first `count` values; the rest are not read. */
async function take<T>(values: AsyncGenerator<T>, count: number): Promise<T[]> {
  const taken: T[] = [];
  for await (const value of values) {
    taken.push(value);
    if (taken.length === count) break;
  }
  return taken;
}

async function* rowsAfter(rows: AsyncIterable<FileRow>, headerLine: number): AsyncGenerator<FileRow> {
  for await (const row of rows) {
    if (row.line > headerLine) yield row;
  }
}
