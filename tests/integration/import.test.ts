// Bulk import against a real database: the real export's rows, Lens.org records, hostile files, the
// all-or-nothing write, and the pool and search right after.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { assessPatents } from "~/models/assessment/assessment.server";
import {
  analyseImport,
  cancelImport,
  confirmImport,
  createImport,
  getImportFor,
  importRejections,
  remapImport,
  sweepImports,
} from "~/models/import/patent-import.server";
import { rejectionReportCsv } from "~/models/import/report";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";
import { action as uploadAction } from "~/routes/university.import._index";
import { createPatent, createUniversity } from "../helpers/fixtures";

const FIXTURES = path.resolve("tests/fixtures/import");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-import-test-"));
process.env.IMPORT_DIR = path.join(work, "uploads");

let staff: CurrentUser;
let otherStaff: CurrentUser;
let staffCookie: string;
let university: { id: string };
let other: { id: string };

async function userOf(email: string, role: "UNIVERSITY_STAFF" | "SME", organizationId: string) {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "import password",
    role,
    organizationId,
  });
  const cookie = (await startSession(created.id, 1)).split(";")[0];
  return { user: (await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!, cookie };
}

beforeAll(async () => {
  university = await createUniversity("重庆邮电大学", "Chongqing University of Posts and Telecommunications");
  other = await createUniversity("西南大学", "Southwest University");
  ({ user: staff, cookie: staffCookie } = await userOf("tto@import.example", "UNIVERSITY_STAFF", university.id));
  ({ user: otherStaff } = await userOf("tto@other.example", "UNIVERSITY_STAFF", other.id));
});

/** Stages a copy of a file as an upload and runs the preview. */
async function preview(source: string, name = path.basename(source), user = staff) {
  fs.mkdirSync(process.env.IMPORT_DIR!, { recursive: true });
  const staged = path.join(process.env.IMPORT_DIR!, `${Math.random().toString(36).slice(2)}`);
  fs.copyFileSync(source, staged);
  const record = await createImport(user, { universityId: university.id, fileName: name, filePath: staged });
  await analyseImport(record.id);
  return getImportFor(user, record.id);
}

async function confirmAndWait(importId: string) {
  await confirmImport(staff, importId);
  await expect
    .poll(async () => (await getImportFor(staff, importId)).status, { timeout: 20_000 })
    .not.toBe("IMPORTING");
  return getImportFor(staff, importId);
}

function writeFile(name: string, content: string | Buffer) {
  const file = path.join(work, name);
  fs.writeFileSync(file, content);
  return file;
}

const params = (query: string) => (parseSearchParams(new URLSearchParams(query)) as { params: SearchParams }).params;

describe("importing a university's export", () => {
  it("previews the real 61-column export, writes nothing until confirmed, then imports it whole", async () => {
    const before = await prisma.patent.count();
    const record = await preview(path.join(FIXTURES, "cn-export-sample.csv"));
    expect(record).toMatchObject({
      status: "READY",
      format: "csv",
      encoding: "utf-8",
      rowsRead: 3,
      toAdd: 3,
      toUpdate: 0,
      rejected: 0,
      error: null,
    });
    expect(record.mapping).toMatchObject({
      申请号: "applicationNumber",
      专利名称: "title",
      主权项: "firstClaim",
      法律状态: "legalStatus",
    });
    expect(record.preview[0]).toMatchObject({ line: 2, applicationNumber: "202223220665.2", action: "ADD" });
    expect(await prisma.patent.count()).toBe(before);

    const done = await confirmAndWait(record.id);
    expect(done).toMatchObject({ status: "DONE", added: 3, updated: 0, rejected: 0 });
    const patent = await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: "202223220665.2" } });
    expect(patent).toMatchObject({
      ownerId: university.id,
      type: "UTILITY_MODEL",
      title: "一种无人机机载多功能盒",
      ipcMain: "B64U 20/80",
      legalStatus: "VALID",
      filingDate: new Date("2022-12-02T00:00:00Z"),
      expiresOn: new Date("2032-12-02T00:00:00Z"),
      transferable: false,
      assessedAt: null,
    });
    expect(patent.inventors).toBe("刘迪; 刘敏; 王煜伟; 付艳波; 王元卓");
    expect(patent.firstClaim.startsWith("1.一种无人机机载多功能盒")).toBe(true);
  });

  it("updates the same patents on a second import and keeps a record with who, when and the counts", async () => {
    const record = await preview(path.join(FIXTURES, "cn-export-sample.csv"));
    expect(record).toMatchObject({ toAdd: 0, toUpdate: 3 });
    const done = await confirmAndWait(record.id);
    expect(done).toMatchObject({ status: "DONE", added: 0, updated: 3 });
    const stored = await prisma.patentImport.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({
      createdById: staff.id,
      fileName: "cn-export-sample.csv",
      organizationId: university.id,
    });
    expect(stored.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(stored.filePath)).toBe(false);
  });

  it("puts imported patents in the pool and search as soon as they are assessed transferable", async () => {
    const patent = await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: "202223220665.2" } });
    expect((await patentSearch().search(params("q=无人机机载多功能盒"))).total).toBe(0);
    await assessPatents(staff, [patent.id], { transferable: true, valueScore: "suggested", maturity: 6 });
    const found = await patentSearch().search(params("q=无人机机载多功能盒"));
    expect(found.items.map((item) => item.id)).toContain(patent.id);
    const assessed = await prisma.patent.findUniqueOrThrow({ where: { id: patent.id } });
    expect(assessed.valueScore).toBeGreaterThan(0);
    expect(assessed.maturity).toBe(6);
  });

  it("assesses only the university's own patents, and asks why a patent is left out", async () => {
    const own = await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: "202122975192.6" } });
    const theirs = await createPatent({ ownerId: other.id, title: "别校待评估专利" });
    await expect(assessPatents(staff, [own.id], { transferable: false })).rejects.toMatchObject({
      code: "REASON_REQUIRED",
      status: 400,
    });
    await expect(assessPatents(staff, [own.id, theirs.id], { transferable: true })).rejects.toMatchObject({
      status: 403,
    });
    expect((await prisma.patent.findUniqueOrThrow({ where: { id: own.id } })).assessedAt).toBeNull();
    await assessPatents(staff, [own.id], { transferable: false, note: "已许可他人独占实施" });
    expect(await prisma.patent.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      transferable: false,
      transferableNote: "已许可他人独占实施",
    });
    // A lapsed patent leaves the pool even when it was assessed transferable.
    const pooled = await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: "202223220665.2" } });
    await prisma.patent.update({ where: { id: pooled.id }, data: { legalStatus: "LAPSED" } });
    expect((await patentSearch().search(params("q=无人机机载多功能盒"))).items.map((item) => item.id)).not.toContain(
      pooled.id,
    );
    await prisma.patent.update({ where: { id: pooled.id }, data: { legalStatus: "VALID" } });
  });

  it("reads Lens.org records: completes check characters and refuses a foreign application", async () => {
    const record = await preview(path.join(FIXTURES, "lens-sample.jsonl"));
    expect(record).toMatchObject({ format: "json", rowsRead: 4, toAdd: 3, rejected: 1 });
    expect(record.rejections.map((r) => [r.line, r.problems.map((p) => `${p.code}:${p.column}`)])).toEqual([
      [4, ["NOT_CHINESE:filingNumber", "DATE:filingDate", "DATE:publicationDate"]],
    ]);
    const done = await confirmAndWait(record.id);
    expect(done.added).toBe(3);
    // Filed in 2004, so past its 20-year term without a legal status in the file.
    expect(await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: "200410080367.5" } })).toMatchObject({
      type: "INVENTION",
      legalStatus: "EXPIRED",
      ipcMain: "A61K 39/215",
    });
  });

  it("reads GB18030 and XLSX files", async () => {
    const gb = await preview(path.join(FIXTURES, "cn-export-gb18030.csv"));
    expect(gb.encoding).toBe("gb18030");
    expect(gb.headers).toContain("申请号");
    const xlsx = await preview(path.join(FIXTURES, "patents.xlsx"));
    expect(xlsx.format).toBe("xlsx");
    expect(xlsx.headers).toContain("申请号");
    for (const record of [gb, xlsx]) await cancelImport(staff, record.id);
  });
});

describe("hostile files", () => {
  const header = "申请号,专利名称,申请日,主分类号,申请摘要";
  it("rejects each bad row with its line and reason and imports the rest", async () => {
    const taken = await createPatent({ ownerId: other.id, title: "别校的专利", applicationNumber: "202310605823.6" });
    const file = writeFile(
      "hostile.csv",
      [
        header,
        "CN202211740332.4,一种好的发明,20221230,G06F40/289,正常",
        'CN202211359874.7,"跨两行的\n名称",20221102,H04L43/02,正常',
        "CN202211740332.5,校验位错误,20221230,G06F40/289,",
        "CN202211740332.4,重复的申请号,20221230,G06F40/289,",
        `CN202121635235.X,超长摘要,20210715,H04N7/18,${"长".repeat(10_000)}`,
        "CN202121635426.6,=cmd|' /C calc'!A0,20210715,G01N33/00,公式注入",
        "CN202121741650.3,,20210728,G01N33/00,缺名称",
        `CN${taken.applicationNumber},别校的专利,20230523,G06F18/2321,`,
        "CN202121762003.0,日期错误,2021-02-30,B64C39/02,",
        'CN202121751980.0,公式写在分类号里,20210730,"=HYPERLINK(""http://x"")",',
      ].join("\n"),
    );
    const record = await preview(file);
    expect(record).toMatchObject({ status: "READY", rowsRead: 10, toAdd: 3, rejected: 7 });
    const reasons = Object.fromEntries(record.rejections.map((r) => [r.line, r.problems.map((p) => p.code).join(",")]));
    // Line 3's quoted name spans two lines, so the rows after it start one line later.
    expect(reasons).toEqual({
      5: "APPLICATION_NUMBER",
      6: "DUPLICATE",
      7: "TOO_LONG",
      9: "REQUIRED",
      10: "OTHER_OWNER",
      11: "DATE",
      12: "IPC",
    });
    expect(record.rejections.find((r) => r.line === 6)!.problems[0].detail).toBe("2");

    const done = await confirmAndWait(record.id);
    expect(done).toMatchObject({ added: 3, rejected: 7 });
    // A formula is imported as text…
    expect((await prisma.patent.findUniqueOrThrow({ where: { applicationNumber: "202121635426.6" } })).title).toBe(
      "=cmd|' /C calc'!A0",
    );
    // …and exported escaped in the rejection report.
    const report = rejectionReportCsv((await importRejections(staff, record.id)).rejections, "en");
    expect(report.charCodeAt(0)).toBe(0xfeff);
    expect(report).toContain("'=HYPERLINK");
    expect(report).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(report.split("\r\n")[0]).toBe("\uFEFFLine,Column,Problem,Value,Detail");
    // The other university's patent is untouched.
    expect((await prisma.patent.findUniqueOrThrow({ where: { id: taken.id } })).ownerId).toBe(other.id);
  });

  it("refuses an empty file, a file without a header row and one in neither UTF-8 nor GB18030", async () => {
    expect(await preview(path.join(FIXTURES, "empty.csv"))).toMatchObject({
      status: "FAILED",
      error: "import.file.EMPTY",
    });
    expect(await preview(path.join(FIXTURES, "headerless.csv"))).toMatchObject({
      status: "FAILED",
      error: "import.file.NO_HEADER",
    });
    expect(await preview(path.join(FIXTURES, "latin1.csv"))).toMatchObject({
      status: "FAILED",
      error: "import.file.ENCODING",
    });
  });

  it("asks for the columns it needs, and a mapping chosen by hand makes the preview again", async () => {
    const file = writeFile(
      "own-headers.csv",
      "编号,名字,提交日期,分类\nCN202310605823.6,一种手工映射的发明,20230523,G06F18/2321\n",
    );
    const record = await preview(file);
    expect(record).toMatchObject({
      status: "READY",
      error: "import.missingColumns",
      errorDetail: "applicationNumber,title,filingDate",
    });
    await expect(confirmImport(staff, record.id)).rejects.toMatchObject({ status: 409 });
    await expect(
      remapImport(staff, record.id, { 编号: "applicationNumber", 名字: "applicationNumber" }),
    ).rejects.toMatchObject({ status: 400 });
    await remapImport(staff, record.id, {
      编号: "applicationNumber",
      名字: "title",
      提交日期: "filingDate",
      分类: "ipcMain",
    });
    await expect.poll(async () => (await getImportFor(staff, record.id)).status).toBe("READY");
    // That number belongs to the other university's patent made above.
    expect(await getImportFor(staff, record.id)).toMatchObject({ error: null, rowsRead: 1, rejected: 1 });
  });

  it("writes nothing when the import fails half-way", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const digits = `2024100${String(i).padStart(5, "0")}`;
      const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
      const check = [...digits].reduce((sum, d, j) => sum + Number(d) * weights[j], 0) % 11;
      return `CN${digits}.${check === 10 ? "X" : check},批量导入的发明${i},20240101,G06F16/00,摘要`;
    });
    const file = writeFile("half.csv", [header, ...rows].join("\n"));
    const record = await preview(file);
    expect(record.toAdd).toBe(1200);
    // The file changes on disk after the preview: its last line is no longer text.
    const staged = (await prisma.patentImport.findUniqueOrThrow({ where: { id: record.id } })).filePath;
    fs.appendFileSync(staged, Buffer.from([0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x2c, 0x81]));
    const before = await prisma.patent.count();
    const done = await confirmAndWait(record.id);
    expect(done.status).toBe("FAILED");
    expect(await prisma.patent.count()).toBe(before);
    expect(await prisma.patent.count({ where: { title: { startsWith: "批量导入的发明" } } })).toBe(0);
  });

  it("makes a large import searchable at once", async () => {
    await patentSearch().search(params("")); // a running server's index, loaded before the import
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const digits = `2024100${String(5000 + i).padStart(5, "0")}`;
      const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
      const check = [...digits].reduce((sum, d, j) => sum + Number(d) * weights[j], 0) % 11;
      return `CN${digits}.${check === 10 ? "X" : check},大批量可转化的发明${i},20240101,G06F16/00,摘要,是`;
    });
    const record = await preview(writeFile("large.csv", [`${header},可转化`, ...rows].join("\n")));
    expect((await confirmAndWait(record.id)).added).toBe(1200);
    expect((await patentSearch().search(params(`q=${encodeURIComponent("大批量可转化")}`))).total).toBe(1200);
  });

  it("keeps other universities' staff out of an import", async () => {
    const record = await preview(path.join(FIXTURES, "cn-export-sample.csv"));
    await expect(getImportFor(otherStaff, record.id)).rejects.toMatchObject({ status: 404 });
    await expect(confirmImport(otherStaff, record.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      createImport(otherStaff, {
        universityId: university.id,
        fileName: "x.csv",
        filePath: path.join(FIXTURES, "empty.csv"),
      }),
    ).rejects.toMatchObject({ status: 403 });
    await cancelImport(staff, record.id);
  });

  it("refuses an upload over the size limit before reading it", async () => {
    const body = new FormData();
    body.set("file", new Blob([Buffer.alloc(1024)]), "big.csv");
    const request = new Request("http://localhost/university/import", {
      method: "POST",
      headers: {
        Cookie: staffCookie,
        Origin: "http://localhost",
        Host: "localhost",
        "Content-Length": String(50 * 1024 * 1024),
      },
      body,
    });
    const response = (await uploadAction({ request, params: {}, context: {} })) as unknown as {
      init: { status: number };
      data: { error: string };
    };
    expect(response.init.status).toBe(413);
    expect(response.data.error).toBe("import.tooLarge");
  });
});

describe("limits and leftovers", () => {
  const header = "申请号,专利名称,申请日,主分类号";
  const uploads = () => fs.readdirSync(process.env.IMPORT_DIR!);

  it("keeps the first 1,000 rejections with their reasons, counts the rest, and the report says how many more", async () => {
    const file = path.join(work, "bad-rows.csv");
    fs.writeFileSync(
      file,
      [header, ...Array.from({ length: 5_000 }, (_, i) => `CN${i},坏行${i},20240101,G06F16/00`)].join("\n"),
    );
    const record = await preview(file);
    expect(record).toMatchObject({ status: "READY", rowsRead: 5_000, rejected: 5_000, toAdd: 0 });
    const { rejections, notListed } = await importRejections(staff, record.id);
    expect(rejections).toHaveLength(1_000);
    expect(rejections[0].line).toBe(2);
    expect(rejections.at(-1)!.line).toBe(1_001);
    expect(notListed).toBe(4_000);
    expect(rejectionReportCsv(rejections, "en", notListed).trimEnd().split("\r\n").at(-1)).toBe(
      ",,4000 more rejected rows are not listed one by one.,,",
    );
    expect(rejectionReportCsv(rejections, "zh", notListed)).toContain("另有 4000 行被拒绝");
    await cancelImport(staff, record.id);
  });

  it("refuses a file over the row limit and deletes it", async () => {
    process.env.IMPORT_MAX_ROWS = "100";
    try {
      const file = path.join(work, "long.csv");
      fs.writeFileSync(
        file,
        [header, ...Array.from({ length: 101 }, (_, i) => `CN${i},行${i},20240101,G06F16/00`)].join("\n"),
      );
      const record = await preview(file);
      expect(record).toMatchObject({ status: "FAILED", error: "import.file.TOO_MANY_ROWS", errorParams: { max: 100 } });
      const stored = await prisma.patentImport.findUniqueOrThrow({ where: { id: record.id } });
      expect(fs.existsSync(stored.filePath)).toBe(false);
    } finally {
      delete process.env.IMPORT_MAX_ROWS;
    }
  });

  it("deletes the upload of a failed import", async () => {
    const file = path.join(work, "dup-columns.csv");
    fs.writeFileSync(file, "申请号,专利名称,申请号\nCN1,x,CN2\n");
    const record = await preview(file);
    expect(record).toMatchObject({
      status: "FAILED",
      error: "import.file.DUPLICATE_COLUMN",
      errorParams: { name: "申请号", first: 1, second: 3 },
    });
    expect(fs.existsSync((await prisma.patentImport.findUniqueOrThrow({ where: { id: record.id } })).filePath)).toBe(
      false,
    );
  });

  it("sweeps uploads older than a day and cancels imports left waiting a day", async () => {
    const record = await preview(path.join(FIXTURES, "cn-export-sample.csv"));
    const stored = await prisma.patentImport.findUniqueOrThrow({ where: { id: record.id } });
    const stray = path.join(process.env.IMPORT_DIR!, "stray-upload");
    fs.writeFileSync(stray, "left by a crash");
    expect(await sweepImports()).toBe(0);
    expect(fs.existsSync(stray)).toBe(true);
    const dayLater = new Date(Date.now() + 25 * 3_600_000);
    expect(await sweepImports(dayLater)).toBeGreaterThanOrEqual(2);
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.existsSync(stored.filePath)).toBe(false);
    expect((await getImportFor(staff, record.id)).status).toBe("CANCELLED");
  });

  it("refuses a request with several file parts and keeps none of them", async () => {
    const before = uploads();
    const body = new FormData();
    for (const name of ["a.csv", "b.csv", "c.csv"])
      body.append("file", new Blob([fs.readFileSync(path.join(FIXTURES, "cn-export-sample.csv"))]), name);
    const request = new Request("http://localhost/university/import", {
      method: "POST",
      headers: { Cookie: staffCookie, Origin: "http://localhost", Host: "localhost" },
      body,
    });
    const response = (await uploadAction({ request, params: {}, context: {} })) as unknown as {
      init: { status: number };
      data: { error: string };
    };
    expect(response.init.status).toBe(400);
    expect(response.data.error).toBe("import.oneFile");
    expect(uploads()).toEqual(before);
  });
});

describe("reading a big file", () => {
  it(
    "never holds other work up for more than ~100 ms while 150,000 rows are checked",
    { timeout: 180_000 },
    async () => {
      const file = path.join(work, "big.csv");
      fs.writeFileSync(
        file,
        [
          "申请号,专利名称,申请日,主分类号",
          ...Array.from({ length: 150_000 }, (_, i) => `CN${i},一种装置${i},20240101,G06F16/00`),
        ].join("\n"),
      );
      // A timer every 5 ms: the time between two of its turns is how long everything else waited. On a loaded machine
      // much of a wait is the process not being scheduled at all, so a wait counts only the CPU time spent in it.
      let last = performance.now();
      let lastCpu = process.cpuUsage();
      let longestWaitMs = 0;
      let longestBusyMs = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        const cpu = process.cpuUsage(lastCpu);
        longestWaitMs = Math.max(longestWaitMs, now - last);
        longestBusyMs = Math.max(longestBusyMs, Math.min(now - last, (cpu.user + cpu.system) / 1000));
        last = now;
        lastCpu = process.cpuUsage();
      }, 5);
      const startedAt = performance.now();
      const record = await preview(file);
      clearInterval(timer);
      console.info(
        `150,000 rows checked in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; other work waited at most ${longestBusyMs.toFixed(0)} ms of CPU (${longestWaitMs.toFixed(0)} ms of wall time)`,
      );
      expect(record).toMatchObject({ status: "READY", rowsRead: 150_000, rejected: 150_000 });
      // Reading gives way every 20 ms; the margin is for garbage collection on a loaded machine.
      expect(longestBusyMs).toBeLessThan(150);
      await cancelImport(staff, record.id);
    },
  );
});
