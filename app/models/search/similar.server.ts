// Patents close to some words rather than matching a whole query: a patent page's similar patents, the best few
// matches a suggestion probes, the patents that weigh most for a technology need (ADR 013).
import type { SearchContext } from "./context.server";
import type { Facets } from "./facets.server";
import { loadSearchItems, type SearchItem } from "./items.server";
import { keywordQuery } from "./query.server";
import { windowFor } from "./ranking.server";
import type { ParsedQuery } from "./text-search";

/** Patents whose text is closest to this one's keywords and title, within the transferable pool. Remembered
 * like searches are (ranking every patent sharing a keyword costs milliseconds on every patent page). */
export async function similarPatents(context: SearchContext, patentId: number, limit = 5): Promise<SearchItem[]> {
  const { db, text, ranking, outcomes } = context;
  const facetIndex = await context.currentIndex();
  outcomes.forgetIfChanged(facetIndex);
  const key = `similar:${patentId}:${limit}`;
  const known = outcomes.recall(key, { use: false });
  if (known) return loadSearchItems(db, known.ids, []);
  const patent = await db.patent.findUnique({ where: { id: patentId }, select: { keywords: true, keywordsEn: true } });
  if (!patent) return [];
  const words = [...patent.keywords.split("; "), ...patent.keywordsEn.split("; ")].filter(Boolean);
  const { query } = keywordQuery(words);
  if (!query.match) return [];
  const ids: number[] = [];
  // Its own family (the same invention filed as a utility model) is not "similar", and a family is one entry.
  const sourcePosition = facetIndex.positionOf(patentId);
  const families = new Set(
    sourcePosition >= 0 && facetIndex.families[sourcePosition] !== 0 ? [facetIndex.families[sourcePosition]] : [],
  );
  for (const id of await text.ranked(query, limit * 10, windowFor(facetIndex, ranking, query))) {
    const position = facetIndex.positionOf(id);
    if (id === patentId || position < 0 || facetIndex.inPool[position] !== 1) continue;
    const family = facetIndex.families[position];
    if (family !== 0) {
      if (families.has(family)) continue;
      families.add(family);
    }
    ids.push(id);
    if (ids.length === limit) break;
  }
  outcomes.remember(key, {
    total: ids.length,
    exactTotal: ids.length,
    relaxed: false,
    partial: false,
    facets: {} as Facets,
    ids,
    missing: [],
  });
  return loadSearchItems(db, ids, []);
}

/** The `limit` best matches of a query that only needs its best few ranks (windowFor), best first. */
export async function bestMatches(context: SearchContext, query: ParsedQuery, limit: number): Promise<number[]> {
  return context.text.ranked(query, limit, windowFor(await context.currentIndex(), context.ranking, query));
}

/**
 * The pool patents holding the most weight of these words (`weights[i]` for word i's query `words[i]`, at most
 * 32 words), best first, `limit` of them; ties by newest. Each with the bit mask of the words it holds. A need
 * is ranked this way (ADR 013): by what it is about, over the whole pool, not among one ranking's best.
 */
export async function byWordWeight(
  context: SearchContext,
  words: ParsedQuery[],
  weights: number[],
  limit: number,
): Promise<Array<{ id: number; weight: number; words: number }>> {
  const facetIndex = await context.currentIndex();
  const weight = new Float64Array(facetIndex.size);
  const held = new Uint32Array(facetIndex.size);
  const touched: number[] = [];
  for (const [word, query] of words.slice(0, 32).entries()) {
    for (const position of facetIndex.poolPositionsOf(await context.text.matches(query))) {
      if (held[position] === 0) touched.push(position);
      held[position] |= 1 << word;
      weight[position] += weights[word];
    }
  }
  const { ids } = facetIndex;
  touched.sort((a, b) => weight[b] - weight[a] || ids[b] - ids[a]);
  return touched
    .slice(0, limit)
    .map((position) => ({ id: ids[position], weight: weight[position], words: held[position] }));
}
