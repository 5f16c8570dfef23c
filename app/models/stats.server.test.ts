import { describe, expect, it } from "vitest";
import { competitionRanks, growth, median, previousPeriod } from "./stats.server";

describe("statistics arithmetic", () => {
  it("compares a year with the year before, and a range with the range of equal length before it", () => {
    expect(previousPeriod({ from: "2025-01-01", to: "2025-12-31" })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-31" })).toEqual({ from: "2024-01-30", to: "2024-02-29" });
  });

  it("has no growth figure from nothing", () => {
    expect(growth(426, 231)).toBeCloseTo(0.844, 3);
    expect(growth(5, 0)).toBeNull();
  });

  it("shares ranks between ties and skips the ranks they take", () => {
    expect(competitionRanks([10, 30, 30, 5])).toEqual([3, 1, 1, 4]);
  });

  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([62, 30])).toBe(46);
    expect(median([5, 1, 9])).toBe(5);
  });
});
