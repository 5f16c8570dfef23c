// Offers side by side (issue 13, part 6): the search sorted and filtered by the open license's price, and the
// comparison of up to four patents.
import { beforeAll, describe, expect, it } from "vitest";
import type { LicenseKind } from "~/generated/prisma/client";
import { prisma } from "~/lib/db.server";
import { comparePatents } from "~/models/compare/compare.server";
import { parseSearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";
import { loader as apiSearch } from "~/routes/api.v1.patents";
import { loader as comparePage } from "~/routes/compare";
import { loader as searchPage } from "~/routes/patents._index";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

const search = async (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return patentSearch().search(parsed.params);
};
const order = async (query: string) => (await search(query)).items.map((item) => item.title);

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
/** A loader's status and data, whether it returned data(), a Response or threw one. */
async function call(loader: Loader, url: string): Promise<{ status: number; body: unknown }> {
  try {
    const result = (await loader({ request: new Request(`http://localhost${url}`), params: {}, context: {} })) as
      { type?: string; data?: unknown; init?: { status?: number } } | Response;
    if (result instanceof Response) return { status: result.status, body: await result.json() };
    if (result?.type === "DataWithResponseInit") return { status: result.init?.status ?? 200, body: result.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

const ids: Record<string, number> = {};
let cqu: { id: string; name: string };
let swu: { id: string; name: string };

beforeAll(async () => {
  cqu = await createUniversity("重庆大学", "Chongqing University");
  swu = await createUniversity("西南大学", "Southwest University");
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const rows: Array<[string, Parameters<typeof createPatent>[0]]> = [
    ["cheap", { ownerId: cqu.id, title: "一种价廉的减速器", filingDate: day("2020-01-01") }],
    ["dear", { ownerId: cqu.id, title: "一种昂贵的减速器", filingDate: day("2023-01-01") }],
    ["royaltyLow", { ownerId: swu.id, title: "一种低提成的减速器", filingDate: day("2019-01-01") }],
    ["royaltyEntry", { ownerId: swu.id, title: "一种有入门费的减速器", filingDate: day("2022-01-01") }],
    ["royaltyHigh", { ownerId: swu.id, title: "一种高提成的减速器", filingDate: day("2021-01-01") }],
    ["perUnit", { ownerId: cqu.id, title: "一种按件计费的减速器", filingDate: day("2018-01-01") }],
    [
      "none",
      {
        ownerId: cqu.id,
        title: "一种未开放许可的减速器",
        filingDate: day("2024-01-01"),
        type: "UTILITY_MODEL",
        expiresOn: day("2034-01-01"),
      },
    ],
    ["lapsed", { ownerId: swu.id, title: "一种已失效的减速器", legalStatus: "LAPSED", transferable: false }],
  ];
  for (const [key, row] of rows) ids[key] = (await createPatent(row)).id;
  await declareOpenLicense(ids.cheap, cqu.id, { lumpSumFen: 2_000_000 });
  await declareOpenLicense(ids.dear, cqu.id, { lumpSumFen: 50_000_000, territory: "重庆市", fieldOfUse: "工业机器人" });
  await declareOpenLicense(ids.royaltyLow, swu.id, {
    feeModel: "ROYALTY",
    lumpSumFen: null,
    royaltyBasisPoints: 150,
    paymentSchedule: "YEARLY",
  });
  await declareOpenLicense(ids.royaltyEntry, swu.id, {
    feeModel: "ENTRY_PLUS_ROYALTY",
    lumpSumFen: null,
    entryFeeFen: 3_000_000,
    royaltyBasisPoints: 150,
    paymentSchedule: "YEARLY",
  });
  await declareOpenLicense(ids.royaltyHigh, swu.id, {
    feeModel: "ROYALTY",
    lumpSumFen: null,
    royaltyBasisPoints: 400,
    paymentSchedule: "QUARTERLY",
  });
  await declareOpenLicense(ids.perUnit, cqu.id, {
    feeModel: "PER_UNIT",
    lumpSumFen: null,
    perUnitFen: 1_500,
    paymentSchedule: "QUARTERLY",
  });
  // A superseded version's price must not count: only the active declaration's.
  await declareOpenLicense(ids.dear, cqu.id, { status: "SUPERSEDED", version: 0, lumpSumFen: 100 });

  const buyer = await createEnterprise("重庆比较科技有限公司");
  const other = await createEnterprise("重庆另一家科技有限公司");
  const declaration = await prisma.openLicenseDeclaration.findFirstOrThrow({
    where: { patentId: ids.cheap, status: "ACTIVE" },
  });
  const license = (licenseeId: string, kind: LicenseKind, n: number) => ({
    contractNumber: `PB-2026-L-90000${n}`,
    patentId: ids.cheap,
    licensorId: cqu.id,
    licenseeId,
    kind,
    declarationId: kind === "OPEN" ? declaration.id : null,
    termsSnapshot: "{}",
    startsOn: day("2025-01-01"),
    endsOn: day("2028-01-01"),
    signedAt: day("2025-01-01"),
  });
  await prisma.license.createMany({
    data: [license(buyer.id, "OPEN", 1), license(other.id, "OPEN", 2), license(buyer.id, "ORDINARY", 3)],
  });
  await prisma.patentCoOwner.create({ data: { patentId: ids.dear, organizationId: swu.id } });
});

describe("sorting by the open license's price", () => {
  it("puts the lowest lump sum first, then the patents without one, newest first", async () => {
    expect(await order("q=减速器&sort=lump-sum")).toEqual([
      "一种价廉的减速器",
      "一种昂贵的减速器",
      "一种未开放许可的减速器",
      "一种有入门费的减速器",
      "一种高提成的减速器",
      "一种低提成的减速器",
      "一种按件计费的减速器",
    ]);
  });

  it("puts the lowest royalty first, a royalty without an entry fee before the same one with, then the rest", async () => {
    expect(await order("q=减速器&sort=royalty")).toEqual([
      "一种低提成的减速器",
      "一种有入门费的减速器",
      "一种高提成的减速器",
      "一种未开放许可的减速器",
      "一种昂贵的减速器",
      "一种价廉的减速器",
      "一种按件计费的减速器",
    ]);
  });

  it("sorts the whole pool without a query, and pages", async () => {
    expect((await search("sort=lump-sum&size=10")).items.slice(0, 2).map((item) => item.id)).toEqual([
      ids.cheap,
      ids.dear,
    ]);
    const second = await search("sort=royalty&size=10&page=1");
    expect(second.items[0].id).toBe(ids.royaltyLow);
  });

  it("follows a new declaration at once", async () => {
    const cheaper = await declareOpenLicense(ids.dear, cqu.id, { version: 2, lumpSumFen: 1_000_000 });
    await prisma.openLicenseDeclaration.updateMany({
      where: { patentId: ids.dear, version: 1 },
      data: { status: "SUPERSEDED" },
    });
    try {
      expect((await order("q=减速器&sort=lump-sum")).slice(0, 2)).toEqual(["一种昂贵的减速器", "一种价廉的减速器"]);
    } finally {
      await prisma.openLicenseDeclaration.delete({ where: { id: cheaper.id } });
      await prisma.openLicenseDeclaration.updateMany({
        where: { patentId: ids.dear, version: 1 },
        data: { status: "ACTIVE" },
      });
    }
    expect((await order("q=减速器&sort=lump-sum")).slice(0, 2)).toEqual(["一种价廉的减速器", "一种昂贵的减速器"]);
  });
});

describe("filtering by fee model", () => {
  it("keeps the patents whose open license has that fee model, OR within the filter", async () => {
    expect(await order("fee=LUMP_SUM&sort=lump-sum")).toEqual(["一种价廉的减速器", "一种昂贵的减速器"]);
    expect((await search("fee=ROYALTY&fee=ENTRY_PLUS_ROYALTY")).items.map((item) => item.id).sort()).toEqual(
      [ids.royaltyLow, ids.royaltyEntry, ids.royaltyHigh].sort(),
    );
    expect((await search("fee=PER_UNIT")).total).toBe(1);
  });

  it("counts each fee model as a facet, as if the filter were not set", async () => {
    const { facets } = await search("q=减速器&fee=ROYALTY");
    expect(facets.fee.map((value) => [value.value, value.count, value.selected])).toEqual([
      ["LUMP_SUM", 2, false],
      ["ROYALTY", 2, true],
      ["PER_UNIT", 1, false],
      ["ENTRY_PLUS_ROYALTY", 1, false],
    ]);
    expect(facets.fee.find((value) => value.value === "ROYALTY")?.label).toBe("销售额提成");
  });

  it("answers a bad fee model or sort with a 400 naming it, never a 500", async () => {
    const page = await call(searchPage as Loader, "/patents?fee=FREE");
    expect(page.status).toBe(400);
    expect(JSON.stringify(page.body)).toContain("fee");
    const api = await call(apiSearch as Loader, "/api/v1/patents?sort=cheapest");
    expect(api.status).toBe(400);
    expect(api.body).toMatchObject({ issues: [{ path: "sort" }] });
    expect((await call(apiSearch as Loader, "/api/v1/patents?fee=LUMP_SUM&sort=lump-sum")).status).toBe(200);
  });
});

describe("comparing patents", () => {
  it("gives each patent's open-license terms, owners, type, status, remaining term and licensees, in the order asked", async () => {
    const { patents, unknownIds } = await comparePatents(
      [ids.dear, ids.cheap, ids.none],
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(unknownIds).toEqual([]);
    expect(patents.map((patent) => patent.id)).toEqual([ids.dear, ids.cheap, ids.none]);
    const [dear, cheap, none] = patents;
    expect(dear.openLicense).toMatchObject({
      feeModel: "LUMP_SUM",
      lumpSumFen: 50_000_000,
      territory: "重庆市",
      fieldOfUse: "工业机器人",
      licenseTermMonths: 36,
    });
    expect(dear.owners.map((owner) => owner.name)).toEqual(["重庆大学", "西南大学"]);
    expect(cheap).toMatchObject({
      licenseeCount: 2,
      openLicenseeCount: 2,
      type: "INVENTION",
      legalStatus: "VALID",
      remainingYears: 14.1,
    });
    expect(none).toMatchObject({ openLicense: null, licenseeCount: 0, type: "UTILITY_MODEL", remainingYears: 8 });
  });

  it("has no remaining term for a patent no longer in force", async () => {
    const { patents } = await comparePatents([ids.lapsed]);
    expect(patents[0]).toMatchObject({ legalStatus: "LAPSED", remainingYears: null });
  });

  it("answers the page with the patents, and a clear 4xx for bad, too many or unknown ids", async () => {
    const ok = await call(comparePage as Loader, `/compare?ids=${ids.cheap},${ids.dear}`);
    expect(ok.status).toBe(200);
    expect((ok.body as { patents: Array<{ id: number }> }).patents.map((patent) => patent.id)).toEqual([
      ids.cheap,
      ids.dear,
    ]);
    expect((await call(comparePage as Loader, `/compare?ids=${ids.cheap}&ids=${ids.dear}`)).status).toBe(200);
    expect((await call(comparePage as Loader, "/compare")).body).toEqual({ ok: true, patents: [] });

    const tooMany = await call(
      comparePage as Loader,
      `/compare?ids=${[ids.cheap, ids.dear, ids.none, ids.perUnit, ids.lapsed].join(",")}`,
    );
    expect(tooMany).toMatchObject({ status: 400, body: { ok: false, problem: { key: "compare.tooMany" } } });
    expect(await call(comparePage as Loader, "/compare?ids=1,abc")).toMatchObject({
      status: 400,
      body: { problem: { key: "compare.invalid", values: { value: "abc" } } },
    });
    expect((await call(comparePage as Loader, "/compare?ids=-3")).status).toBe(400);
    const unknown = await call(comparePage as Loader, `/compare?ids=${ids.cheap},987654`);
    expect(unknown).toMatchObject({
      status: 404,
      body: { problem: { key: "compare.unknown", values: { ids: "987654" } } },
    });
  });

  it("counts a repeated id once", async () => {
    const repeated = await call(
      comparePage as Loader,
      `/compare?ids=${ids.cheap},${ids.cheap},${ids.dear},${ids.none},${ids.perUnit},${ids.cheap}`,
    );
    expect(repeated.status).toBe(200);
  });
});
