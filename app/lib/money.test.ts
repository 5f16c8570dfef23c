import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

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
