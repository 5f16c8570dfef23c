// The workspace each role lands on after signing in, and notifications grouped by what they point to: what
// each role sees, and nothing of another organisation.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { adminDashboard, companyDashboard, dashboardFor, staffDashboard, UNUSUAL } from "~/models/dashboard.server";
import { listNotificationGroups, markRead, markReadFor, notify, unreadCount } from "~/models/notification.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-06-15T08:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

async function userOf(
  email: string,
  role: "SME" | "UNIVERSITY_STAFF" | "ADMIN",
  organizationId: string | null,
): Promise<CurrentUser> {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "dashboard password",
    role,
    organizationId,
  });
  return (await getUser(
    new Request("http://localhost/", { headers: { Cookie: (await startSession(created.id, 1)).split(";")[0] } }),
  ))!;
}

let contract = 0;
async function license(input: {
  patentId: number;
  licensorId: string;
  licenseeId: string;
  signedAt: Date;
  valueFen?: number;
  endsOn?: Date;
}) {
  contract += 1;
  return prisma.license.create({
    data: {
      contractNumber: `PB-2026-L-9${String(contract).padStart(5, "0")}`,
      kind: "ORDINARY",
      termsSnapshot: "{}",
      startsOn: input.signedAt,
      endsOn: input.endsOn ?? new Date("2030-01-01T00:00:00Z"),
      valueFen: input.valueFen ?? 0,
      patentId: input.patentId,
      licensorId: input.licensorId,
      licenseeId: input.licenseeId,
      signedAt: input.signedAt,
    },
  });
}

async function deal(input: {
  patentId: number;
  requesterId: string;
  ownerId: string;
  status: string;
  termsBy: "REQUESTER" | "OWNER";
  ownerSignedAt?: Date;
  requesterSignedAt?: Date;
  updatedAt?: Date;
}) {
  return prisma.deal.create({ data: { kind: "ORDINARY", terms: "{}", ...input } });
}

let staff: CurrentUser;
let colleague: CurrentUser;
let otherStaff: CurrentUser;
let company: CurrentUser;
let otherCompany: CurrentUser;
let admin: CurrentUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const university = await createUniversity("重庆工作台大学", "Chongqing Workspace University");
  const otherUniversity = await createUniversity("重庆另一大学", "Another University");
  const enterprise = await createEnterprise("重庆工作台科技有限公司");
  const otherEnterprise = await createEnterprise("重庆别家科技有限公司");
  await prisma.organization.updateMany({
    where: { id: { in: [enterprise.id, otherEnterprise.id, university.id, otherUniversity.id] } },
    data: { verifiedAt: daysAgo(100) },
  });
  staff = await userOf("tto@dash.example", "UNIVERSITY_STAFF", university.id);
  colleague = await userOf("tto2@dash.example", "UNIVERSITY_STAFF", university.id);
  otherStaff = await userOf("other@dash.example", "UNIVERSITY_STAFF", otherUniversity.id);
  company = await userOf("buyer@dash.example", "SME", enterprise.id);
  otherCompany = await userOf("rival@dash.example", "SME", otherEnterprise.id);
  admin = await userOf("admin@dash.example", "ADMIN", null);
  Object.assign(ids, {
    university: university.id,
    otherUniversity: otherUniversity.id,
    enterprise: enterprise.id,
    otherEnterprise: otherEnterprise.id,
  });

  const patents = await Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      createPatent({
        ownerId: university.id,
        title: `一种工作台测试装置${n}`,
        assessedAt: n <= 2 ? daysAgo(10) : null,
      }),
    ),
  );
  const otherPatent = await createPatent({ ownerId: otherUniversity.id, title: "一种别校装置", assessedAt: null });
  Object.assign(ids, { patent: String(patents[0].id), otherPatent: String(otherPatent.id) });

  // Deals: two wait for the university (an answer, a signature), one for the company, one closed, one of another university.
  const answer = await deal({
    patentId: patents[0].id,
    requesterId: enterprise.id,
    ownerId: university.id,
    status: "NEGOTIATING",
    termsBy: "REQUESTER",
  });
  const sign = await deal({
    patentId: patents[1].id,
    requesterId: enterprise.id,
    ownerId: university.id,
    status: "AGREED",
    termsBy: "REQUESTER",
    requesterSignedAt: daysAgo(2),
  });
  const theirMove = await deal({
    patentId: patents[2].id,
    requesterId: enterprise.id,
    ownerId: university.id,
    status: "NEGOTIATING",
    termsBy: "OWNER",
  });
  await deal({
    patentId: patents[3].id,
    requesterId: enterprise.id,
    ownerId: university.id,
    status: "DECLINED",
    termsBy: "REQUESTER",
  });
  await deal({
    patentId: otherPatent.id,
    requesterId: otherEnterprise.id,
    ownerId: otherUniversity.id,
    status: "NEGOTIATING",
    termsBy: "REQUESTER",
  });
  Object.assign(ids, { answer: answer.id, sign: sign.id, theirMove: theirMove.id });

  // Licenses: this year (2026) and last year (2025); payments unpaid (one overdue, one partly received), one paid.
  const thisYear = await license({
    patentId: patents[0].id,
    licensorId: university.id,
    licenseeId: enterprise.id,
    signedAt: new Date("2026-03-01T00:00:00Z"),
    valueFen: 5_000_000,
  });
  const lastYear = await license({
    patentId: patents[1].id,
    licensorId: university.id,
    licenseeId: enterprise.id,
    signedAt: new Date("2025-05-01T00:00:00Z"),
    valueFen: 12_000_000,
  });
  await license({
    patentId: patents[2].id,
    licensorId: university.id,
    licenseeId: otherEnterprise.id,
    signedAt: new Date("2024-05-01T00:00:00Z"),
    valueFen: 99_000_000,
  });
  const otherLicense = await license({
    patentId: otherPatent.id,
    licensorId: otherUniversity.id,
    licenseeId: otherEnterprise.id,
    signedAt: new Date("2026-02-01T00:00:00Z"),
    valueFen: 7_000_000,
  });
  await prisma.transfer.create({
    data: {
      contractNumber: "PB-2025-A-900001",
      patentId: patents[4].id,
      assignorId: university.id,
      assigneeId: enterprise.id,
      priceFen: 30_000_000,
      signedAt: new Date("2025-09-01T00:00:00Z"),
    },
  });
  await prisma.payment.createMany({
    data: [
      { licenseId: thisYear.id, kind: "UP_FRONT", amountFen: 5_000_000, dueOn: daysAgo(5) },
      { licenseId: lastYear.id, kind: "ROYALTY", amountFen: 800_000, dueOn: daysAgo(-20) },
      { licenseId: lastYear.id, kind: "ROYALTY", amountFen: 1_200_000, dueOn: daysAgo(-50) },
      { licenseId: lastYear.id, kind: "UP_FRONT", amountFen: 12_000_000, dueOn: daysAgo(300), paidAt: daysAgo(290) },
      { licenseId: otherLicense.id, kind: "UP_FRONT", amountFen: 7_000_000, dueOn: daysAgo(3) },
    ],
  });
  const partly = await prisma.payment.findFirstOrThrow({ where: { licenseId: lastYear.id, amountFen: 1_200_000 } });
  await prisma.paymentReceipt.create({
    data: {
      paymentId: partly.id,
      amountFen: 200_000,
      receivedOn: daysAgo(1),
      reference: "VOUCHER-1",
      confirmedById: staff.id,
    },
  });
  Object.assign(ids, { thisYearLicense: thisYear.id, lastYearLicense: lastYear.id });

  // Imports: one analysing, one ready, one done (not in progress); another university's ready import.
  const importOf = (organizationId: string, status: string, fileName: string) =>
    prisma.patentImport.create({
      data: {
        organizationId,
        createdById: staff.id,
        fileName,
        filePath: "/nonexistent",
        fileBytes: 1,
        fileSha256: "0".repeat(64),
        status,
        rowsRead: 12,
        toAdd: 10,
        toUpdate: 1,
        rejected: 1,
      },
    });
  await importOf(university.id, "ANALYSING", "analysing.csv");
  await importOf(university.id, "READY", "ready.csv");
  await importOf(university.id, "DONE", "done.csv");
  await importOf(otherUniversity.id, "READY", "other.csv");
  const failedImport = await importOf(otherUniversity.id, "FAILED", "broken.xlsx");
  await prisma.patentImport.update({
    where: { id: failedImport.id },
    data: { error: "import.failed", updatedAt: daysAgo(1) },
  });

  // Needs, proposals and saved searches of the company; a need of the other company.
  const need = await prisma.technologyNeed.create({
    data: {
      organizationId: enterprise.id,
      createdById: company.id,
      title: "电机降噪需求",
      description: "降低电机噪音。",
      visibility: "PUBLIC",
    },
  });
  await prisma.technologyNeed.create({
    data: {
      organizationId: otherEnterprise.id,
      createdById: otherCompany.id,
      title: "别家的需求",
      description: "别家的问题。",
      visibility: "PUBLIC",
    },
  });
  await prisma.needProposal.create({
    data: { needId: need.id, universityId: university.id, createdById: staff.id, message: "本校有方案" },
  });
  ids.need = need.id;
  await prisma.savedSearch.create({
    data: { userId: company.id, organizationId: enterprise.id, name: "电池检索", query: "q=测试装置" },
  });
  await prisma.savedSearch.create({
    data: { userId: otherCompany.id, organizationId: otherEnterprise.id, name: "别家检索", query: "q=芯片" },
  });

  // Notifications: the university's on two deals and a license; the company's; alerts for the company user.
  await notify(prisma, university.id, "notify.dealRequested", `/deals/${answer.id}`, {
    company: "重庆工作台科技有限公司",
  });
  await notify(prisma, university.id, "notify.dealMessage", `/deals/${answer.id}`);
  await notify(prisma, university.id, "notify.dealSigned", `/deals/${sign.id}`);
  await notify(prisma, university.id, "notify.licenseSigned", `/licenses/${thisYear.id}`, {
    company: "重庆工作台科技有限公司",
    contract: thisYear.contractNumber,
  });
  await notify(prisma, otherUniversity.id, "notify.dealRequested", `/deals/${answer.id}`, { company: "x" });
  await notify(prisma, enterprise.id, "notify.needProposal", `/needs/${need.id}`, {
    university: "重庆工作台大学",
    need: need.title,
    count: 1,
  });
  await notify(prisma, enterprise.id, "notify.dealCountered", `/deals/${theirMove.id}`);
  await prisma.notification.createMany({
    data: [
      {
        organizationId: enterprise.id,
        userId: company.id,
        kind: "notify.alertNewMatches",
        link: "/patents?q=测试装置&sort=newest",
        values: { search: "电池检索", count: 3, patent: "x" },
      },
      {
        organizationId: enterprise.id,
        userId: company.id,
        kind: "notify.alertChanged",
        link: `/patents/${patents[0].id}`,
        values: { search: "电池检索", patent: "x", change: "declared" },
      },
    ],
  });

  // Audit: an account tried 6 times, one address 12 times over 4 accounts, an old burst outside the window.
  const failures = [
    ...Array.from({ length: 6 }, (_, i) => ({
      subject: "victim@dash.example",
      ip: `10.0.0.${i}`,
      at: new Date(NOW.getTime() - (i + 1) * 60_000),
    })),
    ...Array.from({ length: 12 }, (_, i) => ({
      subject: `spray${i % 4}@dash.example`,
      ip: "::ffff:203.0.113.9",
      at: new Date(NOW.getTime() - (i + 1) * 120_000),
    })),
    ...Array.from({ length: 9 }, () => ({ subject: "old@dash.example", ip: "10.9.9.9", at: daysAgo(3) })),
  ];
  await prisma.auditEvent.createMany({ data: failures.map((f) => ({ action: "SIGN_IN_FAILED", ...f })) });
  await prisma.auditEvent.createMany({
    data: [
      { action: "SIGN_IN", subject: "a", at: daysAgo(2) },
      { action: "SIGN_IN", subject: "b", at: daysAgo(20) },
    ],
  });
  // Organisations waiting for verification: a new company of this month and one from last month.
  const waiting = await createEnterprise("重庆待认证科技有限公司");
  await prisma.organization.update({ where: { id: waiting.id }, data: { createdAt: daysAgo(3) } });
  const older = await createEnterprise("重庆久候科技有限公司");
  await prisma.organization.update({ where: { id: older.id }, data: { createdAt: daysAgo(25) } });
  Object.assign(ids, { waiting: waiting.id, older: older.id });
});

describe("university staff's workspace", () => {
  it("lists the deals waiting for the university's answer or signature, and no other university's", async () => {
    const dashboard = await staffDashboard(staff, NOW);
    expect(dashboard.dealsAwaiting.total).toBe(2);
    expect(Object.fromEntries(dashboard.dealsAwaiting.items.map((d) => [d.id, d.move]))).toEqual({
      [ids.answer]: "ANSWER",
      [ids.sign]: "SIGN",
    });
    const other = await staffDashboard(otherStaff, NOW);
    expect(other.dealsAwaiting.items.map((d) => d.id)).not.toContain(ids.answer);
    expect(other.dealsAwaiting.total).toBe(1);
  });

  it("groups the payments to confirm by contract, with what is still outstanding, oldest due first", async () => {
    const { paymentsToConfirm } = await staffDashboard(staff, NOW);
    expect(paymentsToConfirm).toMatchObject({
      total: 2,
      payments: 3,
      amountFen: 5_000_000 + 800_000 + 1_000_000,
      overdue: 1,
    });
    expect(paymentsToConfirm.items.map((g) => [g.licenseId, g.payments, g.amountFen, g.overdue])).toEqual([
      [ids.thisYearLicense, 1, 5_000_000, 1],
      [ids.lastYearLicense, 2, 1_800_000, 0],
    ]);
    expect(paymentsToConfirm.items[0].counterparty.name).toBe("重庆工作台科技有限公司");
    // The other university's 70,000 元 is not among them, nor is it counted.
    const other = await staffDashboard(otherStaff, NOW);
    expect(other.paymentsToConfirm).toMatchObject({ total: 1, amountFen: 7_000_000 });
  });

  it("shows the imports in progress and the patents not yet assessed, of its own university", async () => {
    const dashboard = await staffDashboard(staff, NOW);
    expect(dashboard.importsInProgress.items.map((i) => i.fileName).sort()).toEqual(["analysing.csv", "ready.csv"]);
    expect(dashboard.unassessed.total).toBe(3);
    expect(dashboard.unassessed.items.every((p) => !p.title.includes("别校"))).toBe(true);
    const other = await staffDashboard(otherStaff, NOW);
    expect(other.importsInProgress.items.map((i) => i.fileName)).toEqual(["other.csv"]);
    expect(other.unassessed.total).toBe(1);
  });

  it("compares this year to date with the last complete year, saying which is which", async () => {
    const { figures } = await staffDashboard(staff, NOW);
    expect(figures.thisYear).toEqual({
      from: "2026-01-01",
      to: "2026-06-15",
      complete: false,
      licenses: 1,
      transfers: 0,
      valueFen: 5_000_000,
    });
    expect(figures.lastYear).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      complete: true,
      licenses: 1,
      transfers: 1,
      valueFen: 42_000_000,
    });
    expect(figures.patents).toBe(5);
  });

  it("is refused to anyone but university staff", async () => {
    await expect(staffDashboard(company, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(companyDashboard(staff, NOW)).rejects.toMatchObject({ status: 403 });
    await expect(adminDashboard(staff, NOW)).rejects.toMatchObject({ status: 403 });
    expect((await dashboardFor(staff, NOW)).role).toBe("UNIVERSITY_STAFF");
    expect((await dashboardFor(company, NOW)).role).toBe("SME");
    expect((await dashboardFor(admin, NOW)).role).toBe("ADMIN");
  });
});

describe("a company's workspace", () => {
  it("lists its licenses and negotiations, its move first", async () => {
    const dashboard = await companyDashboard(company, NOW);
    expect(dashboard.licenses.total).toBe(2);
    expect(dashboard.licenses.items.map((l) => l.status)).toEqual(["AWAITING_PAYMENT", "ACTIVE"]);
    expect(dashboard.negotiations).toMatchObject({ total: 3, yourMove: 1 });
    expect(dashboard.negotiations.items[0]).toMatchObject({ id: ids.theirMove, move: "ANSWER" });
    expect(dashboard.negotiations.items.map((d) => d.move)).toEqual(["ANSWER", null, null]);
  });

  it("lists the payments due, soonest first, the overdue one marked, with what is still owed", async () => {
    const { paymentsDue } = await companyDashboard(company, NOW);
    expect(paymentsDue).toMatchObject({ total: 3, overdue: 1, amountFen: 6_800_000 });
    expect(paymentsDue.items.map((p) => [p.amountFen, p.overdue])).toEqual([
      [5_000_000, true],
      [800_000, false],
      [1_000_000, false],
    ]);
  });

  it("counts new proposals for its needs and new hits of its saved searches", async () => {
    const dashboard = await companyDashboard(company, NOW);
    expect(dashboard.needs).toMatchObject({ total: 1, newProposals: 1 });
    expect(dashboard.needs.items[0]).toMatchObject({ id: ids.need, proposals: 1, newProposals: 1 });
    expect(dashboard.savedSearches).toMatchObject({ total: 1, newHits: 4 });
    // Its matches are counted now, by the search: the five 测试装置 of its university.
    expect(dashboard.savedSearches.items[0]).toMatchObject({ name: "电池检索", hits: 5, newHits: 4 });
  });

  it("shows nothing of another company", async () => {
    const dashboard = await companyDashboard(otherCompany, NOW);
    const mine = [ids.answer, ids.sign, ids.theirMove];
    expect(dashboard.licenses.items.map((l) => l.id)).not.toContain(ids.thisYearLicense);
    expect(dashboard.licenses.total).toBe(2);
    expect(dashboard.negotiations.total).toBe(1);
    expect(dashboard.negotiations.items.every((d) => !mine.includes(d.id))).toBe(true);
    expect(dashboard.needs.items.map((n) => n.title)).toEqual(["别家的需求"]);
    expect(dashboard.savedSearches).toMatchObject({ total: 1, newHits: 0 });
    expect(dashboard.paymentsDue).toMatchObject({ total: 1, amountFen: 7_000_000 });
  });
});

describe("the administrators' workspace", () => {
  it("lists organisations waiting for verification, longest waiting first", async () => {
    const { toVerify } = await adminDashboard(admin, NOW);
    expect(toVerify.total).toBe(2);
    expect(toVerify.items.map((o) => o.id)).toEqual([ids.older, ids.waiting]);
  });

  it("finds repeated failed sign-ins on an account or from an address within the window, and failed imports", async () => {
    const { unusual } = await adminDashboard(admin, NOW);
    expect(unusual.accounts).toEqual([expect.objectContaining({ email: "victim@dash.example", failures: 6 })]);
    expect(unusual.addresses).toEqual([
      expect.objectContaining({ ip: "::ffff:203.0.113.9", failures: 12, accounts: 4 }),
    ]);
    expect(unusual.failedImports.map((i) => i.fileName)).toEqual(["broken.xlsx"]);
    expect(unusual.total).toBe(3);
    // Fewer failures than the thresholds are not unusual.
    expect(UNUSUAL.failuresPerAccount).toBeGreaterThan(4);
  });

  it("gives this month to date beside the last complete month", async () => {
    const { month } = await adminDashboard(admin, NOW);
    expect(month.current).toMatchObject({
      from: "2026-06-01",
      to: "2026-06-15",
      complete: false,
      organizationsJoined: 1,
      signIns: 1,
    });
    expect(month.previous).toMatchObject({
      from: "2026-05-01",
      to: "2026-05-31",
      complete: true,
      organizationsJoined: 1,
      signIns: 1,
    });
  });
});

describe("notifications grouped by what they point to", () => {
  it("gives one row per deal or license with its count, unread count and latest notice, and nothing of others", async () => {
    const { total, unread, groups } = await listNotificationGroups(staff);
    expect(total).toBe(3);
    expect(unread).toBe(4);
    const answerGroup = groups.find((g) => g.link === `/deals/${ids.answer}`)!;
    expect(answerGroup).toMatchObject({ count: 2, unread: 2, subject: { title: "一种工作台测试装置1" } });
    expect(["notify.dealRequested", "notify.dealMessage"]).toContain(answerGroup.latest.kind);
    expect(groups.find((g) => g.link.startsWith("/licenses/"))!.subject).toMatchObject({
      reference: expect.stringMatching(/^PB-2026-L-/),
    });
    // The other university's notice on the same deal is theirs alone.
    expect((await listNotificationGroups(otherStaff)).total).toBe(1);
    // A member's own alerts are for that member, not colleagues.
    expect((await listNotificationGroups(company)).unread).toBe(4);
    expect((await listNotificationGroups(admin)).total).toBe(0);
  });

  it("reads a deal's notices when the deal is opened, for every member, and only that deal's", async () => {
    expect(await markReadFor(otherStaff, `/deals/${ids.answer}`)).toBe(1);
    expect(await unreadCount(staff)).toBe(4);
    expect(await markReadFor(colleague, `/deals/${ids.answer}`)).toBe(2);
    expect(await unreadCount(staff)).toBe(2);
    const { groups } = await listNotificationGroups(staff);
    expect(groups.find((g) => g.link === `/deals/${ids.answer}`)).toMatchObject({ count: 2, unread: 0 });
    // Unread groups come first.
    expect(groups.at(-1)!.link).toBe(`/deals/${ids.answer}`);
    expect(await markReadFor(null, `/deals/${ids.sign}`)).toBe(0);
  });

  it("reads a need's proposals when the need is opened, and its dashboard count follows", async () => {
    await markReadFor(company, `/needs/${ids.need}`);
    expect((await companyDashboard(company, NOW)).needs.newProposals).toBe(0);
  });

  it("marks everything read at once", async () => {
    await markRead(staff);
    expect(await unreadCount(staff)).toBe(0);
    expect(await unreadCount(company)).toBeGreaterThan(0);
  });
});

describe("signing in", () => {
  async function locationOf(run: () => Promise<unknown>) {
    try {
      const answer = await run();
      return answer instanceof Response ? answer.headers.get("Location") : null;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.headers.get("Location");
      throw thrown;
    }
  }
  const signIn = (redirectTo?: string) => {
    const form = new FormData();
    form.append("email", "buyer@dash.example");
    form.append("password", "dashboard password");
    if (redirectTo !== undefined) form.append("redirectTo", redirectTo);
    const request = new Request("http://localhost/login", {
      method: "POST",
      headers: { Origin: "http://localhost", Host: "localhost" },
      body: form,
    });
    return locationOf(
      () => loginAction({ request, params: {}, context: { clientIp: "127.0.0.1" } }) as Promise<unknown>,
    );
  };

  it("lands on the workspace when there is no page to go back to, and goes back to the page otherwise", async () => {
    expect(await signIn()).toBe("/dashboard");
    expect(await signIn("")).toBe("/dashboard");
    expect(await signIn("//evil.example/")).toBe("/dashboard");
    expect(await signIn("/patents?q=%E7%94%B5%E6%B1%A0")).toBe("/patents?q=%E7%94%B5%E6%B1%A0");
    const cookie = (await startSession(company.id, 1)).split(";")[0];
    const signedIn = (query: string) =>
      locationOf(
        () =>
          loginLoader({
            request: new Request(`http://localhost/login${query}`, { headers: { Cookie: cookie } }),
            params: {},
            context: {},
          }) as Promise<unknown>,
      );
    expect(await signedIn("")).toBe("/dashboard");
    expect(await signedIn("?redirectTo=%2Fneeds")).toBe("/needs");
  });
});
