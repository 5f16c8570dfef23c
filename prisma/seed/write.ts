// Writes the demo pool in one transaction: a failure or a kill leaves the database as it was.
import type { Prisma } from "../../app/generated/prisma/client";
import { Role } from "../../app/generated/prisma/enums";
import type { PrismaClient } from "../../app/lib/db.server";
import { hashPassword } from "../../app/lib/password.server";
import { insertRows } from "../../app/lib/sql-dialect.server";
import { contractText, fingerprint, type ContractTerms } from "../../app/models/contract/contract.server";
import { insertOrganizations } from "../../app/models/organization/organization.server";
import { insertPatents } from "../../app/models/patent-store.server";
import { RELOAD_ALL } from "../../app/models/search/facet-index.server";
import {
  planDemoPool,
  patentText,
  DEMO_AS_OF,
  type DemoPool,
  type DemoPoolOptions,
  type OrganizationRow,
} from "./demo-pool";
import { Random } from "./random";

/** The shared password of the demo accounts (README, "Demo accounts"). Only the demo pool has them. */
export const DEMO_PASSWORD = "patentbridge-demo";

/** One administrator, staff of the first three universities (the first may invite colleagues), and three
 * verified SMEs. */
export function demoAccounts(organizations: OrganizationRow[], passwordHash: string) {
  const operator = organizations.find((o) => o.kind === "OPERATOR")!;
  const universities = organizations.filter((o) => o.kind === "UNIVERSITY").slice(0, 3);
  const enterprises = organizations.filter((o) => o.kind === "ENTERPRISE" && o.verifiedAt).slice(0, 3);
  return [
    {
      email: "admin@patentbridge.test",
      name: "平台管理员",
      role: Role.ADMIN,
      organizationId: operator.id,
      canInvite: true,
    },
    ...universities.map((university, i) => ({
      email: `${university.shortName!.toLowerCase().replace(/[^a-z0-9]/g, "")}@patentbridge.test`,
      name: `${university.name}技术转移中心`,
      role: Role.UNIVERSITY_STAFF,
      organizationId: university.id,
      canInvite: i === 0,
    })),
    ...enterprises.map((enterprise, i) => ({
      email: `sme${i + 1}@patentbridge.test`,
      name: enterprise.name.replace(/有限公司$/, ""),
      role: Role.SME,
      organizationId: enterprise.id,
      canInvite: false,
    })),
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
      terms: {
        ...terms,
        version: license.declarationId ? declarations.get(license.declarationId)!.version : undefined,
      },
      signatoryName: null,
      intendedUse: null,
      signedAt: license.signedAt,
      startsOn: license.startsOn,
      endsOn: license.endsOn,
    });
    return { ...license, contractText: text, contractSha256: fingerprint(text) };
  });
}

/** The fee due on signature of every demo license: paid when its PAID event says so, else still awaited
 * (overdue when its 30 days have passed). */
function upFrontPayments(pool: DemoPool) {
  const paid = new Map(pool.events.filter((e) => e.kind === "PAID" && e.licenseId).map((e) => [e.licenseId!, e.at]));
  return pool.licenses
    .filter((license) => license.valueFen > 0)
    .map((license) => ({
      licenseId: license.id,
      kind: "UP_FRONT",
      amountFen: license.valueFen,
      dueOn: new Date(license.signedAt.getTime() + 30 * 86_400_000),
      paidAt: paid.get(license.id) ?? null,
    }));
}

/** A few negotiations in each state, between demo companies and universities, on patents with no open
 * license (so that sole and exclusive requests are lawful). */
function demoNegotiations(pool: DemoPool, seed: string) {
  const rng = new Random(`${seed}:negotiations`);
  const declared = new Set(pool.declarations.filter((d) => d.status === "ACTIVE").map((d) => d.patentId));
  const licensed = new Set(pool.licenses.map((l) => l.patentId));
  const candidates = pool.patents.filter(
    (p) => p.transferable && p.legalStatus === "VALID" && !declared.has(p.id) && !licensed.has(p.id),
  );
  const enterprises = pool.organizations.filter((o) => o.kind === "ENTERPRISE");
  const states = [
    "NEGOTIATING",
    "NEGOTIATING",
    "NEGOTIATING",
    "NEGOTIATING",
    "AGREED",
    "AGREED",
    "AGREED",
    "DECLINED",
    "DECLINED",
    "DECLINED",
  ] as const;
  const deals: Array<{
    id: string;
    patentId: number;
    requesterId: string;
    ownerId: string;
    kind: string;
    status: string;
    terms: string;
    termsBy: string;
    requesterSignatory: string | null;
    requesterSignedAt: Date | null;
    createdAt: Date;
  }> = [];
  const messages: Array<{
    dealId: string;
    authorId: string;
    kind: string;
    body: string;
    terms: string | null;
    createdAt: Date;
  }> = [];
  rng.sample(candidates, states.length).forEach((patent, i) => {
    const status = states[i];
    const at = new Date(DEMO_AS_OF.getTime() - rng.int(3, 60) * 86_400_000);
    const terms = JSON.stringify({
      feeModel: "LUMP_SUM",
      lumpSumFen: rng.int(5, 60) * 1_000_000,
      paymentSchedule: "ONCE",
      licenseTermMonths: rng.pick([24, 36, 60]),
      territory: "中国大陆",
    });
    const id = `deal-${String(i + 1).padStart(4, "0")}`;
    const requester = rng.pick(enterprises);
    deals.push({
      id,
      patentId: patent.id,
      requesterId: requester.id,
      ownerId: patent.ownerId,
      kind: rng.pick(["ORDINARY", "ORDINARY", "SOLE", "ASSIGNMENT"]),
      status,
      terms,
      termsBy: status === "NEGOTIATING" && i % 2 ? "OWNER" : "REQUESTER",
      requesterSignatory: status === "AGREED" && i % 2 ? "企业代表" : null,
      requesterSignedAt: status === "AGREED" && i % 2 ? at : null,
      createdAt: at,
    });
    messages.push({
      dealId: id,
      authorId: "demo",
      kind: "PROPOSAL",
      body: "希望就该专利协商许可，详见报价。",
      terms,
      createdAt: at,
    });
    if (status !== "NEGOTIATING" || i % 2)
      messages.push({
        dealId: id,
        authorId: "demo",
        kind: status === "DECLINED" ? "DECLINED" : status === "AGREED" ? "ACCEPTED" : "COUNTER",
        body: "",
        terms: null,
        createdAt: new Date(at.getTime() + 86_400_000),
      });
  });
  return { deals, messages };
}

const DAY = 86_400_000;

/** Every negotiated license and assignment of the demo pool came from a request that the parties
 * negotiated for two weeks to five months, then both signed: the statistics' "request to signature". */
function concludedNegotiations(pool: DemoPool, seed: string) {
  const rng = new Random(`${seed}:concluded-negotiations`);
  const deals: Array<Prisma.DealCreateManyInput> = [];
  const messages: Array<Prisma.DealMessageCreateManyInput> = [];
  const conclude = (contract: {
    patentId: number;
    requesterId: string;
    ownerId: string;
    kind: string;
    terms: string;
    signedAt: Date;
    licenseId?: string;
    transferId?: string;
  }) => {
    const id = `deal-s-${String(deals.length + 1).padStart(6, "0")}`;
    const requestedAt = new Date(contract.signedAt.getTime() - rng.int(14, 150) * DAY);
    const { signedAt, ...rest } = contract;
    deals.push({
      id,
      ...rest,
      status: "SIGNED",
      termsBy: "REQUESTER",
      requesterSignatory: "企业代表",
      requesterSignedAt: signedAt,
      ownerSignatory: "学校代表",
      ownerSignedAt: signedAt,
      createdAt: requestedAt,
      updatedAt: signedAt,
    });
    messages.push(
      {
        dealId: id,
        authorId: "demo",
        kind: "PROPOSAL",
        body: "希望就该专利协商，详见报价。",
        terms: contract.terms,
        createdAt: requestedAt,
      },
      { dealId: id, authorId: "demo", kind: "CONCLUDED", body: "", terms: null, createdAt: signedAt },
    );
  };
  for (const license of pool.licenses) {
    if (license.kind === "OPEN") continue;
    conclude({
      patentId: license.patentId,
      requesterId: license.licenseeId,
      ownerId: license.licensorId,
      kind: license.kind,
      terms: license.termsSnapshot,
      signedAt: license.signedAt,
      licenseId: license.id,
    });
  }
  for (const transfer of pool.transfers) {
    const terms = JSON.stringify({
      feeModel: "LUMP_SUM",
      lumpSumFen: transfer.priceFen,
      paymentSchedule: "ONCE",
      licenseTermMonths: 12,
      territory: "中国大陆",
    });
    conclude({
      patentId: transfer.patentId,
      requesterId: transfer.assigneeId,
      ownerId: transfer.assignorId,
      kind: "ASSIGNMENT",
      terms,
      signedAt: transfer.signedAt,
      transferId: transfer.id,
    });
  }
  return { deals, messages };
}

const VIEW_ROWS_PER_INSERT = 3000; // on PostgreSQL 3 parameters a row: well under its 65,535

/** The ~96,000 view rows through multi-row INSERTs, as insertPatents writes patents (ADR 005): createMany spent
 * 6.0 s on them in Prisma's query layer, bound parameters 1.3 s (bench:seed); on SQLite a batch now reaches
 * SQLite as JSON beside Prisma (insertRows). Written as they are generated: at scale 36 the 3.4 million rows held
 * at once ran the seed out of memory. */
async function insertViewDays(tx: Prisma.TransactionClient, rows: Iterable<[number, Date, number]>) {
  let batch: Array<[number, Date, number]> = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === VIEW_ROWS_PER_INSERT) {
      await insertRows(tx, "PatentViewDay", ["patentId", "day", "views"], batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insertRows(tx, "PatentViewDay", ["patentId", "day", "views"], batch);
}

/** Dated page views (patent, day, views): each patent's yearly views, growing over the pool's last three years,
 * on random days. */
function* demoViews(pool: DemoPool, seed: string): Generator<[number, Date, number]> {
  const rng = new Random(`${seed}:views`);
  const lastYear = DEMO_AS_OF.getUTCFullYear();
  for (const patent of pool.patents) {
    for (const [i, share] of [0.45, 0.7, 1].entries()) {
      const views = Math.round(patent.yearlyViews * share);
      if (views > 0) yield [patent.id, new Date(Date.UTC(lastYear - 2 + i, 0, 1) + rng.int(0, 364) * DAY), views];
    }
  }
}

export async function seedDemoPool(
  prisma: PrismaClient,
  options: DemoPoolOptions,
  onProgress: (message: string) => void = () => {},
): Promise<SeedSummary> {
  const pool = planDemoPool(options);
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  onProgress(
    `planned ${pool.patents.length} patents, ${pool.licenses.length} licenses, ${pool.transfers.length} transfers`,
  );
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
      await tx.declarationConsent.deleteMany();
      await tx.openLicenseDeclaration.deleteMany();
      await tx.patentCoOwner.deleteMany();
      await tx.patentViewDay.deleteMany();
      await tx.$executeRaw`DELETE FROM "PatentSearch"`;
      await tx.patent.deleteMany();
      await tx.organization.deleteMany();

      await insertOrganizations(tx, pool.organizations);
      await tx.user.createMany({ data: demoAccounts(pool.organizations, demoPasswordHash) });
      for (let start = 0; start < pool.patents.length; start += CHUNK) {
        const chunk = pool.patents.slice(start, start + CHUNK).map((plan) => {
          const {
            areaIndex: _area,
            universityId: _university,
            yearlyViews: _views,
            title: _title,
            textSourceId: _source,
            coOwnerIds: _coOwners,
            ipcOthers,
            ...columns
          } = plan;
          return {
            ...columns,
            ...patentText(options.seed, plan),
            ipcOthers: ipcOthers.join("; "),
            assessedAt: DEMO_AS_OF,
          };
        });
        await insertPatents(tx, chunk);
        await tx.patentCoOwner.createMany({
          data: pool.patents
            .slice(start, start + CHUNK)
            .flatMap((plan) => plan.coOwnerIds.map((organizationId) => ({ patentId: plan.id, organizationId }))),
        });
        onProgress(`patents ${Math.min(start + CHUNK, pool.patents.length)}/${pool.patents.length}`);
      }
      await tx.openLicenseDeclaration.createMany({ data: pool.declarations });
      await tx.declarationConsent.createMany({ data: pool.consents });
      await tx.license.createMany({ data: withContracts(pool, options.seed) });
      await tx.payment.createMany({ data: upFrontPayments(pool) });
      await tx.transfer.createMany({ data: pool.transfers });
      await tx.dealEvent.createMany({ data: pool.events });
      const negotiations = demoNegotiations(pool, options.seed);
      await tx.deal.createMany({ data: negotiations.deals });
      await tx.dealMessage.createMany({ data: negotiations.messages });
      const concluded = concludedNegotiations(pool, options.seed);
      await tx.deal.createMany({ data: concluded.deals });
      await tx.dealMessage.createMany({ data: concluded.messages });
      await insertViewDays(tx, demoViews(pool, options.seed));
      // The triggers logged every row; one "reload everything" entry replaces them for running servers.
      await tx.patentChange.deleteMany();
      await tx.patentChange.create({ data: { patentId: RELOAD_ALL } });
      onProgress(
        `deals: ${pool.declarations.length} declarations, ${pool.licenses.length} licenses, ${pool.transfers.length} transfers`,
      );
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
