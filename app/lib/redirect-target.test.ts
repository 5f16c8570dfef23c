import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect-target";

describe("safeRedirect", () => {
  it.each([
    ["/patents?q=电池", "/patents?q=%E7%94%B5%E6%B1%A0"],
    ["/patents?q=%E7%94%B5%E6%B1%A0&cluster=NEV", "/patents?q=%E7%94%B5%E6%B1%A0&cluster=NEV"],
    ["/专利", "/%E4%B8%93%E5%88%A9"],
    ["/needs/abc#matches", "/needs/abc#matches"],
    ["/patents?q=http://example.com", "/patents?q=http://example.com"],
    ["/", "/"],
    ["/%E0%A4%A", "/%E0%A4%A"],
  ])("keeps the path %s on this site, encoded", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it.each([
    "/%09/evil.com",
    "/\t/evil.com",
    "/\\evil.com",
    "/%5Cevil.com",
    "/%5cevil.com",
    "//evil.com",
    "///evil.com",
    "/%2F/evil.com",
    "/%2f%2fevil.com",
    "/%252F/evil.com",
    "/a\r\nSet-Cookie: x=1",
    "/a%0d%0aSet-Cookie:%20x=1",
    "/a\u0000b",
    "/a%00b",
    "/\u0085evil",
    "https://evil.com",
    "evil.com",
    "",
    " /x",
    "/x".repeat(2000),
    "javascript:alert(1)",
    "/a\\b",
  ])("falls back to / for %j", (target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it("falls back for anything that is not text", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File([], "x"))).toBe("/");
  });
});
