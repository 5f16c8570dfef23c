// A patent's page under an exclusive or sole license, and the pricing guide beside the declaration form (issue 16).
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { replyErrors, type FormReply } from "~/lib/form-action.server";
import { messageIn } from "~/lib/i18n";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { feeGuidanceFor, ipcSubclass } from "~/models/open-license/fee-guidance.server";
import { acceptOpenLicense, declareOpenLicense } from "~/models/open-license/open-license.server";
import { verifyOrganization } from "~/models/organization/organization.server";
import { loader as guidanceApi } from "~/routes/api.v1.patents.$id.fee-guidance";
import { action as patentPageAction, loader as patentPageLoader } from "~/routes/patents.$id";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-03-01T00:00:00Z");
const cookieOf = async (userId: string) => (await startSession(userId, 1)).split(";")[0];
const userOf = async (userId: string): Promise<CurrentUser> =>
  (await getUser(new Request("http://localhost/", { headers: { Cookie: await cookieOf(userId) } })))!;

let staff: CurrentUser;
let sme: CurrentUser;
let university: { id: string };
let company: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  company = await createEnterprise("重庆独占测试科技有限公司");
  const admin = await createUser({
    email: "admin@excl.example",
    name: "Admin",
    password: "admin password",
    role: "ADMIN",
  });
  await verifyOrganization(admin.id, company.id);
  staff = await userOf(
    (
      await createUser({
        email: "tto@excl.example",
        name: "TTO",
        password: "staff password",
        role: "UNIVERSITY_STAFF",
        organizationId: university.id,
      })
    ).id,
  );
  sme = await userOf(
    (
      await createUser({
        email: "sme@excl.example",
        name: "SME",
        password: "sme password",
        role: "SME",
        organizationId: company.id,
      })
    ).id,
  );
});

type PageData = { exclusive: { kind: string; endsOn: Date } | null; feeGuidance: unknown };
const pageFor = async (user: CurrentUser | null, patentId: number) =>
  (await patentPageLoader({
    request: new Request(`http://localhost/patents/${patentId}`, {
      headers: user ? { Cookie: await cookieOf(user.id), "User-Agent": "Googlebot" } : { "User-Agent": "Googlebot" },
    }),
    params: { id: String(patentId) },
    context: {},
  })) as unknown as PageData;

describe("a patent under an exclusive or sole license", () => {
  it("says so with the end date, offers no declaration (no pricing guide) and refuses one on the server in the user's language", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种独占许可中的装置" });
    await prisma.license.create({
      data: {
        contractNumber: "PB-2026-L-900001",
        patentId: patent.id,
        licensorId: university.id,
        licenseeId: company.id,
        kind: "EXCLUSIVE",
        termsSnapshot: "{}",
        startsOn: new Date("2026-01-01T00:00:00Z"),
        endsOn: new Date("2099-01-01T00:00:00Z"),
        signedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    for (const user of [null, sme, staff]) {
      expect((await pageFor(user, patent.id)).exclusive).toEqual({
        kind: "EXCLUSIVE",
        endsOn: new Date("2099-01-01T00:00:00Z"),
      });
    }
    expect((await pageFor(staff, patent.id)).feeGuidance).toBeNull();

    const form = new FormData();
    for (const [name, value] of Object.entries({
      intent: "declare",
      feeModel: "LUMP_SUM",
      lumpSum: "30000",
      paymentSchedule: "ONCE",
      licenseTermMonths: "24",
    }))
      form.append(name, value);
    const refused = (await patentPageAction({
      request: new Request(`http://localhost/patents/${patent.id}`, {
        method: "POST",
        headers: { Origin: "http://localhost", Host: "localhost", Cookie: await cookieOf(staff.id) },
        body: form,
      }),
      params: { id: String(patent.id) },
      context: {},
    })) as unknown as { init: { status: number }; data: { result: FormReply } };
    expect(refused.init.status).toBe(409);
    const message = Object.values(replyErrors(refused.data.result))[0];
    expect(messageIn("zh", message)).toMatch(/独占|排他/);
    expect(messageIn("en", message)).toMatch(/exclusive or sole license/i);
    expect(await prisma.openLicenseDeclaration.count({ where: { patentId: patent.id } })).toBe(0);
  });

  it("is no longer shown once the license has ended", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种独占许可已满的装置" });
    await prisma.license.create({
      data: {
        contractNumber: "PB-2026-L-900002",
        patentId: patent.id,
        licensorId: university.id,
        licenseeId: company.id,
        kind: "SOLE",
        termsSnapshot: "{}",
        startsOn: new Date("2020-01-01T00:00:00Z"),
        endsOn: new Date("2024-01-01T00:00:00Z"),
        signedAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    expect((await pageFor(staff, patent.id)).exclusive).toBeNull();
    expect((await pageFor(staff, patent.id)).feeGuidance).not.toBeNull();
  });
});

describe("the pricing guide beside the declaration form", () => {
  const lump = (lumpSumFen: number) => ({
    feeModel: "LUMP_SUM" as const,
    lumpSumFen,
    paymentSchedule: "ONCE" as const,
    licenseTermMonths: 24,
    territory: "中国大陆",
  });
  const royalty = (royaltyBasisPoints: number) => ({
    feeModel: "ROYALTY" as const,
    royaltyBasisPoints,
    paymentSchedule: "YEARLY" as const,
    licenseTermMonths: 24,
    territory: "中国大陆",
  });

  it("gives the median and range of the same IPC subclass's lump sums and royalties and how many were taken, on the page and in the API", async () => {
    const make = (title: string) =>
      createPatent({ ownerId: university.id, title, ipcMain: "H01M 10/052", cluster: "NEW_ENERGY" });
    const own = await make("一种待定价的电池装置");
    const declared = [];
    for (const [title, terms] of [
      ["一种电池甲", lump(1_000_000)],
      ["一种电池乙", lump(2_000_000)],
      ["一种电池丙", lump(6_000_000)],
      ["一种电池丁", royalty(300)],
      ["一种电池戊", royalty(500)],
    ] as const) {
      declared.push(await declareOpenLicense(staff, (await make(title)).id, terms, NOW));
    }
    // Another subclass and a withdrawn declaration are not compared.
    await declareOpenLicense(
      staff,
      (
        await createPatent({
          ownerId: university.id,
          title: "一种他类装置",
          ipcMain: "G06F 16/00",
          cluster: "NEW_ENERGY",
        })
      ).id,
      lump(90_000_000),
      NOW,
    );
    await acceptOpenLicense(sme, declared[0].id, { signatoryName: "钱七", intendedUse: "量产" }, NOW);
    await acceptOpenLicense(sme, declared[3].id, { signatoryName: "钱七", intendedUse: "量产" }, NOW);

    const guidance = await feeGuidanceFor(own.id);
    expect(guidance).toEqual({
      basis: "subclass",
      subclass: "H01M",
      cluster: "NEW_ENERGY",
      declarations: 5,
      taken: 2,
      licenses: 2,
      lumpSumFen: { count: 3, median: 2_000_000, min: 1_000_000, max: 6_000_000 },
      entryFeeFen: null,
      royaltyBasisPoints: { count: 2, median: 400, min: 300, max: 500 },
      perUnitFen: null,
    });
    expect((await pageFor(staff, own.id)).feeGuidance).toEqual(guidance);
    expect((await pageFor(sme, own.id)).feeGuidance).toBeNull(); // only the university pricing its declaration sees it beside the form

    const api = await guidanceApi({
      request: new Request(`http://localhost/api/v1/patents/${own.id}/fee-guidance`),
      params: { id: String(own.id) },
      context: {},
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ ...guidance, exclusiveLicense: null });
    const missing = await guidanceApi({
      request: new Request("http://localhost/api/v1/patents/999999/fee-guidance"),
      params: { id: "999999" },
      context: {},
    });
    expect(missing.status).toBe(404);
  });

  it("compares the cluster when the subclass has fewer than three declarations, and says when there is nothing to compare", async () => {
    const lone = await createPatent({
      ownerId: university.id,
      title: "一种冷门小类装置",
      ipcMain: "A01K 61/00",
      cluster: "FOOD",
    });
    await declareOpenLicense(
      staff,
      (await createPatent({ ownerId: university.id, title: "一种同类装置", ipcMain: "A01K 63/00", cluster: "FOOD" }))
        .id,
      lump(500_000),
      NOW,
    );
    for (const [title, fen] of [
      ["一种同集群甲", 800_000],
      ["一种同集群乙", 1_200_000],
      ["一种同集群丙", 3_000_000],
    ] as const) {
      await declareOpenLicense(
        staff,
        (await createPatent({ ownerId: university.id, title, ipcMain: "A23L 3/00", cluster: "FOOD" })).id,
        lump(fen),
        NOW,
      );
    }
    expect(await feeGuidanceFor(lone.id)).toMatchObject({
      basis: "cluster",
      cluster: "FOOD",
      declarations: 4,
      taken: 0,
      lumpSumFen: { count: 4, median: 1_000_000, min: 500_000, max: 3_000_000 },
    });
    const nothing = await createPatent({
      ownerId: university.id,
      title: "一种无可比装置",
      ipcMain: "F03G 7/00",
      cluster: null,
    });
    expect(await feeGuidanceFor(nothing.id)).toMatchObject({
      basis: null,
      declarations: 0,
      lumpSumFen: null,
      royaltyBasisPoints: null,
    });
    expect(ipcSubclass("h01m 10/052")).toBe("H01M");
  });
});
