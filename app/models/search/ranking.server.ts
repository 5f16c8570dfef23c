// The order of a search's result (docs/decisions/002-bilingual-search.md): by relevance, bm25 over the text
// query's matches within the ranking's bounds, or by a sort key of the column store, tier by tier.
import type { FacetIndex } from "./facet-index.server";
import type { TextIndex } from "./full-text.server";
import { arrangePage, type Tier } from "./ordering.server";
import type { SearchParams } from "./search-params";
import type { ParsedQuery } from "./text-search";

/**
 * How many of a text query's matches relevance ranking reads (ADR 002). FTS5 computes bm25 for every match
 * a ranking reads, whatever its LIMIT, at one to two microseconds each: a word found in a quarter of a million
 * patents would take longer to rank than a whole search may. In a pool of up to `largePool` patents, and for
 * up to `exactUpTo` matches in a larger one, every match is ranked. Beyond, the order is an approximation:
 * bm25 among the `newest` most recently added matches first, then bm25 among the rest. Totals and facet counts
 * are exact either way. The time budget also applies only past `largePool` (service.server.ts).
 */
export interface RankingBounds {
  largePool: number;
  exactUpTo: number;
  newest: number;
  /** A filtered result may be a small share of a common word's matches (机器人 at one university: 215 of 78,547
   * at 1,152,000 patents), too few among the newest to fill a page: the newest part then grows until it holds
   * this many of the result, rather than ranking every match (159 ms against 35 ms). The first page's worth:
   * its order is read 2 × 20 + 10 deep. */
  newestResults: number;
  /** Similar patents and a need's candidates need only their best few: in a pool larger than `largePool` (fewer
   * for a query of many terms) they rank this many of the newest matches (windowFor). */
  bestFewNewest: number;
}
/** At 1,152,000 patents, 10,000 / 5,000 (from 50,000 / 20,000) ranked the judged set's pages as well (precision
 * @10 0.968 against 0.969; bench:search p50 68 → 45 ms). The demo pool (32,000) is searched exactly; similar
 * patents and needs keep their window of before. */
export const RANKING_BOUNDS: RankingBounds = {
  largePool: 50_000,
  exactUpTo: 10_000,
  newest: 5_000,
  newestResults: 50,
  bestFewNewest: 20_000,
};
/**
 * The bounds hold for a query of up to this many index terms. bm25 reads every term's positions in every
 * match it scores, and a thesaurus-expanded query has many (如何降低电机噪音: 16), so such a query ranks
 * proportionally fewer matches: 无人机's five alternatives ranked over 22,000 matches took 100 ms.
 */
const TERMS_AT_FULL_BOUNDS = 3;

/** The ranking bounds for one query: narrower as it has more terms. */
export function boundsFor(ranking: RankingBounds, query: ParsedQuery): RankingBounds {
  const share = termShare(query);
  return {
    ...ranking,
    exactUpTo: Math.max(1, Math.floor(ranking.exactUpTo * share)),
    newest: Math.max(1, Math.floor(ranking.newest * share)),
    bestFewNewest: Math.max(1, Math.floor(ranking.bestFewNewest * share)),
  };
}

/** 1 for a query of up to TERMS_AT_FULL_BOUNDS index terms, less in proportion beyond. */
function termShare(query: ParsedQuery): number {
  const terms = (query.match?.match(/"[^"]*"/g) ?? []).reduce((sum, phrase) => sum + phrase.split(" ").length, 0);
  return Math.min(1, TERMS_AT_FULL_BOUNDS / Math.max(1, terms));
}

/** At least the `limit` best matches of a text query by relevance, best first (more when more were read
 * anyway; fewer only when there are no more); with `newest`, among the `newest` most recently added matches
 * only. */
export type Ranker = (query: ParsedQuery, limit: number, newest?: number) => Promise<number[]>;

/**
 * How many matches a search's first ranking of a query reads, at least. FTS5 scores every match whatever the
 * LIMIT, so reading 2,000 instead of 111 adds only their sort and transfer (+3 ms at 1,152,000 patents), while
 * asking again scores every match again: 50–100 ms for a thesaurus-expanded query there (热管理, 工业机器人减速器).
 */
const FIRST_RANKING = 2_000;

/** A ranking started before the search's matches were found, on a connection of its own. */
export interface EarlyRanking {
  match: string;
  newest: number;
  ids: Promise<number[]>;
}

/**
 * In a large pool, the ranking a relevance search's first page most often asks for (rankWithin: the best
 * FIRST_RANKING of the `newest` newest matches, or of all of them when they are fewer), started on a connection
 * of its own before the matches are found. bm25's idf pass reads every match of each term again, as the
 * match list does: at 1,152,000 patents each takes 50–70 ms for sensor, and on two cores they take the time of
 * one. null in a smaller pool (its rankings take a few milliseconds) or when no second connection is ready.
 */
export function rankEarly(
  facetIndex: FacetIndex,
  ranking: RankingBounds,
  text: Pick<TextIndex, "rankedAlongside">,
  query: ParsedQuery,
): EarlyRanking | null {
  if (!query.match || facetIndex.size <= ranking.largePool) return null;
  const newest = boundsFor(ranking, query).newest;
  const ids = text.rankedAlongside(query, FIRST_RANKING, newest);
  if (!ids) return null;
  // A ranking that failed or that the search does not use is not an error: the search asks again if it needs it.
  ids.catch(() => undefined);
  return { match: query.match, newest, ids };
}

/** `rankedMatches`, answering from `early` what it holds: the same query over the same matches (the newest
 * `newest`, or all `matchCount` when they are fewer), no deeper than it was read. */
export function withEarlyRanking(rankedMatches: Ranker, early: EarlyRanking | null, matchCount: number): Ranker {
  if (!early) return rankedMatches;
  const window = (newest?: number) => Math.min(newest ?? matchCount, matchCount);
  return async (query, limit, newest) => {
    if (query.match === early.match && window(newest) === window(early.newest)) {
      const ids = await early.ids.catch(() => null);
      // Shorter than asked means every match of the window was read.
      if (ids && (ids.length >= limit || ids.length < FIRST_RANKING)) return ids;
    }
    return rankedMatches(query, limit, newest);
  };
}

/** `rankedMatches` for one search, which may ask for more of the same order as it fills its page: a ranking
 * already read answers any shorter one, and a longer one is read four times as long, so a query is rarely
 * ranked twice, and at most two or three times however often the page asks. */
function rankingsOfOneSearch(rankedMatches: Ranker): Ranker {
  const read = new Map<string, { limit: number; ids: number[] }>();
  return async (query, limit, newest) => {
    const key = `${newest ?? "all"}:${query.match}`;
    const known = read.get(key);
    if (known && (known.limit >= limit || known.ids.length < known.limit)) return known.ids;
    const asked = Math.max(limit, FIRST_RANKING, known ? known.limit * 4 : 0);
    const ids = await rankedMatches(query, asked, newest);
    read.set(key, { limit: asked, ids });
    return ids;
  };
}

/** One page of a result: `offset` and `size` over its `total` positions, in the order of its tiers, with
 * near-identical titles interleaved (`interleave`) and a family on one card. */
export interface PageRequest {
  tiers: Tier[];
  sort: SearchParams["sort"];
  total: number;
  groupOf: (position: number) => number;
  interleave: boolean;
  offset: number;
  size: number;
}

/** The positions of one page of the result, [] past its end. */
export async function pageOfResult(
  facetIndex: FacetIndex,
  ranking: RankingBounds,
  rankedMatches: Ranker,
  page: PageRequest,
): Promise<number[]> {
  const { tiers, sort, total, groupOf, interleave, offset, size } = page;
  if (offset >= total) return [];
  // Enough of the order for the page, with room for collapsed families and interleaved titles.
  const rank = rankingsOfOneSearch(rankedMatches);
  for (let count = Math.min(total, 2 * (offset + size) + 10); ; count = Math.min(total, count * 2)) {
    const ordered = await orderedPrefix(facetIndex, ranking, rank, tiers, sort, count);
    const positions = arrangePage(
      ordered,
      { titles: facetIndex.titles, families: facetIndex.families, groupOf },
      count >= total,
      interleave,
      offset,
      size,
    );
    if (positions) return positions;
  }
}

/** The first `count` positions of the result in its order: tier by tier, each by relevance or by a sort key. */
async function orderedPrefix(
  facetIndex: FacetIndex,
  ranking: RankingBounds,
  rank: Ranker,
  tiers: Tier[],
  sort: SearchParams["sort"],
  count: number,
): Promise<number[]> {
  const ordered: number[] = [];
  for (const tier of tiers) {
    if (ordered.length >= count) break;
    const wanted = Math.min(tier.positions.length, count - ordered.length);
    if (sort === "relevance") {
      ordered.push(...(await rankWithin(facetIndex, ranking, rank, tier.query, tier.positions, tier.matchIds, wanted)));
      continue;
    }
    const inTier = facetIndex.resultMarks();
    for (const position of tier.positions) inTier[position] = 1;
    let taken = 0;
    // By price: the offers with that price, lowest first, then the rest of the tier newest first.
    const offerSort = sort === "lump-sum" || sort === "royalty" ? sort : null;
    if (offerSort) {
      for (const position of facetIndex.offersBy(offerSort)) {
        if (taken === wanted) break;
        if (!inTier[position]) continue;
        ordered.push(position);
        taken++;
      }
    }
    for (const position of facetIndex.order(sort === "term" ? "expires" : "filed")) {
      if (taken === wanted) break;
      if (!inTier[position] || (offerSort && facetIndex.hasOffer(offerSort, position))) continue;
      ordered.push(position);
      taken++;
    }
    for (const position of tier.positions) inTier[position] = 0;
  }
  return ordered;
}

/**
 * The `wanted` best of `matched` (positions that passed every filter) in relevance order. `matchIds` are all the
 * text query's matches, ascending; in a large pool, past `exactUpTo` of them the newest are ranked first
 * (RankingBounds).
 */
async function rankWithin(
  facetIndex: FacetIndex,
  ranking: RankingBounds,
  rank: Ranker,
  query: ParsedQuery,
  matched: Int32Array,
  matchIds: Int32Array,
  wanted: number,
): Promise<number[]> {
  // Asking for more than there is would rank every match to look for it.
  wanted = Math.min(wanted, matched.length);
  if (wanted <= 0) return [];
  const bounds = boundsFor(ranking, query);
  if (facetIndex.size <= ranking.largePool || matchIds.length <= bounds.exactUpTo) {
    return bestInResult(
      facetIndex,
      matched,
      wanted,
      matched.length,
      matchIds.length,
      () => true,
      (limit) => rank(query, limit),
    );
  }
  const newest = newestHolding(facetIndex, matched, matchIds, bounds.newest, bounds.newestResults);
  const oldestOfNewest = matchIds[matchIds.length - newest];
  let inNewest = 0;
  for (const position of matched) if (facetIndex.ids[position] >= oldestOfNewest) inNewest++;
  const page = await bestInResult(
    facetIndex,
    matched,
    Math.min(wanted, inNewest),
    inNewest,
    newest,
    (id) => id >= oldestOfNewest,
    (limit) => rank(query, limit, newest),
  );
  // Only pages past the newest matches' results rank the rest (all matches, skipping the newest).
  if (page.length < wanted) {
    page.push(
      ...(await bestInResult(
        facetIndex,
        matched,
        wanted - page.length,
        matched.length - inNewest,
        matchIds.length,
        (id) => id < oldestOfNewest,
        (limit) => rank(query, limit),
      )),
    );
  }
  return page;
}

/** How many of the newest matches hold at least `results` of the result (`matched`), or all of it: `least` or
 * more. It does not depend on the page asked for, so that every page reads the same order. */
function newestHolding(
  facetIndex: FacetIndex,
  matched: Int32Array,
  matchIds: Int32Array,
  least: number,
  results: number,
): number {
  const inResult = facetIndex.resultMarks();
  for (const position of matched) inResult[position] = 1;
  let held = 0;
  let newest = 0;
  while (newest < matchIds.length && (newest < least || held < results)) {
    const position = facetIndex.positionOf(matchIds[matchIds.length - 1 - newest]);
    if (position >= 0 && inResult[position] === 1) held++;
    newest++;
  }
  for (const position of matched) inResult[position] = 0;
  return newest;
}

/**
 * The `wanted` best positions of `matched` that `keep` accepts, by a bm25 ranking over `ranked` matches of which
 * `eligible` are such positions. Computing bm25 costs about half a microsecond a match and sorting all matches
 * more, so FTS5 returns just enough of the best matches to fill the page, estimated from the share of eligible
 * ones; only if that falls short are all of them ranked.
 */
async function bestInResult(
  facetIndex: FacetIndex,
  matched: Int32Array,
  wanted: number,
  eligible: number,
  ranked: number,
  keep: (id: number) => boolean,
  rank: (limit: number) => Promise<number[]>,
): Promise<number[]> {
  if (wanted <= 0) return [];
  const estimate = Math.ceil((wanted / (eligible / ranked)) * 1.5) + 20;
  // Too few matches are eligible for an estimate to pay: rank them all at once.
  for (const limit of estimate < ranked / 2 ? [estimate, ranked] : [ranked]) {
    const best = await rank(limit);
    const inResult = facetIndex.resultMarks();
    for (const position of matched) inResult[position] = 1;
    const page: number[] = [];
    for (const id of best) {
      const position = facetIndex.positionOf(id);
      if (position >= 0 && inResult[position] === 1 && keep(id)) page.push(position);
      if (page.length === wanted) break;
    }
    for (const position of matched) inResult[position] = 0;
    if (page.length === wanted || limit >= ranked || best.length < limit) return page;
  }
  return [];
}

/** How many of the newest matches a query that only needs its best few ranks (similar patents, a need's
 * candidates): in a pool of up to `ranking.largePool` patents (fewer for a query of many terms) every match, in
 * a larger one the `bestFewNewest`, so a patent page or a need never scores every patent sharing a common word
 * (at a million patents a patent's keywords match 260,000 of them: 125 ms ranked in full, 65 ms in the window). */
export function windowFor(facetIndex: FacetIndex, ranking: RankingBounds, query: ParsedQuery): number | undefined {
  return facetIndex.size <= ranking.largePool * termShare(query) ? undefined : boundsFor(ranking, query).bestFewNewest;
}
