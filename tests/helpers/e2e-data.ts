// Data the browser tests write straight into the e2e server's database, for states the demo pool may not hold.
import type { PrismaClient } from "../../app/lib/db.server";

const organizationOf = async (database: PrismaClient, email: string) =>
  (await database.user.findUniqueOrThrow({ where: { email }, select: { organizationId: true } })).organizationId!;

/** A negotiation on one of the university's patents with no open license, and the notice the step sent. */
export async function negotiation(
  database: PrismaClient,
  input: {
    companyEmail: string;
    universityEmail: string;
    termsBy: "REQUESTER" | "OWNER";
    notifyCompany: boolean;
    marker: string;
  },
) {
  const [companyId, universityId] = await Promise.all([
    organizationOf(database, input.companyEmail),
    organizationOf(database, input.universityEmail),
  ]);
  const patent = await database.patent.findFirstOrThrow({
    where: {
      ownerId: universityId,
      legalStatus: "VALID",
      declarations: { none: { status: "ACTIVE" } },
      deals: { none: {} },
      licenses: { none: {} },
      title: { not: { contains: "dash-" } },
    },
    orderBy: { id: "desc" },
    select: { id: true, title: true },
  });
  // The title marks the patent as this test's, so that the same patent is never picked twice.
  const title = `${patent.title}（${input.marker}）`;
  await database.patent.update({ where: { id: patent.id }, data: { title } });
  const terms = JSON.stringify({
    kind: "ORDINARY",
    feeModel: "LUMP_SUM",
    lumpSumFen: 20_000_000,
    paymentSchedule: "ONCE",
    licenseTermMonths: 36,
    territory: "中国大陆",
  });
  const deal = await database.deal.create({
    data: {
      patentId: patent.id,
      requesterId: companyId,
      ownerId: universityId,
      kind: "ORDINARY",
      status: "NEGOTIATING",
      terms,
      termsBy: input.termsBy,
    },
  });
  await database.dealMessage.create({
    data: { dealId: deal.id, authorId: "e2e", kind: "PROPOSAL", body: "希望协商普通许可。", terms },
  });
  await database.notification.create({
    data: input.notifyCompany
      ? { organizationId: companyId, kind: "notify.dealCountered", link: `/deals/${deal.id}` }
      : {
          organizationId: universityId,
          kind: "notify.dealRequested",
          link: `/deals/${deal.id}`,
          values: { company: "e2e" },
        },
  });
  return { dealId: deal.id, title };
}
