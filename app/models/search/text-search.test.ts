import { describe, expect, it } from "vitest";
import {
  compileQuery,
  highlight,
  NO_QUERY,
  piecesOf,
  postgresDocument,
  snippet,
  type TextExpression,
} from "./text-search";

describe("compileQuery", () => {
  const phrase = (text: string, allowPrefix = false): TextExpression => {
    const pieces = piecesOf(text, allowPrefix);
    return { kind: "phrase", pieces, prefix: pieces.length === 1 && pieces[0].prefix };
  };

  it("makes a Chinese word a phrase of its bigrams and English words stemmed lexemes for PostgreSQL", () => {
    expect(compileQuery(phrase("锂电池"), [])).toMatchObject({ match: '"锂电 电池"', tsQuery: "'锂电' <-> '电池'" });
    expect(compileQuery({ kind: "all", of: [phrase("电池"), phrase("batteries")] }, [])).toMatchObject({
      match: '"电池" AND "batteries"',
      tsQuery: "'电池' & 'batteri'",
    });
    expect(compileQuery(phrase("Café"), []).tsQuery).toBe("'cafe'");
  });

  it("nests alternatives, exclusions and prefixes with parentheses", () => {
    const query = compileQuery(
      {
        kind: "except",
        match: { kind: "all", of: [{ kind: "any", of: [phrase("电池"), phrase("芯片")] }, phrase("传感器")] },
        excluded: phrase("fan"),
      },
      [],
    );
    expect(query.match).toBe('(("电池" OR "芯片") AND "传感 感器") NOT ("fan")');
    expect(query.tsQuery).toBe("(('电池' | '芯片') & '传感' <-> '感器') & !('fan')");
    expect(compileQuery(phrase("therm*", true), [])).toMatchObject({ match: '"therm" *', tsQuery: "'therm':*" });
    expect(compileQuery(phrase("芯"), [])).toMatchObject({ match: '"芯" *', tsQuery: "'芯':*" });
    expect(compileQuery(null, [])).toBe(NO_QUERY);
  });

  it("never lets FTS5 or tsquery syntax through: tokens are quoted, lexemes letters and digits", () => {
    expect(compileQuery(phrase('a"b'), []).match).toBe('"a b"');
    expect(compileQuery(phrase("a' | b & !c <-> d:*"), []).tsQuery).toBe("'a' <-> 'b' <-> 'c' <-> 'd'");
    expect(piecesOf("*  -  () 🔋 ^ '", true)).toEqual([]);
  });
});

describe("postgresDocument", () => {
  it("indexes the tokens FTS5 does, at their positions, with each column's weight", () => {
    expect(
      postgresDocument([
        { text: "锂电池 batteries", weight: "A" },
        { text: "电池", weight: "C" },
      ]),
    ).toBe("'锂电':1A '电池':2A,5C 'batteri':3A");
  });

  it("keeps columns a position apart, so a phrase never spans two", () => {
    const document = postgresDocument([
      { text: "锂电", weight: "A" },
      { text: "池热", weight: "B" },
    ]);
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
  const terms = piecesOf("电池 batteries", false).map((piece) => piece.highlight);

  it("marks Chinese words and English words with the same stem", () => {
    expect(highlight("锂电池 battery packs", terms)).toEqual([
      { text: "锂", hit: false },
      { text: "电池", hit: true },
      { text: " ", hit: false },
      { text: "battery", hit: true },
      { text: " packs", hit: false },
    ]);
  });

  it("marks an English word written against Chinese (CT图像)", () => {
    const ct = piecesOf("CT", false).map((piece) => piece.highlight);
    expect(highlight("CT图像", ct)).toEqual([
      { text: "CT", hit: true },
      { text: "图像", hit: false },
    ]);
    expect(piecesOf("CT图像", false).map((piece) => piece.tokens)).toEqual([["ct"], ["图像"]]);
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
