// Issue 16: "sign the assignment and a license at the same moment, exactly one wins". An open license taken from
// the declaration at the moment the owner's second signature concludes an assignment: either the assignment
// concludes (the declaration is withdrawn, the patent moves, the acceptance is refused) or the license does (the
// assignment, agreed without that license, goes back to negotiation), never both.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { advanceDeal, getDealFor, requestDeal } from "~/models/deal/deal.server";
import type { DealTerms } from "~/models/deal/terms";
import { acceptOpenLicense } from "~/models/open-license/open-license.server";
import { createEnterprise, createPatent, createUniversity, declareOpenLicense } from "../helpers/fixtures";

const NOW = new Date("2026-04-01T00:00:00Z");
const assignment: DealTerms = {
  kind: "ASSIGNMENT",
  priceFen: 30_000_000,
  paymentSchedule: "ONCE",
  ownershipPasses: "ON_SIGNATURE",
};
const account = { bank: "中国工商银行重庆沙坪坝支行", accountName: "重庆大学", accountNumber: "3100021509024900000" };

async function userOf(email: string, role: "SME" | "UNIVERSITY_STAFF", organizationId: string): Promise<CurrentUser> {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "race password",
    role,
    organizationId,
  });
  return (await getUser(
    new Request("http://localhost/", { headers: { Cookie: (await startSession(created.id, 1)).split(";")[0] } }),
  ))!;
}

let staff: CurrentUser;
let assignee: CurrentUser;
let taker: CurrentUser;
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  const companies = await Promise.all(
    ["重庆受让科技有限公司", "重庆开放许可科技有限公司"].map((name) => createEnterprise(name)),
  );
  await prisma.organization.updateMany({
    where: { id: { in: companies.map((c) => c.id) } },
    data: { verifiedAt: NOW },
  });
  staff = await userOf("tto@race.example", "UNIVERSITY_STAFF", university.id);
  assignee = await userOf("buyer@race.example", "SME", companies[0].id);
  taker = await userOf("taker@race.example", "SME", companies[1].id);
});

async function signAs(user: CurrentUser, dealId: string, name: string) {
  const { preview } = await getDealFor(user, dealId);
  return advanceDeal(
    user,
    dealId,
    {
      step: "sign",
      signatoryName: name,
      signatoryTitle: "负责人",
      previewFingerprint: preview?.fingerprint ?? "0".repeat(64),
      agree: true,
    },
    NOW,
  );
}

describe("an open-license acceptance racing an assignment's conclusion", () => {
  it("concludes exactly one of them, whichever starts first", async () => {
    for (const order of ["assignment first", "open license first"]) {
      const patent = await createPatent({ ownerId: university.id, title: `一种开放许可竞签装置（${order}）` });
      const declaration = await declareOpenLicense(patent.id, university.id);
      const deal = await requestDeal(assignee, patent.id, { message: "请求转让", terms: assignment }, NOW);
      await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
      await advanceDeal(staff, deal.id, { step: "accept" }, NOW);
      await signAs(assignee, deal.id, "受让方代表");

      const concludeAssignment = () => signAs(staff, deal.id, "学校代表");
      const takeLicense = () =>
        acceptOpenLicense(taker, declaration.id, { signatoryName: "开放许可代表", intendedUse: "量产" }, NOW);
      const results =
        order === "assignment first"
          ? await Promise.allSettled([concludeAssignment(), takeLicense()])
          : (await Promise.allSettled([takeLicense(), concludeAssignment()])).reverse();
      const [assigned, licensed] = results;
      expect(
        results.filter((r) => r.status === "fulfilled"),
        order,
      ).toHaveLength(1);
      const licenses = await prisma.license.count({ where: { patentId: patent.id } });
      const transfers = await prisma.transfer.count({ where: { patentId: patent.id } });
      expect(licenses + transfers, order).toBe(1);
      const owner = (await prisma.patent.findUniqueOrThrow({ where: { id: patent.id } })).ownerId;
      if (assigned.status === "fulfilled") {
        expect(owner).toBe(assignee.organization!.id);
        expect((licensed as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
        expect(["WITHDRAWN", "NOT_OWNER"]).toContain((licensed as PromiseRejectedResult).reason.code);
        expect((await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: declaration.id } })).status).toBe(
          "WITHDRAWN",
        );
      } else {
        expect(owner).toBe(university.id);
        expect((assigned as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
        expect(["NOT_AGREED", "PREVIEW_OUTDATED"]).toContain((assigned as PromiseRejectedResult).reason.code);
        // The assignee agreed to buy the patent without that license: the agreement lapses, to be agreed again.
        const reopened = await getDealFor(assignee, deal.id);
        expect(reopened).toMatchObject({ status: "NEGOTIATING", requesterSignedAt: null, ownerSignedAt: null });
        expect(reopened.messages.at(-1)).toMatchObject({ kind: "REOPENED" });
      }
    }
  });

  it("refuses an acceptance after the assignment concluded, naming the withdrawn declaration", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种已转让开放许可装置" });
    const declaration = await declareOpenLicense(patent.id, university.id);
    const deal = await requestDeal(assignee, patent.id, { message: "请求转让", terms: assignment }, NOW);
    await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
    await advanceDeal(staff, deal.id, { step: "accept" }, NOW);
    await signAs(assignee, deal.id, "受让方代表");
    await signAs(staff, deal.id, "学校代表");
    await expect(
      acceptOpenLicense(taker, declaration.id, { signatoryName: "开放许可代表", intendedUse: "量产" }, NOW),
    ).rejects.toMatchObject({ status: 409, code: "WITHDRAWN" });
    expect(await prisma.license.count({ where: { patentId: patent.id } })).toBe(0);
  });
});
