// Partial matches (docs/decisions/013-query-understanding.md): when fewer than RELAX_BELOW patents contain every
// word of a query, the patents containing most of them follow, each with the words it lacks.
import type { FacetIndex } from "./facet-index.server";
import { facetCounters, filterAndCount, type SearchFilters } from "./facets.server";
import type { TextIndex } from "./full-text.server";
import { bitCount, mergeAscending, minimumWords } from "./ordering.server";
import type { QueryUnderstanding } from "./query.server";

/** Below this many exact results, partial matches follow them (ADR 013); a constant, so that a total does not
 * depend on the page size. */
export const RELAX_BELOW = 20;

/** Which of a relaxed query's words each position contains (bit i: word i), for the positions that contain at
 * least `minimum` of them. */
export interface Coverage {
  bits: Uint16Array;
  minimum: number;
  /** Pool positions with at least `minimum` words, ascending. */
  positions: Int32Array;
  /** Ids of every patent with any of the words (pool or not), ascending: the partial matches' ranking set. */
  anyIds: Int32Array;
}

/** Which of the query's words each pool patent contains, for the patents with most of them (ADR 013). */
async function coverageOf(
  text: TextIndex,
  facetIndex: FacetIndex,
  understanding: QueryUnderstanding,
): Promise<Coverage> {
  const bits = new Uint16Array(facetIndex.size);
  const touched: number[] = [];
  const lists: Int32Array[] = [];
  for (const [word, query] of understanding.each.entries()) {
    const ids = await text.matches(query);
    lists.push(ids);
    for (const position of facetIndex.poolPositionsOf(ids)) {
      if (bits[position] === 0) touched.push(position);
      bits[position] |= 1 << word;
    }
  }
  const minimum = minimumWords(understanding.words.length);
  const positions = Int32Array.from(touched.filter((position) => bitCount(bits[position]) >= minimum)).sort();
  return { bits, minimum, positions, anyIds: mergeAscending(lists) };
}

/** The result with the patents holding most of the words (with the same filters), and its facet counters; null
 * when it would hold no more than the `exactTotal` exact matches among `candidates` text matches. */
export async function relaxedResult(
  text: TextIndex,
  facetIndex: FacetIndex,
  understanding: QueryUnderstanding,
  filters: SearchFilters,
  candidates: number,
  exactTotal: number,
): Promise<{ coverage: Coverage; matched: Int32Array; counters: Int32Array[] } | null> {
  const found = await coverageOf(text, facetIndex, understanding);
  if (found.positions.length <= candidates) return null;
  const counters = facetCounters(facetIndex);
  const matched = filterAndCount(found.positions, filters.columns, filters.masks, filters.active, counters);
  return matched.length > exactTotal ? { coverage: found, matched, counters } : null;
}

/** The query's words (their labels) that the patent at `position` lacks. */
export function missingWords(coverage: Coverage | null, understanding: QueryUnderstanding, position: number): string[] {
  return coverage
    ? understanding.words.filter((_, word) => (coverage.bits[position] & (1 << word)) === 0).map((word) => word.label)
    : [];
}
