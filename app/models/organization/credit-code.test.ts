import { describe, expect, it } from "vitest";
import { messageIn } from "~/lib/i18n";
import { creditCodeCheckCharacter, parseCreditCode } from "./credit-code";

describe("unified social credit codes", () => {
  it("accepts a code whose check character is right and computes it", () => {
    // A company (91) registered in Chongqing (500000).
    expect(creditCodeCheckCharacter("91500000202847456")).toBe("W");
    expect(parseCreditCode("91500000202847456w")).toEqual({ ok: true, normalized: "91500000202847456W" });
  });

  it("refuses letters outside the alphabet, wrong length and a wrong check character", () => {
    const reason = (input: string, language: "zh" | "en" = "en") => {
      const parsed = parseCreditCode(input);
      return parsed.ok ? null : messageIn(language, parsed.reason);
    };
    expect(reason("91500000202847456X")).toContain("should be W");
    expect(reason("91500000202847456X", "zh")).toBe("校验位是 X，应为 W");
    expect(reason("9150000020284745OW")).toContain("“O”");
    expect(reason("915000", "zh")).toBe("统一社会信用代码应为 18 位");
    expect(parseCreditCode("915000")).toMatchObject({ ok: false });
  });
});
