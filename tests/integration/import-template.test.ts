// Imports staff can finish alone: the template (CSV and Excel) reads back as every column recognised, a file of
// application number, title and filing date imports with the main IPC left for later, and a file whose
// required columns have names of their own is finished by choosing its columns.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { replyErrors, type FormReply } from "~/lib/form-action.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { recognizeColumns, missingTargets } from "~/models/import/columns";
import { openRowSource } from "~/models/import/file-reader.server";
import {
  analyseImport,
  assignRequiredColumns,
  confirmImport,
  createImport,
  getImportFor,
} from "~/models/import/patent-import.server";
import { TEMPLATE_COLUMNS } from "~/models/import/template";
import { applicationCheckCharacter } from "~/models/patent/identifiers";
import { action as importAction } from "~/routes/university.import.$id";
import { loader as templateLoader } from "~/routes/university.import.template";
import { createEnterprise, createUniversity } from "../helpers/fixtures";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-import-template-"));
process.env.IMPORT_DIR = path.join(work, "uploads");

let staff: CurrentUser;
let staffCookie: string;
let otherStaff: CurrentUser;
let companyCookie: string;
let university: { id: string };

async function userOf(email: string, role: "UNIVERSITY_STAFF" | "SME", organizationId: string) {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "template password",
    role,
    organizationId,
  });
  const cookie = (await startSession(created.id, 1)).split(";")[0];
  return { user: (await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!, cookie };
}

beforeAll(async () => {
  university = await createUniversity("重庆交通大学", "Chongqing Jiaotong University");
  const other = await createUniversity("重庆师范大学", "Chongqing Normal University");
  const company = await createEnterprise("模板测试有限公司");
  ({ user: staff, cookie: staffCookie } = await userOf("tto@template.example", "UNIVERSITY_STAFF", university.id));
  ({ user: otherStaff } = await userOf("tto@other-template.example", "UNIVERSITY_STAFF", other.id));
  ({ cookie: companyCookie } = await userOf("sme@template.example", "SME", company.id));
});

/** An invention's application number (type digit 1); with "2" a utility model's. */
const number = (serial: string, typeDigit = "1") =>
  `CN2024${typeDigit}08${serial}.${applicationCheckCharacter(`2024${typeDigit}08${serial}`)}`;

function writeFile(name: string, content: string | Buffer) {
  const file = path.join(work, name);
  fs.writeFileSync(file, content);
  return file;
}

async function preview(source: string, name = path.basename(source)) {
  fs.mkdirSync(process.env.IMPORT_DIR!, { recursive: true });
  const staged = path.join(process.env.IMPORT_DIR!, Math.random().toString(36).slice(2));
  fs.copyFileSync(source, staged);
  const record = await createImport(staff, { universityId: university.id, fileName: name, filePath: staged });
  await analyseImport(record.id);
  return getImportFor(staff, record.id);
}

async function confirmAndWait(importId: string) {
  await confirmImport(staff, importId);
  await expect
    .poll(async () => (await getImportFor(staff, importId)).status, { timeout: 20_000 })
    .not.toBe("IMPORTING");
  return getImportFor(staff, importId);
}

async function template(format: string, cookie = staffCookie, language = "zh") {
  const request = new Request(`http://localhost/university/import/template?format=${format}`, {
    headers: { Cookie: `${cookie}; lang=${language}` },
  });
  return templateLoader({ request, params: {}, context: {} });
}

describe("the import template", () => {
  it("names every column the import reads, each recognised as its own field, in both languages", () => {
    for (const language of ["zh", "en"] as const) {
      const headers = TEMPLATE_COLUMNS.map((column) => column.header[language]);
      const mapping = recognizeColumns(headers);
      expect(Object.fromEntries(TEMPLATE_COLUMNS.map((column) => [column.header[language], column.target]))).toEqual(
        mapping,
      );
      expect(missingTargets(mapping)).toEqual([]);
    }
    expect(TEMPLATE_COLUMNS.filter((column) => column.required).map((column) => column.target)).toEqual([
      "applicationNumber",
      "title",
      "filingDate",
    ]);
  });

  it("downloads as CSV with a byte-order mark for Excel, filled in and imported as it is", async () => {
    const response = (await template("csv")) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(encodeURIComponent("专利导入模板.csv"));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.trim().split("\r\n")).toHaveLength(1);
    expect(text.slice(1).split(",").slice(0, 4)).toEqual(["申请号", "专利名称", "申请日", "主分类号"]);

    // Staff fill in the required cells of one row and leave the rest empty.
    const empties = ",".repeat(TEMPLATE_COLUMNS.length - 3);
    const file = writeFile(
      "filled-template.csv",
      `${text}${number("00001")},一种按模板填写的桥梁检测装置,2024-05-06${empties}\r\n`,
    );
    const record = await preview(file);
    expect(record).toMatchObject({ status: "READY", error: null, rowsRead: 1, toAdd: 1, rejected: 0, withoutIpc: 1 });
  });

  it("downloads as an Excel workbook whose first sheet holds the header row and whose second explains each column", async () => {
    const response = (await template("xlsx", staffCookie, "en")) as Response;
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("Content-Disposition")).toContain("patent-import-template.xlsx");
    const file = writeFile("template.xlsx", Buffer.from(await response.arrayBuffer()));
    // The import's own reader sees the header row and no rows: the explanations are on the second sheet.
    const source = await openRowSource(file, "template.xlsx");
    expect(source.headers).toEqual(TEMPLATE_COLUMNS.map((column) => column.header.en));
    const rows = [];
    for await (const row of source.rows) rows.push(row);
    expect(rows).toEqual([]);

    const { default: excel } = await import("exceljs");
    const workbook = new excel.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Patents", "Columns"]);
    const guide = workbook.getWorksheet("Columns")!;
    expect(guide.getRow(2).values).toEqual([
      undefined,
      "Application number",
      "Required",
      expect.stringContaining("application number"),
      "CN202223220665.2",
    ]);
    expect(guide.rowCount).toBe(TEMPLATE_COLUMNS.length + 1);

    // Filled in Excel: dates typed as dates, the number as text.
    const sheet = workbook.getWorksheet("Patents")!;
    sheet.getRow(2).getCell(1).value = number("00002");
    sheet.getRow(2).getCell(2).value = "一种在 Excel 中填写的隧道通风装置";
    sheet.getRow(2).getCell(3).value = new Date(Date.UTC(2024, 4, 7));
    sheet.getRow(2).getCell(4).value = "E21F 1/00";
    sheet.getRow(2).commit();
    const filled = path.join(work, "filled.xlsx");
    await workbook.xlsx.writeFile(filled);
    const record = await preview(filled);
    expect(record.rejections).toEqual([]);
    expect(record).toMatchObject({ status: "READY", error: null, rowsRead: 1, toAdd: 1, withoutIpc: 0 });
    expect(await confirmAndWait(record.id)).toMatchObject({ status: "DONE", added: 1 });
    expect(
      await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: number("00002").slice(2) } }),
    ).toMatchObject({
      title: "一种在 Excel 中填写的隧道通风装置",
      filingDate: new Date("2024-05-07T00:00:00Z"),
      ipcMain: "E21F 1/00",
      type: "INVENTION",
      ownerId: university.id,
    });
  });

  it("is for university staff, in csv or xlsx", async () => {
    await expect(template("csv", companyCookie)).rejects.toMatchObject({ status: 403 });
    await expect(template("pdf")).rejects.toMatchObject({
      init: { status: 400 },
      data: { error: "import.template.badFormat" },
    });
  });
});

describe("a file with only application number, title and filing date", () => {
  it("imports, the type from the application number and the main IPC left for later; the same file with an IPC column completes it", async () => {
    const rows = [
      `${number("00011")},一种只有三列的路面裂缝识别方法,20240601`,
      `${number("00012", "2")},一种只有三列的护栏,2024/6/2`,
    ];
    const file = writeFile("three-columns.csv", ["申请号,专利名称,申请日", ...rows].join("\n"));
    const record = await preview(file);
    expect(record).toMatchObject({ status: "READY", error: null, rowsRead: 2, toAdd: 2, rejected: 0, withoutIpc: 2 });
    expect(record.sample).toEqual([number("00011"), "一种只有三列的路面裂缝识别方法", "20240601"]);
    expect(await confirmAndWait(record.id)).toMatchObject({ status: "DONE", added: 2, withoutIpc: 2 });
    const patent = await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: number("00011").slice(2) } });
    expect(patent).toMatchObject({
      type: "INVENTION",
      ipcMain: "",
      ipcOthers: "",
      legalStatus: "PENDING",
      expiresOn: new Date("2044-06-01T00:00:00Z"),
      assessedAt: null,
    });
    expect(
      await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: number("00012", "2").slice(2) } }),
    ).toMatchObject({ type: "UTILITY_MODEL", expiresOn: new Date("2034-06-02T00:00:00Z") });

    const withIpc = writeFile(
      "three-columns-ipc.csv",
      ["申请号,专利名称,申请日,主分类号", `${rows[0]},G06T7/00`].join("\n"),
    );
    const again = await preview(withIpc);
    expect(again).toMatchObject({ toAdd: 0, toUpdate: 1, withoutIpc: 0 });
    await confirmAndWait(again.id);
    expect(await prisma.patent.findUniqueOrThrow({ where: { id: patent.id } })).toMatchObject({
      ipcMain: "G06T 7/00",
      title: "一种只有三列的路面裂缝识别方法",
    });
  });
});

describe("choosing the file's columns for the required fields", () => {
  const content = (first: string, second: string) =>
    [
      "No.,Name,Date filed,Remark",
      `${number(first)},一种按列指定导入的桥梁支座,2024-06-21,备注`,
      `${number(second)},一种按列指定导入的隧道衬砌,2024-06-22,`,
    ].join("\n");

  it("asks for each required field with the first row's values, and the chosen columns make the preview again", async () => {
    const record = await preview(writeFile("own-names.csv", content("00021", "00022")));
    expect(record).toMatchObject({
      status: "READY",
      error: "import.missingColumns",
      errorDetail: "applicationNumber,title,filingDate",
      rowsRead: 0,
    });
    expect(record.headers).toEqual(["No.", "Name", "Date filed", "Remark"]);
    expect(record.sample).toEqual([number("00021"), "一种按列指定导入的桥梁支座", "2024-06-21", "备注"]);

    await expect(
      assignRequiredColumns(staff, record.id, { applicationNumber: 0, title: 0, filingDate: 2 }),
    ).rejects.toMatchObject({ status: 400, message: "import.assign.sameColumn" });
    await expect(
      assignRequiredColumns(staff, record.id, { applicationNumber: 0, title: 1, filingDate: 9 }),
    ).rejects.toMatchObject({ status: 400, message: "import.assign.badColumn" });
    await expect(assignRequiredColumns(staff, record.id, { abstract: 3 } as never)).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      assignRequiredColumns(otherStaff, record.id, { applicationNumber: 0, title: 1, filingDate: 2 }),
    ).rejects.toMatchObject({ status: 404 });

    await assignRequiredColumns(staff, record.id, { applicationNumber: 0, title: 1, filingDate: 2 });
    await expect.poll(async () => (await getImportFor(staff, record.id)).status).toBe("READY");
    const ready = await getImportFor(staff, record.id);
    expect(ready).toMatchObject({ error: null, rowsRead: 2, toAdd: 2, rejected: 0, withoutIpc: 2 });
    expect(ready.mapping).toEqual({
      "No.": "applicationNumber",
      Name: "title",
      "Date filed": "filingDate",
      Remark: null,
    });
    expect(await confirmAndWait(record.id)).toMatchObject({ status: "DONE", added: 2 });
  });

  it("through the page's form: a field left unchosen or a column that is not there is refused with a message", async () => {
    const record = await preview(writeFile("own-names-form.csv", content("00031", "00032")));
    const post = async (fields: Record<string, string>) => {
      const body = new URLSearchParams({ intent: "assign", ...fields });
      const request = new Request(`http://localhost/university/import/${record.id}`, {
        method: "POST",
        body,
        headers: {
          Cookie: staffCookie,
          Origin: "http://localhost",
          Host: "localhost",
          "Content-Type": "application/x-www-form-urlencoded",
        },
      });
      const answer = (await importAction({ request, params: { id: record.id }, context: {} })) as unknown as {
        init?: { status: number };
        data?: { result: FormReply };
        result?: FormReply;
      };
      return { status: answer.init?.status ?? 200, errors: replyErrors(answer.data?.result ?? answer.result) };
    };
    expect(await post({ "assign:applicationNumber": "0", "assign:title": "", "assign:filingDate": "2" })).toEqual({
      status: 400,
      errors: { "": "import.assign.badColumn" },
    });
    expect(await post({ "assign:applicationNumber": "zero", "assign:title": "1", "assign:filingDate": "2" })).toEqual({
      status: 400,
      errors: { "": "import.assign.badColumn" },
    });
    expect(await post({ "assign:applicationNumber": "0", "assign:title": "1", "assign:filingDate": "2" })).toEqual({
      status: 200,
      errors: {},
    });
    await expect.poll(async () => (await getImportFor(staff, record.id)).status).toBe("READY");
    expect(await getImportFor(staff, record.id)).toMatchObject({ error: null, toAdd: 2 });
  });
});
