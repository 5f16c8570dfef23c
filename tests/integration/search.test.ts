import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { indexPatentText } from "~/models/patent-index.server";
import { parseSearchParams, type SearchParams } from "~/lib/search-params";
import { createPatentSearch, patentSearch, type RankingBounds } from "~/models/search.server";
import { loader as apiSearch } from "~/routes/api.v1.patents";
import { loader as apiPatent } from "~/routes/api.v1.patents.$id";
import { createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

const search = (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return patentSearch().search(parsed.params);
};
const titles = async (query: string) => (await search(query)).items.map((item) => item.title);

let cqu: { id: string };
let swu: { id: string };
const ids: Record<string, number> = {};

beforeAll(async () => {
  cqu = await createUniversity("重庆大学", "Chongqing University");
  swu = await createUniversity("西南大学", "Southwest University");
  const rows = [
    { key: "thermal", ownerId: cqu.id, title: "一种锂电池热管理系统", titleEn: "Thermal management system for lithium batteries", abstract: "本发明公开了一种锂电池热管理系统，包括冷却板和温度传感器。", abstractEn: "The invention discloses a thermal management system for a lithium battery pack.", keywords: "锂电池; 热管理", keywordsEn: "lithium battery; thermal management", ipcMain: "H01M 10/613", cluster: "NEV", field: "GREEN", filingDate: new Date("2021-05-01T00:00:00Z"), expiresOn: new Date("2041-05-01T00:00:00Z") },
    { key: "abstractOnly", ownerId: cqu.id, title: "一种车辆冷却装置", titleEn: "Vehicle cooling device", abstract: "该装置用于冷却动力电池。", abstractEn: "The device cools a traction battery.", ipcMain: "B60L 58/26", cluster: "NEV", field: "GREEN", filingDate: new Date("2019-01-01T00:00:00Z"), expiresOn: new Date("2039-01-01T00:00:00Z") },
    { key: "chip", ownerId: swu.id, title: "一种芯片封装结构", titleEn: "Chip packaging structure", abstract: "本实用新型公开了一种芯片封装结构。", abstractEn: "A chip package.", ipcMain: "H01L 23/31", cluster: "POWER_SEMI", field: "DIGITAL", type: "UTILITY_MODEL", filingDate: new Date("2023-02-01T00:00:00Z"), expiresOn: new Date("2033-02-01T00:00:00Z") },
    { key: "hotpot", ownerId: swu.id, title: "一种火锅底料的制备方法", titleEn: "Method for preparing hot-pot seasoning", abstract: "以牛油、辣椒和花椒为原料。", abstractEn: "Beef tallow, chilli and Sichuan pepper.", ipcMain: "A23L 27/10", cluster: "FOOD", field: "HEALTH", legalStatus: "PENDING", grantDate: null, filingDate: new Date("2024-06-01T00:00:00Z"), expiresOn: new Date("2044-06-01T00:00:00Z") },
    { key: "lapsed", ownerId: cqu.id, title: "一种电池回收方法", titleEn: "Battery recycling method", ipcMain: "H01M 10/54", cluster: "NEW_ENERGY", field: "GREEN", transferable: false, legalStatus: "LAPSED" },
  ] as const;
  for (const { key, ...row } of rows) ids[key] = (await createPatent(row)).id;
  await declareOpenLicense(ids.chip, swu.id);
});

describe("full-text search", () => {
  it("finds a two-character Chinese word inside longer words", async () => {
    expect(await titles("q=电池")).toEqual(["一种锂电池热管理系统", "一种车辆冷却装置"]);
    expect(await titles("q=芯片")).toEqual(["一种芯片封装结构"]);
    expect(await titles("q=热管理")).toEqual(["一种锂电池热管理系统"]);
  });

  it("ranks a title match above an abstract-only match", async () => {
    // 电池 is in the first patent's title and only in the second one's abstract.
    expect((await search("q=电池")).items.map((i) => i.id)).toEqual([ids.thermal, ids.abstractOnly]);
    expect((await search("q=cooling")).items.map((i) => i.id)).toEqual([ids.abstractOnly]);
  });

  it("matches English words by their stem", async () => {
    expect(await titles("q=batteries")).toContain("一种锂电池热管理系统");
    expect(await titles("q=packaging")).toEqual(["一种芯片封装结构"]);
    expect(await titles("q=package")).toEqual(["一种芯片封装结构"]);
  });

  it("returns highlighted snippets in both languages", async () => {
    const [item] = (await search("q=热管理")).items;
    expect(item.highlights.title.filter((s) => s.hit).map((s) => s.text)).toEqual(["热管理"]);
    const english = (await search("q=batteries")).items.find((i) => i.id === ids.thermal)!;
    expect(english.highlights.titleEn.filter((s) => s.hit).map((s) => s.text)).toEqual(["batteries"]);
    expect(english.highlights.abstractEn.some((s) => s.hit && s.text === "battery")).toBe(true);
  });

  it("supports phrases, exclusion and OR", async () => {
    expect(await titles('q="thermal management"')).toEqual(["一种锂电池热管理系统"]);
    expect(await titles("q=电池 -锂电池")).toEqual(["一种车辆冷却装置"]);
    expect((await titles("q=芯片 OR 火锅")).sort()).toEqual(["一种火锅底料的制备方法", "一种芯片封装结构"]);
  });

  it("leaves patents outside the transferable pool out", async () => {
    expect(await titles("q=recycling")).toEqual([]);
    expect((await search("")).total).toBe(4);
  });
});

describe("filters and facets", () => {
  it("filters by each dimension", async () => {
    expect((await search(`university=${swu.id}`)).total).toBe(2);
    expect(await titles("type=UTILITY_MODEL")).toEqual(["一种芯片封装结构"]);
    expect((await search("section=H")).total).toBe(2);
    expect(await titles("class=A23")).toEqual(["一种火锅底料的制备方法"]);
    expect((await search("cluster=NEV")).total).toBe(2);
    expect(await titles("field=HEALTH")).toEqual(["一种火锅底料的制备方法"]);
    expect(await titles("status=PENDING")).toEqual(["一种火锅底料的制备方法"]);
    expect(await titles("open=1")).toEqual(["一种芯片封装结构"]);
  });

  it("filters by remaining term from today", async () => {
    const now = new Date("2026-01-01T00:00:00Z").getTime();
    const run = async (query: string) => {
      const parsed = parseSearchParams(new URLSearchParams(query));
      return patentSearch().search((parsed as { params: SearchParams }).params, now);
    };
    expect((await run("term=5-10")).items.map((i) => i.id)).toEqual([ids.chip]);
    expect((await run("term=15%2B")).items.map((i) => i.id).sort()).toEqual([ids.thermal, ids.hotpot].sort());
    expect((await run("term=10-15")).items.map((i) => i.id)).toEqual([ids.abstractOnly]);
  });

  it("combines filters: OR within a facet, AND across facets", async () => {
    expect((await search("cluster=NEV&cluster=FOOD")).total).toBe(3);
    expect(await titles("cluster=NEV&cluster=FOOD&status=PENDING")).toEqual(["一种火锅底料的制备方法"]);
  });

  it("counts each facet as if its own filter were not set", async () => {
    const { facets, total } = await search("q=电池 OR 芯片&type=INVENTION");
    expect(total).toBe(2);
    expect(facets.type.map((f) => [f.value, f.count, f.selected])).toEqual([
      ["INVENTION", 2, true],
      ["UTILITY_MODEL", 1, false],
    ]);
    expect(facets.cluster.find((f) => f.value === "NEV")?.count).toBe(2);
    expect(facets.cluster.find((f) => f.value === "POWER_SEMI")).toBeUndefined();
    expect(facets.university.map((f) => [f.label, f.count])).toEqual([["重庆大学", 2]]);
  });

  it("keeps a selected value with no match visible with a zero count", async () => {
    const { facets } = await search("q=芯片&cluster=FOOD");
    expect(facets.cluster.find((f) => f.value === "FOOD")).toMatchObject({ count: 0, selected: true });
  });

  it("sorts by newest filing and by remaining term, and pages", async () => {
    expect((await search("sort=newest")).items.map((i) => i.id)).toEqual([ids.hotpot, ids.chip, ids.thermal, ids.abstractOnly]);
    expect((await search("sort=term")).items.map((i) => i.id)).toEqual([ids.hotpot, ids.thermal, ids.abstractOnly, ids.chip]);
    const second = await search("sort=newest&size=10&page=2");
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 10, items: [] });
  });
});

describe("freshness", () => {
  it("sees patents and declarations written after the index was loaded", async () => {
    await search("");
    const added = await createPatent({ ownerId: cqu.id, title: "一种无人机电池快换装置", ipcMain: "B64U 50/39", cluster: "LOW_ALTITUDE", field: "DIGITAL" });
    expect(await titles("q=无人机")).toEqual(["一种无人机电池快换装置"]);
    expect((await search("cluster=LOW_ALTITUDE")).total).toBe(1);
    await declareOpenLicense(added.id, cqu.id);
    expect((await search("open=1")).total).toBe(2);
    await prisma.patent.update({ where: { id: added.id }, data: { transferable: false } });
    expect((await search("cluster=LOW_ALTITUDE")).total).toBe(0);
  });

  it("answers a repeated search from memory only until the text or a facet changes", async () => {
    const first = await search("q=快换");
    expect((await search("q=快换")).total).toBe(first.total);
    const changed = await createPatent({ ownerId: cqu.id, title: "一种储能柜电池快换机构" });
    expect((await search("q=快换")).total).toBe(first.total + 1);
    // A new title only (as an import's update writes it) still changes what the search finds.
    const retitled = { title: "一种储能柜电池更换机构", abstract: "一种储能柜电池更换机构的摘要。", firstClaim: "1.一种储能柜电池更换机构。" };
    await prisma.patent.update({ where: { id: changed.id }, data: retitled });
    await indexPatentText(prisma, [{ ...changed, ...retitled }]);
    expect((await search("q=快换")).total).toBe(first.total);
  });
});

describe("hostile input through the API", () => {
  const get = (query: string) => apiSearch({ request: new Request(`http://localhost/api/v1/patents?${query}`), params: {}, context: {} });

  it.each([
    ['q="'],
    ["q=*"],
    ["q=-"],
    ["q=NEAR(电池 芯片)"],
    ["q=(((battery"],
    ["q=title:电池"],
    ["q=🔋 电池 🚗"],
    ["q=AND OR NOT"],
    [`q=${encodeURIComponent("电池'; DROP TABLE Patent; --")}`],
  ])("answers %s with results, not an error", async (query) => {
    const response = await get(query);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: expect.any(Number), items: expect.any(Array), facets: expect.any(Object) });
  });

  it("answers a 2,000-character query with a clear 400", async () => {
    const response = await get(`q=${"电池".repeat(1000)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "Invalid search parameters", issues: [{ path: "q", message: expect.stringContaining("200") }] });
  });

  it.each([
    ["type=PLANT", "type.0"],
    ["sort=cheapest", "sort"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["size=1000", "size"],
    ["class=XYZ", "class.0"],
    ["open=yes", "open"],
    ["university=%3Cscript%3E", "university.0"],
  ])("answers the unknown filter value %s with a 400 naming %s", async (query, path) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("answers a well-formed but unknown university with a 400", async () => {
    const response = await get("university=org-does-not-exist");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "unknown university: org-does-not-exist" });
  });

  it("returns the documented shape", async () => {
    const body = await (await get("q=芯片")).json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(body.items[0]).toMatchObject({
      id: ids.chip,
      applicationNumber: expect.stringMatching(/^\d{12}\.[\dX]$/),
      title: "一种芯片封装结构",
      titleEn: "Chip packaging structure",
      type: "UTILITY_MODEL",
      university: { id: swu.id, name: "西南大学" },
      ipcMain: "H01L 23/31",
      cluster: "POWER_SEMI",
      legalStatus: "VALID",
      expiresOn: "2033-02-01",
      openLicense: { feeModel: "LUMP_SUM", lumpSumFen: 5_000_000 },
    });
    expect(Object.keys(body.facets).sort()).toEqual(["class", "cluster", "field", "open", "section", "status", "term", "type", "university"]);
  });
});

describe("GET /api/v1/patents/:id", () => {
  const get = (id: string) => apiPatent({ request: new Request(`http://localhost/api/v1/patents/${id}`), params: { id }, context: {} });

  it("returns the patent with its open license and similar patents", async () => {
    const response = await get(String(ids.thermal));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: ids.thermal, ipcMain: { code: "H01M 10/613", titleEn: expect.stringContaining("batteries") }, openLicense: null, licenseeCount: 0 });
    expect(body.similar.map((p: { id: number }) => p.id)).not.toContain(ids.thermal);
  });

  it.each(["999999", "abc", "-1", "0", "1e5", "99999999999999"])("answers 404 for %s", async (id) => {
    expect((await get(id)).status).toBe(404);
  });
});

describe("relevance of very broad queries", () => {
  // Bounds of a few patents make 钠离子, found in four, a "very broad" query.
  const searchWith = (ranking: RankingBounds, query: string) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return createPatentSearch(prisma, { remember: false, ranking }).search(parsed.params);
  };
  const exact = { exactUpTo: 1000, newest: 1000 };
  const approximate = { exactUpTo: 3, newest: 2 };
  const order: Record<string, number> = {};

  beforeAll(async () => {
    // In the order of their ids: the two title matches outrank the two abstract-only ones.
    order.strongOld = (await createPatent({ ownerId: cqu.id, title: "一种钠离子电池正极材料" })).id;
    order.weakOld = (await createPatent({ ownerId: cqu.id, title: "一种储热装置", abstract: "可用于钠离子储能。", firstClaim: "1.一种储热装置。" })).id;
    order.strongNew = (await createPatent({ ownerId: cqu.id, title: "一种钠离子电池负极材料" })).id;
    order.weakNew = (await createPatent({ ownerId: swu.id, title: "一种储冷装置", abstract: "可用于钠离子储能。", firstClaim: "1.一种储冷装置。" })).id;
  });

  it("ranks every match while a query finds no more than the bound", async () => {
    const { items } = await searchWith(exact, "q=钠离子");
    expect(items.map((i) => i.id)).toEqual([order.strongOld, order.strongNew, order.weakOld, order.weakNew]);
  });

  it("past the bound, ranks the newest matches first, then the rest, with exact totals and facets", async () => {
    const bounded = await searchWith(approximate, "q=钠离子");
    expect(bounded.items.map((i) => i.id)).toEqual([order.strongNew, order.weakNew, order.strongOld, order.weakOld]);
    const all = await searchWith(exact, "q=钠离子");
    expect(bounded.total).toBe(4);
    expect(bounded.facets).toEqual(all.facets);
  });

  it("applies filters within each part of the bounded order", async () => {
    const bounded = await searchWith(approximate, `q=钠离子&university=${cqu.id}`);
    expect(bounded.items.map((i) => i.id)).toEqual([order.strongNew, order.strongOld, order.weakOld]);
    expect(bounded.total).toBe(3);
    expect(bounded.facets).toEqual((await searchWith(exact, `q=钠离子&university=${cqu.id}`)).facets);
  });

  // Last: its source patent is one more match of 钠离子.
  it("finds similar patents among every match in a small pool, among the newest in a large one", async () => {
    const source = await createPatent({ ownerId: cqu.id, title: "一种钠离子电池隔膜", keywords: "钠离子" });
    const similarWith = async (ranking: RankingBounds) => (await createPatentSearch(prisma, { remember: false, ranking }).similar(source.id, 5)).map((item) => item.id);
    expect((await similarWith(exact)).sort()).toEqual([order.strongOld, order.weakOld, order.strongNew, order.weakNew].sort());
    // The pool is larger than 3 patents: only the 2 newest matches, the source itself and weakNew, are ranked.
    expect(await similarWith(approximate)).toEqual([order.weakNew]);
  });
});
