// Writes the demo pool in one transaction: a failure or a kill leaves the database as it was.
import { insertOrganizations } from "../../app/models/organization.server";
import { insertPatents } from "../../app/models/patent-store.server";
import { RELOAD_ALL } from "../../app/models/search.server";
import type { PrismaClient } from "../../app/lib/db.server";
import { planDemoPool, patentText, DEMO_AS_OF, type DemoPoolOptions } from "./demo-pool";

const CHUNK = 1000;

export interface SeedSummary {
  organizations: number;
  patents: number;
  transferable: number;
  declarations: number;
  licenses: number;
  transfers: number;
}

export async function seedDemoPool(
  prisma: PrismaClient,
  options: DemoPoolOptions,
  onProgress: (message: string) => void = () => {},
): Promise<SeedSummary> {
  const pool = planDemoPool(options);
  onProgress(`planned ${pool.patents.length} patents, ${pool.licenses.length} licenses, ${pool.transfers.length} transfers`);
  await prisma.$transaction(
    async (tx) => {
      // Children before parents.
      await tx.dealEvent.deleteMany();
      await tx.license.deleteMany();
      await tx.transfer.deleteMany();
      await tx.openLicenseDeclaration.deleteMany();
      await tx.$executeRaw`DELETE FROM "PatentSearch"`;
      await tx.patent.deleteMany();
      await tx.organization.deleteMany();

      await insertOrganizations(tx, pool.organizations);
      for (let start = 0; start < pool.patents.length; start += CHUNK) {
        const chunk = pool.patents.slice(start, start + CHUNK).map((plan) => {
          const { areaIndex: _area, universityId: _university, ipcOthers, ...columns } = plan;
          return { ...columns, ...patentText(options.seed, plan), ipcOthers: ipcOthers.join("; "), assessedAt: DEMO_AS_OF };
        });
        await insertPatents(tx, chunk);
        onProgress(`patents ${Math.min(start + CHUNK, pool.patents.length)}/${pool.patents.length}`);
      }
      await tx.openLicenseDeclaration.createMany({ data: pool.declarations });
      await tx.license.createMany({ data: pool.licenses });
      await tx.transfer.createMany({ data: pool.transfers });
      await tx.dealEvent.createMany({ data: pool.events });
      // The triggers logged every row; one "reload everything" entry replaces them for running servers.
      await tx.patentChange.deleteMany();
      await tx.patentChange.create({ data: { patentId: RELOAD_ALL } });
      onProgress(`deals: ${pool.declarations.length} declarations, ${pool.licenses.length} licenses, ${pool.transfers.length} transfers`);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return {
    organizations: pool.organizations.length,
    patents: pool.patents.length,
    transferable: pool.patents.filter((p) => p.transferable).length,
    declarations: pool.declarations.length,
    licenses: pool.licenses.length,
    transfers: pool.transfers.length,
  };
}
