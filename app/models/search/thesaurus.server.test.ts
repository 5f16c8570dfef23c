import { describe, expect, it } from "vitest";
import { segmentChinese, understandQuery } from "./query.server";
import { englishStem } from "./text-search";
import data from "./thesaurus.json";
import { thesaurus, thesaurusKey } from "./thesaurus.server";

const HAN = /\p{Script=Han}/u;
const english = data.groups.flat().filter((entry) => !HAN.test(entry));

describe("the thesaurus's vocabulary", () => {
  it("covers the pool's technology areas with about three hundred groups", () => {
    expect(thesaurus.groupCount).toBeGreaterThanOrEqual(300);
  });

  it("writes English entries as the index reads them: lower case, words separated by single spaces", () => {
    const malformed = english.filter(
      (entry) => entry !== entry.toLowerCase() || !/^[a-z0-9]+( [a-z0-9]+)*$/.test(entry),
    );
    expect(malformed).toEqual([]);
  });

  it("has no one-word English entry whose stem is a generic word of abstracts", () => {
    // Reviewed: these stems are common in abstracts with other meanings (insulator = insulation,
    // harvester = post-harvest, converter = convert, fracturing = fracture, freshness = fresh, planting = plant…),
    // so such an entry must be a phrase (power transformer, combine harvester, hydraulic fracturing).
    const generic = new Set(
      [
        "separate",
        "plant",
        "fresh",
        "convert",
        "transform",
        "insulation",
        "harvest",
        "dry",
        "spray",
        "extract",
        "oxygen",
        "fracture",
        "process",
        "treatment",
        "emission",
        "dress",
        "wind",
        "strain",
        "train",
        "respiratory",
      ].map(englishStem),
    );
    const clashes = english.filter((entry) => !entry.includes(" ") && generic.has(englishStem(entry)));
    expect(clashes).toEqual([]);
  });

  it("never merges two groups by a stem: different words of different groups have different stems", () => {
    // A word written in two groups stands for both on purpose; two different words that the index reads as one
    // (fertilizer and fertilization are both "fertil", anodizing and anode both "anod") would merge their groups
    // by accident, a method with its product or a process with an electrode.
    const byKey = new Map<string, { entry: string; group: number }>();
    const collisions: string[] = [];
    data.groups.forEach((group, index) => {
      for (const entry of group) {
        const key = thesaurusKey(entry);
        const seen = byKey.get(key);
        if (seen && seen.group !== index && seen.entry !== entry) collisions.push(`${seen.entry} = ${entry}`);
        else if (!seen) byKey.set(key, { entry, group: index });
      }
    });
    expect(collisions).toEqual([]);
  });

  it("lets an English query find the pool's Chinese words, by stem and as phrases", () => {
    expect(thesaurus.alternativesOf("silicon carbide")).toContain("碳化硅");
    expect(thesaurus.alternativesOf("shock absorbers")).toEqual(expect.arrayContaining(["减振器", "减震器"]));
    expect(thesaurus.alternativesOf("state of charge")).toContain("剩余电量");
    const spent = understandQuery("how to recover lithium from spent batteries").words.find(
      (word) => word.label === "spent batteries",
    );
    expect(spent?.alternatives).toEqual(expect.arrayContaining(["废旧电池", "退役电池"]));
    const deicing = understandQuery("wind turbine blade de-icing").words.map((word) => word.label);
    expect(deicing).toEqual(["wind turbine", "blade", "de icing"]);
  });

  it("keeps a part apart from its whole and a method apart from its product", () => {
    expect(thesaurus.alternativesOf("电池")).not.toContain("电池包");
    expect(thesaurus.alternativesOf("电池包")).not.toContain("电池");
    expect(thesaurus.alternativesOf("压裂")).not.toContain("压裂液");
  });

  it("keeps the pool's compound terms whole when segmenting", () => {
    expect(segmentChinese("动力电池热失控")).toEqual(["动力电池", "热失控"]);
    expect(segmentChinese("榨菜低盐腌制")).toEqual(["榨菜", "低盐", "腌制"]);
    expect(segmentChinese("柑橘黄龙病怎么防治")).toEqual(["柑橘", "黄龙病", "怎么", "防治"]);
  });
});
