import { describe, expect, it } from "vitest";
import { suggestValueScore } from "./assessment.server";

const NOW = new Date("2026-01-01T00:00:00Z");
const patent: Parameters<typeof suggestValueScore>[0] = {
  type: "INVENTION",
  filingDate: new Date("2021-01-01T00:00:00Z"),
  expiresOn: new Date("2041-01-01T00:00:00Z"),
  legalStatus: "VALID",
  ipcOthers: "H01M 10/052; H01M 10/613",
  cluster: "NEV",
};

describe("the suggested value score", () => {
  it("adds up type, term left, status, breadth and cluster demand", () => {
    const { score, factors } = suggestValueScore(patent, new Map([["NEV", 1]]), NOW);
    expect(Object.fromEntries(factors.map((f) => [f.factor, f.points]))).toEqual({
      type: 30,
      term: 19,
      status: 20,
      breadth: 6,
      demand: 15,
    });
    expect(score).toBe(90);
  });

  it("gives a lapsed utility model in a quiet cluster little", () => {
    const { score } = suggestValueScore(
      { ...patent, type: "UTILITY_MODEL", legalStatus: "LAPSED", ipcOthers: "", cluster: null },
      new Map(),
      NOW,
    );
    expect(score).toBe(15 + 0 + 0 + 2 + 0);
  });

  it("stays within 0–100", () => {
    const { score } = suggestValueScore(
      { ...patent, filingDate: NOW, expiresOn: new Date("2046-01-01T00:00:00Z"), ipcOthers: "A;B;C;D;E;F;G" },
      new Map([["NEV", 1]]),
      NOW,
    );
    expect(score).toBeLessThanOrEqual(100);
  });
});
