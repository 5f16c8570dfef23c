import { describe, expect, it } from "vitest";
import { comparisonOf, competitionRanks, defaultPeriod, growth, median, previousPeriod, upToToday } from "./arithmetic";

describe("statistics arithmetic", () => {
  it("compares a year with the year before, a period within a year with the same days of the year before, and a longer range with the range of equal length before it", () => {
    expect(previousPeriod({ from: "2025-01-01", to: "2025-12-31" })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(comparisonOf({ from: "2025-01-01", to: "2025-12-31" })).toBe("previousYear");
    // This year to date against the same days of last year, not against the whole of last year.
    expect(previousPeriod({ from: "2026-01-01", to: "2026-12-02" })).toEqual({ from: "2025-01-01", to: "2025-12-02" });
    expect(comparisonOf({ from: "2026-01-01", to: "2026-12-02" })).toBe("sameDaysYearBefore");
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-31" })).toEqual({ from: "2023-03-01", to: "2023-03-31" });
    expect(previousPeriod({ from: "2024-02-01", to: "2024-02-29" })).toEqual({ from: "2023-02-01", to: "2023-02-28" });
    expect(previousPeriod({ from: "2024-07-01", to: "2025-06-30" })).toEqual({ from: "2023-07-01", to: "2024-06-30" });
    // 731 days (2024 has 29 February), so the 731 days before.
    expect(previousPeriod({ from: "2023-07-01", to: "2025-06-30" })).toEqual({ from: "2021-06-30", to: "2023-06-30" });
    expect(comparisonOf({ from: "2023-07-01", to: "2025-06-30" })).toBe("precedingPeriod");
  });

  it("opens on the last complete year, and counts a period that reaches past today to today", () => {
    expect(defaultPeriod(new Date("2026-12-02T10:00:00Z"))).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(defaultPeriod(new Date("2026-01-01T00:00:00Z"))).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    const today = new Date("2026-12-02T10:00:00Z");
    expect(upToToday({ from: "2026-01-01", to: "2026-12-31" }, today)).toEqual({
      from: "2026-01-01",
      to: "2026-12-02",
    });
    expect(upToToday({ from: "2025-01-01", to: "2025-12-31" }, today)).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(upToToday({ from: "2027-01-01", to: "2027-12-31" }, today)).toEqual({
      from: "2027-01-01",
      to: "2027-12-31",
    });
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
