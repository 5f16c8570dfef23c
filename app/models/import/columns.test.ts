import { describe, expect, it } from "vitest";
import { missingTargets, parseDate, parseImportedApplicationNumber, parseImportRow, recognizeColumns } from "./columns";

// The header of a real 61-column CNIPA-database export (DOMAIN.md, data/samples).
const EXPORT_HEADER =
  "序号,申请日,公开日,授权公告日,申请人,发明人,申请号,公开号,授权公告号,专利类型,专利名称,授权名称,申请摘要,主权项,申请人地址,法律状态,主分类号,分类号,国省代码,专利代理人,专利代理机构,优先权,优先权日,优先权数量,全文链接,第一发明人,第一权利人,申请人类型,当前发明人,当前权利人,当前著录项联系人通讯地址,当前专利代理人,当前专利代理机构,变更前代理机构,法律事件,引证专利,非专利引证,引证数,同族专利,专利转移次数,许可次数,质押次数,简单同族数量,转让日期,失效日期,质押日期,许可日期,无效宣告日期,CPC主分类号,CPC分类号,FI主分类号,FI分类号,国际申请号,国际申请日,国际公开号,国际公开日,进入国家日期,颁证日,审查员,审查时长,实质审查日".split(
    ",",
  );
const NOW = new Date("2026-11-24T00:00:00Z");

describe("recognising an export's columns", () => {
  it("maps the Chinese export's columns and leaves the rest for the user", () => {
    const mapping = recognizeColumns(EXPORT_HEADER);
    expect(mapping).toMatchObject({
      申请号: "applicationNumber",
      专利名称: "title",
      申请摘要: "abstract",
      主权项: "firstClaim",
      申请日: "filingDate",
      公开号: "publicationNumber",
      公开日: "publicationDate",
      授权公告号: "grantNumber",
      授权公告日: "grantDate",
      专利类型: "type",
      主分类号: "ipcMain",
      分类号: "ipcOthers",
      发明人: "inventors",
      法律状态: "legalStatus",
      授权名称: null,
      当前发明人: null,
      CPC主分类号: null,
    });
    expect(missingTargets(mapping)).toEqual([]);
  });

  it("maps English and Lens.org names, and reports what a file lacks", () => {
    const mapping = recognizeColumns(["Application Number", "Title", "Filing Date", "IPC", "keywords_en"]);
    expect(mapping).toEqual({
      "Application Number": "applicationNumber",
      Title: "title",
      "Filing Date": "filingDate",
      IPC: "ipcOthers",
      keywords_en: "keywordsEn",
    });
    expect(missingTargets(recognizeColumns(["filingNumber", "title"]))).toEqual(["filingDate"]);
  });
});

describe("reading one row", () => {
  const headers = [
    "申请号",
    "专利名称",
    "申请日",
    "授权公告日",
    "专利类型",
    "主分类号",
    "分类号",
    "发明人",
    "法律状态",
    "申请摘要",
  ];
  const mapping = recognizeColumns(headers);
  const row = (overrides: Record<string, string> = {}) => {
    const cells: Record<string, string> = {
      申请号: "CN202223220665.2",
      专利名称: "一种无人机机载多功能盒",
      申请日: "20221202",
      授权公告日: "20230328",
      专利类型: "实用新型",
      主分类号: "B64U20/80",
      分类号: "B64U20/80;B64U101/30",
      发明人: "刘迪;刘敏;王煜伟",
      法律状态: "有权-审定授权",
      申请摘要: "摘要",
      ...overrides,
    };
    return parseImportRow(
      headers.map((h) => cells[h]),
      headers,
      mapping,
      NOW,
    );
  };

  it("turns a real export row into a patent", () => {
    const parsed = row();
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.patent).toMatchObject({
      applicationNumber: "202223220665.2",
      type: "UTILITY_MODEL",
      filingDate: new Date("2022-12-02T00:00:00Z"),
      expiresOn: new Date("2032-12-02T00:00:00Z"),
      fields: {
        title: "一种无人机机载多功能盒",
        grantDate: new Date("2023-03-28T00:00:00Z"),
        ipcMain: "B64U 20/80",
        ipcOthers: "B64U 101/30",
        inventors: "刘迪; 刘敏; 王煜伟",
        legalStatus: "VALID",
      },
    });
  });

  it("reads export wordings of type and status", () => {
    const ok = (overrides: Record<string, string>) => {
      const parsed = row(overrides);
      return parsed.ok ? parsed.patent : parsed.problems;
    };
    expect(
      ok({ 申请号: "CN202211359874.7", 专利类型: "发明公开;发明授权", 法律状态: "审中-实质审查", 授权公告日: "0" }),
    ).toMatchObject({ type: "INVENTION", fields: { legalStatus: "PENDING", grantDate: null } });
    expect(ok({ 法律状态: "无权-视为撤回" })).toMatchObject({ fields: { legalStatus: "WITHDRAWN" } });
    expect(ok({ 法律状态: "无权-未缴年费" })).toMatchObject({ fields: { legalStatus: "TERMINATED" } });
    expect(ok({ 法律状态: "" })).toMatchObject({ defaultLegalStatus: "VALID" });
  });

  it("names every problem: check character, date, type against the number, IPC, status, length", () => {
    const problems = (overrides: Record<string, string>) => {
      const parsed = row(overrides);
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.code}:${p.column}`);
    };
    expect(problems({ 申请号: "CN202223220665.3" })).toEqual(["APPLICATION_NUMBER:申请号"]);
    expect(problems({ 申请日: "2022-02-30" })).toEqual(["DATE:申请日"]);
    expect(problems({ 专利类型: "发明" })).toEqual(["TYPE_MISMATCH:专利类型"]);
    expect(problems({ 主分类号: "B64U-20" })).toEqual(["IPC:主分类号"]);
    expect(problems({ 分类号: "B64U20/80;XYZ" })).toEqual(["IPC:分类号"]);
    expect(problems({ 法律状态: "火星" })).toEqual(["LEGAL_STATUS:法律状态"]);
    expect(problems({ 专利名称: "" })).toEqual(["REQUIRED:专利名称"]);
    expect(problems({ 申请摘要: "长".repeat(10_000) })).toEqual(["TOO_LONG:申请摘要"]);
    expect(problems({ 授权公告日: "20200101" })).toEqual(["GRANT_BEFORE_FILING:授权公告日"]);
    expect(problems({ 申请号: "US 2004123456 A" })).toEqual(["NOT_CHINESE:申请号"]);
  });

  it("takes a row without any IPC code, leaving the main IPC unset, and the main IPC from the list when only it is given", () => {
    const three = ["申请号", "专利名称", "申请日"];
    const parsed = parseImportRow(
      ["CN202223220665.2", "一种无人机机载多功能盒", "2022-12-02"],
      three,
      recognizeColumns(three),
      NOW,
    );
    expect(parsed).toMatchObject({
      ok: true,
      patent: { type: "UTILITY_MODEL", filingDate: new Date("2022-12-02T00:00:00Z"), defaultLegalStatus: "PENDING" },
    });
    expect(parsed.ok && "ipcMain" in parsed.patent.fields).toBe(false);
    expect(row({ 主分类号: "", 分类号: "" })).toMatchObject({ ok: true });
    expect(row({ 主分类号: "" })).toMatchObject({
      ok: true,
      patent: { fields: { ipcMain: "B64U 20/80", ipcOthers: "B64U 101/30" } },
    });
  });

  it("keeps a formula-like cell as plain text", () => {
    const parsed = row({ 专利名称: "=cmd|' /C calc'!A0" });
    expect(parsed.ok && parsed.patent.fields.title).toBe("=cmd|' /C calc'!A0");
  });
});

describe("values as exports write them", () => {
  it("reads dates in several forms and refuses impossible ones", () => {
    expect(parseDate("20221202")).toEqual(new Date("2022-12-02T00:00:00Z"));
    expect(parseDate("2022/12/2")).toEqual(new Date("2022-12-02T00:00:00Z"));
    expect(parseDate("2022年12月2日")).toEqual(new Date("2022-12-02T00:00:00Z"));
    expect(parseDate("2022-12-02T08:00:00Z")).toEqual(new Date("2022-12-02T00:00:00Z"));
    expect(parseDate("0")).toBeNull();
    expect(parseDate("20221232")).toBe("invalid");
  });

  it("completes a Lens application number's check character", () => {
    expect(parseImportedApplicationNumber("CN 200410080367 A")).toEqual({
      ok: true,
      normalized: "200410080367.5",
      typeDigit: "1",
    });
    expect(parseImportedApplicationNumber("ZL202223220665.2")).toMatchObject({
      ok: true,
      normalized: "202223220665.2",
    });
  });
});
