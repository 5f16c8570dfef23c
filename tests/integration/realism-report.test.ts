// The realism report's thresholds (docs/decisions/014-realistic-demo-pool.md) on the demo pool as npm start
// seeds it: distinct titles, CNIPA naming by type, no boilerplate sentence, topics, institution profiles and
// the seed's headline figures.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { DEFAULT_SEED } from "../../prisma/seed/demo-pool";
import { realismReport, type RealismReport } from "../../prisma/seed/report";
import { seedDemoPool } from "../../prisma/seed/write";

let report: RealismReport;

beforeAll(async () => {
  await seedDemoPool(prisma, { seed: DEFAULT_SEED, scale: 1 });
  report = await realismReport(prisma);
}, 300_000);

describe("the realism report of the demo pool", () => {
  it("passes every check", () => {
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it("finds distinct titles, families and co-owners as planned", () => {
    expect(report.distinct.overall).toBeGreaterThanOrEqual(0.95);
    expect(report.distinct.byType.DESIGN).toBeGreaterThanOrEqual(0.95);
    expect(report.headline.families).toBeGreaterThan(400);
    expect(report.headline.coOwned / report.patents).toBeGreaterThan(0.08);
  });

  it("covers Chongqing's own strengths", () => {
    const covered = new Map(report.topics.map((topic) => [topic.key, topic.patents]));
    for (const key of [
      "shale-gas",
      "silkworm-sericulture",
      "vaccines",
      "traditional-chinese-medicine",
      "landslide-geohazards",
      "inland-waterways",
      "hydrogen-fuel-cells",
      "battery-recycling",
      "citrus",
      "zhacai-pickles",
    ]) {
      expect(covered.get(key) ?? 0).toBeGreaterThanOrEqual(60);
    }
  });
});
