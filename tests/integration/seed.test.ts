import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { getMarketplaceFigures } from "~/models/marketplace.server";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";
import { planDemoPool, patentText } from "../../prisma/seed/demo-pool";
import { seedDemoPool } from "../../prisma/seed/write";

const options = { seed: "integration", scale: 0.05 };
const params = (query: string) => (parseSearchParams(new URLSearchParams(query)) as { params: SearchParams }).params;

describe("seeding the demo pool", () => {
  it("writes the planned pool, indexed for search, and reads back exactly what was planned", async () => {
    const summary = await seedDemoPool(prisma, options);
    expect(summary).toMatchObject({ patents: 1600, transferable: 1375 });
    expect(await prisma.patent.count()).toBe(1600);
    expect(await prisma.patent.count({ where: { transferable: true } })).toBe(1375);
    const [{ indexed }] = await prisma.$queryRaw<
      Array<{ indexed: bigint }>
    >`SELECT count(*) AS indexed FROM "PatentSearch"`;
    expect(Number(indexed)).toBe(1600);

    const plan = planDemoPool(options).patents[41];
    const stored = await prisma.patent.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({
      applicationNumber: plan.applicationNumber,
      filingDate: plan.filingDate,
      grantDate: plan.grantDate,
      expiresOn: plan.expiresOn,
      transferable: plan.transferable,
      title: patentText(options.seed, plan).title,
    });
  });

  it("makes the pool searchable with live facets and home-page figures", async () => {
    const result = await patentSearch().search(params("q=电池"));
    expect(result.total).toBeGreaterThan(0);
    expect(
      result.items[0].highlights.title.some((s) => s.hit) || result.items[0].highlights.abstract.some((s) => s.hit),
    ).toBe(true);
    const all = await patentSearch().search(params(""));
    expect(all.total).toBe(1375);
    expect(all.facets.university.length).toBeGreaterThan(30);
    const figures = await getMarketplaceFigures();
    expect(figures).toMatchObject({ transferablePatents: 1375, universities: 53, dealsYear: 2025 });
    expect(figures.industrialisationRate).toBeGreaterThan(0.08);
    expect(figures.industrialisationRate).toBeLessThan(0.115);
  });

  it("shows deals in every state: negotiations open, agreed and declined; licenses paid and awaiting payment", async () => {
    const states = await prisma.deal.groupBy({ by: ["status"], _count: true });
    expect(states.map((s) => s.status).sort()).toEqual(["AGREED", "DECLINED", "NEGOTIATING", "SIGNED"]);
    expect(await prisma.payment.count({ where: { paidAt: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.license.count({ where: { contractSha256: null } })).toBe(0);
  });

  it("replaces the pool when run again, and a failure half-way leaves the previous pool intact", async () => {
    await expect(
      seedDemoPool(prisma, { seed: "other", scale: 0.05 }, (message) => {
        if (message.startsWith("patents 1000/")) throw new Error("killed half-way");
      }),
    ).rejects.toThrow("killed half-way");
    expect(await prisma.patent.count()).toBe(1600);
    const first = await prisma.patent.findUniqueOrThrow({ where: { id: 1 } });
    expect(first.applicationNumber).toBe(planDemoPool(options).patents[0].applicationNumber);

    await seedDemoPool(prisma, { seed: "other", scale: 0.05 });
    expect(await prisma.patent.count()).toBe(1600);
    expect((await prisma.patent.findUniqueOrThrow({ where: { id: 1 } })).applicationNumber).not.toBe(
      first.applicationNumber,
    );
    // A search process that was running sees the new pool at once.
    expect((await patentSearch().search(params(""))).total).toBe(1375);
  });
});
