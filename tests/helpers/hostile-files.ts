// Hostile upload files, generated where a test needs them: a zip bomb posing as a workbook, headers of many
// columns, a CSV of bad rows, a large JSON array. Written by streaming, so the test itself stays small.
import { once } from "node:events";
import fs from "node:fs";
import zlib from "node:zlib";

const MEGABYTE = 1024 * 1024;

/** One megabyte of `byte`, deflated and ended with a full flush: copies of it join into one valid raw deflate
 * stream (closed by an empty final block), about 1 KB per inflated megabyte. */
function compressedMegabyte(byte = 0x61): Promise<Buffer> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => chunks.push(chunk));
  deflater.write(Buffer.alloc(MEGABYTE, byte));
  return new Promise((resolve) => deflater.flush(zlib.constants.Z_FULL_FLUSH, () => resolve(Buffer.concat(chunks))));
}

interface ZipPart {
  name: string;
  data: Buffer;
  method: 0 | 8;
  inflatedSize: number;
}

function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(0, 14); // CRC: not checked before the refusal
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.inflatedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.inflatedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const stored = (name: string, text: string): ZipPart => ({
  name,
  data: Buffer.from(text),
  method: 0,
  inflatedSize: Buffer.byteLength(text),
});

/**
 * A workbook of about 1 MB whose `part` (xl/sharedStrings.xml or the worksheet) inflates to `megabytes` MB.
 * `declared`: the inflated size its ZIP headers state: "true" (honest), or "small" (a lie of 1 KB).
 */
export async function writeXlsxBomb(
  file: string,
  options: { megabytes?: number; part?: "sharedStrings" | "sheet"; declared?: "true" | "small" } = {},
) {
  const megabytes = options.megabytes ?? 1024;
  const piece = await compressedMegabyte();
  const bombData = Buffer.concat([...Array<Buffer>(megabytes).fill(piece), zlib.deflateRawSync(Buffer.alloc(0))]);
  const bombName = options.part === "sheet" ? "xl/worksheets/sheet1.xml" : "xl/sharedStrings.xml";
  const bomb: ZipPart = {
    name: bombName,
    data: bombData,
    method: 8,
    inflatedSize: options.declared === "small" ? 1024 : megabytes * MEGABYTE,
  };
  const sheet = stored(
    "xl/worksheets/sheet1.xml",
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
  );
  const parts = [
    stored(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    stored(
      "xl/workbook.xml",
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    stored(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    options.part === "sheet" ? bomb : sheet,
    ...(options.part === "sheet" ? [] : [bomb]),
  ];
  fs.writeFileSync(file, zip(parts));
}

/** Writes `lines` produced one at a time, respecting the stream's back-pressure. */
export async function writeLines(file: string, count: number, line: (i: number) => string, first?: string) {
  const output = fs.createWriteStream(file);
  if (first !== undefined) output.write(`${first}\n`);
  let batch = "";
  for (let i = 0; i < count; i++) {
    batch += `${line(i)}\n`;
    if (batch.length >= 64 * 1024) {
      if (!output.write(batch)) await once(output, "drain");
      batch = "";
    }
  }
  output.end(batch);
  await once(output, "finish");
}

/** A header of `columns` names (`name(i)`), and one data row as wide. */
export async function writeWideCsv(file: string, columns: number, name: (i: number) => string) {
  const output = fs.createWriteStream(file);
  for (const row of [name, (i: number) => String(i)]) {
    let batch = "";
    for (let i = 0; i < columns; i++) {
      batch += (i === 0 ? "" : ",") + row(i);
      if (batch.length >= 64 * 1024) {
        if (!output.write(batch)) await once(output, "drain");
        batch = "";
      }
    }
    output.write(`${batch}\n`);
  }
  output.end();
  await once(output, "finish");
}

/** A JSON array of at least `megabytes` MB of patent-like objects (one per line). */
export async function writeJsonArray(file: string, megabytes: number) {
  const output = fs.createWriteStream(file);
  output.write("[\n");
  const abstract = "本发明公开了一种无人机机载多功能盒，包括内盒、外盒和内部电路。".repeat(4);
  let written = 0;
  for (let i = 0; written < megabytes * MEGABYTE; i++) {
    const object = JSON.stringify({
      申请号: `CN2024${String(i).padStart(6, "0")}.X`,
      专利名称: `一种装置${i}`,
      申请日: "2024-01-02",
      主分类号: "G06F16/00",
      摘要: abstract,
    });
    const text = `${i === 0 ? "" : ",\n"}${object}`;
    written += Buffer.byteLength(text);
    if (!output.write(text)) await once(output, "drain");
  }
  output.end("\n]\n");
  await once(output, "finish");
}
