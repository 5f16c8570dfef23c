import { describe, expect, it } from "vitest";
import { messageIn } from "~/lib/i18n";
import { applicationCheckCharacter, isPublicationNumber, normalizeIpc, parseApplicationNumber } from "./identifiers";

describe("application numbers", () => {
  it("accepts the real numbers of the sample export in every written form", () => {
    for (const form of [
      "CN202223220665.2",
      "202223220665.2",
      "ZL202223220665.2",
      "cn 202223220665.2",
      "2022232206652",
    ]) {
      expect(parseApplicationNumber(form)).toEqual({
        ok: true,
        normalized: "202223220665.2",
        year: 2022,
        typeDigit: "2",
      });
    }
    expect(parseApplicationNumber("CN202122975192.6").ok).toBe(true);
  });

  it("writes a check value of 10 as X", () => {
    // Found by search: the first serial after 202110000000 whose weighted sum is 10 mod 11.
    const digits = Array.from({ length: 200 }, (_, i) => `2021100${String(i).padStart(5, "0")}`).find(
      (d) => applicationCheckCharacter(d) === "X",
    )!;
    expect(parseApplicationNumber(`${digits}.X`).ok).toBe(true);
    expect(parseApplicationNumber(`${digits}.0`)).toMatchObject({ ok: false });
  });

  it("refuses a wrong check character, type digit, year or shape with the reason", () => {
    const reason = (input: string, language: "zh" | "en" = "en") => {
      const parsed = parseApplicationNumber(input);
      return parsed.ok ? null : messageIn(language, parsed.reason);
    };
    expect(reason("CN202223220665.3")).toBe("the check character is 3 but should be 2");
    expect(reason("CN202223220665.3", "zh")).toBe("校验位是 3，应为 2");
    expect(reason("CN202243220665.2")).toContain("type digit 4");
    expect(reason("CN199913220665.2")).toContain("1999");
    expect(reason("CN199913220665.2", "zh")).toBe("申请年份 1999 超出范围");
    expect(parseApplicationNumber("CN2022232206.2")).toMatchObject({ ok: false });
    expect(parseApplicationNumber("")).toMatchObject({ ok: false });
  });
});

it("recognises publication numbers by their kind code", () => {
  expect(isPublicationNumber("CN218751475U")).toBe(true);
  expect(isPublicationNumber("CN113123456A")).toBe(true);
  expect(isPublicationNumber("CN11312345A")).toBe(false);
});

it("writes IPC groups one way and refuses what is not a group", () => {
  expect(normalizeIpc("h01m10/052")).toBe("H01M 10/052");
  expect(normalizeIpc(" G06F 16/00 ")).toBe("G06F 16/00");
  expect(normalizeIpc("A01B 001/02")).toBe("A01B 1/02");
  expect(normalizeIpc("H01M")).toBeNull();
  expect(normalizeIpc("Z01M 10/052")).toBeNull();
});
