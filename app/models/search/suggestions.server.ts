// Never a dead end (issue 13, part 4): when a search finds nothing or only a few patents, the page offers ways
// on, each with the number of patents it would give: the search without one of its filters (or without all), words
// related to the query's from the thesaurus and from the pool's own keywords, a spelling the pool knows for an
// English word it does not, and the query posted as a technology need.
import { Prisma } from "~/generated/prisma/client";
import { readPrisma, type PrismaClient } from "~/lib/db.server";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { MULTI_VALUE_KEYS, searchParamsToQuery } from "~/models/search/search-url";
import { searchQuery, STOP_WORDS } from "./query.server";
import { patentSearch, type SearchResult } from "./service.server";
import { englishStem } from "./text-search";
import thesaurusFile from "./thesaurus.json";

/** Fewer results than this and the page offers ways on. */
export const THIN_RESULTS = 5;
const MAX_RELATED = 6;
/** Related terms tried (each costs a search for its count) to find MAX_RELATED that give more patents. */
const MAX_RELATED_TRIED = 8;
const MAX_SPELLINGS = 2;
/** The English vocabulary for spelling comes from the newest this many patents (a real pool's words are in its
 * recent patents; reading every patent would cost seconds on a large pool). */
const VOCABULARY_SAMPLE = 5_000;
/** A query word is looked up in the index by at most this many of its two-character words, each bringing the
 * keywords of the best this many patents. */
const MAX_PROBES = 4;
const PATENTS_PER_PROBE = 100;
const VOCABULARY_MAX_AGE_MS = 5 * 60_000;
/** A technology need's title is at most this long (app/models/need/schemas.ts). */
const NEED_TITLE_MAX = 120;

export type FilterKey = (typeof MULTI_VALUE_KEYS)[number] | "open";

export interface DroppableFilter {
  /** The URL parameter: university, type, …, fee, open. */
  key: FilterKey;
  /** The values chosen, with their labels in both languages. */
  values: Array<{ value: string; label: string; labelEn: string }>;
  /** The search's URL query without this filter (first page, everything else kept). */
  query: string;
  total: number;
}

export interface SuggestedSearch {
  term: string;
  /** Where it comes from: a thesaurus group, the pool's keywords, or a spelling of a word the pool lacks. */
  source: "thesaurus" | "index" | "spelling";
  query: string;
  total: number;
}

export interface SearchSuggestions {
  /** The filters in force, each with the count the search would give without it. */
  filters: DroppableFilter[];
  /** With two filters or more: the search with none of them. */
  withoutFilters: { query: string; total: number } | null;
  /** With filters and words: the filters alone (any words). */
  withoutWords: { query: string; total: number } | null;
  didYouMean: SuggestedSearch[];
  related: SuggestedSearch[];
  /** The query as a technology need's title and description (/needs/new?title=…&description=…), null without one. */
  need: { title: string; description: string } | null;
}

type Search = Pick<ReturnType<typeof patentSearch>, "search" | "bestMatches">;

// ---------------------------------------------------------------------------------------------------------------
// The thesaurus, read defensively: it is data that others edit; a group that is not a list of words is skipped
// rather than failing the page that only wanted suggestions from it.

const HAN = /\p{Script=Han}/u;

function thesaurusGroups(): string[][] {
  const groups = (thesaurusFile as { groups?: unknown } | undefined)?.groups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((group) =>
    Array.isArray(group)
      ? [
          group
            .filter((entry): entry is string => typeof entry === "string" && entry.trim() !== "")
            .map((entry) => entry.normalize("NFKC").trim()),
        ]
      : [],
  );
}

let thesaurusEntries: string[] | null = null;
function allThesaurusEntries(): string[] {
  return (thesaurusEntries ??= [...new Set(thesaurusGroups().flat())]);
}

// ---------------------------------------------------------------------------------------------------------------
// The pool's words. Keywords near a query word are read from the patents the full-text index ranks best for the
// word's own two-character words (Chinese) or stem (English): a few hundred rows, not the pool. Spelling needs
// a vocabulary, the English words of the newest patents' keywords and titles, read only when a query has an
// English word the thesaurus lacks, and kept until patents change and five minutes have passed.

interface EnglishVocabulary {
  words: Set<string>;
  builtAt: number;
  change: number;
}

const vocabularies = new WeakMap<PrismaClient, EnglishVocabulary>();
/** keywordsNear's answers by word, while no patent changes (a popular dead end costs its lookups once). */
const nearby = new WeakMap<PrismaClient, { change: number; byWord: Map<string, Map<string, number>> }>();
const NEARBY_LIMIT = 500;

async function latestChange(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRaw<
    Array<{ seq: number | bigint | null }>
  >`SELECT MAX("seq") AS "seq" FROM "PatentChange"`;
  return Number(row?.seq ?? 0);
}

async function englishVocabulary(db: PrismaClient, now: number, change: number): Promise<Set<string>> {
  const known = vocabularies.get(db);
  if (known && (known.change === change || now - known.builtAt < VOCABULARY_MAX_AGE_MS)) return known.words;
  const rows = await db.$queryRaw<Array<{ keywordsEn: string; titleEn: string | null }>>`
    SELECT "keywordsEn", "titleEn" FROM "Patent" WHERE "transferable" = true ORDER BY "id" DESC LIMIT ${VOCABULARY_SAMPLE}`;
  const words = new Set<string>();
  for (const row of rows)
    for (const word of `${row.keywordsEn} ${row.titleEn ?? ""}`.toLowerCase().match(/[a-z]{3,}/g) ?? [])
      words.add(word);
  vocabularies.set(db, { words, builtAt: now, change });
  return words;
}

/** How the index finds what shares a word with `word`: its two-character words (Chinese; 无刷电机 → 无刷, 刷电, 电机)
 * or the word itself (English, by stem). */
function probesOf(word: string): string[] {
  if (!HAN.test(word)) return [word];
  const characters = [...word.replace(/[^\p{Script=Han}]/gu, "")];
  return [...new Set(characters.slice(1).map((character, i) => characters[i] + character))].slice(0, MAX_PROBES);
}

/** The keywords (Chinese and English) of the patents the index ranks best for each probe of `word`, each with how
 * many of those patents carry it. */
async function keywordsNear(
  db: PrismaClient,
  search: Search,
  word: string,
  change: number,
): Promise<Map<string, number>> {
  let remembered = nearby.get(db);
  if (!remembered || remembered.change !== change) nearby.set(db, (remembered = { change, byWord: new Map() }));
  const known = remembered.byWord.get(word);
  if (known) return known;
  const ids = new Set<number>();
  for (const probe of probesOf(word)) {
    const query = searchQuery(probe);
    if (query.match) for (const id of await search.bestMatches(query, PATENTS_PER_PROBE)) ids.add(id);
  }
  const keywords = new Map<string, number>();
  const rows =
    ids.size === 0
      ? []
      : await db.$queryRaw<Array<{ keywords: string; keywordsEn: string }>>`
    SELECT "keywords", "keywordsEn" FROM "Patent" WHERE "id" IN (${Prisma.join([...ids])}) AND "transferable" = true`;
  for (const row of rows) {
    for (const keyword of `${row.keywords};${row.keywordsEn}`.split(";")) {
      const text = keyword.trim();
      if (text.length >= 2) keywords.set(text, (keywords.get(text) ?? 0) + 1);
    }
  }
  if (remembered.byWord.size >= NEARBY_LIMIT) remembered.byWord.clear();
  remembered.byWord.set(word, keywords);
  return keywords;
}

// ---------------------------------------------------------------------------------------------------------------

const stems = (text: string) => (text.toLowerCase().match(/[a-z]+/g) ?? []).map(englishStem);

const bigrams = (text: string) => {
  const characters = [...text.replace(/[^\p{Script=Han}]/gu, "")];
  return new Set(characters.slice(1).map((character, i) => characters[i] + character));
};

/**
 * How closely a candidate term is related to a query word, 0 for not at all: 2 when one holds the other (电池 and
 * 锂电池; motor and electric motor), 1 when they share a word (a Chinese two-character word, as the index holds
 * them: 步进电机 and 轮毂电机; an English stem).
 */
function relatedness(candidate: string, word: string): number {
  const han = HAN.test(word);
  if (han !== HAN.test(candidate) || candidate.toLowerCase() === word.toLowerCase()) return 0;
  if (han) {
    if ([...word].length < 2 || [...candidate].length < 2) return 0;
    if (candidate.includes(word) || word.includes(candidate)) return 2;
    const wordBigrams = bigrams(word);
    return [...bigrams(candidate)].some((bigram) => wordBigrams.has(bigram)) ? 1 : 0;
  }
  const wordStems = stems(word).filter((stem) => stem.length >= 3 && !STOP_WORDS.has(stem));
  const candidateStems = new Set(stems(candidate));
  const shared = wordStems.filter((stem) => candidateStems.has(stem)).length;
  return shared === 0 ? 0 : shared === wordStems.length ? 2 : 1;
}

/** Damerau–Levenshtein distance (adjacent swaps count one; optimal string alignment), giving up past `limit`.
 * Three rolling rows: it runs over the pool's whole English vocabulary for each unknown word. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** The closest word of the pool's English to a word it lacks: one edit for words up to 5 letters, two beyond. */
function closestSpelling(word: string, known: Set<string>): string | null {
  const limit = word.length <= 5 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const distance = editDistance(word, candidate, limit);
    if (distance < bestDistance || (distance === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** The first `max` characters (whole code points) of a text. */
function clip(text: string, max: number): string {
  return [...text].slice(0, max).join("").trim();
}

/** The search's parameters as the page parses them from its URL: the same remembered outcome when it is opened. */
function asOpened(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`suggestions built an invalid search: ${query}`);
  return parsed.params;
}

/**
 * Ways on from a search that found fewer than THIN_RESULTS patents (`result` is its outcome). Each suggested
 * search is run to give its count (they are then remembered, so following one is quick).
 */
export async function searchSuggestions(
  params: SearchParams,
  result: SearchResult,
  options: { search?: Search; db?: PrismaClient; now?: number } = {},
): Promise<SearchSuggestions> {
  const search = options.search ?? patentSearch();
  const db = options.db ?? readPrisma;
  const now = options.now ?? Date.now();
  const firstPage = { ...params, page: 1 };
  const totalOf = async (query: string) => (await search.search(asOpened(query), now, { items: false })).total;

  // Filters, one at a time, then all of them.
  const filters: DroppableFilter[] = [];
  const keys: FilterKey[] = [...MULTI_VALUE_KEYS, "open"];
  for (const key of keys) {
    if (key === "open" ? !params.open : params[key].length === 0) continue;
    const facet = result.facets[key];
    const values = (key === "open" ? ["1"] : params[key]).map((value) => {
      const known = facet.find((entry) => entry.value === value);
      return { value, label: known?.label ?? value, labelEn: known?.labelEn ?? value };
    });
    const query = searchParamsToQuery({ ...firstPage, [key]: key === "open" ? undefined : [] });
    filters.push({ key, values, query, total: await totalOf(query) });
  }
  const noFilters = { q: params.q, sort: params.sort, size: params.size };
  const withoutFilters =
    filters.length >= 2
      ? { query: searchParamsToQuery(noFilters), total: await totalOf(searchParamsToQuery(noFilters)) }
      : null;
  const wordsQuery = searchParamsToQuery({ ...firstPage, q: "" });
  const withoutWords = params.q && filters.length > 0 ? { query: wordsQuery, total: await totalOf(wordsQuery) } : null;

  // Other words: a spelling the pool knows, then the thesaurus's and the pool's keywords sharing a word.
  const didYouMean: SuggestedSearch[] = [];
  const related: SuggestedSearch[] = [];
  if (params.q) {
    const queryWords = result.understanding.words;
    const taken = new Set<string>([
      params.q.toLowerCase(),
      ...queryWords.flatMap((word) => word.alternatives.map((alternative) => alternative.toLowerCase())),
    ]);
    // A spelling must find more than the query did; a related term, anything (other patents).
    const suggest = async (
      term: string,
      source: SuggestedSearch["source"],
      q: string,
      into: SuggestedSearch[],
      atLeast = result.total + 1,
    ) => {
      const query = searchParamsToQuery({ ...firstPage, q });
      const total = await totalOf(query);
      if (total >= Math.max(1, atLeast)) into.push({ term, source, query, total });
    };

    const typed = params.q.toLowerCase().match(/[a-z]{3,}/g) ?? [];
    const unchecked = [...new Set(typed)].filter(
      (word) => word.length >= 4 && !STOP_WORDS.has(word) && !allThesaurusEntries().includes(word),
    );
    const change = await latestChange(db);
    const english = unchecked.length > 0 ? await englishVocabulary(db, now, change) : new Set<string>();
    for (const word of unchecked.filter((word) => !english.has(word)).slice(0, MAX_SPELLINGS)) {
      const spelling = closestSpelling(word, english);
      if (!spelling) continue;
      const q = params.q.replace(new RegExp(`\\b${word}\\b`, "gi"), spelling);
      await suggest(q, "spelling", q, didYouMean);
    }

    const candidates: Array<{ term: string; source: "thesaurus" | "index"; strength: number; weight: number }> = [];
    for (const { word } of queryWords) {
      const near = await keywordsNear(db, search, word, change);
      for (const entry of allThesaurusEntries()) {
        const strength = taken.has(entry.toLowerCase()) ? 0 : relatedness(entry, word);
        if (strength > 0) candidates.push({ term: entry, source: "thesaurus", strength, weight: near.get(entry) ?? 0 });
      }
      for (const [keyword, count] of near) {
        const strength = taken.has(keyword.toLowerCase()) ? 0 : relatedness(keyword, word);
        if (strength > 0) candidates.push({ term: keyword, source: "index", strength, weight: count });
      }
    }
    // Closest first, then the most common; the thesaurus's before the index's when they tie; each term once.
    candidates.sort(
      (a, b) =>
        b.strength - a.strength ||
        b.weight - a.weight ||
        (a.source === b.source ? a.term.localeCompare(b.term) : a.source === "thesaurus" ? -1 : 1),
    );
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (related.length >= MAX_RELATED || seen.size >= MAX_RELATED_TRIED) break;
      const key = candidate.term.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      await suggest(candidate.term, candidate.source, candidate.term, related, 0);
    }
  }

  const need = params.q ? { title: clip(params.q, NEED_TITLE_MAX), description: params.q } : null;
  return { filters, withoutFilters, withoutWords, didYouMean, related, need };
}
