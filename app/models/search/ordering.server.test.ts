import { describe, expect, it } from "vitest";
import { arrangePage, bitCount, mergeAscending, minimumWords, tiersOf } from "./ordering.server";
import { NO_QUERY } from "./text-search";

describe("relaxation planning", () => {
  it("takes patents holding at least half the words", () => {
    expect([1, 2, 3, 4, 5, 6].map(minimumWords)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(bitCount(0b1011)).toBe(3);
  });

  it("merges the words' ascending id lists without repeats", () => {
    expect(Array.from(mergeAscending([Int32Array.of(1, 4, 9), Int32Array.of(2, 4, 10), Int32Array.of()]))).toEqual([
      1, 2, 4, 9, 10,
    ]);
  });

  it("orders tiers by missing words, then designs after the others", () => {
    // Positions 0-5: missing words 0, 1, 0, 0, 1, 2; position 3 is a design.
    const missing = [0, 1, 0, 0, 1, 2];
    const tierOf = (position: number) => missing[position] * 2 + (position === 3 ? 1 : 0);
    const tiers = tiersOf(Int32Array.of(0, 1, 2, 3, 4, 5), tierOf, (words) => ({
      query: NO_QUERY,
      matchIds: Int32Array.of(words),
    }));
    expect(tiers.map((tier) => Array.from(tier.positions))).toEqual([[0, 2], [3], [1, 4], [5]]);
    // Exact tiers are ranked with the exact query, partial ones with "any word".
    expect(tiers.map((tier) => tier.matchIds[0])).toEqual([0, 0, 1, 2]);
    expect(
      tiersOf(Int32Array.of(1, 4), tierOf, (words) => ({ query: NO_QUERY, matchIds: Int32Array.of(words) }))[0]
        .matchIds[0],
    ).toBe(1);
  });
});

describe("arranging a page", () => {
  const columns = (
    titles: number[],
    families: number[] = titles.map(() => 0),
    groups: number[] = titles.map(() => 0),
  ) => ({
    titles,
    families,
    groupOf: (position: number) => groups[position],
  });

  it("shows one card per family, at its best-placed member", () => {
    expect(arrangePage([0, 1, 2, 3], columns([1, 2, 3, 4], [7, 0, 7, 0]), true, true, 0, 10)).toEqual([0, 1, 3]);
  });

  it("moves a repeated title to the next place where the page does not have it", () => {
    // Titles: A A A B C; on a page of 3: A B C, then A, A on the next page.
    expect(arrangePage([0, 1, 2, 3, 4], columns([1, 1, 1, 2, 3]), true, true, 0, 3)).toEqual([0, 3, 4]);
    expect(arrangePage([0, 1, 2, 3, 4], columns([1, 1, 1, 2, 3]), true, true, 3, 3)).toEqual([1, 2]);
    // Without interleaving (other sort orders) the order stays.
    expect(arrangePage([0, 1, 2, 3, 4], columns([1, 1, 1, 2, 3]), true, false, 0, 3)).toEqual([0, 1, 2]);
  });

  it("never moves a result past the end of its tier", () => {
    // Positions 0 and 1 share a title and an exact tier; 2 is a partial match.
    expect(arrangePage([0, 1, 2], columns([1, 1, 2], [0, 0, 0], [0, 0, 1]), true, true, 0, 3)).toEqual([0, 1, 2]);
  });

  it("asks for more of the order when a prefix cannot tell", () => {
    expect(arrangePage([0, 1], columns([1, 1]), false, true, 0, 2)).toBeNull();
    expect(arrangePage([0, 1], columns([1, 1]), true, true, 0, 2)).toEqual([0, 1]);
  });
});
