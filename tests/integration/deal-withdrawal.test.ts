// A requester withdraws its own request or offer (issue 16): its own word, event and notice, not the owner's
// "decline"; only while the deal is open.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { messageIn, messageKey, type MessageKey } from "~/lib/i18n";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { advanceDeal, getDealFor, listDealsPage, requestDeal } from "~/models/deal/deal.server";
import type { DealTerms } from "~/models/deal/terms";
import { notificationValues } from "~/models/notification.server";
import { action as dealPageAction } from "~/routes/deals.$id";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-04-01T00:00:00Z");
const terms: DealTerms = {
  kind: "ORDINARY",
  feeModel: "LUMP_SUM",
  lumpSumFen: 30_000_000,
  paymentSchedule: "ONCE",
  licenseTermMonths: 36,
  territory: "中国大陆",
};
const account = { bank: "中国工商银行重庆沙坪坝支行", accountName: "重庆大学", accountNumber: "3100021509024900000" };

let buyerCookie = "";
let staffCookie = "";

async function userOf(email: string, role: "SME" | "UNIVERSITY_STAFF", organizationId: string): Promise<CurrentUser> {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "deal password",
    role,
    organizationId,
  });
  const cookie = (await startSession(created.id, 1)).split(";")[0];
  if (role === "SME") buyerCookie = cookie;
  else staffCookie = cookie;
  return (await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
}

let staff: CurrentUser;
let buyer: CurrentUser;
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  const company = await createEnterprise("重庆撤回科技有限公司");
  await prisma.organization.update({ where: { id: company.id }, data: { verifiedAt: NOW } });
  staff = await userOf("tto@withdraw.example", "UNIVERSITY_STAFF", university.id);
  buyer = await userOf("a@withdraw.example", "SME", company.id);
});

async function openDeal(title: string) {
  const patent = await createPatent({ ownerId: university.id, title });
  return requestDeal(buyer, patent.id, { message: "我们希望取得许可", terms }, NOW);
}

describe("withdrawing a request", () => {
  it("is the requester's own step: the thread, the deal list and the owner's notice say withdrawn, in both languages", async () => {
    const deal = await openDeal("一种撤回测试装置");
    const withdrawn = await advanceDeal(buyer, deal.id, { step: "withdraw", message: "公司计划调整" }, NOW);
    expect(withdrawn.status).toBe("WITHDRAWN");
    const seen = await getDealFor(staff, deal.id);
    expect(seen.messages.map((m) => [m.kind, m.body])).toEqual([
      ["PROPOSAL", "我们希望取得许可"],
      ["WITHDRAWN", "公司计划调整"],
    ]);
    expect([messageIn("zh", "msg.WITHDRAWN"), messageIn("en", "msg.WITHDRAWN")]).toEqual([
      "申请方撤回",
      "Withdrawn by the requester",
    ]);
    const listed = await listDealsPage(staff, { page: 1, q: "撤回测试", sort: "updatedAt", dir: "desc" });
    expect(listed.deals.map((d) => [d.id, d.status, d.yourTurn])).toEqual([[deal.id, "WITHDRAWN", false]]);
    expect([messageIn("zh", "deal.status.WITHDRAWN"), messageIn("en", "deal.status.WITHDRAWN")]).toEqual([
      "已撤回",
      "Withdrawn",
    ]);
    const notices = await prisma.notification.findMany({
      where: { organizationId: university.id, link: `/deals/${deal.id}` },
    });
    expect(notices.map((n) => n.kind)).toEqual(["notify.dealRequested", "notify.dealWithdrawn"]);
    const notice = notices.find((n) => n.kind === "notify.dealWithdrawn")!;
    const worded = messageKey(notice.kind as MessageKey, notificationValues(notice.values));
    expect([messageIn("zh", worded), messageIn("en", worded)]).toEqual([
      "重庆撤回科技有限公司撤回了协商申请",
      "重庆撤回科技有限公司 withdrew its request",
    ]);
    // The requester is not told of its own step; no "declined" appears anywhere.
    expect(
      await prisma.notification.count({ where: { organizationId: buyer.organization!.id, link: `/deals/${deal.id}` } }),
    ).toBe(0);
  });

  it("is refused once the deal is over, and to the owner, whose word is decline", async () => {
    const deal = await openDeal("一种撤回规则装置");
    await expect(advanceDeal(staff, deal.id, { step: "withdraw", message: "" }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      message: "deal.rule.ownerDeclines",
    });
    await expect(advanceDeal(buyer, deal.id, { step: "decline", message: "" }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      message: "deal.rule.requesterWithdraws",
    });
    await advanceDeal(buyer, deal.id, { step: "withdraw", message: "" }, NOW);
    await expect(advanceDeal(buyer, deal.id, { step: "withdraw", message: "" }, NOW)).rejects.toMatchObject({
      code: "CLOSED",
      status: 409,
    });
    await expect(advanceDeal(staff, deal.id, { step: "accept" }, NOW)).rejects.toMatchObject({
      code: "CLOSED",
      status: 409,
    });

    const declined = await openDeal("一种拒绝后撤回装置");
    await advanceDeal(staff, declined.id, { step: "decline", message: "暂不许可" }, NOW);
    await expect(advanceDeal(buyer, declined.id, { step: "withdraw", message: "" }, NOW)).rejects.toMatchObject({
      code: "CLOSED",
    });
  });

  it("may take back agreed terms before the contract is concluded, not after", async () => {
    const agreed = await openDeal("一种已同意撤回装置");
    await advanceDeal(staff, agreed.id, { step: "account", account }, NOW);
    await advanceDeal(staff, agreed.id, { step: "accept" }, NOW);
    expect((await advanceDeal(buyer, agreed.id, { step: "withdraw", message: "" }, NOW)).status).toBe("WITHDRAWN");

    const concluded = await openDeal("一种已签约撤回装置");
    await advanceDeal(staff, concluded.id, { step: "account", account }, NOW);
    await advanceDeal(staff, concluded.id, { step: "accept" }, NOW);
    for (const [user, name] of [
      [buyer, "企业代表"],
      [staff, "学校代表"],
    ] as const) {
      const { preview } = await getDealFor(user, concluded.id);
      await advanceDeal(
        user,
        concluded.id,
        {
          step: "sign",
          signatoryName: name,
          signatoryTitle: "总经理",
          previewFingerprint: preview!.fingerprint,
          agree: true,
        },
        NOW,
      );
    }
    await expect(advanceDeal(buyer, concluded.id, { step: "withdraw", message: "" }, NOW)).rejects.toMatchObject({
      code: "CLOSED",
      status: 409,
    });
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: concluded.id } })).status).toBe("SIGNED");
  });

  it("is a form of the deal page for the requester; the owner's page form to withdraw is refused", async () => {
    const deal = await openDeal("一种页面撤回装置");
    const post = (cookie: string, step: string) => {
      const body = new FormData();
      body.set("step", step);
      body.set("message", "");
      const request = new Request(`http://localhost/deals/${deal.id}`, {
        method: "POST",
        headers: { Origin: "http://localhost", Host: "localhost", Cookie: cookie },
        body,
      });
      return dealPageAction({ request, params: { id: deal.id }, context: {} });
    };
    const refused = (await post(staffCookie, "withdraw")) as unknown as { init: { status: number } | null };
    expect(refused.init?.status).toBe(403);
    await post(buyerCookie, "withdraw");
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe("WITHDRAWN");
  });
});
