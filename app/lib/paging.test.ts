import { describe, expect, it } from "vitest";
import { dayParam, oneOf, pageWindow, parseListQuery, readPage } from "./paging";

const request = (query: string) => new Request(`http://localhost/list${query}`);
const options = {
  sorts: ["signedAt", "name"] as const,
  defaultSort: "signedAt" as const,
  filters: { status: oneOf(["ACTIVE", "ENDED"]), from: dayParam },
};

async function refusal(run: () => unknown): Promise<{ status: number; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof Response) return { status: error.status, message: await error.text() };
    throw error;
  }
  throw new Error("not refused");
}

describe("parseListQuery", () => {
  it("reads page, words, sort, direction and filters, with defaults for what is absent or empty", () => {
    expect(parseListQuery(request(""), options)).toEqual({
      page: 1,
      q: "",
      sort: "signedAt",
      dir: "desc",
      status: undefined,
      from: undefined,
    });
    expect(
      parseListQuery(
        request("?page=3&q=+%E7%94%B5%E6%B1%A0+&sort=name&dir=asc&status=ENDED&from=2026-02-01&other=x&status2="),
        options,
      ),
    ).toEqual({
      page: 3,
      q: "电池",
      sort: "name",
      dir: "asc",
      status: "ENDED",
      from: new Date("2026-02-01T00:00:00Z"),
    });
    expect(parseListQuery(request("?status=&from=&page="), options)).toMatchObject({
      page: 1,
      status: undefined,
      from: undefined,
    });
  });

  it("refuses what no link or form could have produced with a 400 and a translation key", async () => {
    expect(await refusal(() => parseListQuery(request("?page=0"), options))).toEqual({
      status: 400,
      message: "list.err.page",
    });
    expect(await refusal(() => parseListQuery(request("?page=two"), options))).toEqual({
      status: 400,
      message: "list.err.page",
    });
    expect(await refusal(() => parseListQuery(request("?sort=password"), options))).toEqual({
      status: 400,
      message: "list.err.sort",
    });
    expect(await refusal(() => parseListQuery(request("?dir=sideways"), options))).toEqual({
      status: 400,
      message: "list.err.sort",
    });
    expect(await refusal(() => parseListQuery(request("?status=PAID"), options))).toEqual({
      status: 400,
      message: "list.err.filter",
    });
    expect(await refusal(() => parseListQuery(request("?from=2026-02-30"), options))).toEqual({
      status: 400,
      message: "list.err.date",
    });
    expect(await refusal(() => parseListQuery(request(`?q=${"词".repeat(101)}`), options))).toEqual({
      status: 400,
      message: "list.err.q",
    });
  });
});

describe("pageWindow", () => {
  it("pages 25 rows at a time and shows the last page for a page past the end", () => {
    expect(pageWindow(1, 0)).toEqual({ page: 1, skip: 0, take: 25, pages: 1 });
    expect(pageWindow(2, 51)).toEqual({ page: 2, skip: 25, take: 25, pages: 3 });
    expect(pageWindow(9, 51)).toEqual({ page: 3, skip: 50, take: 25, pages: 3 });
  });
});

describe("readPage", () => {
  const rows = Array.from({ length: 45 }, (_, index) => index + 1);
  const read = (window: { skip: number; take: number }) =>
    Promise.resolve(rows.slice(window.skip, window.skip + window.take));

  it("reads the page asked for, with the total and the number of pages", async () => {
    expect(await readPage(2, 20, () => Promise.resolve(rows.length), read)).toEqual({
      total: 45,
      page: 2,
      pages: 3,
      rows: rows.slice(20, 40),
    });
  });

  it("shows the last page's rows for a page past the end, and one empty page when there is nothing", async () => {
    expect(await readPage(7, 20, () => Promise.resolve(rows.length), read)).toEqual({
      total: 45,
      page: 3,
      pages: 3,
      rows: [41, 42, 43, 44, 45],
    });
    expect(
      await readPage(
        3,
        20,
        () => Promise.resolve(0),
        () => Promise.resolve([]),
      ),
    ).toEqual({ total: 0, page: 1, pages: 1, rows: [] });
  });
});
