// The bilingual search thesaurus (thesaurus.json beside this file; docs/decisions/013-query-understanding.md):
// groups of words that mean the same for a patent search, Chinese and English mixed. A query word found in a
// group is searched as any word of the group, so 噪音 also finds 噪声 and an English query finds Chinese-only
// patents. The JSON file is imported, so the app's build carries it.
import { englishStem } from "./text-search";
import data from "./thesaurus.json";

const HAN = /\p{Script=Han}/u;
/** English phrases longer than this are not looked for in a query. */
export const LONGEST_ENGLISH_ENTRY = 4;

/** How a thesaurus entry or a query word is looked up: Chinese as written, English words by their stems
 * (motors and motor are one entry). */
export function thesaurusKey(text: string): string {
  const normalized = text.normalize("NFKC").trim();
  if (HAN.test(normalized)) return normalized.replace(/\s+/g, "");
  return normalized
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(englishStem)
    .join(" ");
}

export interface Thesaurus {
  /** Every entry of every group holding this word (the word's key), itself included; [] when none does. */
  alternativesOf(text: string): string[];
  /** Whether an English phrase of these stems (joined by spaces) is an entry. */
  hasEnglishEntry(stems: string): boolean;
  /** The Chinese entries: the segmenter keeps each of them whole. */
  chineseEntries: string[];
  groupCount: number;
}

/** Checks the file's shape; a broken thesaurus must fail at start-up and in the unit tests, not mid-search. */
export function buildThesaurus(source: unknown): Thesaurus {
  const groups = (source as { groups?: unknown }).groups;
  if (!Array.isArray(groups)) throw new Error("thesaurus: `groups` must be an array of arrays of words");
  const byKey = new Map<string, Set<string>>();
  const chinese = new Set<string>();
  const english = new Set<string>();
  groups.forEach((group, index) => {
    if (
      !Array.isArray(group) ||
      group.length < 2 ||
      !group.every((entry) => typeof entry === "string" && entry.trim() !== "")
    ) {
      throw new Error(`thesaurus: group ${index} must list at least two non-empty words`);
    }
    const entries = group.map((entry: string) => entry.normalize("NFKC").trim());
    for (const entry of entries) {
      if (HAN.test(entry) && [...entry.replace(/[^\p{Script=Han}]/gu, "")].length < 2) {
        throw new Error(
          `thesaurus: group ${index}: "${entry}" has one Chinese character; a word of two or more is needed`,
        );
      }
    }
    for (const entry of entries) {
      const key = thesaurusKey(entry);
      let alternatives = byKey.get(key);
      if (!alternatives) byKey.set(key, (alternatives = new Set()));
      for (const other of entries) alternatives.add(other);
      if (HAN.test(entry)) {
        if (/^\p{Script=Han}+$/u.test(entry)) chinese.add(entry);
      } else english.add(key);
    }
  });
  return {
    alternativesOf: (text) => [...(byKey.get(thesaurusKey(text)) ?? [])],
    hasEnglishEntry: (stems) => english.has(stems),
    chineseEntries: [...chinese],
    groupCount: groups.length,
  };
}

export const thesaurus = buildThesaurus(data);
