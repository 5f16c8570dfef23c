import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRowSource, type ImportFileError, type RowSource } from "./file-reader.server";

const FIXTURES = join(import.meta.dirname, "../../../tests/fixtures/import");
const fixture = (name: string) => join(FIXTURES, name);

let tempDir: string;
beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), "import-file-test-"));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(tempDir, name);
  await writeFile(path, content);
  return path;
}

async function readRows(source: RowSource): Promise<{ line: number; cells: string[] }[]> {
  const rows = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

/** `message`: the exact text, or a pattern it matches. */
function importError(code: ImportFileError["code"], message?: string | RegExp) {
  const expectedMessage =
    message instanceof RegExp ? { message: expect.stringMatching(message) } : message === undefined ? {} : { message };
  return expect.objectContaining({ name: "ImportFileError", code, ...expectedMessage });
}

describe("CSV", () => {
  it("reads the real 61-column Chinese export", async () => {
    const source = await openRowSource(fixture("cn-export-sample.csv"), "专利导出.csv");
    expect(source).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: "," });
    expect(source.headers).toHaveLength(61);
    expect(source.headers.slice(0, 7)).toEqual([
      "序号",
      "申请日",
      "公开日",
      "授权公告日",
      "申请人",
      "发明人",
      "申请号",
    ]);
    const rows = await readRows(source);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(rows.every((row) => row.cells.length === 61)).toBe(true);
    const firstRecord = Object.fromEntries(source.headers.map((header, i) => [header, rows[0].cells[i]]));
    expect(firstRecord).toMatchObject({
      申请号: "CN202223220665.2",
      专利名称: "一种无人机机载多功能盒",
      申请日: "20221202",
      专利类型: "实用新型",
    });
  });

  it("reads GB18030 text", async () => {
    const source = await openRowSource(fixture("cn-export-gb18030.csv"), "export.csv");
    expect(source).toMatchObject({ encoding: "gb18030", headers: ["申请号", "专利名称", "申请人", "申请日"] });
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ["CN202223220665.2", "一种无人机机载多功能盒", "中科大数据研究院", "2022-12-02"] },
      {
        line: 3,
        cells: ["CN202122975192.6", "一种可拍照便携式实时语音播报端测摄像头", "中科大数据研究院", "2021-11-30"],
      },
    ]);
  });

  it("detects the encoding when the 64 KiB sample ends inside a character", async () => {
    // The prefixes are sized so that the 64 KiB boundary falls inside a character ("中" is 3 bytes in UTF-8, 2 in GB18030).
    const utf8 = await tempFile("cut-utf8.csv", "a,名称\n" + "中".repeat(30_000) + ",x\n");
    expect(
      readFileSync(utf8)
        .subarray(0, 64 * 1024)
        .toString("utf8")
        .endsWith("\uFFFD"),
    ).toBe(true);
    const utf8Source = await openRowSource(utf8, "cut.csv");
    expect(utf8Source.encoding).toBe("utf-8");
    expect((await readRows(utf8Source))[0].cells[0]).toBe("中".repeat(30_000));

    const gbText = "x申请号,名称\n" + "中".repeat(40_000) + ",x\n";
    const gbBytes = Buffer.from(gb18030Bytes(gbText));
    expect(new TextDecoder("gb18030").decode(gbBytes)).toBe(gbText);
    const gb = await tempFile("cut-gb.csv", gbBytes);
    const gbSource = await openRowSource(gb, "cut.csv");
    expect(gbSource.encoding).toBe("gb18030");
    expect((await readRows(gbSource))[0].cells[0]).toBe("中".repeat(40_000));
  });

  it("uses UTF-8 when the file starts with a BOM, and removes the BOM from the first header", async () => {
    const source = await openRowSource(fixture("multiline.csv"), "multiline.csv");
    expect(source).toMatchObject({ encoding: "utf-8", headers: ["申请号", "专利名称", "主权项", "备注"] });
  });

  it("refuses text that is neither UTF-8 nor GB18030", async () => {
    const message =
      "The file is neither UTF-8 nor GB18030 text. Save it as CSV UTF-8 (or GB18030) and upload it again.";
    await expect(openRowSource(fixture("latin1.csv"), "latin1.csv")).rejects.toEqual(importError("ENCODING", message));
    await expect(openRowSource(fixture("utf16.txt"), "unicode.txt")).rejects.toEqual(importError("ENCODING", message));
  });

  it("names the line when bytes after the sample do not decode", async () => {
    const goodLines = Array.from({ length: 3000 }, (_, i) => `CN${i},一种无人机机载多功能盒\n`).join(""); // > 64 KiB
    const bytes = Buffer.concat([
      Buffer.from("申请号,专利名称\n" + goodLines),
      Buffer.from([0x43, 0x4e, 0x2c, 0xff, 0x0a]),
      Buffer.from("CN9,x\n"),
    ]);
    const source = await openRowSource(await tempFile("late-bad-byte.csv", bytes), "late.csv");
    expect(source.encoding).toBe("utf-8");
    await expect(readRows(source)).rejects.toEqual(importError("ENCODING", /^Line 3002 is not valid UTF-8 text/));
  });

  it("refuses binary files uploaded as CSV", async () => {
    const withNul = await tempFile("nul.csv", Buffer.from("申请号,专利名称\nCN1,\u0000\n"));
    const pdf = await tempFile("scan.csv", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
    const png = await tempFile(
      "image.csv",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    for (const path of [withNul, pdf, png]) {
      await expect(openRowSource(path, "data.csv")).rejects.toEqual(importError("NOT_A_TABLE", /binary file/));
    }
  });

  it("detects a tab delimiter by counting, and .tsv implies tab", async () => {
    const source = await openRowSource(fixture("tab-separated.txt"), "export.txt");
    expect(source).toMatchObject({ delimiter: "\t", headers: ["申请号", "专利名称", "发明人"] });
    expect((await readRows(source))[0].cells).toEqual(["CN202223220665.2", "一种无人机机载多功能盒", "刘迪, 刘敏"]);

    const commasInQuotes = await tempFile("quoted.csv", '"申请号,号码,编号"\t专利名称\t申请人\nCN1\tx\ty\n');
    expect((await openRowSource(commasInQuotes, "quoted.csv")).delimiter).toBe("\t");

    const moreCommas = await tempFile("more-commas.tsv", "申请号,号码\t专利名称,名称\nCN1,1\tx,y\n");
    const tsv = await openRowSource(moreCommas, "export.tsv");
    expect(tsv).toMatchObject({ delimiter: "\t", headers: ["申请号,号码", "专利名称,名称"] });
    expect((await openRowSource(moreCommas, "export.csv")).delimiter).toBe(",");
  });

  it("parses quotes, CRLF and multi-line cells, and counts physical lines", async () => {
    const source = await openRowSource(fixture("multiline.csv"), "multiline.csv");
    expect(await readRows(source)).toEqual([
      {
        line: 2,
        cells: [
          "CN202223220665.2",
          "一种无人机机载多功能盒",
          "1.一种无人机机载多功能盒，\r\n其特征在于：\r\n包括内盒",
          "first",
        ],
      },
      // Cells are text, never evaluated.
      { line: 5, cells: ["CN202122975192.6", '一种"可拍照"摄像头', "2.权利要求", "=cmd|' /C calc'!A0"] },
      // Lines 6 (blank) and 7 (only separators) are skipped; a short row is padded, a long one cut.
      { line: 8, cells: ["CN202121635235.X", "无人机巡检系统", "", ""] },
      { line: 9, cells: ["CN202110000001.1", "多余列", "a", "b"] },
    ]);
  });

  it("counts lines after multi-line cells with LF endings", async () => {
    const path = await tempFile("lf.csv", '\n\n申请号,摘要\nCN1,"a\nb\n\nc"\nCN2,"x"\n');
    const source = await openRowSource(path, "lf.csv");
    expect(source.headers).toEqual(["申请号", "摘要"]);
    expect((await readRows(source)).map((row) => row.line)).toEqual([4, 8]);
  });

  it("refuses a malformed quote, naming the line", async () => {
    const unclosed = await tempFile("unclosed.csv", '申请号,专利名称\nCN1,x\nCN2,"一种装置\nCN3,y\n');
    // A small file fails at opening, a large one while its rows are read.
    const readFile = (path: string) => openRowSource(path, "export.csv").then(readRows);
    await expect(readFile(unclosed)).rejects.toEqual(importError("NOT_A_TABLE", /misplaced quote .* line 3\b/));

    const textAfterQuote = await tempFile("after-quote.csv", '申请号,专利名称\r\nCN1,"a\r\nb"\r\nCN2,"一种"装置\r\n');
    await expect(readFile(textAfterQuote)).rejects.toEqual(importError("NOT_A_TABLE", /line 4\b/));

    const rows = Array.from({ length: 5000 }, (_, i) => `CN${i},一种无人机机载多功能盒\n`).join(""); // > 64 KiB
    const lateQuote = await tempFile("late-quote.csv", `申请号,专利名称\n${rows}CN5000,一种"装置"\n`);
    const source = await openRowSource(lateQuote, "late.csv");
    await expect(readRows(source)).rejects.toEqual(importError("NOT_A_TABLE", /line 5002\b/));

    const quoteInHeader = await tempFile("quote-header.csv", '申请号,专"利名称\nCN1,x\n');
    await expect(openRowSource(quoteInHeader, "quote.csv")).rejects.toEqual(importError("NOT_A_TABLE", /line 1\b/));
  });
});

describe("header row", () => {
  const noHeader = "The first row must name the columns (申请号, 专利名称, …); it looks like data.";

  it("refuses a file whose first row is data", async () => {
    await expect(openRowSource(fixture("headerless.csv"), "export.csv")).rejects.toEqual(
      importError("NO_HEADER", noHeader),
    );
    const datesAndNumbers = await tempFile("dates.csv", "202223220665,2022-12-02,名称\n202223220666,2022/12/3,名称\n");
    await expect(openRowSource(datesAndNumbers, "dates.csv")).rejects.toEqual(importError("NO_HEADER", noHeader));
    const longText = await tempFile("long.csv", `${"一种无人机".repeat(13)},ZL202223220665.2,名称\n`);
    await expect(openRowSource(longText, "long.csv")).rejects.toEqual(importError("NO_HEADER", noHeader));
  });

  it("refuses a first row with fewer than two names", async () => {
    const oneColumn = await tempFile("one-column.csv", "\n申请号,,\nCN1,,\n");
    await expect(openRowSource(oneColumn, "one.csv")).rejects.toEqual(importError("NO_HEADER", noHeader));
  });

  it("refuses a repeated name at once, naming both columns, and leaves out unnamed columns", async () => {
    const path = await tempFile("duplicates.csv", " 申请号 ,专利名称,,申请号,申请号\nCN1,x,ignored,CN2,CN3\n");
    await expect(openRowSource(path, "dup.csv")).rejects.toEqual(
      importError("DUPLICATE_COLUMN", /^Columns 1 and 4 are both named "申请号"/),
    );
    const unnamed = await tempFile("unnamed.csv", "申请号,专利名称,,备注\nCN1,x,ignored,y\n");
    const source = await openRowSource(unnamed, "unnamed.csv");
    expect(source.headers).toEqual(["申请号", "专利名称", "备注"]);
    expect(await readRows(source)).toEqual([{ line: 2, cells: ["CN1", "x", "y"] }]);
  });

  it("refuses 10,000 columns of one name at once", async () => {
    const path = await tempFile(
      "same-name.csv",
      `${Array(10_000).fill("a").join(",")}\n${Array(10_000).fill("1").join(",")}\n`,
    );
    const startedAt = performance.now();
    await expect(openRowSource(path, "same.csv")).rejects.toEqual(
      importError("DUPLICATE_COLUMN", /^Columns 1 and 2 are both named "a"/),
    );
    expect(performance.now() - startedAt).toBeLessThan(1_000);
  });

  it("refuses a header of a million columns after reading 500 of them", async () => {
    const names = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",");
    const path = await tempFile("wide.csv", `${names}\n${names}\n`);
    const startedAt = performance.now();
    await expect(openRowSource(path, "wide.csv")).rejects.toEqual(
      importError("TOO_MANY_COLUMNS", /more than 500 columns/),
    );
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    const empty = await tempFile("wide-empty.csv", `申请号,名称${",".repeat(20_000)}\nCN1,x\n`);
    await expect(openRowSource(empty, "wide.csv")).rejects.toEqual(importError("TOO_MANY_COLUMNS"));
    const json = await tempFile(
      "wide.jsonl",
      `${JSON.stringify(Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, i])))}\n`,
    );
    await expect(openRowSource(json, "wide.jsonl")).rejects.toEqual(importError("TOO_MANY_COLUMNS"));
  });

  it("refuses a header name over 200 characters, naming its column", async () => {
    const path = await tempFile("long-name.csv", `申请号,${"名".repeat(201)}\nCN1,x\n`);
    await expect(openRowSource(path, "long.csv")).rejects.toEqual(importError("LONG_HEADER", /^The name of column 2 /));
  });

  it("stops at the row limit, and refuses a record over a million characters", async () => {
    const path = await tempFile("rows.csv", `申请号,名称\n${"CN1,x\n".repeat(30)}`);
    const source = await openRowSource(path, "rows.csv", { maxRows: 20 });
    await expect(readRows(source)).rejects.toEqual(importError("TOO_MANY_ROWS", /more than 20 rows/));
    expect(await readRows(await openRowSource(path, "rows.csv", { maxRows: 30 }))).toHaveLength(30);
    const long = await tempFile("long-record.csv", `申请号,名称\nCN1,x\nCN2,"${"x".repeat(1_100_000)}"\n`);
    await expect(openRowSource(long, "long.csv").then(readRows)).rejects.toEqual(
      importError("LONG_RECORD", /^The record starting on line 3 /),
    );
  });
});

describe("files that are not readable tables", () => {
  it("refuses an empty file", async () => {
    const message = "The file is empty.";
    await expect(openRowSource(fixture("empty.csv"), "empty.csv")).rejects.toEqual(importError("EMPTY", message));
    const blank = await tempFile("blank.csv", "\uFEFF \r\n\t\n");
    await expect(openRowSource(blank, "blank.csv")).rejects.toEqual(importError("EMPTY", message));
    await expect(openRowSource(blank, "blank.json")).rejects.toEqual(importError("EMPTY", message));
    const onlySeparators = await tempFile("separators.csv", ",,,\n\n,,\n");
    await expect(openRowSource(onlySeparators, "separators.csv")).rejects.toEqual(importError("EMPTY", message));
  });

  it("refuses a file over the size limit before reading it", async () => {
    const path = join(tempDir, "large.csv");
    await writeFile(path, "");
    await truncate(path, 50 * 1024 * 1024); // sparse: the size is all that is checked
    await expect(openRowSource(path, "large.csv", { maxBytes: 40 * 1024 * 1024 })).rejects.toEqual(
      importError("TOO_LARGE", "The file is 50.0 MB; the limit is 40 MB."),
    );
  });

  it("refuses old Excel files and unknown types", async () => {
    const oldExcel = /as \.xlsx .* or as CSV UTF-8/;
    const text = await tempFile("table.xls", "申请号,专利名称\nCN1,x\n");
    await expect(openRowSource(text, "专利.xls")).rejects.toEqual(importError("UNSUPPORTED", oldExcel));
    const ole = await tempFile("ole.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(openRowSource(ole, "renamed.xlsx")).rejects.toEqual(importError("UNSUPPORTED", oldExcel));
    await expect(openRowSource(text, "scan.pdf")).rejects.toEqual(
      importError("UNSUPPORTED", /"\.pdf" cannot be imported/),
    );
    await expect(openRowSource(text, "noextension")).rejects.toEqual(importError("UNSUPPORTED", /\(no extension\)/));
  });
});

describe("XLSX", () => {
  it("reads the first worksheet: titles and blank rows skipped, cells as text", async () => {
    const source = await openRowSource(fixture("patents.xlsx"), "patents.xlsx");
    expect(source).toMatchObject({ format: "xlsx", encoding: null, delimiter: null });
    expect(source.headers).toEqual([
      "申请号",
      "专利名称",
      "申请日",
      "申请号码",
      "引证数",
      "有效",
      "全文链接",
      "合计",
      "比例",
      "备注",
    ]);
    expect(await readRows(source)).toEqual([
      {
        line: 4,
        cells: [
          "CN202223220665.2",
          "一种无人机机载多功能盒", // rich text, trimmed
          "2022-12-02", // date
          "202223220665", // number, no exponent
          "5", // formula with a cached result
          "true",
          "查看CN202223220665.2", // hyperlink text
          "=SUM(E4:E6)", // formula without a cached result, not evaluated
          "0.3", // 0.1+0.2 to Excel's 15 significant digits
          "=cmd|' /C calc'!A0", // text that looks like a formula stays text
        ],
      },
      // Row 5 is blank; the second worksheet is not read.
      {
        line: 6,
        cells: [
          "CN202122975192.6",
          "一种可拍照便携式实时语音播报端测摄像头",
          "2021-11-30",
          "202122975192",
          "0",
          "false",
          "",
          "文本",
          "",
          "",
        ],
      },
    ]);
  });

  it("recognises a workbook by content whatever its name", async () => {
    const source = await openRowSource(fixture("patents.xlsx"), "patents.csv");
    expect(source.format).toBe("xlsx");
    expect(await readRows(source)).toHaveLength(2);
  });

  it("refuses a damaged workbook", async () => {
    const damaged = /could not be read; it may be damaged/;
    const workbook = readFileSync(fixture("patents.xlsx"));
    const truncated = await tempFile("truncated.xlsx", workbook.subarray(0, workbook.length / 2));
    await expect(openRowSource(truncated, "truncated.xlsx")).rejects.toEqual(importError("NOT_A_TABLE", damaged));
    const garbage = await tempFile(
      "garbage.xlsx",
      Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(4096, 0x5a)]),
    );
    await expect(openRowSource(garbage, "garbage.xlsx")).rejects.toEqual(importError("NOT_A_TABLE", damaged));
    const corruptSheet = Buffer.from(workbook);
    corruptSheet.fill(0, 1300, 1500); // inside the compressed xl/worksheets/sheet1.xml; the ZIP's end record is intact
    const corrupt = await tempFile("corrupt.xlsx", corruptSheet);
    await expect(openRowSource(corrupt, "corrupt.xlsx")).rejects.toEqual(importError("NOT_A_TABLE", damaged));
    const csvNamedXlsx = await tempFile("text.xlsx", "申请号,专利名称\nCN1,x\n");
    await expect(openRowSource(csvNamedXlsx, "text.xlsx")).rejects.toEqual(importError("NOT_A_TABLE", damaged));
  });

  it("refuses a first worksheet that is empty or starts with data", async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("空");
    empty.addWorksheet("数据").addRow(["申请号", "专利名称"]);
    const emptyPath = join(tempDir, "empty-first.xlsx");
    await empty.xlsx.writeFile(emptyPath);
    await expect(openRowSource(emptyPath, "empty.xlsx")).rejects.toEqual(
      importError("EMPTY", /first worksheet is empty/),
    );

    const headerless = new ExcelJS.Workbook();
    headerless.addWorksheet("数据").addRow(["CN202223220665.2", 202223220665, new Date(Date.UTC(2022, 11, 2))]);
    const headerlessPath = join(tempDir, "headerless.xlsx");
    await headerless.xlsx.writeFile(headerlessPath);
    await expect(openRowSource(headerlessPath, "headerless.xlsx")).rejects.toEqual(importError("NO_HEADER"));
  });
});

describe("JSON", () => {
  const expectedHeaders = ["申请号", "专利名称", "发明人", "申请号码", "有效", "附加", "引证"];
  const expectedCells = [
    ["CN202223220665.2", "一种无人机机载多功能盒", "刘迪; 刘敏; 王煜伟", "202223220665", "true", "", ""],
    ["CN202121635235.X", "无人机巡检系统", "", "", "false", "", '{"次数":2,"专利":["CN1"]}'],
    ["CN202122975192.6", "一种可拍照便携式实时语音播报端测摄像头", "", "12.5", "", "", ""],
  ];

  it("reads an array of objects; line is the element's index + 2", async () => {
    const source = await openRowSource(fixture("patents.json"), "patents.json");
    expect(source).toMatchObject({ format: "json", encoding: null, delimiter: null, headers: expectedHeaders });
    const rows = await readRows(source);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 5]); // the third object has only empty values
    expect(rows.map((row) => row.cells)).toEqual(expectedCells);
  });

  it("reads JSON Lines, skipping blank lines", async () => {
    const source = await openRowSource(fixture("patents.jsonl"), "patents.jsonl");
    expect(source.headers).toEqual(expectedHeaders);
    const rows = await readRows(source);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5]);
    expect(rows.map((row) => row.cells)).toEqual(expectedCells);
  });

  it("takes the headers from the first 100 objects only", async () => {
    const objects = Array.from({ length: 101 }, (_, i) =>
      i === 100 ? { 申请号: "CN101", 迟到: "x" } : { 申请号: `CN${i}`, 名称: "y" },
    );
    const path = await tempFile("late-key.ndjson", objects.map((object) => JSON.stringify(object)).join("\n"));
    const source = await openRowSource(path, "late.ndjson");
    expect(source.headers).toEqual(["申请号", "名称"]);
    expect((await readRows(source)).at(-1)).toEqual({ line: 101, cells: ["CN101", ""] });
  });

  it("refuses elements and lines that are not JSON objects, naming them", async () => {
    const arrayWithNumber = await tempFile("array.json", '[{"申请号": "CN1", "名称": "x"}, 42]');
    await expect(openRowSource(arrayWithNumber, "a.json")).rejects.toEqual(
      importError("BAD_JSON", /^Item 2 of the JSON array is not an object/),
    );
    // V8 reports the position of the unexpected "{" after the missing comma.
    const missingComma = await tempFile(
      "missing-comma.json",
      '[\n  {"申请号": "CN1"},\n  {"申请号": "CN2"}\n  {"申请号": "CN3"}\n]',
    );
    await expect(openRowSource(missingComma, "invalid.json")).rejects.toEqual(
      importError("BAD_JSON", "The file is not valid JSON (line 4)."),
    );
    const unexpectedToken = await tempFile("unexpected.json", '[\n  {"申请号": }\n]');
    await expect(openRowSource(unexpectedToken, "invalid.json")).rejects.toEqual(
      importError("BAD_JSON", /^The file is not valid JSON/),
    );
    const notJson = await tempFile("lines.jsonl", '{"申请号": "CN1", "名称": "x"}\n\n{"申请号": "CN2", 名称}\n');
    await expect(openRowSource(notJson, "lines.jsonl")).rejects.toEqual(
      importError("BAD_JSON", /^Line 3 is not valid JSON/),
    );
    const notObject = await tempFile("scalar.jsonl", '{"申请号": "CN1", "名称": "x"}\n["CN2"]\n');
    await expect(openRowSource(notObject, "scalar.jsonl")).rejects.toEqual(
      importError("BAD_JSON", /^Line 2 is not a JSON object/),
    );
  });
});

describe("streaming", () => {
  it("reads a large CSV with bounded memory", { timeout: 30_000 }, async () => {
    const path = join(tempDir, "large-export.csv");
    const output = createWriteStream(path);
    output.write("申请号,专利名称,申请人,申请日,摘要\n");
    const abstract = "本实用新型公开了一种无人机机载多功能盒，包括内盒、外盒和内部电路，".repeat(6);
    for (let i = 0; i < 100_000; i++) {
      const line = `CN2022${String(i).padStart(6, "0")}.${i % 10},"一种""装置"" ${i}",中科大数据研究院,2022-12-02,${abstract}\n`;
      if (!output.write(line)) await once(output, "drain");
    }
    output.end();
    await once(output, "finish");
    expect(output.bytesWritten).toBeGreaterThan(60 * 1024 * 1024);

    const startedAt = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let rowCount = 0;
    let lastLine = 0;
    for await (const row of (await openRowSource(path, "large-export.csv")).rows) {
      rowCount++;
      lastLine = row.line;
      if (rowCount % 1000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const heapGrowthMb = (heapPeak - heapBefore) / 1024 / 1024;
    console.info(
      `streamed ${rowCount} rows in ${Math.round(performance.now() - startedAt)} ms; heap grew ${heapGrowthMb.toFixed(1)} MB`,
    );
    expect(rowCount).toBe(100_000);
    expect(lastLine).toBe(100_001);
    expect(heapGrowthMb).toBeLessThan(100);
  });
});

/** GB18030 bytes for text of ASCII and "申请号名称中" (the test runs without an encoder for GB18030). */
function gb18030Bytes(text: string): number[] {
  const codes: Record<string, number[]> = {
    申: [0xc9, 0xea],
    请: [0xc7, 0xeb],
    号: [0xba, 0xc5],
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
    中: [0xd6, 0xd0],
  };
  return [...text].flatMap((char) => codes[char] ?? [char.charCodeAt(0)]);
}

describe("hostile files", () => {
  it("refuses a 1 MB workbook whose shared strings or sheet inflate to 1 GB within a second, before exceljs reads it", async () => {
    const { writeXlsxBomb } = await import("../../../tests/helpers/hostile-files");
    for (const [variant, options] of [
      ["honest", { part: "sharedStrings", declared: "true" }],
      ["lying", { part: "sharedStrings", declared: "small" }],
      ["in the sheet", { part: "sheet", declared: "true" }],
      ["in the sheet, lying", { part: "sheet", declared: "small" }],
    ] as const) {
      const path = join(tempDir, `bomb-${variant}.xlsx`);
      await writeXlsxBomb(path, options);
      expect(readFileSync(path).length).toBeLessThan(1.5 * 1024 * 1024);
      const startedAt = performance.now();
      const refusal =
        options.declared === "true"
          ? importError("XLSX_TOO_LARGE", /unpacks to more than/)
          : importError("NOT_A_TABLE", /could not be read/);
      await expect(openRowSource(path, "bomb.xlsx"), variant).rejects.toEqual(refusal);
      expect(performance.now() - startedAt, variant).toBeLessThan(1_000);
    }
  });

  it(
    "reads a JSON array as a stream: a 39 MB array with bounded memory, an element over the cap refused",
    { timeout: 60_000 },
    async () => {
      const { writeJsonArray } = await import("../../../tests/helpers/hostile-files");
      const path = join(tempDir, "big.json");
      await writeJsonArray(path, 39);
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      let rows = 0;
      for await (const row of (await openRowSource(path, "big.json")).rows) {
        if (++rows % 1000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        expect(row.line).toBe(rows + 1);
      }
      expect(rows).toBeGreaterThan(80_000);
      expect((heapPeak - heapBefore) / 1024 / 1024).toBeLessThan(60);

      const huge = await tempFile(
        "huge-element.json",
        `[{"申请号": "CN1", "名称": "x"}, {"申请号": "${"x".repeat(1_100_000)}"}]`,
      );
      await expect(openRowSource(huge, "huge.json").then(readRows)).rejects.toEqual(
        importError("LONG_RECORD", /^Item 2 of the JSON array is longer/),
      );
      const hugeLine = await tempFile(
        "huge-line.jsonl",
        `{"申请号": "CN1", "名称": "x"}\n{"申请号": "${"x".repeat(1_100_000)}"}\n`,
      );
      await expect(openRowSource(hugeLine, "huge.jsonl").then(readRows)).rejects.toEqual(
        importError("LONG_RECORD", /^Line 2 is longer/),
      );
      const trailing = await tempFile("trailing.json", '[{"申请号": "CN1", "名称": "x"},\n]');
      await expect(openRowSource(trailing, "t.json")).rejects.toEqual(
        importError("BAD_JSON", "The file is not valid JSON (line 2)."),
      );
    },
  );
});
