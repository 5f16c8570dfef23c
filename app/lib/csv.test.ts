import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV for spreadsheets", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const csv = toCsv(["高校", "交易数"], [["重庆大学", 95]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("高校,交易数\r\n重庆大学,95\r\n");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });

  it("keeps formulas from running: text starting with = + - @ is prefixed, numbers are not", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(null)).toBe("");
  });
});
