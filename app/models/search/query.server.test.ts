import { describe, expect, it } from "vitest";
import {
  compoundHead,
  keywordQuery,
  MAX_QUERY_WORDS,
  segmentChinese,
  STOP_WORDS,
  subjectWords,
  understandQuery,
  WEAK_WORDS,
  wordFinder,
} from "./query.server";
import { englishStem } from "./text-search";
import data from "./thesaurus.json";
import { buildThesaurus, thesaurus, thesaurusKey } from "./thesaurus.server";

const labels = (q: string) => understandQuery(q).words.map((word) => word.label);

describe("segmentation", () => {
  it("cuts unspaced Chinese into words with jieba and the thesaurus's words", () => {
    expect(segmentChinese("柑橘保鲜")).toEqual(["柑橘", "保鲜"]);
    expect(segmentChinese("桥梁裂缝检测")).toEqual(["桥梁", "裂缝", "检测"]);
    expect(segmentChinese("工业机器人减速器")).toEqual(["工业机器人", "减速器"]);
    // 热管理 and 智能网联 are thesaurus words jieba's own dictionary splits.
    expect(segmentChinese("锂离子电池热管理")).toEqual(["锂离子电池", "热管理"]);
    expect(segmentChinese("智能网联汽车")).toEqual(["智能网联", "汽车"]);
  });

  it("joins characters left alone to a neighbour, and keeps particles apart", () => {
    expect(segmentChinese("电池的热管理")).toEqual(["电池", "的", "热管理"]);
    // 肺 qualifies what follows it; 式 ends what precedes it.
    expect(segmentChinese("图像肺结节检测")).toEqual(["图像", "肺结节", "检测"]);
    expect(segmentChinese("可折叠式无人机")).toEqual(["可", "折叠式", "无人机"]);
    expect(segmentChinese("芯")).toEqual(["芯"]);
  });

  it("reads Latin letters and Chinese in one token as separate words (CT图像, 5G基站)", () => {
    expect(labels("CT图像肺结节检测")).toEqual(["CT", "图像", "肺结节", "检测"]);
    expect(labels("5G基站天线")).toEqual(["5G", "基站", "天线"]);
  });

  it("searches a long compound the thesaurus does not know as all of its parts", () => {
    const understood = understandQuery("如何自动识别农作物病虫害");
    expect(understood.words.map((word) => word.label)).toEqual(["自动识别", "农作物", "病虫害"]);
    expect(understood.each[0].match).toBe('"自动" AND "识别"');
    expect(understood.ignored).toEqual(["如何"]);
  });

  it("searches 无人机巡检 as 无人机 巡检", () => {
    expect(understandQuery("无人机巡检").strict).toEqual(understandQuery("无人机 巡检").strict);
    expect(labels("无人机巡检")).toEqual(["无人机", "巡检"]);
  });
});

describe("stop words and weak words", () => {
  it("leaves question words and weak verbs out, and says so", () => {
    const understood = understandQuery("如何降低电机噪音");
    expect(understood.words.map((word) => word.label)).toEqual(["电机", "噪音"]);
    expect(understood.ignored).toEqual(["如何", "降低"]);
    expect(understandQuery("noise reduction for electric motors").ignored).toEqual(["for"]);
  });

  it("searches weak words, then stop words, when the query has nothing else", () => {
    expect(labels("降低")).toEqual(["降低"]);
    expect(labels("如何 降低")).toEqual(["降低"]);
    expect(labels("方法")).toEqual(["方法"]);
    expect(labels("the method")).toEqual(["the", "method"]);
  });

  it("knows when a query is about how a product looks", () => {
    expect(understandQuery("水杯 外观").aboutAppearance).toBe(true);
    expect(understandQuery("bottle design").aboutAppearance).toBe(true);
    expect(understandQuery("电机 噪音").aboutAppearance).toBe(false);
  });
});

describe("thesaurus expansion", () => {
  it("searches a word as any word of its group, in both languages", () => {
    const [noise] = understandQuery("噪音").words;
    expect(noise.alternatives).toEqual(expect.arrayContaining(["噪音", "噪声", "降噪", "noise"]));
    expect(understandQuery("噪音").strict.match).toContain('"噪声"');
    expect(understandQuery("噪声").strict.tsQuery).toContain("'噪音'");
  });

  it("finds Chinese words for an English query, English phrases across spaces", () => {
    const citrus = understandQuery("citrus preservation");
    expect(citrus.words.map((word) => word.label)).toEqual(["citrus", "preservation"]);
    expect(citrus.strict.match).toMatch(/^\("citrus" OR "柑橘".*\) AND \("preservation" OR "保鲜"/);
    const motors = understandQuery("noise reduction for electric motors");
    expect(motors.words.map((word) => word.label)).toEqual(["noise reduction", "electric motors"]);
    expect(motors.words[1].alternatives).toEqual(expect.arrayContaining(["电机", "motor"]));
  });

  it("matches English entries by stem, and never expands a prefix, a quoted phrase or an exclusion", () => {
    expect(understandQuery("motors").words[0].alternatives).toContain("电机");
    expect(understandQuery("therm*").strict.match).toBe('"therm" *');
    expect(understandQuery('"柑橘保鲜"').strict.match).toBe('"柑橘 橘保 保鲜"');
    expect(understandQuery("电池 -噪音").strict.match).toBe('("电池" OR "电芯" OR "battery") NOT ("噪音")');
  });

  it("keeps OR between two terms as one concept", () => {
    const understood = understandQuery("电池 OR 芯片 传感器");
    expect(understood.words.map((word) => word.label)).toEqual(["电池 OR 芯片", "传感器"]);
    expect(understood.strict.match).toMatch(/^\(\(.*"电池".*\) OR \(.*"芯片".*\)\) AND \("传感 感器" OR "sensor"\)$/);
  });

  it("gives the relaxed search one query per word and one for any word", () => {
    const understood = understandQuery("如何降低电机噪音 -发动机");
    expect(understood.each).toHaveLength(2);
    expect(understood.each[0].match).toMatch(/^\(.*"电机".*\) NOT \("发动 动机"\)$/);
    expect(understood.any.match).toMatch(/^\(.*"电机".* OR .*"噪音".*\) NOT \("发动 动机"\)$/);
  });

  it("bounds the number of words and lists the rest as not searched", () => {
    const understood = understandQuery(Array.from({ length: 30 }, (_, i) => `w${i}x`).join(" "));
    expect(understood.words).toHaveLength(MAX_QUERY_WORDS);
    expect(understood.ignored).toHaveLength(30 - MAX_QUERY_WORDS);
  });

  it("never lets FTS5 or tsquery syntax through", () => {
    expect(understandQuery('NEAR(a b) title:x AND "').strict.match).toBe('"near" AND "b" AND "title" AND "x"');
    expect(understandQuery("*  -  () 🔋 ^").strict.match).toBeNull();
    expect(understandQuery("-battery").strict.match).toBeNull();
    expect(understandQuery("x' | b & !c <-> d:*").strict.tsQuery).toBe("'x' & 'b' & 'c' & 'd'");
  });
});

describe("the thesaurus file", () => {
  it("is well formed: groups of two or more words, no single Chinese character", () => {
    expect(thesaurus.groupCount).toBeGreaterThanOrEqual(80);
    expect(() => buildThesaurus({ groups: [["噪音"]] })).toThrow(/at least two/);
    expect(() => buildThesaurus({ groups: [["桥", "bridge"]] })).toThrow(/one Chinese character/);
    expect(() => buildThesaurus({})).toThrow(/groups/);
  });

  it("holds every issue example's words, each group with Chinese and English", () => {
    for (const word of [
      "噪音",
      "噪声",
      "减振",
      "回收",
      "锂电池",
      "无人机",
      "柑橘",
      "保鲜",
      "citrus",
      "preservation",
      "electric motor",
    ]) {
      expect(thesaurus.alternativesOf(word).length, word).toBeGreaterThan(1);
    }
    for (const group of data.groups) {
      expect(
        group.some((entry) => /\p{Script=Han}/u.test(entry)),
        group.join("/"),
      ).toBe(true);
      expect(
        group.some((entry) => !/\p{Script=Han}/u.test(entry)),
        group.join("/"),
      ).toBe(true);
    }
    expect(thesaurusKey("Electric Motors")).toBe("electr motor");
  });

  it("has no one-word English entry that the index cannot tell from a stop word or a verb of intent", () => {
    // The index keeps English by Porter stems: "reducer" is "reduc", as are reduce and reduction, found in
    // half the pool's abstracts; such an entry must be a phrase ("gear reducer").
    const generic = new Set(
      [...STOP_WORDS, ...WEAK_WORDS].filter((word) => !/\p{Script=Han}/u.test(word)).map(englishStem),
    );
    const clashes = data.groups
      .flat()
      .filter((entry) => !/\p{Script=Han}/u.test(entry) && !entry.includes(" ") && generic.has(englishStem(entry)));
    expect(clashes).toEqual([]);
  });
});

describe("a need's subject and a patent's keywords", () => {
  it("keeps a need's whole subject words, without filler or weak verbs", () => {
    const words = subjectWords("电动摩托车轮毂电机的噪声与振动。需要降低电机工作时的噪声，控制成本。").map(
      (word) => word.label,
    );
    expect(words).toEqual(["电动", "摩托车", "轮毂电机", "噪声", "振动", "电机"]);
  });

  it("finds a word's alternatives in a text as whole words, and a compound's head", () => {
    const [noise, motor] = subjectWords("噪音 electric motor");
    const find = wordFinder("一种低噪声电机。A quiet electric motor with motorcycle parts.");
    expect(find(noise)).toBe("噪声");
    expect(find(motor)).toBe("electric motor");
    const [inWheel] = subjectWords("in-wheel motor");
    expect(wordFinder("The motor is in the wheel.")(inWheel)).toBeNull();
    expect(compoundHead("轮毂电机")).toBe("电机");
    expect(compoundHead("锂离子电池")).toBe("电池");
    expect(compoundHead("摩托车")).toBeNull();
  });

  it("makes a patent's keywords whole-word alternatives", () => {
    const { query, words } = keywordQuery(["锂电池", "thermal management"]);
    expect(words.map((word) => word.label)).toEqual(["锂电池", "thermal management"]);
    expect(query.match).toContain('"thermal management" OR "热管 管理"');
  });
});
