import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, sideReaderOf } from "~/lib/db.server";
import { indexPatentText } from "~/models/search/patent-index.server";
import type { RankingBounds } from "~/models/search/ranking.server";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { createPatentSearch, patentSearch } from "~/models/search/service.server";
import { loader as apiSearch } from "~/routes/api.v1.patents";
import { loader as apiPatent } from "~/routes/api.v1.patents.$id";
import { createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";
import { firstRead } from "../helpers/side-reader";

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
    {
      key: "thermal",
      ownerId: cqu.id,
      title: "一种锂电池热管理系统",
      titleEn: "Thermal management system for lithium batteries",
      abstract: "本发明公开了一种锂电池热管理系统，包括冷却板和温度传感器。",
      abstractEn: "The invention discloses a thermal management system for a lithium battery pack.",
      keywords: "锂电池; 热管理",
      keywordsEn: "lithium battery; thermal management",
      ipcMain: "H01M 10/613",
      cluster: "NEV",
      field: "GREEN",
      filingDate: new Date("2021-05-01T00:00:00Z"),
      expiresOn: new Date("2041-05-01T00:00:00Z"),
    },
    {
      key: "abstractOnly",
      ownerId: cqu.id,
      title: "一种车辆冷却装置",
      titleEn: "Vehicle cooling device",
      abstract: "该装置用于冷却动力电池。",
      abstractEn: "The device cools a traction battery.",
      ipcMain: "B60L 58/26",
      cluster: "NEV",
      field: "GREEN",
      filingDate: new Date("2019-01-01T00:00:00Z"),
      expiresOn: new Date("2039-01-01T00:00:00Z"),
    },
    {
      key: "chip",
      ownerId: swu.id,
      title: "一种芯片封装结构",
      titleEn: "Chip packaging structure",
      abstract: "本实用新型公开了一种芯片封装结构。",
      abstractEn: "A chip package.",
      ipcMain: "H01L 23/31",
      cluster: "POWER_SEMI",
      field: "DIGITAL",
      type: "UTILITY_MODEL",
      filingDate: new Date("2023-02-01T00:00:00Z"),
      expiresOn: new Date("2033-02-01T00:00:00Z"),
    },
    {
      key: "hotpot",
      ownerId: swu.id,
      title: "一种火锅底料的制备方法",
      titleEn: "Method for preparing hot-pot seasoning",
      abstract: "以牛油、辣椒和花椒为原料。",
      abstractEn: "Beef tallow, chilli and Sichuan pepper.",
      ipcMain: "A23L 27/10",
      cluster: "FOOD",
      field: "HEALTH",
      legalStatus: "PENDING",
      grantDate: null,
      filingDate: new Date("2024-06-01T00:00:00Z"),
      expiresOn: new Date("2044-06-01T00:00:00Z"),
    },
    {
      key: "lapsed",
      ownerId: cqu.id,
      title: "一种电池回收方法",
      titleEn: "Battery recycling method",
      ipcMain: "H01M 10/54",
      cluster: "NEW_ENERGY",
      field: "GREEN",
      transferable: false,
      legalStatus: "LAPSED",
    },
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
    // cooling is also 冷却 (the thesaurus), which only the thermal system's abstract holds.
    expect((await search("q=cooling")).items.map((i) => i.id)).toEqual([ids.abstractOnly, ids.thermal]);
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
    expect((await search("sort=newest")).items.map((i) => i.id)).toEqual([
      ids.hotpot,
      ids.chip,
      ids.thermal,
      ids.abstractOnly,
    ]);
    expect((await search("sort=term")).items.map((i) => i.id)).toEqual([
      ids.hotpot,
      ids.thermal,
      ids.abstractOnly,
      ids.chip,
    ]);
    const second = await search("sort=newest&size=10&page=2");
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 10, items: [] });
  });
});

describe("freshness", () => {
  it("sees patents and declarations written after the index was loaded", async () => {
    await search("");
    const added = await createPatent({
      ownerId: cqu.id,
      title: "一种无人机电池快换装置",
      ipcMain: "B64U 50/39",
      cluster: "LOW_ALTITUDE",
      field: "DIGITAL",
    });
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
    const retitled = {
      title: "一种储能柜电池更换机构",
      abstract: "一种储能柜电池更换机构的摘要。",
      firstClaim: "1.一种储能柜电池更换机构。",
    };
    await prisma.patent.update({ where: { id: changed.id }, data: retitled });
    await indexPatentText(prisma, [{ ...changed, ...retitled }]);
    expect((await search("q=快换")).total).toBe(first.total);
  });
});

describe("hostile input through the API", () => {
  const get = (query: string) =>
    apiSearch({ request: new Request(`http://localhost/api/v1/patents?${query}`), params: {}, context: {} });

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
    expect(await response.json()).toMatchObject({
      error: "Invalid search parameters",
      issues: [{ path: "q", message: expect.stringContaining("200") }],
    });
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
  ])("answers the unknown filter value %s with a 400 naming %s, in words", async (query, path) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
    // A message, not a key such as "search.err.size {…}".
    for (const issue of body.issues as Array<{ message: string }>) expect(issue.message).not.toMatch(/\berr\.|[{}]/);
  });

  it("says which page sizes there are", async () => {
    const response = await get("size=1000");
    expect((await response.json()).issues).toEqual([{ path: "size", message: "size is one of 10, 20, 50" }]);
  });

  it("answers a well-formed but unknown university with a 400", async () => {
    const response = await get("university=org-does-not-exist");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "University: “org-does-not-exist” is not known" });
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
    expect(Object.keys(body.facets).sort()).toEqual([
      "class",
      "cluster",
      "fee",
      "field",
      "open",
      "section",
      "status",
      "term",
      "type",
      "university",
    ]);
  });
});

describe("a search's cost budget (issue 17)", () => {
  const get = (query: string) =>
    apiSearch({ request: new Request(`http://localhost/api/v1/patents?${query}`), params: {}, context: {} });

  it.each([
    ["a*", "A prefix word ending in * needs at least 3 letters, such as therm*"],
    ["th* battery", "A prefix word ending in * needs at least 3 letters, such as therm*"],
    ["therm* batt* cool*", "A search may use at most 2 prefix words ending in *"],
  ])("refuses %j, which would read most of the index, with a clear 400", async (q, message) => {
    const response = await get(`q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: message, issues: [{ path: "q", message }] });
  });

  it("searches two prefixes of three letters or more", async () => {
    const response = await get(`q=${encodeURIComponent("therm* lit*")}`);
    expect(response.status).toBe(200);
    expect((await response.json()).items.map((item: { id: number }) => item.id)).toEqual([ids.thermal]);
  });

  it("in a large pool, says so and lists the matches newest first when finding them took half the time budget", async () => {
    const parsed = parseSearchParams(new URLSearchParams("q=电池"));
    if (!parsed.ok) throw new Error("bad query");
    // Bounds of one patent make this pool a large one, where the budget applies.
    const large = { largePool: 1, exactUpTo: 1, newest: 1, newestResults: 1, bestFewNewest: 1 };
    const hurried = await createPatentSearch(prisma, { remember: false, ranking: large, timeBudgetMs: 0 }).search(
      parsed.params,
    );
    const ranked = await createPatentSearch(prisma, { remember: false, ranking: large }).search(parsed.params);
    expect((await createPatentSearch(prisma, { remember: false, timeBudgetMs: 0 }).search(parsed.params)).partial).toBe(
      false,
    );
    expect(ranked.partial).toBe(false);
    expect(hurried.partial).toBe(true);
    expect(hurried.total).toBe(ranked.total);
    expect(hurried.items.map((item) => item.filingDate)).toEqual(
      hurried.items
        .map((item) => item.filingDate)
        .sort()
        .reverse(),
    );
    expect(new Set(hurried.items.map((item) => item.id))).toEqual(new Set(ranked.items.map((item) => item.id)));
  });
});

describe("GET /api/v1/patents/:id", () => {
  const get = (id: string) =>
    apiPatent({ request: new Request(`http://localhost/api/v1/patents/${id}`), params: { id }, context: {} });

  it("returns the patent with its open license and similar patents", async () => {
    const response = await get(String(ids.thermal));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      id: ids.thermal,
      ipcMain: { code: "H01M 10/613", titleEn: expect.stringContaining("batteries") },
      openLicense: null,
      licenseeCount: 0,
    });
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
  const exact = { largePool: 1000, exactUpTo: 1000, newest: 1000, newestResults: 1, bestFewNewest: 1000 };
  const approximate = { largePool: 3, exactUpTo: 3, newest: 2, newestResults: 1, bestFewNewest: 2 };
  const order: Record<string, number> = {};

  beforeAll(async () => {
    // In the order of their ids: the two title matches outrank the two abstract-only ones.
    order.strongOld = (await createPatent({ ownerId: cqu.id, title: "一种钠离子电池正极材料" })).id;
    order.weakOld = (
      await createPatent({
        ownerId: cqu.id,
        title: "一种储热装置",
        abstract: "可用于钠离子储能。",
        firstClaim: "1.一种储热装置。",
      })
    ).id;
    order.strongNew = (await createPatent({ ownerId: cqu.id, title: "一种钠离子电池负极材料" })).id;
    order.weakNew = (
      await createPatent({
        ownerId: swu.id,
        title: "一种储冷装置",
        abstract: "可用于钠离子储能。",
        firstClaim: "1.一种储冷装置。",
      })
    ).id;
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

  it("widens the newest part until it holds enough of a filtered result", async () => {
    // The newest match (weakNew) is another university's: the part grows to the next two of cqu's.
    const widening = { largePool: 3, exactUpTo: 3, newest: 1, newestResults: 2, bestFewNewest: 1 };
    const query = `q=钠离子&university=${cqu.id}`;
    const bounded = await searchWith(widening, query);
    expect(bounded.items.map((i) => i.id)).toEqual([order.strongNew, order.weakOld, order.strongOld]);
  });

  it("ranks the same when the ranking ran beside the match list, on a connection of its own", async () => {
    // SQLite: once the side reader has opened the file, the ranking of the newest two matches is read there.
    // PostgreSQL: on another connection of the pool.
    const reader = sideReaderOf(prisma);
    const reads = reader && vi.spyOn(reader, "get");
    if (reader) await firstRead(reader, "SELECT 1", []);
    const bounded = await searchWith(approximate, "q=钠离子");
    expect(bounded.items.map((i) => i.id)).toEqual([order.strongNew, order.weakNew, order.strongOld, order.weakOld]);
    if (reads) expect(reads).toHaveBeenLastCalledWith(expect.stringContaining("bm25"), [expect.any(String), 2, 2000]);
    const filtered = await searchWith(approximate, `q=钠离子&university=${cqu.id}`);
    expect(filtered.items.map((i) => i.id)).toEqual([order.strongNew, order.strongOld, order.weakOld]);
    reads?.mockRestore();
  });

  // Last: its source patent is one more match of 钠离子.
  it("finds similar patents among every match in a small pool, among the newest in a large one", async () => {
    const source = await createPatent({ ownerId: cqu.id, title: "一种钠离子电池隔膜", keywords: "钠离子" });
    const similarWith = async (ranking: RankingBounds) =>
      (await createPatentSearch(prisma, { remember: false, ranking }).similar(source.id, 5)).map((item) => item.id);
    expect((await similarWith(exact)).sort()).toEqual(
      [order.strongOld, order.weakOld, order.strongNew, order.weakNew].sort(),
    );
    // The pool is larger than 3 patents: only the 2 newest matches, the source itself and weakNew, are ranked.
    expect(await similarWith(approximate)).toEqual([order.weakNew]);
  });
});

describe("queries as people type them (ADR 013)", () => {
  const found: Record<string, number> = {};
  const idsOf = async (query: string) => (await search(query)).items.map((item) => item.id);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    const rows: Array<[string, Parameters<typeof createPatent>[0]]> = [
      [
        "motorNoise",
        {
          ownerId: cqu.id,
          title: "一种低噪声永磁同步电机",
          abstract: "本发明通过优化定子槽型，降低电机运行时的电磁噪声。",
          firstClaim: "1.一种低噪声永磁同步电机，其特征在于定子槽型。",
          ipcMain: "H02K 1/16",
          cluster: "NEV",
        },
      ],
      [
        "motorVibration",
        {
          ownerId: swu.id,
          title: "电机减振降噪安装座",
          abstract: "一种安装座，用于减小电机的振动和噪音。",
          ipcMain: "H02K 5/24",
          type: "UTILITY_MODEL",
        },
      ],
      [
        "motorHousing",
        {
          ownerId: swu.id,
          title: "电机外壳",
          abstract: "本外观设计产品的名称为电机外壳，用于低噪声电机。立体图。",
          firstClaim: "电机外壳。",
          ipcMain: "H02K 5/04",
          type: "DESIGN",
        },
      ],
      [
        "engine",
        {
          ownerId: cqu.id,
          title: "一种摩托车发动机曲轴箱",
          abstract: "曲轴箱壁内设置加强筋。",
          ipcMain: "F02B 77/00",
          cluster: "MOTORCYCLE",
        },
      ],
      [
        "citrus",
        {
          ownerId: swu.id,
          title: "一种柑橘果实的保鲜剂及其制备方法",
          abstract: "以壳聚糖为成膜剂，延长柑橘的贮藏期。",
          ipcMain: "A23B 7/16",
          cluster: "FOOD",
        },
      ],
      [
        "citrusJuice",
        {
          ownerId: swu.id,
          title: "一种柑橘果汁的澄清方法",
          abstract: "以果胶酶处理柑橘汁。",
          ipcMain: "A23L 2/84",
          cluster: "FOOD",
        },
      ],
      [
        "bridgeCrack",
        {
          ownerId: cqu.id,
          title: "一种基于图像的桥梁表面裂缝识别方法",
          abstract: "用于桥梁裂缝的自动检测。",
          ipcMain: "G01N 21/88",
        },
      ],
      [
        "bridgeMonitor",
        {
          ownerId: cqu.id,
          title: "桥梁裂纹监测装置",
          abstract: "一种桥梁裂纹的在线监测装置。",
          ipcMain: "G01M 5/00",
          type: "UTILITY_MODEL",
        },
      ],
      [
        "reducer",
        {
          ownerId: cqu.id,
          title: "一种工业机器人用谐波减速器",
          abstract: "谐波减速器的柔轮采用双圆弧齿形。",
          ipcMain: "F16H 49/00",
          cluster: "AI_ROBOTICS",
        },
      ],
      [
        "droneA",
        { ownerId: cqu.id, title: "一种输电线路无人机智能巡检系统", ipcMain: "B64U 10/00", cluster: "LOW_ALTITUDE" },
      ],
      [
        "droneB",
        { ownerId: swu.id, title: "一种无人机电力线路巡检方法", ipcMain: "B64U 20/00", cluster: "LOW_ALTITUDE" },
      ],
      [
        "recycling",
        {
          ownerId: swu.id,
          title: "一种废旧锂电池回收方法",
          abstract: "从废旧锂离子电池中回收钴和锂。",
          ipcMain: "H01M 10/54",
          cluster: "NEW_ENERGY",
        },
      ],
      [
        "suspension",
        {
          ownerId: cqu.id,
          title: "一种空气悬架",
          abstract: "空气悬架的电磁阀由车载电池供电，制动时回收能量。",
          ipcMain: "B60G 17/052",
          cluster: "NEV",
        },
      ],
      [
        "twinA",
        {
          ownerId: cqu.id,
          title: "一种电机降噪控制器",
          abstract: "降低电机噪声的控制器。",
          keywords: "电机; 降噪",
          ipcMain: "H02P 29/50",
          familyId: "family-controller",
        },
      ],
      [
        "twinB",
        {
          ownerId: cqu.id,
          title: "一种电机降噪控制器",
          abstract: "降低电机噪声的控制器。",
          keywords: "电机; 降噪",
          ipcMain: "H02P 29/50",
          type: "UTILITY_MODEL",
          familyId: "family-controller",
        },
      ],
      [
        "sameTitleA",
        { ownerId: swu.id, title: "一种电机噪声测试台", abstract: "测试电机噪声的台架。", ipcMain: "G01H 3/00" },
      ],
      [
        "sameTitleB",
        { ownerId: cqu.id, title: "一种电机噪声测试台", abstract: "测试电机噪声的台架。", ipcMain: "G01H 3/00" },
      ],
    ];
    for (const [key, row] of rows) found[key] = (await createPatent(row)).id;
  });

  it("如何降低电机噪音: leaves 如何 and 降低 out, finds 噪声 for 噪音, and motor-noise patents first", async () => {
    const result = await search(q("如何降低电机噪音"));
    expect(result.understanding.ignored).toEqual(["如何", "降低"]);
    expect(result.understanding.words.map((word) => word.word)).toEqual(["电机", "噪音"]);
    const exact = result.items.filter((item) => item.missing.length === 0).map((item) => item.id);
    expect(exact).toEqual(
      expect.arrayContaining([found.motorNoise, found.motorVibration, found.sameTitleA, found.sameTitleB]),
    );
    expect(exact).not.toContain(found.engine);
    expect(result.items[0].highlights.title.some((segment) => segment.hit)).toBe(true);
  });

  it("噪音 and 噪声 find the same patents", async () => {
    const noise = await search(q("噪音"));
    const noise2 = await search(q("噪声"));
    expect(noise.total).toBe(noise2.total);
    expect(noise.items.map((item) => item.id).sort()).toEqual(noise2.items.map((item) => item.id).sort());
    expect(noise.items.map((item) => item.id)).toEqual(
      expect.arrayContaining([found.motorNoise, found.motorVibration]),
    );
  });

  it("柑橘保鲜 finds 柑橘…的保鲜, and citrus preservation finds it in a patent without English", async () => {
    expect((await idsOf(q("柑橘保鲜")))[0]).toBe(found.citrus);
    const english = await search(q("citrus preservation"));
    expect(english.items[0].id).toBe(found.citrus);
    expect(english.items[0].titleEn).toBeNull();
    expect(english.exactTotal).toBe(1);
  });

  it("桥梁裂缝检测 finds a bridge crack patent worded differently (裂纹, 监测)", async () => {
    const result = await search(q("桥梁裂缝检测"));
    expect(
      result.items
        .filter((item) => item.missing.length === 0)
        .map((item) => item.id)
        .sort(),
    ).toEqual([found.bridgeCrack, found.bridgeMonitor].sort());
  });

  it("工业机器人减速器 finds the industrial robot's reducer", async () => {
    expect((await idsOf(q("工业机器人减速器")))[0]).toBe(found.reducer);
  });

  it("noise reduction for electric motors finds Chinese-only motor-noise patents", async () => {
    const result = await search(q("noise reduction for electric motors"));
    expect(result.understanding.ignored).toEqual(["for"]);
    const exact = result.items.filter((item) => item.missing.length === 0).map((item) => item.id);
    expect(exact).toEqual(expect.arrayContaining([found.motorNoise, found.motorVibration]));
  });

  it("无人机巡检 and 无人机 巡检 are one query", async () => {
    const joined = await search(q("无人机巡检"));
    const spaced = await search(q("无人机 巡检"));
    expect(joined.exactTotal).toBe(2);
    expect(joined.total).toBe(spaced.total);
    expect(joined.items.map((item) => item.id)).toEqual(spaced.items.map((item) => item.id));
    expect(
      joined.items
        .slice(0, 2)
        .map((item) => item.id)
        .sort(),
    ).toEqual([found.droneA, found.droneB].sort());
  });

  it("电池 回收 ranks battery recycling above an air suspension that mentions both words in passing", async () => {
    const result = await idsOf(q("电池 回收"));
    expect(result.indexOf(found.recycling)).toBeLessThan(result.indexOf(found.suspension));
    expect(result[0]).toBe(found.recycling);
  });

  it("relaxes a query no patent fully answers, exact matches first, each partial one saying what it misses", async () => {
    const result = await search(q("柑橘 保鲜 无人机"));
    expect(result).toMatchObject({ exactTotal: 0, relaxed: true });
    expect(result.items[0]).toMatchObject({ id: found.citrus, missing: ["无人机"] });
    expect(result.items.map((item) => item.id)).not.toContain(found.citrusJuice);
    // Totals and facets count the list shown: exact and partial matches.
    expect(result.facets.type.reduce((sum, value) => sum + value.count, 0)).toBe(result.total);
    const exactFirst = await search(q("柑橘 保鲜 贮藏"));
    expect(exactFirst.items[0]).toMatchObject({ id: found.citrus, missing: [] });
  });

  it("keeps filters and exclusions in a relaxed search", async () => {
    const filtered = await search(`${q("柑橘 保鲜 无人机")}&cluster=FOOD`);
    expect(filtered.items.map((item) => item.id)).toEqual([found.citrus]);
    expect(await idsOf(`${q("柑橘 保鲜 无人机")}&cluster=LOW_ALTITUDE`)).toEqual([]);
    const excluded = await search(q("柑橘 保鲜 无人机 -壳聚糖"));
    expect(excluded.items.map((item) => item.id)).not.toContain(found.citrus);
  });

  it("ranks design patents after inventions for a technical query, not for one about looks", async () => {
    const technical = (await search(q("电机 噪声"))).items
      .filter((item) => item.missing.length === 0)
      .map((item) => item.id);
    expect(technical.indexOf(found.motorHousing)).toBeGreaterThan(technical.indexOf(found.motorNoise));
    expect(technical.at(-1)).toBe(found.motorHousing);
    expect((await idsOf(q("电机外壳 外观")))[0]).toBe(found.motorHousing);
  });

  it("shows a family (一案双申) as one card, and does not put two same-titled results side by side", async () => {
    const result = await search(q("电机 噪声"));
    const ids = result.items.map((item) => item.id);
    expect(ids.filter((id) => id === found.twinA || id === found.twinB)).toHaveLength(1);
    const twin = result.items.find((item) => item.id === found.twinA || item.id === found.twinB)!;
    expect(twin.family.map((member) => member.id)).toEqual([twin.id === found.twinA ? found.twinB : found.twinA]);
    const a = ids.indexOf(found.sameTitleA);
    const b = ids.indexOf(found.sameTitleB);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(Math.abs(a - b)).toBeGreaterThan(1);
  });

  it("keeps a quoted phrase exact", async () => {
    expect(await idsOf(q('"柑橘保鲜"'))).toEqual([]);
    expect(await idsOf(q('"柑橘果实"'))).toEqual([found.citrus]);
  });

  it("finds similar patents through the same understanding of words", async () => {
    const source = await createPatent({ ownerId: cqu.id, title: "一种轮毂电机", keywords: "噪音; 电机" });
    const similar = await createPatentSearch(prisma, { remember: false }).similar(source.id, 10);
    expect(similar.map((item) => item.id)).toEqual(expect.arrayContaining([found.motorNoise, found.motorVibration]));
    // One entry for the 降噪控制器 family, and none for a patent's own family.
    expect(similar.filter((item) => item.id === found.twinA || item.id === found.twinB)).toHaveLength(1);
    const twinSimilar = await createPatentSearch(prisma, { remember: false }).similar(found.twinA, 20);
    expect(twinSimilar.map((item) => item.id)).toContain(found.motorNoise);
    expect(twinSimilar.map((item) => item.id)).not.toContain(found.twinB);
  });
});
