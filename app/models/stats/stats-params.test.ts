import { describe, expect, it } from "vitest";
import { statsQuery } from "./period";
import { parseStatsParams } from "./stats-params";

const parse = (query: string) => parseStatsParams(new URLSearchParams(query));

describe("the statistics' period and scope from the URL", () => {
  it("reads a year as its whole calendar year, and a range as given", () => {
    expect(parse("year=2024")).toEqual({
      ok: true,
      request: { period: { from: "2024-01-01", to: "2024-12-31" }, university: null, cluster: null },
    });
    expect(parse("from=2024-07-01&to=2025-06-30&cluster=NEV&university=org-univ-01")).toEqual({
      ok: true,
      request: { period: { from: "2024-07-01", to: "2025-06-30" }, university: "org-univ-01", cluster: "NEV" },
    });
  });

  it("leaves the period to the model when none is given, and completes a range with one end", () => {
    expect(parse("")).toMatchObject({ ok: true, request: { period: null } });
    expect(parse("to=2025-03-31")).toMatchObject({
      ok: true,
      request: { period: { from: "2025-01-01", to: "2025-03-31" } },
    });
  });

  it("refuses impossible dates, reversed ranges, a year with a range, and unknown clusters, naming the field", () => {
    const issuesOf = (query: string) => {
      const parsed = parse(query);
      return parsed.ok ? [] : parsed.issues.map((issue) => issue.path);
    };
    expect(issuesOf("from=2025-02-30&to=2025-03-01")).toEqual(["from"]);
    expect(issuesOf("from=2025-03-01&to=2025-01-01")).toEqual(["to"]);
    expect(issuesOf("year=2025&from=2025-01-01")).toEqual(["year"]);
    expect(issuesOf("year=twenty")).toEqual(["year"]);
    expect(issuesOf("cluster=MOON")).toEqual(["cluster"]);
    expect(issuesOf("from=1990-01-01&to=2025-01-01")).toEqual(["to"]);
    expect(issuesOf("university=' OR 1=1 --")).toEqual(["university"]);
  });

  it("reads the page's one period control: this year to date, a year, or the dates of a range", () => {
    const today = new Date("2026-12-02T08:00:00Z");
    const parseOn = (query: string) => parseStatsParams(new URLSearchParams(query), today);
    expect(parseOn("period=ytd&from=2020-01-01&to=2020-02-01")).toMatchObject({
      ok: true,
      request: { period: { from: "2026-01-01", to: "2026-12-02" } },
    });
    expect(parseOn("period=2024&from=2020-01-01&to=2020-02-01")).toMatchObject({
      ok: true,
      request: { period: { from: "2024-01-01", to: "2024-12-31" } },
    });
    expect(parseOn("period=range&from=2024-07-01&to=2025-06-30")).toMatchObject({
      ok: true,
      request: { period: { from: "2024-07-01", to: "2025-06-30" } },
    });
    expect(parseOn("period=last")).toMatchObject({
      ok: false,
      issues: [{ path: "period", message: "stats.err.period" }],
    });
    expect(parseOn("period=1900")).toMatchObject({
      ok: false,
      issues: [{ path: "period", message: "stats.err.yearRange" }],
    });
    expect(parseOn("period=2024&year=2024")).toMatchObject({ ok: false, issues: [{ path: "year" }] });
  });

  it("writes a whole year back as ?year= and anything else as a range", () => {
    expect(statsQuery({ from: "2025-01-01", to: "2025-12-31" }, { cluster: "NEV" })).toBe("year=2025&cluster=NEV");
    expect(statsQuery({ from: "2025-01-01", to: "2025-06-30" }, { university: "u1" })).toBe(
      "from=2025-01-01&to=2025-06-30&university=u1",
    );
  });
});
