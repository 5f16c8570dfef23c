// Reading layer of the bulk patent import: turns an uploaded CSV, XLSX or JSON file into header names and a
// stream of rows of strings, with memory bounded by a chunk and a row. Hostile files are refused while they are
// read, never after: columns and header names are capped before a header is built, a record, a JSON element and
// a JSON line are capped in length, rows in number (`maxRows`), and a workbook's parts are checked against their
// declared and real inflated sizes before exceljs reads a byte of them. Mapping columns and validating values
// happen elsewhere.
// The header is found by a first pass that stops early and closes the file; `rows` reads the file again when
// iterated, so a caller that rejects the headers and never iterates holds no file or temp file open.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { pipeline, Readable, Writable } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import { createInflateRaw } from "node:zlib";
import { CsvError, parse as parseCsv } from "csv-parse";
import type ExcelJS from "exceljs";
import { isoDay } from "~/lib/calendar-date";

export type ImportFormat = "csv" | "xlsx" | "json";

type ImportFileErrorCode =
  | "EMPTY"
  | "TOO_LARGE"
  | "ENCODING"
  | "NOT_A_TABLE"
  | "NO_HEADER"
  | "BAD_JSON"
  | "UNSUPPORTED"
  | "TOO_MANY_COLUMNS"
  | "LONG_HEADER"
  | "DUPLICATE_COLUMN"
  | "TOO_MANY_ROWS"
  | "LONG_RECORD"
  | "XLSX_TOO_LARGE";

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    /** Values for the user's-language message of the code (`import.file.<code>`), when it has placeholders. */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

/** Caps on what one file may hold. Columns and header names are far above any real export (CNIPA's has 61). */
export const IMPORT_FILE_LIMITS = {
  /** Named columns in the header row. */
  columns: 500,
  /** Cells in the header row, named or not (Excel's own limit). */
  cells: 16_384,
  /** Characters in one header cell. */
  headerChars: 200,
  /** Characters in one CSV record, JSON element or JSON line: a real patent is a few KB. */
  recordChars: 1024 * 1024,
  /** Inflated bytes of one worksheet of a workbook. */
  xlsxSheetBytes: 256 * 1024 * 1024,
  /** Inflated bytes of any other part; shared strings and styles are held in memory while the sheet is read. */
  xlsxPartBytes: 32 * 1024 * 1024,
  /** Inflated bytes of the whole workbook. */
  xlsxTotalBytes: 512 * 1024 * 1024,
  /** Entries in the workbook's ZIP. */
  xlsxEntries: 10_000,
};

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
  binary:
    "The file is not a text table; it looks like a binary file such as a PDF or an image. Upload a CSV, Excel (.xlsx) or JSON file.",
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
export async function openRowSource(
  path: string,
  fileName: string,
  options: { maxBytes?: number; maxRows?: number } = {},
): Promise<RowSource> {
  const source = await openFile(path, fileName, options);
  return options.maxRows === undefined ? source : { ...source, rows: cappedRows(source.rows, options.maxRows) };
}

async function openFile(path: string, fileName: string, options: { maxBytes?: number }): Promise<RowSource> {
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
  if (extension === ".xls" || startsWith(sample, OLE_SIGNATURE))
    throw new ImportFileError("UNSUPPORTED", MESSAGES.oldExcel);
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
  if (sample.includes(0) || startsWith(sample, PDF_SIGNATURE))
    throw new ImportFileError("NOT_A_TABLE", MESSAGES.binary);
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
  // 16 KB a read: the CSV parser works through a chunk without a break, so a chunk is kept to a few milliseconds.
  for await (const chunk of createReadStream(path, { highWaterMark: 16 * 1024 }) as AsyncIterable<Buffer>) {
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
/** A first-row cell this long is no name: the row is refused without reading the rest of it. */
const MAX_FIRST_ROW_CELL_CHARS = 64 * 1024;

function looksLikeData(cell: string): boolean {
  return cell.length > MAX_HEADER_NAME_LENGTH || DATA_LIKE_CELL_PATTERNS.some((pattern) => pattern.test(cell));
}

function assertHeaderRow(cells: string[]): void {
  const names = cells.filter((cell) => cell !== "");
  const dataLike = names.filter(looksLikeData).length;
  if (names.length < 2 || dataLike > names.length / 2) throw new ImportFileError("NO_HEADER", MESSAGES.noHeader);
}

/** The header row's columns within the caps: cells, a row that looks like data (`checkShape`), a repeated name,
 * named columns, the length of a name; each refused with its own message, in that order. */
function headerColumns(cells: string[], checkShape: boolean): TableColumns {
  if (cells.length > IMPORT_FILE_LIMITS.cells) throw tooManyColumnsError();
  if (checkShape) assertHeaderRow(cells);
  const columns = tableColumns(cells);
  if (columns.headers.length > IMPORT_FILE_LIMITS.columns) throw tooManyColumnsError();
  const long = columns.headers.findIndex((name) => name.length > IMPORT_FILE_LIMITS.headerChars);
  if (long !== -1) throw longHeaderError(columns.positions[long] + 1);
  return columns;
}

function tooManyColumnsError(): ImportFileError {
  const max = IMPORT_FILE_LIMITS.columns;
  return new ImportFileError(
    "TOO_MANY_COLUMNS",
    `The header row has more than ${max} columns; at most ${max} can be imported. Remove the columns you do not need and upload the file again.`,
    { max },
  );
}

function longHeaderError(column: number): ImportFileError {
  const max = IMPORT_FILE_LIMITS.headerChars;
  return new ImportFileError(
    "LONG_HEADER",
    `The name of column ${column} in the header row is longer than ${max} characters. The first row must name the columns; shorten that name and upload the file again.`,
    { column, max },
  );
}

/** `line`: the record's line, a JSON array item's line number (its index + 2) or a JSON line's. */
function longRecordError(kind: "record" | "item" | "line", line: number): ImportFileError {
  const max = IMPORT_FILE_LIMITS.recordChars / MEGABYTE;
  const where =
    kind === "record"
      ? `The record starting on line ${line}`
      : kind === "item"
        ? `Item ${line - 1} of the JSON array`
        : `Line ${line}`;
  return new ImportFileError(
    "LONG_RECORD",
    `${where} is longer than ${max} million characters: a quote left open, or not a table of patents.`,
    { line, max },
  );
}

/** Names are trimmed (which also removes a BOM); a repeated name is refused at once, naming both columns. */
function tableColumns(names: string[]): TableColumns {
  const headers: string[] = [];
  const positions: number[] = [];
  const taken = new Map<string, number>();
  names.forEach((rawName, position) => {
    const name = rawName.trim();
    if (name === "") return;
    const earlier = taken.get(name);
    if (earlier !== undefined) {
      throw new ImportFileError(
        "DUPLICATE_COLUMN",
        `Columns ${earlier + 1} and ${position + 1} are both named "${name}". Give each column its own name (or delete one of them) and upload the file again.`,
        { name, first: earlier + 1, second: position + 1 },
      );
    }
    taken.set(name, position);
    headers.push(name);
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
  await assertCsvHeaderWithinLimits(path, encoding, delimiter);
  const [header] = await take(readCsvRows(path, encoding, delimiter), 1);
  if (!header) throw new ImportFileError("EMPTY", MESSAGES.empty);
  const { headers, positions } = headerColumns(header.cells, true);
  return {
    format: "csv",
    encoding,
    delimiter,
    headers,
    rows: dataRows(rowsAfter(readCsvRows(path, encoding, delimiter), header.line), positions),
  };
}

/** Reads the first record with content character by character and stops at the first cap it passes, before
 * the CSV parser builds it: a header of a million columns is refused after reading 16,384 of them. Names are
 * counted and measured again, exactly, once the header (now of bounded size) is parsed. */
async function assertCsvHeaderWithinLimits(path: string, encoding: TextEncoding, delimiter: "," | "\t"): Promise<void> {
  const separator = delimiter.charCodeAt(0);
  let cells = 1;
  let cellChars = 0;
  let recordHasContent = false;
  let inQuotes = false;
  const chunks = decodeText(path, encoding);
  try {
    for await (const text of chunks) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x22) {
          inQuotes = !inQuotes;
          continue;
        }
        if (!inQuotes && (code === 0x0a || code === 0x0d)) {
          if (recordHasContent) return;
          cells = 1;
          cellChars = 0;
          continue;
        }
        if (!inQuotes && code === separator) {
          if (++cells > IMPORT_FILE_LIMITS.cells) throw tooManyColumnsError();
          cellChars = 0;
          continue;
        }
        // Far past a name: the row is data (an abstract) or not a table; either way it is not read further.
        if (++cellChars > MAX_FIRST_ROW_CELL_CHARS) throw new ImportFileError("NO_HEADER", MESSAGES.noHeader);
        if (code !== 0x20 && code !== 0x09 && code !== 0xfeff) recordHasContent = true;
      }
    }
  } finally {
    await chunks.return(undefined);
  }
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
    max_record_size: IMPORT_FILE_LIMITS.recordChars,
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
    if (error.code === "CSV_MAX_RECORD_SIZE") throw longRecordError("record", nextLine);
    throw new ImportFileError(
      "NOT_A_TABLE",
      `The CSV has a misplaced quote (") in the record starting on line ${nextLine}: a quoted value must end with a quote followed by a separator or the end of the line, and quotes inside it must be doubled (""). Fix that line and upload the file again.`,
    );
  }
}

// ---- XLSX ----

async function openXlsx(path: string, size: number): Promise<RowSource> {
  await assertSoundWorkbook(path, size);
  const header = await findXlsxHeader(readFirstSheetRows(path));
  const { headers, positions } = headerColumns(header.cells, false);
  return {
    format: "xlsx",
    encoding: null,
    delimiter: null,
    headers,
    rows: dataRows(rowsAfter(readFirstSheetRows(path), header.line), positions),
  };
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  inflatedSize: number;
  headerOffset: number;
  dataOffset: number;
}

/**
 * Checks a workbook's ZIP before exceljs reads it, so that a zip bomb is refused in milliseconds and nothing it
 * holds is inflated into memory or onto disk: every part's declared inflated size must be within the caps, the
 * local entries must be exactly those of the central directory, back to back (exceljs reads the local entries
 * in order, so a hidden one would escape the check), and each part must really inflate to no more than it
 * declares: the check inflates it into a counter and stops at the first byte past the declared size.
 * A workbook cut short (an interrupted download) lacks the ZIP's end record; refusing it here also spares the
 * temp copies exceljs makes of worksheets, which it never deletes when the ZIP breaks off.
 */
async function assertSoundWorkbook(path: string, size: number): Promise<void> {
  const damaged = () => new ImportFileError("NOT_A_TABLE", MESSAGES.damagedXlsx);
  const tailLength = Math.min(size, ZIP_END_MAX_BYTES);
  const tail = await readBytes(path, size - tailLength, tailLength);
  const end = tail.lastIndexOf(ZIP_END_SIGNATURE);
  if (end === -1 || end + 22 > tail.length) throw damaged();
  const entryCount = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  // ZIP64 (more than 65,535 parts or 4 GB) is no workbook a university exports.
  if (entryCount === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > size)
    throw damaged();
  if (entryCount > IMPORT_FILE_LIMITS.xlsxEntries) throw damaged();
  const directory = await readBytes(path, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let totalInflated = 0;
  for (let at = 0, i = 0; i < entryCount; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      inflatedSize: directory.readUInt32LE(at + 24),
      headerOffset: directory.readUInt32LE(at + 42),
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
      dataOffset: 0,
    };
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (entry.flags & 0x1) throw new ImportFileError("UNSUPPORTED", MESSAGES.oldExcel); // encrypted
    if (
      (entry.method !== 0 && entry.method !== 8) ||
      entry.inflatedSize === 0xffffffff ||
      entry.compressedSize === 0xffffffff
    )
      throw damaged();
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    totalInflated += entry.inflatedSize;
    if (
      entry.inflatedSize > (isSheet ? IMPORT_FILE_LIMITS.xlsxSheetBytes : IMPORT_FILE_LIMITS.xlsxPartBytes) ||
      totalInflated > IMPORT_FILE_LIMITS.xlsxTotalBytes
    ) {
      throw workbookTooLargeError();
    }
    entries.push(entry);
  }
  // Back to back from the start to the central directory: room for a data descriptor (at most 24 bytes) between.
  entries.sort((a, b) => a.headerOffset - b.headerOffset);
  let expected = 0;
  for (const entry of entries) {
    if (entry.headerOffset < expected || entry.headerOffset > expected + 24) throw damaged();
    const header = await readBytes(path, entry.headerOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw damaged();
    const nameLength = header.readUInt16LE(26);
    const name = (await readBytes(path, entry.headerOffset + 30, nameLength)).toString("utf8");
    const describedLater = (header.readUInt16LE(6) & 0x8) !== 0;
    if (
      name !== entry.name ||
      header.readUInt16LE(8) !== entry.method ||
      (!describedLater && header.readUInt32LE(18) !== entry.compressedSize)
    )
      throw damaged();
    entry.dataOffset = entry.headerOffset + 30 + nameLength + header.readUInt16LE(28);
    expected = entry.dataOffset + entry.compressedSize;
  }
  if (directoryOffset < expected || directoryOffset > expected + 24) throw damaged();
  for (const entry of entries) await assertInflatesWithin(path, entry, damaged);
}

function workbookTooLargeError(): ImportFileError {
  const mb = (bytes: number) => bytes / MEGABYTE;
  return new ImportFileError(
    "XLSX_TOO_LARGE",
    `The workbook unpacks to more than Excel files of this size can hold (a worksheet at most ${mb(IMPORT_FILE_LIMITS.xlsxSheetBytes)} MB, shared text at most ${mb(IMPORT_FILE_LIMITS.xlsxPartBytes)} MB, all at most ${mb(IMPORT_FILE_LIMITS.xlsxTotalBytes)} MB). Save it as CSV UTF-8, or split it, and upload it again.`,
    {
      sheetMb: mb(IMPORT_FILE_LIMITS.xlsxSheetBytes),
      partMb: mb(IMPORT_FILE_LIMITS.xlsxPartBytes),
      totalMb: mb(IMPORT_FILE_LIMITS.xlsxTotalBytes),
    },
  );
}

/** Inflates a part into a counter (zlib works off the main thread) and stops past its declared size. */
async function assertInflatesWithin(path: string, entry: ZipEntry, damaged: () => ImportFileError): Promise<void> {
  if (entry.compressedSize === 0) {
    if (entry.inflatedSize !== 0) throw damaged();
    return;
  }
  const input = createReadStream(path, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1 });
  if (entry.method === 0) {
    input.destroy();
    if (entry.compressedSize !== entry.inflatedSize) throw damaged();
    return;
  }
  // A part that inflates past its declared size is damaged, or a bomb posing as a small part.
  const inflater = createInflateRaw();
  let inflated = 0;
  try {
    await pipelineAsync(
      input,
      inflater,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          inflated += chunk.length;
          done(inflated > entry.inflatedSize ? new Error("inflates past its declared size") : null);
        },
      }),
    );
  } catch {
    throw damaged();
  }
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
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
  });
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
    if (!readAgain)
      throw error instanceof ImportFileError ? error : new ImportFileError("NOT_A_TABLE", MESSAGES.damagedXlsx);
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
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : isoDay(value);
  if (typeof value === "number") return formatNumber(Number(value.toPrecision(15))); // Excel shows 15 significant digits
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return String(value);
  if ("richText" in value)
    return value.richText
      .map((run) => run.text)
      .join("")
      .trim();
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
  const read = sampleText.trimStart().startsWith("[") ? readJsonArray : readJsonLines;
  const sampleObjects = await take(read(path, encoding), JSON_HEADER_SAMPLE_OBJECTS);
  // Keys in first-seen order over the first objects; keys that appear only later are ignored.
  const keys = [...new Set(sampleObjects.flatMap(({ object }) => Object.keys(object)))];
  const { headers, positions } = headerColumns(keys, false);
  if (headers.length === 0) throw new ImportFileError("EMPTY", MESSAGES.empty);
  const columnKeys = positions.map((position) => keys[position]);
  return { format: "json", encoding: null, delimiter: null, headers, rows: jsonRows(read(path, encoding), columnKeys) };
}

async function* jsonRows(
  objects: AsyncIterable<JsonLine> | Iterable<JsonLine>,
  columnKeys: string[],
): AsyncGenerator<FileRow> {
  for await (const { line, object } of objects) {
    const cells = columnKeys.map((key) => jsonCellText(object[key]));
    if (!isEmptyRow(cells)) yield { line, cells };
  }
}

function jsonCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value))
    return value
      .map(jsonCellText)
      .filter((text) => text !== "")
      .join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The elements of a JSON array, one at a time: the text is scanned for where each element ends (strings, escapes
 * and nesting followed), and only that element is parsed, so a file of any size is held one element at a time.
 * An element longer than the record cap is refused as soon as it passes it.
 */
async function* readJsonArray(path: string, encoding: TextEncoding): AsyncGenerator<JsonLine> {
  type State = "start" | "first" | "element" | "inside" | "after" | "end";
  let state: State = "start";
  let line = 1;
  let index = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let partsLength = 0;
  let elementLine = 1;
  const invalid = (atLine: number) => new ImportFileError("BAD_JSON", `The file is not valid JSON (line ${atLine}).`);
  const parseElement = (text: string): JsonLine => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
      const atLine = position
        ? elementLine + countLineBreaks(text.slice(0, Number(position[1])).replace(/\r\n/g, "\n"))
        : elementLine;
      throw invalid(atLine);
    }
    return jsonArrayItem(value, index++);
  };
  for await (const text of decodeText(path, encoding)) {
    let elementStart = state === "inside" ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (state === "inside") {
        if (inString) {
          if (escaped) escaped = false;
          else if (code === 0x5c) escaped = true;
          else if (code === 0x22) inString = false;
          else if (code === 0x0a) line++;
          continue;
        }
        if (code === 0x22) inString = true;
        else if (code === 0x7b || code === 0x5b) depth++;
        else if (code === 0x7d || code === 0x5d) {
          if (--depth === 0) {
            parts.push(text.slice(elementStart, i + 1));
            const element = parts.join("");
            if (element.length > IMPORT_FILE_LIMITS.recordChars) throw longRecordError("item", index + 2);
            parts = [];
            partsLength = 0;
            state = "after";
            yield parseElement(element);
          }
        } else if (code === 0x0a) line++;
        continue;
      }
      if (code === 0x0a) {
        line++;
        continue;
      }
      if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0xfeff) continue;
      if (state === "start") {
        if (code !== 0x5b) throw invalid(line);
        state = "first";
      } else if ((state === "first" || state === "after") && code === 0x5d) {
        state = "end";
      } else if (state === "after") {
        if (code !== 0x2c) throw invalid(line);
        state = "element";
      } else if (state === "first" || state === "element") {
        if (code !== 0x7b) {
          if (code === 0x5d) throw invalid(line); // a trailing comma
          throw new ImportFileError("BAD_JSON", `Item ${index + 1} of the JSON array is not an object.`);
        }
        state = "inside";
        depth = 1;
        elementStart = i;
        elementLine = line;
      } else {
        throw invalid(line); // text after the array
      }
    }
    if (state === "inside") {
      const rest = text.slice(Math.max(elementStart, 0));
      parts.push(rest);
      partsLength += rest.length;
      if (partsLength > IMPORT_FILE_LIMITS.recordChars) throw longRecordError("item", index + 2);
    }
  }
  if ((state as State) !== "end") throw invalid(line);
}

function jsonArrayItem(element: unknown, index: number): JsonLine {
  if (!isJsonObject(element))
    throw new ImportFileError("BAD_JSON", `Item ${index + 1} of the JSON array is not an object.`);
  return { line: index + 2, object: element };
}

/** Lines split by hand: a line is held only up to the record cap (readline would gather one of any length). */
async function* readJsonLines(path: string, encoding: TextEncoding): AsyncGenerator<JsonLine> {
  let line = 0;
  let pending = "";
  const parseLine = (text: string): JsonLine | null => {
    line++;
    if (text.length > IMPORT_FILE_LIMITS.recordChars) throw longRecordError("line", line);
    const json = text.trim();
    if (json === "") return null;
    let object: unknown;
    try {
      object = JSON.parse(json);
    } catch {
      throw new ImportFileError("BAD_JSON", `Line ${line} is not valid JSON.`);
    }
    if (!isJsonObject(object)) throw new ImportFileError("BAD_JSON", `Line ${line} is not a JSON object.`);
    return { line, object };
  };
  for await (const text of decodeText(path, encoding)) {
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      const parsed = parseLine(pending + text.slice(start, end));
      pending = "";
      start = end + 1;
      if (parsed) yield parsed;
    }
    pending += text.slice(start);
    if (pending.length > IMPORT_FILE_LIMITS.recordChars) throw longRecordError("line", line + 1);
  }
  const last = parseLine(pending);
  if (last) yield last;
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

/** Refuses the file once it has more than `maxRows` data rows: it stops reading there. */
async function* cappedRows(rows: AsyncIterable<FileRow>, maxRows: number): AsyncGenerator<FileRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > maxRows) {
      throw new ImportFileError(
        "TOO_MANY_ROWS",
        `The file has more than ${maxRows.toLocaleString("en-US")} rows; at most ${maxRows.toLocaleString("en-US")} can be imported at a time. Split it into parts and import them one after another.`,
        { max: maxRows },
      );
    }
    yield row;
  }
}
