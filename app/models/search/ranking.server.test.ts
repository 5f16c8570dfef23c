import { describe, expect, it, vi } from "vitest";
import type { FacetIndex } from "./facet-index.server";
import { rankEarly, withEarlyRanking, type EarlyRanking, type Ranker } from "./ranking.server";
import type { ParsedQuery } from "./text-search";

const bounds = { largePool: 100, exactUpTo: 50, newest: 20, newestResults: 5, bestFewNewest: 40 };
const sensor: ParsedQuery = { match: '"sensor"', tsQuery: "sensor", highlight: [] };
const battery: ParsedQuery = { match: '"battery"', tsQuery: "battery", highlight: [] };
const poolOf = (size: number) => ({ size }) as FacetIndex;

/** A ranking of the newest 20 matches, already read. */
const early = (ids: number[]): EarlyRanking => ({ match: sensor.match!, newest: 20, ids: Promise.resolve(ids) });
const twoThousand = Array.from({ length: 2000 }, (_, i) => 5000 - i);

describe("a ranking started beside the match list", () => {
  it("starts in a large pool only, for the newest matches the bounds rank first", () => {
    const rankedAlongside = vi.fn(() => Promise.resolve([3, 2, 1]));
    expect(rankEarly(poolOf(100), bounds, { rankedAlongside }, sensor)).toBeNull();
    expect(rankEarly(poolOf(101), bounds, { rankedAlongside }, { ...sensor, match: null })).toBeNull();
    expect(rankedAlongside).not.toHaveBeenCalled();

    const started = rankEarly(poolOf(101), bounds, { rankedAlongside }, sensor);
    expect(started).toMatchObject({ match: '"sensor"', newest: 20 });
    expect(rankedAlongside).toHaveBeenCalledWith(sensor, 2000, 20);
    // A query of many terms ranks fewer of the newest (boundsFor): 6 terms, half of them.
    const sixTerms = { ...sensor, match: '"a b c" OR "d e f"' };
    expect(rankEarly(poolOf(101), bounds, { rankedAlongside }, sixTerms)?.newest).toBe(10);
  });

  it("is not started when no second connection is ready, and its failure is not the search's", async () => {
    expect(rankEarly(poolOf(101), bounds, { rankedAlongside: () => null }, sensor)).toBeNull();
    const failed = rankEarly(poolOf(101), bounds, { rankedAlongside: () => Promise.reject(new Error("busy")) }, sensor);
    const ranker = vi.fn<Ranker>(async () => [7]);
    expect(await withEarlyRanking(ranker, failed, 500)(sensor, 100, 20)).toEqual([7]);
    expect(ranker).toHaveBeenCalledWith(sensor, 100, 20);
  });

  it("answers the same window of the same query, as deep as it was read", async () => {
    const ranker = vi.fn<Ranker>(async () => [1]);
    const ranked = withEarlyRanking(ranker, early(twoThousand), 500);
    expect(await ranked(sensor, 2000, 20)).toEqual(twoThousand);
    expect(await ranked(sensor, 150, 20)).toHaveLength(2000);
    expect(ranker).not.toHaveBeenCalled();

    // Another window, another query, or deeper than was read: ranked again.
    await ranked(sensor, 100, 40);
    await ranked(sensor, 100);
    await ranked(battery, 100, 20);
    await ranked(sensor, 4000, 20);
    expect(ranker.mock.calls).toEqual([
      [sensor, 100, 40],
      [sensor, 100, undefined],
      [battery, 100, 20],
      [sensor, 4000, 20],
    ]);
  });

  it("answers a ranking of every match when there are no more than the window", async () => {
    const ranker = vi.fn<Ranker>(async () => [1]);
    // 15 matches: the newest 20 are all of them, and a ranking shorter than 2,000 is complete.
    const all = [15, 3, 9];
    const ranked = withEarlyRanking(ranker, early(all), 15);
    expect(await ranked(sensor, 100)).toEqual(all);
    expect(await ranked(sensor, 5000, 15)).toEqual(all);
    expect(ranker).not.toHaveBeenCalled();
  });
});
