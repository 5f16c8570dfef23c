// Patent search: FTS5 for the text, an in-memory column store for filters, facet counts and sorting
// (docs/decisions/002-bilingual-search.md). A search finds the text query's matches (./full-text.server.ts),
// filters and counts them over the column store (./facet-index.server.ts, ./facets.server.ts), adds partial
// matches when there are few (./partial-matches.server.ts), orders one page (./ranking.server.ts) and loads its
// patents (./items.server.ts); recent outcomes are remembered until a patent changes (./recent-outcomes.server.ts).
import { readPrisma, type PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import type { SearchContext } from "./context.server";
import { facetIndexOf } from "./facet-index.server";
import { facetCounters, facetsOf, filterAndCount, filtersFor, type Facets } from "./facets.server";
import { textIndexOf } from "./full-text.server";
import { loadSearchItems, type SearchItem } from "./items.server";
import { bitCount, tiersOf } from "./ordering.server";
import { missingWords, relaxedResult, RELAX_BELOW, type Coverage } from "./partial-matches.server";
import { queryCostIssue, searchQuery, understandQuery } from "./query.server";
import {
  pageOfResult,
  RANKING_BOUNDS,
  rankEarly,
  withEarlyRanking,
  type EarlyRanking,
  type RankingBounds,
} from "./ranking.server";
import { RecentOutcomes } from "./recent-outcomes.server";
import type { SearchParams } from "./search-params";
import { bestMatches, byWordWeight, similarPatents } from "./similar.server";
import type { ParsedQuery } from "./text-search";

export interface SearchResult {
  /** Patents in the list over all pages, and the set the facets count: the exact matches, and when `relaxed`
   * the partial matches too. One card can hold a family's two patents. */
  total: number;
  /** Patents that contain every word of the query (with the filters). */
  exactTotal: number;
  /** Fewer than RELAX_BELOW patents contain every word: patents with most of them follow, each with `missing`. */
  relaxed: boolean;
  /** Finding the matches took half the search's time budget: they are newest first, not ranked by relevance. */
  partial: boolean;
  /** How the query was understood: the words searched, each with its alternatives, and the words left out. */
  understanding: { words: Array<{ word: string; alternatives: string[] }>; ignored: string[] };
  page: number;
  pageSize: number;
  sort: SearchParams["sort"];
  items: SearchItem[];
  facets: Facets;
}

/** `load.items: false` gives the total and facets without loading the page's items (a suggestion's count). */
async function searchPatents(
  context: SearchContext,
  params: SearchParams,
  now = Date.now(),
  load: { items: boolean } = { items: true },
): Promise<SearchResult> {
  const { db, text, ranking, outcomes, timeBudgetMs } = context;
  const facetIndex = await context.currentIndex();
  const understanding = understandQuery(params.q);
  const query = understanding.strict;
  const described = {
    words: understanding.words.map((word) => ({ word: word.label, alternatives: word.alternatives })),
    ignored: understanding.ignored,
  };
  outcomes.forgetIfChanged(facetIndex);
  // Remaining-term buckets move with the day, so the day is part of the key.
  const key = `${Math.floor(now / 86_400_000)}:${JSON.stringify(params)}`;
  const known = outcomes.recall(key, { use: true });
  if (known) {
    const items = load.items ? await loadSearchItems(db, known.ids, understanding.highlight, known.missing) : [];
    return {
      total: known.total,
      exactTotal: known.exactTotal,
      relaxed: known.relaxed,
      partial: known.partial,
      understanding: described,
      page: params.page,
      pageSize: params.size,
      sort: params.sort,
      items,
      facets: known.facets,
    };
  }
  const costIssue = queryCostIssue(understanding);
  if (costIssue) throw new DomainError("QUERY_TOO_COSTLY", costIssue.key, { path: "q", values: costIssue.values });
  const started = performance.now();
  // Past half the budget after finding the matches, the optional work is left out: partial matches, and
  // bm25, whose cost grows with the query's terms and their frequency in the whole pool. Only in a large pool
  // (RankingBounds): a smaller one searches well within the budget (the demo pool's slowest search took
  // 23.5 ms), and its answers must not depend on how busy the machine is.
  const overBudget = () =>
    timeBudgetMs !== undefined && facetIndex.size > ranking.largePool && performance.now() - started > timeBudgetMs / 2;
  const filters = filtersFor(params, facetIndex, now);
  let sort = params.sort === "relevance" && !query.match ? "newest" : params.sort;
  let candidates: Int32Array;
  let matchIds: Int32Array = new Int32Array(0);
  let early: EarlyRanking | null = null;
  if (query.match) {
    if (sort === "relevance") early = rankEarly(facetIndex, ranking, text, query);
    matchIds = await text.matches(query);
    candidates = facetIndex.poolPositionsOf(matchIds);
  } else {
    candidates = facetIndex.poolPositions();
  }
  let counters = facetCounters(facetIndex);
  let matched = filterAndCount(candidates, filters.columns, filters.masks, filters.active, counters);
  const exactTotal = matched.length;

  // Too few patents hold every word: those holding most of them follow (with the same filters).
  let coverage: Coverage | null = null;
  if (query.match && exactTotal < RELAX_BELOW && understanding.words.length >= 2 && !overBudget()) {
    const relaxed = await relaxedResult(text, facetIndex, understanding, filters, candidates.length, exactTotal);
    if (relaxed) ({ coverage, matched, counters } = relaxed);
  }
  const facets = facetsOf(counters, filters.selected, facetIndex);

  const partial = sort === "relevance" && overBudget();
  if (partial) sort = "newest";
  const wordCount = understanding.words.length;
  const missingOf = (position: number) => (coverage ? wordCount - bitCount(coverage.bits[position]) : 0);
  const design = sort === "relevance" && !understanding.aboutAppearance ? filters.d.type.find("DESIGN") : undefined;
  const types = facetIndex.columns.type;
  const tierOf = (position: number) =>
    missingOf(position) * 2 + (design !== undefined && types[position] === design ? 1 : 0);
  const tiered =
    coverage !== null ||
    (design !== undefined && facets.type.some((value) => value.value === "DESIGN" && value.count > 0));
  const tiers = tiersOf(matched, tiered ? tierOf : null, (missing) =>
    missing === 0 ? { query, matchIds } : { query: understanding.any, matchIds: coverage!.anyIds },
  );
  const ranked = withEarlyRanking(text.ranked, early, matchIds.length);
  const pagePositions = await pageOfResult(facetIndex, ranking, ranked, {
    tiers,
    sort,
    total: matched.length,
    groupOf: tierOf,
    interleave: sort === "relevance" && query.match !== null,
    offset: (params.page - 1) * params.size,
    size: params.size,
  });

  const pageIds = pagePositions.map((p) => facetIndex.ids[p]);
  const missing = pagePositions.map((position) => missingWords(coverage, understanding, position));
  outcomes.remember(key, {
    total: matched.length,
    exactTotal,
    relaxed: coverage !== null,
    partial,
    facets,
    ids: pageIds,
    missing,
  });
  const items = load.items ? await loadSearchItems(db, pageIds, understanding.highlight, missing) : [];
  return {
    total: matched.length,
    exactTotal,
    relaxed: coverage !== null,
    partial,
    understanding: described,
    page: params.page,
    pageSize: params.size,
    sort: params.sort,
    items,
    facets,
  };
}

/** Which of these patents (null: all) a search matches now: in the pool, the text and every filter. Searches
 * checked together share their text matches through `textCache` (many saved searches share their words). */
async function matchingAmong(
  context: SearchContext,
  params: SearchParams,
  ids: number[] | null,
  now = Date.now(),
  textCache = new Map<string, Set<number>>(),
): Promise<Set<number>> {
  const facetIndex = await context.currentIndex();
  const { columns, masks, active } = filtersFor(params, facetIndex, now);
  const query = searchQuery(params.q);
  let candidates = ids ?? Array.from(facetIndex.poolPositions(), (position) => facetIndex.ids[position]);
  if (query.match) {
    let text = textCache.get(query.match);
    if (!text) textCache.set(query.match, (text = new Set(await context.text.matches(query))));
    candidates = candidates.filter((id) => text.has(id));
  }
  const matched = new Set<number>();
  for (const id of candidates) {
    const position = facetIndex.positionOf(id);
    if (position < 0 || facetIndex.inPool[position] !== 1) continue;
    if (active.every((dimension) => masks[dimension]![columns[dimension][position]] === 1)) matched.add(id);
  }
  return matched;
}

/** `remember: false` makes every search do its full work (the benchmark measures that); `ranking` lets tests
 * reach the approximate ranking of very broad queries with a handful of patents. */
export function createPatentSearch(
  db: PrismaClient,
  options: { remember: boolean; ranking?: RankingBounds; timeBudgetMs?: number } = { remember: true },
) {
  const context: SearchContext = {
    db,
    text: textIndexOf(db),
    currentIndex: facetIndexOf(db),
    ranking: options.ranking ?? RANKING_BOUNDS,
    outcomes: new RecentOutcomes(options.remember),
    timeBudgetMs: options.timeBudgetMs,
  };
  return {
    search: (params: SearchParams, now?: number, load?: { items: boolean }) =>
      searchPatents(context, params, now, load),
    similar: (patentId: number, limit?: number) => similarPatents(context, patentId, limit),
    matchingAmong: (params: SearchParams, ids: number[] | null, now?: number, textCache?: Map<string, Set<number>>) =>
      matchingAmong(context, params, ids, now, textCache),
    bestMatches: (query: ParsedQuery, limit: number) => bestMatches(context, query, limit),
    byWordWeight: (words: ParsedQuery[], weights: number[], limit: number) =>
      byWordWeight(context, words, weights, limit),
    /** The facet index, caught up with every committed change. */
    refresh: context.currentIndex,
  };
}

let defaultSearch: ReturnType<typeof createPatentSearch> | null = null;

/** What one search may spend (issue 17): past half of it after finding the matches, it answers newest first. */
export const SEARCH_TIME_BUDGET_MS = 200;

/** The process's search, on the read replica if there is one (DATABASE_READ_URL). */
export function patentSearch() {
  return (defaultSearch ??= createPatentSearch(readPrisma, { remember: true, timeBudgetMs: SEARCH_TIME_BUDGET_MS }));
}
