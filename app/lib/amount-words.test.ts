import { describe, expect, it } from "vitest";
import { basisPointsInWords, fenInChineseWords, fenInEnglishWords, integerInEnglishWords } from "./amount-words";

describe("amounts in words", () => {
  it("writes yuan in Chinese financial numerals with the zeros a reader says", () => {
    expect(fenInChineseWords(5_000_000)).toBe("人民币伍万元整");
    expect(fenInChineseWords(50_000_000)).toBe("人民币伍拾万元整");
    expect(fenInChineseWords(105_000_000)).toBe("人民币壹佰零伍万元整");
    expect(fenInChineseWords(100_500)).toBe("人民币壹仟零伍元整");
    expect(fenInChineseWords(1_000_000_000_00)).toBe("人民币壹拾亿元整");
    expect(fenInChineseWords(10_000_600)).toBe("人民币壹拾万零陆元整");
    expect(fenInChineseWords(12_345)).toBe("人民币壹佰贰拾叁元肆角伍分");
    expect(fenInChineseWords(10_005)).toBe("人民币壹佰元零伍分");
    expect(fenInChineseWords(50)).toBe("人民币伍角");
    expect(fenInChineseWords(0)).toBe("人民币零元整");
  });

  it("writes amounts in English words", () => {
    expect(fenInEnglishWords(5_000_000)).toBe("fifty thousand yuan");
    expect(fenInEnglishWords(125_000_000)).toBe("one million two hundred and fifty thousand yuan");
    expect(fenInEnglishWords(12_345)).toBe("one hundred and twenty-three yuan and forty-five fen");
    expect(integerInEnglishWords(1_000_001)).toBe("one million one");
  });

  it("writes royalty rates in words", () => {
    expect(basisPointsInWords(350, "zh")).toBe("百分之三点五");
    expect(basisPointsInWords(1200, "zh")).toBe("百分之十二");
    expect(basisPointsInWords(5, "zh")).toBe("百分之零点零五");
    expect(basisPointsInWords(350, "en")).toBe("three point five per cent");
    expect(basisPointsInWords(200, "en")).toBe("two per cent");
  });
});
