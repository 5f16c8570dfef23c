// Never a dead end (issue 13, part 4): a search that finds nothing or little offers to drop its filters one at a
// time (each with its count), related words from the thesaurus and the pool's keywords, a spelling the pool
// knows, and the query as a technology need, which the need form then shows filled in.
import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { parseSearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";
import { editDistance, searchSuggestions, THIN_RESULTS } from "~/models/search/suggestions.server";
import { loader as needForm } from "~/routes/needs.new";
import { loader as searchPage } from "~/routes/patents._index";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const paramsOf = (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.params;
};
const suggestionsFor = async (query: string) => {
  const params = paramsOf(query);
  const result = await patentSearch().search(params);
  return { result, suggestions: await searchSuggestions(params, result) };
};

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
async function call(
  loader: Loader,
  url: string,
  cookie?: string,
): Promise<{ status: number; body: unknown; location?: string | null }> {
  const request = new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    const result = (await loader({ request, params: {}, context: {} })) as
      { type?: string; data?: unknown; init?: { status?: number } } | Response;
    if (result instanceof Response)
      return { status: result.status, body: null, location: result.headers.get("Location") };
    if (result?.type === "DataWithResponseInit") return { status: result.init?.status ?? 200, body: result.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, body: null, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

let cqu: { id: string };
let swu: { id: string };
let smeCookie = "";

beforeAll(async () => {
  cqu = await createUniversity("重庆大学", "Chongqing University");
  swu = await createUniversity("西南大学", "Southwest University");
  const motor = (n: number, ownerId: string, extra: Record<string, unknown> = {}) =>
    createPatent({
      ownerId,
      title: `一种轮毂电机的冷却结构${n}`,
      titleEn: `Cooling structure for an in-wheel motor ${n}`,
      keywords: "轮毂电机; 冷却",
      keywordsEn: "in-wheel motor; cooling",
      ipcMain: "H02K 9/19",
      cluster: "NEV",
      ...extra,
    });
  for (let n = 1; n <= 6; n++) await motor(n, n <= 4 ? cqu.id : swu.id, n === 6 ? { type: "UTILITY_MODEL" } : {});
  await createPatent({
    ownerId: swu.id,
    title: "一种永磁同步电机的控制方法",
    titleEn: "Control method for a permanent-magnet synchronous motor",
    keywords: "永磁同步电机; 控制",
    keywordsEn: "permanent magnet synchronous motor; control",
    ipcMain: "H02P 21/00",
    cluster: "NEV",
  });
  await createPatent({
    ownerId: swu.id,
    title: "一种谐波减速器的柔轮",
    titleEn: "Flexspline of a harmonic reducer",
    keywords: "谐波齿轮减速器; 柔轮",
    keywordsEn: "harmonic gear reducer; flexspline",
    ipcMain: "F16H 49/00",
    cluster: "SMART_EQUIPMENT",
  });

  const enterprise = await createEnterprise("重庆需求测试有限公司");
  const user = await createUser({
    email: "sme@suggestions.example",
    name: "sme",
    password: "suggestions password",
    role: "SME",
    organizationId: enterprise.id,
  });
  smeCookie = (await startSession(user.id, 1)).split(";")[0];
});

describe("a search that finds nothing with its filters", () => {
  it("keeps each filter and offers to drop it, with the count it would give and the rest of the URL kept", async () => {
    const { result, suggestions } = await suggestionsFor(
      `q=轮毂电机&university=${swu.id}&type=DESIGN&sort=newest&size=10&page=2`,
    );
    expect(result.total).toBe(0);
    expect(
      suggestions.filters.map((filter) => [filter.key, filter.values.map((value) => value.label), filter.total]),
    ).toEqual([
      ["university", ["西南大学"], 0],
      ["type", ["外观设计"], 2],
    ]);
    const withoutType = new URLSearchParams(suggestions.filters[1].query);
    expect(withoutType.getAll("type")).toEqual([]);
    expect(Object.fromEntries(withoutType)).toEqual({ q: "轮毂电机", university: swu.id, sort: "newest", size: "10" });
    expect(suggestions.withoutFilters).toMatchObject({ total: 6 });
    expect(new URLSearchParams(suggestions.withoutFilters!.query).toString()).toBe(
      "q=%E8%BD%AE%E6%AF%82%E7%94%B5%E6%9C%BA&sort=newest&size=10",
    );
    expect(suggestions.withoutWords).toMatchObject({ total: 0 });
    // The counts are the totals the suggested pages show.
    for (const filter of suggestions.filters)
      expect((await patentSearch().search(paramsOf(filter.query))).total).toBe(filter.total);
  });

  it("counts dropping one filter of two that each exclude some", async () => {
    const { suggestions } = await suggestionsFor(`q=轮毂电机&university=${swu.id}&type=INVENTION`);
    // 西南大学 holds motors 5 (invention) and 6 (utility model): 1 result now.
    expect(suggestions.filters.map((filter) => [filter.key, filter.total])).toEqual([
      ["university", 5],
      ["type", 2],
    ]);
  });

  it("offers the open-license and fee filters too", async () => {
    const { suggestions } = await suggestionsFor("q=轮毂电机&open=1&fee=LUMP_SUM");
    expect(suggestions.filters.map((filter) => [filter.key, filter.values[0].labelEn, filter.total])).toEqual([
      ["fee", "Lump sum", 0],
      ["open", "Open license offered", 0],
    ]);
    expect(suggestions.withoutFilters?.total).toBe(6);
  });
});

describe("related words and spellings", () => {
  it("suggests the pool's keywords that share a word with a query that finds nothing, each with its count", async () => {
    const { result, suggestions } = await suggestionsFor("q=无刷电机");
    expect(result.total).toBe(0);
    const related = suggestions.related.map((suggestion) => [suggestion.term, suggestion.total]);
    expect(related).toContainEqual(["轮毂电机", 6]);
    expect(related).toContainEqual(["永磁同步电机", 1]);
    expect(suggestions.related.every((suggestion) => suggestion.total > 0)).toBe(true);
    expect(suggestions.related.find((suggestion) => suggestion.term === "轮毂电机")?.query).toBe(
      `q=${encodeURIComponent("轮毂电机")}`,
    );
  });

  it("suggests a spelling the pool knows for an English word it lacks", async () => {
    expect(editDistance("flexpsline", "flexspline")).toBe(1);
    const { result, suggestions } = await suggestionsFor("q=flexpsline");
    expect(result.total).toBe(0);
    expect(suggestions.didYouMean).toEqual([
      { term: "flexspline", source: "spelling", query: "q=flexspline", total: 1 },
    ]);
  });

  it("reads the thesaurus for words related to the query's", async () => {
    // 电机 is a thesaurus entry (with 马达, motor…) held in 无刷电机: searched with its group, it finds all 7 motors.
    const { suggestions } = await suggestionsFor("q=无刷电机");
    expect(suggestions.related[0]).toMatchObject({ term: "电机", source: "thesaurus", total: 7 });
  });

  it("suggests keywords holding a word of a query that finds little", async () => {
    const { result, suggestions } = await suggestionsFor("q=行星减速器");
    expect(result.total).toBe(1);
    expect(suggestions.related.map((suggestion) => [suggestion.term, suggestion.source])).toContainEqual([
      "谐波齿轮减速器",
      "index",
    ]);
  });
});

describe("the search page", () => {
  it("offers the ways on below THIN_RESULTS results only", async () => {
    const thin = (await call(searchPage as Loader, "/patents?q=谐波减速器")).body as {
      result: { total: number };
      suggestions: unknown;
    };
    expect(thin.result.total).toBeLessThan(THIN_RESULTS);
    expect(thin.suggestions).not.toBeNull();
    const plenty = (await call(searchPage as Loader, "/patents?q=轮毂电机")).body as {
      result: { total: number };
      suggestions: unknown;
    };
    expect(plenty.result.total).toBe(6);
    expect(plenty.suggestions).toBeNull();
  });

  it("carries the query to the need form", async () => {
    const { suggestions } = await suggestionsFor("q=步进电机 低噪声驱动");
    expect(suggestions.need).toEqual({ title: "步进电机 低噪声驱动", description: "步进电机 低噪声驱动" });
    const long = "电机".repeat(100);
    expect((await suggestionsFor(`q=${long}`)).suggestions.need?.title).toHaveLength(120);
  });

  it("keeps the compare selection and refuses a bad one with a 400", async () => {
    const page = (await call(searchPage as Loader, "/patents?q=轮毂电机&compare=3&compare=5")).body as {
      selection: number[];
    };
    expect(page.selection).toEqual([3, 5]);
    expect((await call(searchPage as Loader, "/patents?compare=1,2,3,4,5")).status).toBe(400);
    expect((await call(searchPage as Loader, "/patents?compare=x")).status).toBe(400);
  });
});

describe("the need form filled in from a search", () => {
  it("shows the title and description given in its URL", async () => {
    const page = await call(
      needForm as Loader,
      `/needs/new?${new URLSearchParams({ title: "步进电机 低噪声驱动", description: "步进电机 低噪声驱动" })}`,
      smeCookie,
    );
    expect(page).toMatchObject({
      status: 200,
      body: { prefill: { title: "步进电机 低噪声驱动", description: "步进电机 低噪声驱动" }, prefillErrors: null },
    });
    expect((await call(needForm as Loader, "/needs/new", smeCookie)).body).toMatchObject({
      prefill: { title: "", description: "" },
    });
  });

  it("refuses text the form itself would refuse, with a 400 and an empty form", async () => {
    const long = await call(needForm as Loader, `/needs/new?title=${"长".repeat(121)}`, smeCookie);
    expect(long).toMatchObject({
      status: 400,
      body: { prefill: { title: "", description: "" }, prefillErrors: { title: "validation.tooLong" } },
    });
    const control = await call(
      needForm as Loader,
      `/needs/new?description=${encodeURIComponent("电机\u0000")}`,
      smeCookie,
    );
    expect(control).toMatchObject({ status: 400, body: { prefillErrors: { description: "validation.characters" } } });
  });

  it("sends a visitor to sign in first, then back to the filled-in form", async () => {
    const visitor = await call(needForm as Loader, `/needs/new?title=${encodeURIComponent("步进电机")}`);
    expect(visitor.status).toBe(302);
    const back = new URL(visitor.location!, "http://localhost").searchParams.get("redirectTo")!;
    expect(new URL(back, "http://localhost").pathname).toBe("/needs/new");
    expect(new URL(back, "http://localhost").searchParams.get("title")).toBe("步进电机");
  });
});
