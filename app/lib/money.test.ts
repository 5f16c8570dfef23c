import { describe, expect, it } from "vitest";
import { fenToYuan, formatMoney, parseYuan, yuanToFen } from "./money";

describe("formatMoney", () => {
  it("shows every Chinese amount in 万元 with two decimals, round or not", () => {
    expect(formatMoney(50_000_000, "zh")).toBe("50.00 万元");
    expect(formatMoney(192_327_900, "zh")).toBe("192.33 万元");
    expect(formatMoney(1_234_567_800_00, "zh")).toBe("123,456.78 万元");
    expect(formatMoney(0, "zh")).toBe("0.00 万元");
  });

  it("says a sum under 50 元 is under 0.01 万元 instead of showing nothing", () => {
    expect(formatMoney(3_500, "zh")).toBe("< 0.01 万元");
    expect(formatMoney(5_000, "zh")).toBe("0.01 万元");
  });

  it("shows English amounts in yuan with two decimals", () => {
    expect(formatMoney(50_000_000, "en")).toBe("CNY 500,000.00");
    expect(formatMoney(3_505, "en")).toBe("CNY 35.05");
  });
});

describe("yuan and fen", () => {
  it("reads typed yuan exactly into fen, with thousands separators and spaces", () => {
    expect(parseYuan("12,345.67")).toBe(1_234_567);
    expect(parseYuan("400000")).toBe(40_000_000);
    expect(parseYuan("1 234.5")).toBe(123_450);
    expect(parseYuan("1，000")).toBe(100_000);
    expect(parseYuan("0.07")).toBe(7);
    expect(parseYuan("999999999999.99")).toBe(99_999_999_999_999);
  });

  it.each(["", " ", "-5", "1e3", "1.234", ".5", "5.", "abc", "1000000000000", "Infinity"])(
    "refuses %j rather than guessing",
    (text) => {
      expect(parseYuan(text)).toBeNull();
    },
  );

  it("turns a number of yuan into fen rounded to the fen, and back into what a form shows", () => {
    expect(yuanToFen(1234.5)).toBe(123_450);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1_999);
    expect(fenToYuan(123_450)).toBe("1234.5");
    expect(fenToYuan(40_000_000)).toBe("400000");
    expect(fenToYuan(7)).toBe("0.07");
  });
});
