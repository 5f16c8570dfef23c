// The list reads behind /licenses, /university/patents, /university/assessment and the administrators' lists:
// paging, search, sorting, filters, totals and who sees what, against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import type { ListQuery } from "~/lib/paging";
import { listUsersPage } from "~/models/account/lists.server";
import { listForAssessment } from "~/models/assessment/assessment.server";
import { listAuditEventsPage, recordAudit } from "~/models/audit/audit.server";
import { countDeals, listDealsPage } from "~/models/deal/deal.server";
import { listLicensesPage } from "~/models/license/read.server";
import { licenseStatus } from "~/models/license/status";
import { listOrganizationsPage } from "~/models/organization/organization.server";
import { listUniversityPatentsPage } from "~/models/university-patents.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const base = <S extends string>(sort: S, dir: "asc" | "desc" = "desc"): ListQuery<S> => ({ page: 1, q: "", sort, dir });

type Org = { id: string; name: string; nameEn: string | null; kind: string; verifiedAt: Date | null };
const person = (
  role: CurrentUser["role"],
  organization: Org | null,
  id = `user-${role}-${organization?.id ?? "none"}`,
): CurrentUser => ({
  id,
  email: `${id}@lists.example`,
  name: id,
  role,
  canInvite: false,
  organization,
});

let uniA: Org;
let uniB: Org;
let companyX: Org;
let companyY: Org;
let patentsA: Array<{ id: number; title: string; applicationNumber: string }>;

beforeAll(async () => {
  uniA = await createUniversity("重庆列表大学", "Chongqing List University");
  uniB = await createUniversity("西南列表大学", "Southwest List University");
  companyX = await createEnterprise("重庆星河电池有限公司");
  companyY = await createEnterprise("重庆远山机械有限公司");
  await prisma.organization.update({ where: { id: companyX.id }, data: { nameEn: "Xinghe Battery Co." } });
  patentsA = [];
  for (let i = 0; i < 30; i++) {
    const patent = await createPatent({
      ownerId: uniA.id,
      title: i % 3 === 0 ? `锂电池热管理系统${i}` : `齿轮传动装置${i}`,
      titleEn: i % 3 === 0 ? `Battery thermal management ${i}` : `Gear drive ${i}`,
      type: i % 5 === 0 ? "UTILITY_MODEL" : "INVENTION",
      legalStatus: i % 10 === 9 ? "LAPSED" : "VALID",
      filingDate: new Date(Date.UTC(2015 + (i % 8), i % 12, 1)),
      assessedAt: i < 3 ? null : i < 5 ? new Date(NOW.getTime() - 400 * DAY) : new Date(NOW.getTime() - 30 * DAY),
      valueScore: 50,
      maturity: 5,
      // 9 and 29 lapsed and left the pool; 19 lapsed but is still marked transferable.
      transferable: i !== 9 && i !== 29,
    });
    patentsA.push(patent);
  }
  const patentB = await createPatent({
    ownerId: uniB.id,
    title: "锂电池热管理方法B",
    assessedAt: NOW,
    valueScore: 60,
    maturity: 4,
  });
  await declareOpenLicense(patentsA[0].id, uniA.id);

  // 30 licenses from A to X: kinds in turn, signed a week apart, some ended, some with the up-front fee unpaid.
  const kinds = ["OPEN", "ORDINARY", "SOLE"] as const;
  for (let i = 0; i < 30; i++) {
    const signedAt = new Date(Date.UTC(2025, 0, 1) + i * 7 * DAY);
    const license = await prisma.license.create({
      data: {
        contractNumber: `PB-L-2025-${String(i + 1).padStart(4, "0")}`,
        patentId: patentsA[i].id,
        licensorId: uniA.id,
        licenseeId: companyX.id,
        kind: kinds[i % 3],
        termsSnapshot: "{}",
        startsOn: signedAt,
        endsOn: i % 4 === 0 ? new Date(NOW.getTime() - DAY) : new Date(NOW.getTime() + 365 * DAY),
        signedAt,
      },
    });
    await prisma.payment.create({
      data: {
        licenseId: license.id,
        kind: "UP_FRONT",
        amountFen: 100_000,
        dueOn: new Date(signedAt.getTime() + 30 * DAY),
        paidAt: i % 2 === 0 ? null : signedAt,
      },
    });
  }
  await prisma.license.create({
    data: {
      contractNumber: "PB-L-2025-9001",
      patentId: patentB.id,
      licensorId: uniB.id,
      licenseeId: companyY.id,
      kind: "ORDINARY",
      termsSnapshot: "{}",
      startsOn: NOW,
      endsOn: new Date(NOW.getTime() + 365 * DAY),
      signedAt: NOW,
    },
  });
});

describe("licenses", () => {
  const x = () => person("SME", companyX);

  it("pages a company's own licenses 25 at a time with the total, never another company's", async () => {
    const first = await listLicensesPage(x(), base("signedAt"), NOW);
    const second = await listLicensesPage(x(), { ...base("signedAt"), page: 2 }, NOW);
    expect([first.total, first.pages, first.licenses.length, second.licenses.length]).toEqual([30, 2, 25, 5]);
    const numbers = [...first.licenses, ...second.licenses].map((l) => l.contractNumber);
    expect(new Set(numbers).size).toBe(30);
    expect(numbers).not.toContain("PB-L-2025-9001");
    expect(
      (await listLicensesPage(person("SME", companyY), base("signedAt"), NOW)).licenses.map((l) => l.contractNumber),
    ).toEqual(["PB-L-2025-9001"]);
  });

  it("shows a page past the end as the last page", async () => {
    const past = await listLicensesPage(x(), { ...base("signedAt"), page: 9 }, NOW);
    expect([past.page, past.licenses.length]).toEqual([2, 5]);
  });

  it("lets staff see what their university granted and administrators everything", async () => {
    expect((await listLicensesPage(person("UNIVERSITY_STAFF", uniA), base("signedAt"), NOW)).total).toBe(30);
    expect((await listLicensesPage(person("UNIVERSITY_STAFF", uniB), base("signedAt"), NOW)).total).toBe(1);
    expect((await listLicensesPage(person("ADMIN", null), base("signedAt"), NOW)).total).toBeGreaterThanOrEqual(31);
  });

  it("finds licenses by contract number, patent title in either language and counterparty", async () => {
    expect(
      (await listLicensesPage(x(), { ...base("signedAt"), q: "PB-L-2025-0007" }, NOW)).licenses.map(
        (l) => l.contractNumber,
      ),
    ).toEqual(["PB-L-2025-0007"]);
    const byTitle = await listLicensesPage(x(), { ...base("signedAt"), q: "锂电池" }, NOW);
    expect(byTitle.total).toBe(10);
    expect(byTitle.licenses.every((l) => l.patent.title.includes("锂电池"))).toBe(true);
    expect((await listLicensesPage(x(), { ...base("signedAt"), q: "BATTERY thermal" }, NOW)).total).toBe(10);
    expect(
      (await listLicensesPage(person("UNIVERSITY_STAFF", uniA), { ...base("signedAt"), q: "星河" }, NOW)).total,
    ).toBe(30);
    expect((await listLicensesPage(x(), { ...base("signedAt"), q: "没有这个词" }, NOW)).total).toBe(0);
  });

  it("filters by status with the same rule as each license's status, and the statuses add up to all", async () => {
    let sum = 0;
    for (const status of ["AWAITING_PAYMENT", "ACTIVE", "ENDED"] as const) {
      const list = await listLicensesPage(x(), { ...base("signedAt"), status }, NOW, 50);
      expect(list.total).toBeGreaterThan(0);
      expect(list.licenses.every((l) => l.status === status)).toBe(true);
      sum += list.total;
    }
    expect(sum).toBe(30);
    const all = await prisma.license.findMany({ where: { licenseeId: companyX.id }, include: { payments: true } });
    expect(all.filter((l) => licenseStatus(l, NOW) === "ENDED").length).toBe(
      (await listLicensesPage(x(), { ...base("signedAt"), status: "ENDED" }, NOW)).total,
    );
  });

  it("filters by kind and by the day range it was signed in, both days included", async () => {
    const sole = await listLicensesPage(x(), { ...base("signedAt"), kind: "SOLE" }, NOW);
    expect(sole.total).toBe(10);
    expect(sole.licenses.every((l) => l.kind === "SOLE")).toBe(true);
    const january = await listLicensesPage(
      x(),
      { ...base("signedAt"), from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-01-29T00:00:00Z") },
      NOW,
    );
    expect(january.licenses.map((l) => l.contractNumber).sort()).toEqual([
      "PB-L-2025-0001",
      "PB-L-2025-0002",
      "PB-L-2025-0003",
      "PB-L-2025-0004",
      "PB-L-2025-0005",
    ]);
  });

  it("sorts by each column, both ways", async () => {
    const oldest = await listLicensesPage(x(), { ...base("signedAt", "asc") }, NOW);
    expect(oldest.licenses[0].contractNumber).toBe("PB-L-2025-0001");
    const newest = await listLicensesPage(x(), { ...base("signedAt", "desc") }, NOW);
    expect(newest.licenses[0].contractNumber).toBe("PB-L-2025-0030");
    const byNumber = (await listLicensesPage(x(), base("contractNumber", "asc"), NOW)).licenses.map(
      (l) => l.contractNumber,
    );
    expect(byNumber).toEqual([...byNumber].sort());
    const byPatent = (await listLicensesPage(x(), base("patent", "desc"), NOW, 50)).licenses.map((l) => l.patent.title);
    expect(byPatent).toEqual([...byPatent].sort().reverse());
  });
});

describe("negotiations", () => {
  const NEGOTIATIONS = 30;
  beforeAll(async () => {
    // 30 deals on A's patents: 27 from X, 3 from Y; in turn negotiating (X's terms on the table, then A's), agreed
    // (A signed or not), signed, declined and withdrawn; the kinds in turn.
    const states = [
      { status: "NEGOTIATING", termsBy: "REQUESTER" },
      { status: "NEGOTIATING", termsBy: "OWNER" },
      { status: "AGREED", termsBy: "OWNER", ownerSignedAt: NOW },
      { status: "AGREED", termsBy: "REQUESTER" },
      { status: "SIGNED", termsBy: "OWNER" },
      { status: "DECLINED", termsBy: "REQUESTER" },
      { status: "WITHDRAWN", termsBy: "REQUESTER" },
    ];
    const kinds = ["ORDINARY", "SOLE", "EXCLUSIVE", "ASSIGNMENT"];
    for (let i = 0; i < NEGOTIATIONS; i++)
      await prisma.deal.create({
        data: {
          patentId: patentsA[i].id,
          requesterId: i < 27 ? companyX.id : companyY.id,
          ownerId: uniA.id,
          kind: kinds[i % 4],
          terms: "{}",
          ...states[i % states.length],
          createdAt: new Date(NOW.getTime() - (NEGOTIATIONS - i) * DAY),
        },
      });
  });
  const query = (extra: Partial<Parameters<typeof listDealsPage>[1]> = {}) => ({
    page: 1,
    q: "",
    sort: "updatedAt" as const,
    dir: "desc" as const,
    ...extra,
  });
  const staffA = () => person("UNIVERSITY_STAFF", uniA);

  it("pages each side's own negotiations 25 at a time with the total; administrators see all", async () => {
    const first = await listDealsPage(staffA(), query());
    expect([first.total, first.pages, first.deals.length]).toEqual([30, 2, 25]);
    const second = await listDealsPage(staffA(), query({ page: 2 }));
    expect(second.deals.map((d) => d.id)).not.toContain(first.deals[0].id);
    expect(second.deals).toHaveLength(5);
    expect((await listDealsPage(person("SME", companyX), query())).total).toBe(27);
    expect((await listDealsPage(person("SME", companyY), query())).total).toBe(3);
    expect((await listDealsPage(person("UNIVERSITY_STAFF", uniB), query())).total).toBe(0);
    expect((await listDealsPage(person("ADMIN", null), query())).total).toBeGreaterThanOrEqual(30);
  });

  it("finds negotiations by patent title or number and by the other side's name, in either language", async () => {
    expect((await listDealsPage(staffA(), query({ q: "锂电池" }))).total).toBe(10);
    expect(
      (await listDealsPage(staffA(), query({ q: patentsA[4].applicationNumber }))).deals.map((d) => d.patent.id),
    ).toEqual([patentsA[4].id]);
    expect((await listDealsPage(staffA(), query({ q: "远山" }))).total).toBe(3);
    expect((await listDealsPage(staffA(), query({ q: "xinghe battery" }))).total).toBe(27);
    // A company searches the owner's name, not its own.
    expect((await listDealsPage(person("SME", companyX), query({ q: "星河" }))).total).toBe(0);
    expect((await listDealsPage(person("SME", companyX), query({ q: "List University" }))).total).toBe(27);
    // An administrator may name either side.
    expect((await listDealsPage(person("ADMIN", null), query({ q: "远山" }))).total).toBe(3);
    expect((await listDealsPage(person("ADMIN", null), query({ q: "重庆列表大学" }))).total).toBe(30);
  });

  it("filters by status and kind, and shows what waits for each side, as the counts on /licenses do", async () => {
    expect((await listDealsPage(staffA(), query({ status: "AGREED" }))).total).toBe(8);
    expect((await listDealsPage(staffA(), query({ kind: "ASSIGNMENT" }))).total).toBe(7);
    // The owner's turn: the requester's terms on the table (0, 7, …: 5) or agreed and not yet signed by it (3, 10, …: 4).
    const ownersTurn = await listDealsPage(staffA(), query({ waiting: true }));
    expect(ownersTurn.total).toBe(9);
    expect(ownersTurn.deals.every((d) => d.yourTurn)).toBe(true);
    expect((await listDealsPage(staffA(), query())).deals.filter((d) => d.yourTurn).length).toBeLessThanOrEqual(9);
    expect(await countDeals(staffA())).toEqual({ total: 30, yours: 9 });
    expect(await countDeals(staffA(), patentsA[0].id)).toEqual({ total: 1, yours: 1 });
    // X's turn: A's terms on the table (1, 8, …: 4) or agreed (2, 3, 9, 10, …: 8) where X has not signed.
    const companysTurn = await listDealsPage(person("SME", companyX), query({ waiting: true }));
    expect(companysTurn.total).toBe((await countDeals(person("SME", companyX))).yours);
    expect(companysTurn.deals.every((d) => d.yourTurn)).toBe(true);
    // Administrators take no side: nothing waits for them.
    const all = await listDealsPage(person("ADMIN", null), query({ waiting: true }));
    expect(all.deals.some((d) => d.yourTurn)).toBe(false);
  });

  it("sorts by patent, the other side, kind, status and dates, both ways", async () => {
    for (const sort of ["patent", "counterparty", "kind", "status", "createdAt", "updatedAt"] as const) {
      const up = await listDealsPage(staffA(), query({ sort, dir: "asc" }));
      const down = await listDealsPage(staffA(), query({ sort, dir: "desc" }));
      expect(up.total).toBe(30);
      expect(down.total).toBe(30);
    }
    const byCreated = await listDealsPage(staffA(), query({ sort: "createdAt", dir: "asc" }));
    const days = byCreated.deals.map((d) => d.createdAt.getTime());
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const byPatent = await listDealsPage(staffA(), query({ sort: "patent", dir: "desc" }));
    const titles = byPatent.deals.map((d) => d.patent.title);
    expect(titles).toEqual([...titles].sort().reverse());
  });
});

describe("a university's patents", () => {
  it("lists only that university's patents, by title or application number (with or without CN)", async () => {
    const all = await listUniversityPatentsPage(uniA.id, base("filingDate"));
    expect([all.total, all.patents.length]).toEqual([30, 25]);
    expect((await listUniversityPatentsPage(uniA.id, { ...base("filingDate"), q: "锂电池" })).total).toBe(10);
    expect((await listUniversityPatentsPage(uniB.id, { ...base("filingDate"), q: "锂电池" })).total).toBe(1);
    const number = patentsA[4].applicationNumber;
    expect(
      (await listUniversityPatentsPage(uniA.id, { ...base("filingDate"), q: `CN${number}` })).patents.map((p) => p.id),
    ).toEqual([patentsA[4].id]);
  });

  it("filters by type, legal status and open license, and sorts by title", async () => {
    expect((await listUniversityPatentsPage(uniA.id, { ...base("filingDate"), type: "UTILITY_MODEL" })).total).toBe(6);
    expect((await listUniversityPatentsPage(uniA.id, { ...base("filingDate"), legalStatus: "LAPSED" })).total).toBe(3);
    const declared = await listUniversityPatentsPage(uniA.id, { ...base("filingDate"), openLicense: "declared" });
    expect(declared.patents.map((p) => p.id)).toEqual([patentsA[0].id]);
    expect((await listUniversityPatentsPage(uniA.id, { ...base("filingDate"), openLicense: "none" })).total).toBe(29);
    const titles = (await listUniversityPatentsPage(uniA.id, base("title", "asc"), 50)).patents.map((p) => p.title);
    expect(titles).toEqual([...titles].sort());
    const dates = (await listUniversityPatentsPage(uniA.id, base("filingDate", "desc"), 50)).patents.map((p) =>
      p.filingDate.getTime(),
    );
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe("the assessment list", () => {
  const staffA = () => person("UNIVERSITY_STAFF", uniA);

  it("opens on the patents that need an assessment: never assessed, assessed over a year ago, or lapsed in the pool", async () => {
    const due = await listForAssessment(staffA(), uniA.id, base("assessedAt", "asc"), NOW);
    expect(due.filter).toBe("due");
    expect(due.noneDue).toBe(false);
    // 3 never assessed, 2 assessed over a year ago, and 19, lapsed but still in the pool (9 and 29 left it).
    expect(due.patents.map((p) => p.id).sort((a, b) => a - b)).toEqual(
      [...patentsA.slice(0, 5), patentsA[19]].map((p) => p.id),
    );
    expect(due.patents[0].assessedAt).toBeNull();
  });

  it("opens on all patents, the longest since assessed first, when none needs an assessment", async () => {
    const list = await listForAssessment(person("UNIVERSITY_STAFF", uniB), uniB.id, base("assessedAt", "asc"), NOW);
    expect([list.noneDue, list.filter, list.total]).toEqual([true, "all", 1]);
    const chosen = await listForAssessment(
      person("UNIVERSITY_STAFF", uniB),
      uniB.id,
      { ...base("assessedAt", "asc"), filter: "due" },
      NOW,
    );
    expect([chosen.noneDue, chosen.total]).toEqual([false, 0]);
  });

  it("searches within the filter and refuses another university's staff", async () => {
    const list = await listForAssessment(
      staffA(),
      uniA.id,
      { ...base("assessedAt", "asc"), filter: "all", q: "齿轮" },
      NOW,
    );
    expect(list.total).toBe(20);
    await expect(
      listForAssessment(person("UNIVERSITY_STAFF", uniB), uniA.id, base("assessedAt"), NOW),
    ).rejects.toSatisfy((error) => error instanceof DomainError && error.status === 403);
  });
});

describe("administrators' lists", () => {
  beforeAll(async () => {
    await prisma.organization.update({ where: { id: companyY.id }, data: { verifiedAt: NOW } });
    await prisma.user.createMany({
      data: [
        {
          id: "u-zhao",
          email: "zhao@xinghe.example",
          name: "赵经理",
          passwordHash: "-",
          role: "SME",
          organizationId: companyX.id,
          lastSignInAt: NOW,
        },
        {
          id: "u-qian",
          email: "qian@xinghe.example",
          name: "钱工",
          passwordHash: "-",
          role: "SME",
          organizationId: companyX.id,
          deactivatedAt: NOW,
        },
        {
          id: "u-sun",
          email: "sun@list-uni.example",
          name: "孙老师",
          passwordHash: "-",
          role: "UNIVERSITY_STAFF",
          organizationId: uniA.id,
        },
        { id: "u-admin", email: "ops@lists.example", name: "运营李", passwordHash: "-", role: "ADMIN" },
      ],
    });
  });

  it("finds organisations by name or credit code, by kind and verification, sorted by members", async () => {
    expect((await listOrganizationsPage({ ...base("createdAt"), q: "星河" })).organizations.map((o) => o.id)).toEqual([
      companyX.id,
    ]);
    const code = (await prisma.organization.findUniqueOrThrow({ where: { id: uniB.id } })).creditCode;
    expect(
      (await listOrganizationsPage({ ...base("createdAt"), q: code.toLowerCase() })).organizations.map((o) => o.id),
    ).toEqual([uniB.id]);
    const universities = await listOrganizationsPage({ ...base("name", "asc"), kind: "UNIVERSITY" });
    expect(universities.organizations.every((o) => o.kind === "UNIVERSITY")).toBe(true);
    expect(
      (await listOrganizationsPage({ ...base("createdAt"), verification: "verified", q: "重庆" })).organizations.map(
        (o) => o.id,
      ),
    ).toEqual([companyY.id]);
    expect(
      (await listOrganizationsPage({ ...base("createdAt"), verification: "unverified" })).organizations.every(
        (o) => o.verifiedAt === null,
      ),
    ).toBe(true);
    const byMembers = (await listOrganizationsPage(base("members", "desc"))).organizations;
    expect(byMembers[0].id).toBe(companyX.id);
  });

  it("finds accounts by name, email or organisation, by role and state", async () => {
    expect((await listUsersPage({ ...base("createdAt"), q: "星河" })).users.map((u) => u.id).sort()).toEqual([
      "u-qian",
      "u-zhao",
    ]);
    expect((await listUsersPage({ ...base("createdAt"), q: "ZHAO@" })).users.map((u) => u.id)).toEqual(["u-zhao"]);
    expect((await listUsersPage({ ...base("createdAt"), role: "UNIVERSITY_STAFF" })).users.map((u) => u.id)).toEqual([
      "u-sun",
    ]);
    expect((await listUsersPage({ ...base("createdAt"), state: "deactivated" })).users.map((u) => u.id)).toEqual([
      "u-qian",
    ]);
    expect((await listUsersPage({ ...base("createdAt"), state: "active", q: "星河" })).users.map((u) => u.id)).toEqual([
      "u-zhao",
    ]);
    const names = (await listUsersPage(base("email", "asc"))).users.map((u) => u.email);
    expect(names).toEqual([...names].sort());
  });

  it("shows the audit log with actors and targets by name and IPv4 addresses as written", async () => {
    await recordAudit(prisma, {
      action: "SIGN_IN",
      actorId: "u-zhao",
      subject: "zhao@xinghe.example",
      ip: "::ffff:10.1.2.3",
    });
    await recordAudit(prisma, {
      action: "ORGANIZATION_VERIFIED",
      actorId: "u-admin",
      subject: companyY.id,
      ip: "2001:db8::1",
    });
    await recordAudit(prisma, {
      action: "INVITATION_CREATED",
      actorId: "u-admin",
      subject: "new@list-uni.example",
      detail: { organizationId: uniA.id },
    });
    await recordAudit(prisma, { action: "SIGN_IN_FAILED", subject: "nobody@nowhere.example", ip: "127.0.0.1" });
    const log = await listAuditEventsPage(base("at"));
    expect(log.total).toBe(4);
    const byAction = Object.fromEntries(log.events.map((e) => [e.action, e]));
    expect(byAction.SIGN_IN).toMatchObject({
      actor: { name: "赵经理" },
      target: { kind: "user", name: "赵经理", detail: "zhao@xinghe.example" },
      ip: "10.1.2.3",
    });
    expect(byAction.ORGANIZATION_VERIFIED).toMatchObject({
      actor: { name: "运营李" },
      target: { kind: "organization", name: "重庆远山机械有限公司" },
      ip: "2001:db8::1",
    });
    expect(byAction.INVITATION_CREATED).toMatchObject({
      target: { kind: "email", name: "new@list-uni.example" },
      organization: { name: "重庆列表大学" },
    });
    expect(byAction.SIGN_IN_FAILED).toMatchObject({ actor: null, ip: "127.0.0.1" });
  });

  it("filters the audit log by event, by actor or organisation named in the search, and by day", async () => {
    expect((await listAuditEventsPage({ ...base("at"), action: "SIGN_IN" })).events.map((e) => e.action)).toEqual([
      "SIGN_IN",
    ]);
    expect((await listAuditEventsPage({ ...base("at"), q: "运营" })).events.map((e) => e.action).sort()).toEqual([
      "INVITATION_CREATED",
      "ORGANIZATION_VERIFIED",
    ]);
    expect((await listAuditEventsPage({ ...base("at"), q: "远山" })).events.map((e) => e.action)).toEqual([
      "ORGANIZATION_VERIFIED",
    ]);
    expect((await listAuditEventsPage({ ...base("at"), q: "10.1.2" })).events.map((e) => e.action)).toEqual([
      "SIGN_IN",
    ]);
    const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
    expect((await listAuditEventsPage({ ...base("at"), from: today, to: today })).total).toBe(4);
    expect((await listAuditEventsPage({ ...base("at"), to: new Date(today.getTime() - DAY) })).total).toBe(0);
    const actions = (await listAuditEventsPage(base("action", "asc"))).events.map((e) => e.action);
    expect(actions).toEqual([...actions].sort());
  });
});
