import { describe, expect, it } from "vitest";
import { highlight, parseSearchQuery, segmentForIndex, snippet } from "./text-search";

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
