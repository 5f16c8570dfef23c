// How a search's results are put in order (docs/decisions/013-query-understanding.md): relaxed matching's tiers
// (every word first, then fewer missing words, designs after inventions for a technical query), one card per
// patent family and near-identical titles interleaved on a page. Pure functions over column-store positions.
import type { ParsedQuery } from "./text-search";

/** A relaxed search takes the patents holding at least this many of its `words` words: half, rounded up. */
export function minimumWords(words: number): number {
  return Math.max(1, Math.ceil(words / 2));
}

export function bitCount(value: number): number {
  let count = 0;
  for (let v = value; v; v &= v - 1) count++;
  return count;
}

/** Ascending id lists merged into one, without repeats. */
export function mergeAscending(lists: Int32Array[]): Int32Array {
  const merged = new Int32Array(lists.reduce((sum, list) => sum + list.length, 0));
  const at = lists.map(() => 0);
  let count = 0;
  for (;;) {
    let smallest = -1;
    for (let i = 0; i < lists.length; i++)
      if (at[i] < lists[i].length && (smallest < 0 || lists[i][at[i]] < lists[smallest][at[smallest]])) smallest = i;
    if (smallest < 0) break;
    const id = lists[smallest][at[smallest]++];
    if (count === 0 || merged[count - 1] !== id) merged[count++] = id;
  }
  return merged.subarray(0, count);
}

/** A part of a result list ranked as a whole before the next part: exact matches before partial ones (fewer
 * missing words first), and inventions and utility models before designs unless the query is about looks. */
export interface Tier {
  positions: Int32Array;
  query: ParsedQuery;
  matchIds: Int32Array;
}

/**
 * The result's positions in tiers, ranked one after another by their `tierOf` key: twice the missing words, plus
 * one for a design patent under a technical query (fewer missing words first, then inventions and utility
 * models before designs). Null `tierOf`: a single tier.
 */
export function tiersOf(
  matched: Int32Array,
  tierOf: ((position: number) => number) | null,
  rankingFor: (missing: number) => { query: ParsedQuery; matchIds: Int32Array },
): Tier[] {
  // Every result holds every word and no design waits: one tier (most searches).
  if (!tierOf) return [{ positions: matched, ...rankingFor(0) }];
  const keys = new Int32Array(matched.length);
  let largest = 0;
  for (let i = 0; i < matched.length; i++) largest = Math.max(largest, (keys[i] = tierOf(matched[i])));
  const counts = new Int32Array(largest + 1);
  for (let i = 0; i < keys.length; i++) counts[keys[i]]++;
  const tiers: Tier[] = [];
  const slots: Array<{ array: Int32Array; filled: number } | null> = Array.from(counts, (count) =>
    count > 0 ? { array: new Int32Array(count), filled: 0 } : null,
  );
  for (let i = 0; i < keys.length; i++) {
    const slot = slots[keys[i]]!;
    slot.array[slot.filled++] = matched[i];
  }
  slots.forEach((slot, key) => {
    if (slot) tiers.push({ positions: slot.array, ...rankingFor(key >> 1) });
  });
  return tiers;
}

/** What arranging a page reads of each position: its title's key, its family's key (0: none) and its tier. */
export interface PageColumns {
  titles: ArrayLike<number>;
  families: ArrayLike<number>;
  groupOf: (position: number) => number;
}

/**
 * The positions of one page, from the result's order: a family's patents (一案双申) share one card, at its
 * best-placed member; with `interleave`, a result whose title repeats one already on its page waits for the
 * next place where it does not, but never past the end of its tier (`groupOf`). Null when `ordered` is a prefix
 * too short to tell.
 */
export function arrangePage(
  ordered: number[],
  { titles, families, groupOf }: PageColumns,
  complete: boolean,
  interleave: boolean,
  offset: number,
  size: number,
): number[] | null {
  const seenFamilies = new Set<number>();
  const arranged: number[] = [];
  const waiting: number[] = [];
  let pageTitles = new Set<number>();
  let next = 0;
  while (arranged.length < offset + size) {
    if (arranged.length % size === 0) pageTitles = new Set();
    let chosen = -1;
    const ready = waiting.findIndex((position) => !pageTitles.has(titles[position]));
    if (ready >= 0) chosen = waiting.splice(ready, 1)[0];
    while (chosen < 0 && next < ordered.length) {
      const position = ordered[next];
      // A waiting result goes before the next group's first result, even with its title repeated.
      if (waiting.length > 0 && groupOf(position) !== groupOf(waiting[0])) break;
      next++;
      const family = families[position];
      if (family !== 0) {
        if (seenFamilies.has(family)) continue;
        seenFamilies.add(family);
      }
      if (interleave && pageTitles.has(titles[position])) waiting.push(position);
      else chosen = position;
    }
    if (chosen < 0) {
      if (next >= ordered.length && !complete) return null;
      if (waiting.length === 0) break;
      chosen = waiting.shift()!;
    }
    arranged.push(chosen);
    pageTitles.add(titles[chosen]);
  }
  return arranged.slice(offset);
}
