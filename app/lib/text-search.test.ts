import { describe, expect, it } from "vitest";
import { anyOf, highlight, needQuery, parseSearchQuery, postgresDocument, segmentForIndex, snippet } from "./text-search";

describe("segmentForIndex", () => {
  it("turns Chinese runs into overlapping two-character words and keeps English as it is", () => {
    expect(segmentForIndex("一种锂电池热管理系统")).toBe("一种 种锂 锂电 电池 池热 热管 管理 理系 系统");
    expect(segmentForIndex("基于5G的电池，battery pack")).toBe("基于 5G 的电 电池 ，battery pack");
    expect(segmentForIndex("芯")).toBe("芯");
  });
});

describe("parseSearchQuery", () => {
  it("makes a Chinese word a phrase of its bigrams and English words stemmed terms", () => {
    expect(parseSearchQuery("锂电池").match).toBe('"锂电 电池"');
    expect(parseSearchQuery("电池 batteries").match).toBe('"电池" AND "batteries"');
  });

  it("supports quoted phrases, exclusion, OR and an English prefix", () => {
    expect(parseSearchQuery('"thermal management" -fan').match).toBe('("thermal management") NOT ("fan")');
    expect(parseSearchQuery("电池 OR 芯片 传感器").match).toBe('("电池" OR "芯片") AND "传感 感器"');
    expect(parseSearchQuery("therm*").match).toBe('"therm" *');
    expect(parseSearchQuery("芯").match).toBe('"芯" *');
  });

  it("never lets FTS5 syntax through", () => {
    expect(parseSearchQuery('NEAR(a b) title:x AND "').match).toBe('("near" AND "a") AND "b" AND ("title" AND "x") AND "and"');
    expect(parseSearchQuery('a"b').match).toBe('("a" AND "b")');
    expect(parseSearchQuery("*  -  () 🔋 ^").match).toBeNull();
    expect(parseSearchQuery("-battery").match).toBeNull();
  });

  it("bounds the number of terms", () => {
    const match = parseSearchQuery(Array.from({ length: 500 }, (_, i) => `w${i}`).join(" ")).match!;
    expect(match.split(" AND ")).toHaveLength(32);
  });
});

describe("the same queries for PostgreSQL", () => {
  it("writes phrases of bigrams and pre-stemmed English words as tsquery lexemes", () => {
    expect(parseSearchQuery("锂电池").tsQuery).toBe("'锂电' <-> '电池'");
    expect(parseSearchQuery("电池 batteries").tsQuery).toBe("'电池' & 'batteri'");
    expect(parseSearchQuery('"thermal management" -fan').tsQuery).toBe("('thermal' <-> 'manag') & !('fan')");
    expect(parseSearchQuery("电池 OR 芯片 传感器").tsQuery).toBe("('电池' | '芯片') & '传感' <-> '感器'");
    expect(parseSearchQuery("therm*").tsQuery).toBe("'therm':*");
    expect(parseSearchQuery("芯").tsQuery).toBe("'芯':*");
    expect(parseSearchQuery("Café").tsQuery).toBe("'cafe'");
  });

  it("never lets tsquery syntax through: only letters and digits reach a lexeme", () => {
    expect(parseSearchQuery("a' | b & !c <-> d:*").tsQuery).toBe("'a' & 'b' & 'c' & 'd'");
    expect(parseSearchQuery("*  -  () 🔋 ^ '").tsQuery).toBeNull();
  });

  it("joins alternatives, as a need's words and a patent's keywords are", () => {
    expect(needQuery("电池 thermal").tsQuery).toBe("('电池' | 'thermal')");
    expect(anyOf([parseSearchQuery('"锂电池"'), parseSearchQuery("")]).tsQuery).toBe("'锂电' <-> '电池'");
  });
});

describe("postgresDocument", () => {
  it("indexes the tokens FTS5 does, at their positions, with each column's weight", () => {
    expect(postgresDocument([{ text: "锂电池 batteries", weight: "A" }, { text: "电池", weight: "C" }])).toBe("'锂电':1A '电池':2A,5C 'batteri':3A");
  });

  it("keeps columns a position apart, so a phrase never spans two", () => {
    const document = postgresDocument([{ text: "锂电", weight: "A" }, { text: "池热", weight: "B" }]);
    expect(document).toBe("'锂电':1A '池热':3B");
  });

  it("skips words too long for PostgreSQL and caps positions", () => {
    expect(postgresDocument([{ text: `${"x".repeat(5000)} 电池`, weight: "D" }])).toBe("'电池':2D");
    const positions = postgresDocument([{ text: `${"电池 ".repeat(20_000)}热管`, weight: "D" }]);
    expect(positions.match(/\d+D/g)).toHaveLength(257);
    expect(positions.endsWith("'热管':16383D")).toBe(true);
  });
});

describe("highlighting", () => {
  const terms = parseSearchQuery("电池 batteries").highlight;

  it("marks Chinese words and English words with the same stem", () => {
    expect(highlight("锂电池 battery packs", terms)).toEqual([
      { text: "锂", hit: false },
      { text: "电池", hit: true },
      { text: " ", hit: false },
      { text: "battery", hit: true },
      { text: " packs", hit: false },
    ]);
  });

  it("cuts a snippet around the first match", () => {
    const text = `${"前".repeat(200)}电池${"后".repeat(200)}`;
    const { segments, hit } = snippet(text, terms, 60);
    expect(hit).toBe(true);
    expect(segments[0]).toEqual({ text: "…", hit: false });
    expect(segments.find((s) => s.hit)?.text).toBe("电池");
    expect(segments.map((s) => s.text).join("").length).toBeLessThanOrEqual(62);
  });
});
