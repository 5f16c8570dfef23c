// Writes the demo pool in one transaction: a failure or a kill leaves the database as it was.
import { insertOrganizations } from "../../app/models/organization.server";
import { insertPatents } from "../../app/models/patent-store.server";
import { RELOAD_ALL } from "../../app/models/search.server";
import type { PrismaClient } from "../../app/lib/db.server";
import { hashPassword } from "../../app/lib/password.server";
import { contractText, fingerprint, type ContractTerms } from "../../app/models/contract.server";
import { planDemoPool, patentText, DEMO_AS_OF, type DemoPool, type DemoPoolOptions, type OrganizationRow } from "./demo-pool";

/** The shared password of the demo accounts (README, "Demo accounts"). Only the demo pool has them. */
export const DEMO_PASSWORD = "patentbridge-demo";

/** One administrator, staff of the first three universities (the first may invite colleagues), and three
 * verified SMEs. */
export function demoAccounts(organizations: OrganizationRow[], passwordHash: string) {
  const operator = organizations.find((o) => o.kind === "OPERATOR")!;
  const universities = organizations.filter((o) => o.kind === "UNIVERSITY").slice(0, 3);
  const enterprises = organizations.filter((o) => o.kind === "ENTERPRISE" && o.verifiedAt).slice(0, 3);
  return [
    { email: "admin@patentbridge.test", name: "平台管理员", role: "ADMIN", organizationId: operator.id, canInvite: true },
    ...universities.map((university, i) => ({
      email: `${university.shortName!.toLowerCase().replace(/[^a-z0-9]/g, "")}@patentbridge.test`,
      name: `${university.name}技术转移中心`,
      role: "UNIVERSITY_STAFF",
      organizationId: university.id,
      canInvite: i === 0,
    })),
    ...enterprises.map((enterprise, i) => ({ email: `sme${i + 1}@patentbridge.test`, name: enterprise.name.replace(/有限公司$/, ""), role: "SME", organizationId: enterprise.id, canInvite: false })),
  ].map((account) => ({ ...account, passwordHash }));
}

const CHUNK = 1000;

export interface SeedSummary {
  organizations: number;
  patents: number;
  transferable: number;
  declarations: number;
  licenses: number;
  transfers: number;
}

/** Every demo license gets the contract text it would have been signed with, and that text's fingerprint. */
function withContracts(pool: DemoPool, seed: string) {
  const organizations = new Map(pool.organizations.map((o) => [o.id, o]));
  const declarations = new Map(pool.declarations.map((d) => [d.id, d]));
  return pool.licenses.map((license) => {
    const plan = pool.patents[license.patentId - 1];
    const { title, titleEn } = patentText(seed, plan);
    const terms = JSON.parse(license.termsSnapshot) as ContractTerms;
    const text = contractText({
      contractNumber: license.contractNumber,
      kind: license.kind,
      patent: { applicationNumber: plan.applicationNumber, title, titleEn },
      licensor: organizations.get(license.licensorId)!,
      licensee: organizations.get(license.licenseeId)!,
      terms: { ...terms, version: license.declarationId ? declarations.get(license.declarationId)!.version : undefined },
      signatoryName: null,
      intendedUse: null,
      signedAt: license.signedAt,
      startsOn: license.startsOn,
      endsOn: license.endsOn,
    });
    return { ...license, contractText: text, contractSha256: fingerprint(text) };
  });
}

export async function seedDemoPool(
  prisma: PrismaClient,
  options: DemoPoolOptions,
  onProgress: (message: string) => void = () => {},
): Promise<SeedSummary> {
  const pool = planDemoPool(options);
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  onProgress(`planned ${pool.patents.length} patents, ${pool.licenses.length} licenses, ${pool.transfers.length} transfers`);
  await prisma.$transaction(
    async (tx) => {
      // Children before parents.
      await tx.notification.deleteMany();
      await tx.dealMessage.deleteMany();
      await tx.deal.deleteMany();
      await tx.auditEvent.deleteMany();
      await tx.outboxEmail.deleteMany();
      await tx.passwordReset.deleteMany();
      await tx.invitation.deleteMany();
      await tx.user.deleteMany();
      await tx.payment.deleteMany();
      await tx.salesReport.deleteMany();
      await tx.dealEvent.deleteMany();
      await tx.license.deleteMany();
      await tx.transfer.deleteMany();
      await tx.openLicenseDeclaration.deleteMany();
      await tx.$executeRaw`DELETE FROM "PatentSearch"`;
      await tx.patent.deleteMany();
      await tx.organization.deleteMany();

      await insertOrganizations(tx, pool.organizations);
      await tx.user.createMany({ data: demoAccounts(pool.organizations, demoPasswordHash) });
      for (let start = 0; start < pool.patents.length; start += CHUNK) {
        const chunk = pool.patents.slice(start, start + CHUNK).map((plan) => {
          const { areaIndex: _area, universityId: _university, ipcOthers, ...columns } = plan;
          return { ...columns, ...patentText(options.seed, plan), ipcOthers: ipcOthers.join("; "), assessedAt: DEMO_AS_OF };
        });
        await insertPatents(tx, chunk);
        onProgress(`patents ${Math.min(start + CHUNK, pool.patents.length)}/${pool.patents.length}`);
      }
      await tx.openLicenseDeclaration.createMany({ data: pool.declarations });
      await tx.license.createMany({ data: withContracts(pool, options.seed) });
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
