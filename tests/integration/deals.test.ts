import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { messageIn } from "~/lib/i18n";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { advanceDeal, getDealFor, requestDeal } from "~/models/deal/deal.server";
import type { DealTerms } from "~/models/deal/terms";
import { declareOpenLicense, withdrawOpenLicense } from "~/models/open-license/open-license.server";
import {
  addCoOwners,
  createEnterprise,
  createPatent,
  createUniversity,
  declareOpenLicense as declareFixture,
} from "../helpers/fixtures";

const NOW = new Date("2026-04-01T00:00:00Z");
const openTerms = {
  feeModel: "LUMP_SUM" as const,
  lumpSumFen: 30_000_000,
  paymentSchedule: "ONCE" as const,
  licenseTermMonths: 36,
  territory: "中国大陆",
};
const license = (kind: "ORDINARY" | "SOLE" | "EXCLUSIVE"): DealTerms => ({ kind, ...openTerms });
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
    password: "deal password",
    role,
    organizationId,
  });
  return (await getUser(
    new Request("http://localhost/", { headers: { Cookie: (await startSession(created.id, 1)).split(";")[0] } }),
  ))!;
}

let staff: CurrentUser;
let buyer: CurrentUser;
let rival: CurrentUser;
let outsider: CurrentUser;
let unverified: CurrentUser;
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  const other = await createUniversity("西南大学", "Southwest University");
  const companies = await Promise.all(
    ["重庆甲科技有限公司", "重庆乙科技有限公司"].map((name) => createEnterprise(name)),
  );
  await prisma.organization.updateMany({
    where: { id: { in: companies.map((c) => c.id) } },
    data: { verifiedAt: NOW },
  });
  staff = await userOf("tto@deal.example", "UNIVERSITY_STAFF", university.id);
  outsider = await userOf("out@deal.example", "UNIVERSITY_STAFF", other.id);
  buyer = await userOf("a@deal.example", "SME", companies[0].id);
  rival = await userOf("b@deal.example", "SME", companies[1].id);
  unverified = await userOf("c@deal.example", "SME", (await createEnterprise("重庆丙科技有限公司")).id);
});

/** Signs as this user, having read the contract preview (its fingerprint is what a signature names). */
async function sign(user: CurrentUser, dealId: string, name = "签署人", title = "总经理") {
  const { preview } = await getDealFor(user, dealId);
  return advanceDeal(
    user,
    dealId,
    {
      step: "sign",
      signatoryName: name,
      signatoryTitle: title,
      previewFingerprint: preview?.fingerprint ?? "0".repeat(64),
      agree: true,
    },
    NOW,
  );
}

/** Requests, has the owner give its account and accept, and the company sign; the owner's signature is left. */
async function negotiateToSignature(company: CurrentUser, patentId: number, terms: DealTerms) {
  const deal = await requestDeal(company, patentId, { message: "我们希望取得许可", terms }, NOW);
  await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
  await advanceDeal(staff, deal.id, { step: "accept" }, NOW);
  await sign(company, deal.id, "企业代表");
  return deal;
}

/** The refusal's message in both languages. */
const inBoth = (error: unknown) => ({
  zh: messageIn("zh", (error as Error).message),
  en: messageIn("en", (error as Error).message),
});

describe("negotiated deals", () => {
  it("go from a request through a counter-offer and a thread to both signatures and a license", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种谈判许可装置" });
    const deal = await requestDeal(buyer, patent.id, { message: "请求独占许可", terms: license("EXCLUSIVE") }, NOW);
    await advanceDeal(staff, deal.id, { step: "message", message: "请说明实施计划" }, NOW);
    await advanceDeal(
      staff,
      deal.id,
      { step: "counter", message: "价格需提高", terms: { ...license("EXCLUSIVE"), lumpSumFen: 50_000_000 } },
      NOW,
    );
    await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
    await expect(advanceDeal(staff, deal.id, { step: "accept" }, NOW)).rejects.toMatchObject({ code: "OWN_PROPOSAL" });
    await advanceDeal(buyer, deal.id, { step: "accept", version: 2 }, NOW);
    await expect(
      advanceDeal(buyer, deal.id, { step: "counter", message: "", terms: license("EXCLUSIVE") }, NOW),
    ).rejects.toMatchObject({ code: "AGREED" });
    await sign(buyer, deal.id, "甲公司代表");
    const concluded = await sign(staff, deal.id, "学校代表", "技术转移中心主任");
    expect(concluded.status).toBe("SIGNED");
    const signed = await prisma.license.findUniqueOrThrow({ where: { id: concluded.licenseId! } });
    expect(signed).toMatchObject({
      kind: "EXCLUSIVE",
      licenseeId: buyer.organization!.id,
      valueFen: 50_000_000n,
      signatoryName: "甲公司代表",
      signatoryTitle: "总经理",
      licensorSignatory: "学校代表",
      licensorSignatoryTitle: "技术转移中心主任",
    });
    const thread = (await getDealFor(buyer, deal.id)).messages.map((m) => m.kind);
    expect(thread).toEqual(["PROPOSAL", "MESSAGE", "COUNTER", "ACCOUNT", "ACCEPTED", "SIGNED", "SIGNED", "CONCLUDED"]);
    await expect(getDealFor(outsider, deal.id)).rejects.toMatchObject({ status: 404 });
    // Each step told the other side: the owner of the request, counter-offer's answer, signatures, conclusion.
    const ownerNotices = await prisma.notification.findMany({
      where: { organizationId: university.id },
      orderBy: { createdAt: "asc" },
    });
    expect(ownerNotices.map((n) => n.kind)).toEqual(
      expect.arrayContaining([
        "notify.dealRequested",
        "notify.dealAccepted",
        "notify.dealSigned",
        "notify.dealConcluded",
      ]),
    );
    const buyerNotices = await prisma.notification.findMany({ where: { organizationId: buyer.organization!.id } });
    expect(buyerNotices.map((n) => n.kind).sort()).toEqual([
      "notify.dealConcluded",
      "notify.dealCountered",
      "notify.dealMessage",
      "notify.dealMessage",
    ]);
    // Art. 51: no open license now, while the exclusive license is in force.
    await expect(declareOpenLicense(staff, patent.id, openTerms, NOW)).rejects.toMatchObject({
      code: "EXCLUSIVE_LICENSE_IN_FORCE",
    });
  });

  it("refuses an exclusive or sole license while an open license is declared, naming art. 51 in the user's language", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种已开放许可装置" });
    const declaration = await declareFixture(patent.id, university.id);
    const refusal = await requestDeal(buyer, patent.id, { message: "", terms: license("SOLE") }, NOW).catch(
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ status: 409, code: "OPEN_LICENSE_DECLARED" });
    expect(inBoth(refusal)).toEqual({
      zh: expect.stringContaining("第五十一条"),
      en: expect.stringContaining("art. 51"),
    });
    await expect(
      requestDeal(buyer, patent.id, { message: "", terms: license("ORDINARY") }, NOW),
    ).resolves.toMatchObject({ status: "NEGOTIATING" });
    await withdrawOpenLicense(staff, declaration.id, NOW);
    await expect(requestDeal(buyer, patent.id, { message: "", terms: license("SOLE") }, NOW)).resolves.toMatchObject({
      kind: "SOLE",
    });
  });

  it("concludes exactly one of two exclusive deals signed at the same moment; the other gets a 409", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种争夺独占装置" });
    const first = await negotiateToSignature(buyer, patent.id, license("EXCLUSIVE"));
    const second = await negotiateToSignature(rival, patent.id, license("EXCLUSIVE"));
    const results = await Promise.allSettled([sign(staff, first.id, "学校代表"), sign(staff, second.id, "学校代表")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ status: 409, code: "EXCLUSIVE_CONFLICT" });
    expect(await prisma.license.count({ where: { patentId: patent.id, kind: "EXCLUSIVE" } })).toBe(1);
  });

  it("moves the patent to the assignee on an assignment, ends its declarations and its other negotiations, keeping existing licenses", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种转让装置" });
    const declaration = await declareFixture(patent.id, university.id);
    await prisma.license.create({
      data: {
        contractNumber: "PB-2026-L-990001",
        patentId: patent.id,
        licensorId: university.id,
        licenseeId: rival.organization!.id,
        kind: "OPEN",
        declarationId: declaration.id,
        termsSnapshot: "{}",
        startsOn: NOW,
        endsOn: new Date("2029-01-01T00:00:00Z"),
        signedAt: NOW,
      },
    });
    const negotiating = await requestDeal(rival, patent.id, { message: "", terms: license("ORDINARY") }, NOW);
    const agreed = await negotiateToSignature(rival, patent.id, license("ORDINARY"));
    const deal = await negotiateToSignature(buyer, patent.id, assignment);
    const concluded = await sign(staff, deal.id, "学校代表", "副校长");
    const transfer = await prisma.transfer.findUniqueOrThrow({ where: { id: concluded.transferId! } });
    expect(transfer).toMatchObject({
      assigneeId: buyer.organization!.id,
      priceFen: 30_000_000n,
      assignorSignatory: "学校代表",
      assignorSignatoryTitle: "副校长",
      assigneeSignatory: "企业代表",
    });
    expect(transfer.contractText).toContain("PB-2026-L-990001");
    expect(await prisma.patent.findUniqueOrThrow({ where: { id: patent.id } })).toMatchObject({
      ownerId: buyer.organization!.id,
      transferable: false,
    });
    expect(await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: declaration.id } })).toMatchObject({
      status: "WITHDRAWN",
    });
    expect(await prisma.license.count({ where: { patentId: patent.id } })).toBe(1);
    // The university no longer owns the patent: its other negotiations are closed, and cannot be signed.
    for (const other of [negotiating, agreed]) {
      expect((await getDealFor(rival, other.id)).status).toBe("CLOSED");
      const refusal = await sign(staff, other.id).catch((error: unknown) => error);
      expect(refusal).toMatchObject({ status: 409, code: "CLOSED" });
    }
    expect((await getDealFor(rival, agreed.id)).messages.at(-1)).toMatchObject({
      kind: "CLOSED",
      body: "deal.closedByAssignment",
    });
  });

  it("of an assignment and a license signed at the same moment, concludes exactly one", async () => {
    for (const order of ["assignment first", "license first"]) {
      const patent = await createPatent({ ownerId: university.id, title: `一种竞签装置（${order}）` });
      const licenseDeal = await negotiateToSignature(rival, patent.id, license("ORDINARY"));
      const assignmentDeal = await negotiateToSignature(buyer, patent.id, assignment);
      const signing = order === "assignment first" ? [assignmentDeal, licenseDeal] : [licenseDeal, assignmentDeal];
      const results = await Promise.allSettled(signing.map((deal) => sign(staff, deal.id, "学校代表")));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refusal = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason;
      expect(refusal).toMatchObject({ status: 409 });
      expect(["CLOSED", "NOT_AGREED"]).toContain(refusal.code);
      const licenses = await prisma.license.count({ where: { patentId: patent.id } });
      const transfers = await prisma.transfer.count({ where: { patentId: patent.id } });
      expect(licenses + transfers).toBe(1);
      const owner = (await prisma.patent.findUniqueOrThrow({ where: { id: patent.id } })).ownerId;
      expect(owner).toBe(transfers ? buyer.organization!.id : university.id);
      if (licenses) {
        // The assignment was agreed before the license: its agreement lapsed, to be agreed again.
        const reopened = await getDealFor(buyer, assignmentDeal.id);
        expect(reopened).toMatchObject({ status: "NEGOTIATING", requesterSignedAt: null, ownerSignedAt: null });
        expect(reopened.messages.at(-1)).toMatchObject({ kind: "REOPENED" });
      }
    }
  });

  it("refuses to conclude when the licensor no longer owns the patent or it is not in force on the start date", async () => {
    const sold = await createPatent({ ownerId: university.id, title: "一种已在别处转让装置" });
    const soldDeal = await negotiateToSignature(buyer, sold.id, license("ORDINARY"));
    // The patent was assigned outside the platform (its register changed) after the terms were agreed.
    await prisma.patent.update({ where: { id: sold.id }, data: { ownerId: rival.organization!.id } });
    const notOwner = await sign(staff, soldDeal.id).catch((error: unknown) => error);
    expect(notOwner).toMatchObject({ status: 409, code: "NOT_OWNER" });
    expect(inBoth(notOwner).zh).toContain("不再拥有");

    const lapsed = await createPatent({ ownerId: university.id, title: "一种欠费失效装置" });
    const lapsedDeal = await negotiateToSignature(buyer, lapsed.id, license("EXCLUSIVE"));
    await prisma.patent.update({ where: { id: lapsed.id }, data: { legalStatus: "TERMINATED" } });
    await expect(sign(staff, lapsedDeal.id)).rejects.toMatchObject({ status: 409, code: "NOT_IN_FORCE" });

    // Issue 16: an exclusive deal concluded on a patent whose term had ended (license end before its start).
    const ended = await createPatent({
      ownerId: university.id,
      title: "一种期满装置",
      expiresOn: new Date("2026-06-01T00:00:00Z"),
    });
    const endedDeal = await negotiateToSignature(buyer, ended.id, license("EXCLUSIVE"));
    const later = new Date("2026-07-01T00:00:00Z");
    const { preview } = await getDealFor(staff, endedDeal.id);
    const refusal = await advanceDeal(
      staff,
      endedDeal.id,
      {
        step: "sign",
        signatoryName: "学校代表",
        signatoryTitle: "主任",
        previewFingerprint: preview!.fingerprint,
        agree: true,
      },
      later,
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 409, code: "NOT_IN_FORCE" });
    expect(inBoth(refusal).en).toContain("start date");
    expect(await prisma.license.count({ where: { patentId: { in: [sold.id, lapsed.id, ended.id] } } })).toBe(0);
    // Nothing of a refused signature is kept: the deal still waits for the owner's signature.
    expect((await getDealFor(staff, endedDeal.id)).ownerSignedAt).toBeNull();
  });

  it("takes requests only from verified companies, on transferable patents in force that they do not own", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种请求规则装置" });
    const refusals = {
      unverified: await requestDeal(unverified, patent.id, { message: "", terms: license("ORDINARY") }, NOW).catch(
        (e: unknown) => e,
      ),
      staff: await requestDeal(staff, patent.id, { message: "", terms: license("ORDINARY") }, NOW).catch(
        (e: unknown) => e,
      ),
      own: await requestDeal(
        buyer,
        (await createPatent({ ownerId: buyer.organization!.id, title: "一种企业自有装置" })).id,
        { message: "", terms: license("ORDINARY") },
        NOW,
      ).catch((e: unknown) => e),
      notTransferable: await requestDeal(
        buyer,
        (await createPatent({ ownerId: university.id, title: "一种不转化装置", transferable: false })).id,
        { message: "", terms: assignment },
        NOW,
      ).catch((e: unknown) => e),
      lapsed: await requestDeal(
        buyer,
        (await createPatent({ ownerId: university.id, title: "一种失效装置", legalStatus: "LAPSED" })).id,
        { message: "", terms: license("ORDINARY") },
        NOW,
      ).catch((e: unknown) => e),
      expired: await requestDeal(
        buyer,
        (
          await createPatent({
            ownerId: university.id,
            title: "一种已届满装置",
            expiresOn: new Date("2026-03-01T00:00:00Z"),
          })
        ).id,
        { message: "", terms: license("EXCLUSIVE") },
        NOW,
      ).catch((e: unknown) => e),
      pending: await requestDeal(
        buyer,
        (await createPatent({ ownerId: university.id, title: "一种审中装置", legalStatus: "PENDING", grantDate: null }))
          .id,
        { message: "", terms: license("ORDINARY") },
        NOW,
      ).catch((e: unknown) => e),
    };
    const coOwned = await createPatent({ ownerId: university.id, title: "一种共有装置" });
    await addCoOwners(coOwned.id, buyer.organization!.id);
    const coOwner = await requestDeal(buyer, coOwned.id, { message: "", terms: license("ORDINARY") }, NOW).catch(
      (e: unknown) => e,
    );
    expect(refusals.unverified).toMatchObject({ status: 403, code: "NOT_VERIFIED" });
    expect(refusals.staff).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(refusals.own).toMatchObject({ status: 409, code: "OWN_PATENT" });
    expect(coOwner).toMatchObject({ status: 409, code: "OWN_PATENT" });
    expect(refusals.notTransferable).toMatchObject({ status: 409, code: "NOT_TRANSFERABLE" });
    for (const refusal of [refusals.lapsed, refusals.expired, refusals.pending])
      expect(refusal).toMatchObject({ status: 409, code: "NOT_IN_FORCE" });
    // Each refusal names its rule in Chinese and in English.
    for (const refusal of [...Object.values(refusals), coOwner]) {
      const { zh, en } = inBoth(refusal);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(
      await prisma.deal.count({
        where: {
          patent: {
            title: {
              in: [
                "一种请求规则装置",
                "一种企业自有装置",
                "一种不转化装置",
                "一种失效装置",
                "一种已届满装置",
                "一种审中装置",
                "一种共有装置",
              ],
            },
          },
        },
      }),
    ).toBe(0);
  });

  it("lets only the parties act, and only a verified company sign", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种权限测试装置" });
    const deal = await requestDeal(buyer, patent.id, { message: "", terms: license("ORDINARY") }, NOW);
    await expect(advanceDeal(outsider, deal.id, { step: "accept" }, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(advanceDeal(rival, deal.id, { step: "message", message: "插一句" }, NOW)).rejects.toMatchObject({
      status: 404,
    });
    await expect(advanceDeal(buyer, deal.id, { step: "account", account }, NOW)).rejects.toMatchObject({ status: 403 });
    await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
    await advanceDeal(staff, deal.id, { step: "accept" }, NOW);
    await prisma.organization.update({ where: { id: buyer.organization!.id }, data: { verifiedAt: null } });
    const unverifiedBuyer = (await getUser(
      new Request("http://localhost/", {
        headers: {
          Cookie: (
            await startSession((await prisma.user.findUniqueOrThrow({ where: { email: "a@deal.example" } })).id, 1)
          ).split(";")[0],
        },
      }),
    ))!;
    await expect(sign(unverifiedBuyer, deal.id, "代表")).rejects.toMatchObject({ status: 403, code: "NOT_VERIFIED" });
    await prisma.organization.update({ where: { id: buyer.organization!.id }, data: { verifiedAt: NOW } });
    await advanceDeal(staff, deal.id, { step: "decline", message: "暂不许可" }, NOW);
    await expect(advanceDeal(buyer, deal.id, { step: "message", message: "为什么？" }, NOW)).rejects.toMatchObject({
      status: 409,
      code: "CLOSED",
    });
  });
});
