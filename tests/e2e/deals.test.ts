// A negotiated exclusive license, as issue 16 tells it: a company asks for 入门费 + 提成 limited to 西南地区, the
// university counters, the company accepts, both read the contract preview with its cost and sign with name and
// title, and the contract (page and PDF) says exactly the agreed terms with both signatories; the recordal file
// downloads. At desktop and phone size (no sideways scrolling), axe clean on the deal page.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it, inject } from "vitest";
import { createPrismaClient } from "../../app/lib/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn as signInAs, signOut as signOutOf } from "../helpers/browser";

const baseUrl = inject("baseUrl");
const database = createPrismaClient(inject("databaseUrl"));
afterAll(() => database.$disconnect());
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const signIn = (email: string) => signInAs(page, baseUrl, email, DEMO_PASSWORD);
const signOut = async () => {
  await page.waitForLoadState("networkidle");
  await signOutOf(page);
};
// A loaded machine (2 cores shared by several test runs) answers slowly: waits are generous.
const PATIENTLY = { timeout: 20_000, interval: 250 };
const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function violations() {
  const results = await new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

/** A transferable granted invention of 重庆大学 in force for years, with no declaration, license or deal; the
 * title is marked so that no other test picks it. */
async function freshPatent(marker: string) {
  const owner = await database.user.findUniqueOrThrow({
    where: { email: "cqu@patentbridge.test" },
    select: { organizationId: true },
  });
  const patent = await database.patent.findFirstOrThrow({
    where: {
      ownerId: owner.organizationId!,
      legalStatus: "VALID",
      type: "INVENTION",
      transferable: true,
      expiresOn: { gt: new Date("2033-01-01T00:00:00Z") },
      declarations: { none: {} },
      deals: { none: {} },
      licenses: { none: {} },
      coOwners: { none: {} },
      title: { not: { contains: "（e2e" } },
    },
    orderBy: { id: "asc" },
    select: { id: true, title: true },
  });
  const title = `${patent.title}（e2e ${marker}）`;
  await database.patent.update({ where: { id: patent.id }, data: { title } });
  return { id: patent.id, title };
}

const SIZES = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

describe("a negotiated exclusive license", () => {
  for (const size of SIZES) {
    it(`goes from a request with entry fee, royalty and territory through a counter-offer to a contract both sides signed (${size.name})`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const scriptErrors: string[] = [];
      page.on("pageerror", (error) => scriptErrors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") scriptErrors.push(message.text());
      });
      const patent = await freshPatent(size.name);

      // The company asks: exclusive, 入门费 40 万元 + 2% of net sales, yearly, five years, 西南地区.
      await signIn("sme1@patentbridge.test");
      await page.goto(`${baseUrl}/patents/${patent.id}`);
      const request = page.getByRole("region", { name: "申请协商许可或转让" });
      // Once the page's script runs, the form shows only the fields of the chosen kind and fee model.
      try {
        await expect.poll(() => request.getByText("只需填写所选交易类型").count(), PATIENTLY).toBe(0);
      } catch (error) {
        throw new Error(`the page did not hydrate: ${scriptErrors.join(" | ")}`, { cause: error });
      }
      await request.getByLabel("交易类型").selectOption("EXCLUSIVE");
      await request.getByLabel("计费方式").selectOption("ENTRY_PLUS_ROYALTY");
      await request.getByLabel("入门费（元）").fill("400000");
      await request.getByLabel("提成比例（%）").fill("2");
      await request.getByLabel("支付方式").selectOption("YEARLY");
      await request.getByLabel("许可期限（月）").fill("60");
      await request.getByLabel("地域范围").fill("西南地区");
      await request.getByLabel("留言").fill("入门费40万元，另加销售额2%提成；地域限定西南地区。");
      await request.getByRole("button", { name: "发送申请" }).click();
      await page.waitForURL(/\/deals\/\w+$/);
      const dealUrl = page.url();
      const onTable = page.getByRole("region", { name: /当前条件/ });
      await expect.poll(() => onTable.innerText(), PATIENTLY).toContain("40 万元");
      expect(await onTable.innerText()).toMatch(/2%[\s\S]*净销售额/);
      expect(await onTable.innerText()).toContain("西南地区");
      await signOut();

      // The university gives its receiving account and counters with a higher entry fee.
      await signIn("cqu@patentbridge.test");
      await page.goto(dealUrl);
      const account = page.getByRole("region", { name: "许可人收款账户" });
      await account.getByLabel("开户银行").fill("中国工商银行重庆沙坪坝支行");
      await account.getByLabel("户名").fill("重庆大学");
      await account.getByLabel("账号").fill("3100 0215 0902 4900 123");
      await account.getByRole("button", { name: "保存收款账户" }).click();
      await expect.poll(() => account.innerText(), PATIENTLY).toContain("3100021509024900123");
      const counter = page.getByRole("form", { name: "提出新条件" });
      await expect.poll(() => counter.getByText("只需填写所选交易类型").count(), PATIENTLY).toBe(0);
      expect(await counter.getByLabel("一次性许可费（元）").count()).toBe(0);
      await counter.getByLabel("入门费（元）").fill("450000");
      await counter.getByRole("button", { name: "提出新条件" }).click();
      // The thread shows the counter-offer as a table, the changed entry fee marked with what it was.
      const thread = page.getByRole("region", { name: "协商记录" });
      try {
        await expect.poll(() => thread.getByText("第 2 版条件").count(), PATIENTLY).toBeGreaterThan(0);
      } catch (error) {
        const shown = await page.locator("[role=alert], .text-red-700").allInnerTexts();
        throw new Error(
          `the counter-offer was not recorded: ${shown.join(" | ")} ${scriptErrors.join(" | ")} ${page.url()}`,
          { cause: error },
        );
      }
      await expect.poll(() => thread.locator("mark").allInnerTexts(), PATIENTLY).toEqual(["45 万元"]);
      expect(await thread.innerText()).toContain("原为 40 万元");
      expect(await noSidewaysScroll()).toBe(true);
      await signOut();

      // The company accepts version 2, reads the preview with the cost and schedule, and signs.
      await signIn("sme1@patentbridge.test");
      await page.goto(dealUrl);
      await page.getByRole("button", { name: "接受当前条件" }).click();
      const preview = page.getByRole("region", { name: "合同预览" });
      await expect.poll(() => preview.count(), PATIENTLY).toBe(1);
      const previewText = await preview.innerText();
      expect(previewText).toContain("合同生效后 30 日内应付");
      expect(previewText).toMatch(/入门费 \/ Entry fee: 45 万元 \/ CNY 450,000/);
      expect(previewText).toContain("净销售额的 2%");
      expect(previewText).toContain("「西南地区」");
      expect(previewText).toContain("账号 / account number 3100021509024900123");
      expect(await violations()).toEqual([]);
      expect(await noSidewaysScroll()).toBe(true);
      await preview.getByLabel("签署人姓名").fill("张企业");
      await preview.getByLabel("签署人职务").fill("总经理");
      await preview.getByLabel(/我已阅读并同意上述条件/).check();
      await preview.getByRole("button", { name: "签署合同" }).click();
      await expect.poll(() => page.getByText(/企业已签署：张企业（总经理）/).count(), PATIENTLY).toBe(1);
      await signOut();

      // The university signs as authorised staff: the contract is concluded.
      await signIn("cqu@patentbridge.test");
      await page.goto(dealUrl);
      const ownerPreview = page.getByRole("region", { name: "合同预览" });
      await ownerPreview.getByLabel("签署人姓名").fill("李主任");
      await ownerPreview.getByLabel(/签署人职务/).fill("技术转移中心主任");
      await ownerPreview.getByLabel(/作为本单位授权人员/).check();
      await ownerPreview.getByRole("button", { name: "签署合同" }).click();
      await expect.poll(() => page.getByLabel("状态").innerText(), PATIENTLY).toBe("已签署");
      await page.getByRole("link", { name: "合同", exact: true }).click();
      await page.waitForURL(/\/licenses\/\w+$/);
      const contract = await page.getByRole("region", { name: "合同文本" }).locator("pre").innerText();
      const number = /PB-\d{4}-L-\d{6}/.exec(contract)![0];
      expect(contract).toContain("许可种类 / Kind: 独占许可 / Exclusive license");
      expect(contract).toContain("入门费 / Entry fee: 45 万元 / CNY 450,000");
      expect(contract).toContain("净销售额的 2%");
      expect(contract).toContain("地域范围 / Territory: 「西南地区」");
      expect(contract).toContain("许可期限为自合同生效之日起60个月");
      expect(contract).not.toContain("40 万元");
      expect(contract).not.toContain("中国大陆");
      expect(contract).toMatch(/「李主任」，职务 \/ title 「技术转移中心主任」/);
      expect(contract).toMatch(/「张企业」，职务 \/ title 「总经理」/);
      expect(await noSidewaysScroll()).toBe(true);

      const [pdfDownload] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "下载 PDF" }).click(),
      ]);
      expect(pdfDownload.suggestedFilename()).toBe(`${number}.pdf`);
      const pdf = fs.readFileSync((await pdfDownload.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      // The PDF is rendered from the stored contract text, the same text the page shows.
      const stored = await database.license.findUniqueOrThrow({
        where: { contractNumber: number },
        select: { contractText: true, licensorSignatory: true, signatoryName: true, termsSnapshot: true },
      });
      expect(stored.contractText!.replace(/\s+/g, "")).toBe(contract.replace(/\s+/g, ""));
      expect(stored).toMatchObject({ licensorSignatory: "李主任", signatoryName: "张企业" });
      expect(JSON.parse(stored.termsSnapshot)).toMatchObject({
        feeModel: "ENTRY_PLUS_ROYALTY",
        entryFeeFen: 45_000_000,
        royaltyBasisPoints: 200,
        royaltyBase: "NET_SALES",
        licenseTermMonths: 60,
        territory: "西南地区",
        dealVersion: 2,
      });

      const [recordal] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "下载备案信息" }).click(),
      ]);
      expect(recordal.suggestedFilename()).toBe(`${number}-recordal.csv`);
      const csv = fs.readFileSync((await recordal.path())!, "utf8");
      expect(csv).toContain(`"合同编号","Contract number","${number}"`);
      expect(csv).toContain(`"许可种类","Kind of license","独占许可 / Exclusive license"`);
      expect(csv).toContain(`"入门费（元）","Entry fee (CNY)","450000.00"`);
      expect(csv).toContain(`"提成比例（%）","Royalty rate (%)","2.00"`);
      expect(csv).toContain(`"许可地域范围","Territory","西南地区"`);
      expect(csv).toContain(`"许可人签署人","Licensor's signatory","李主任（技术转移中心主任）"`);
      expect(csv).toContain(`"被许可人签署人","Licensee's signatory","张企业（总经理）"`);
    }, 300_000);
  }
});

describe("a request the company takes back", () => {
  it("is withdrawn in the company's own word, and the university's deal list says so", async () => {
    const patent = await freshPatent("withdraw");
    await signIn("sme1@patentbridge.test");
    await page.goto(`${baseUrl}/patents/${patent.id}`);
    const request = page.getByRole("region", { name: "申请协商许可或转让" });
    await expect.poll(() => request.getByText("只需填写所选交易类型").count(), PATIENTLY).toBe(0);
    await request.getByLabel("交易类型").selectOption("ORDINARY");
    await request.getByLabel("计费方式").selectOption("LUMP_SUM");
    await request.getByLabel("一次性许可费（元）").fill("300000");
    await request.getByLabel("许可期限（月）").fill("36");
    await request.getByRole("button", { name: "发送申请" }).click();
    await page.waitForURL(/\/deals\/\w+$/);
    const dealUrl = page.url();
    // The requester is offered its own word, not the owner's "decline".
    expect(await page.getByRole("button", { name: "拒绝" }).count()).toBe(0);
    await page.getByRole("button", { name: "撤回申请" }).click();
    await expect.poll(() => page.getByLabel("状态").first().innerText(), PATIENTLY).toContain("已撤回");
    expect(await page.getByRole("region", { name: "协商记录" }).innerText()).toContain("申请方撤回");
    await signOut();

    await signIn("cqu@patentbridge.test");
    await page.goto(`${baseUrl}/deals?status=WITHDRAWN&q=${encodeURIComponent(patent.title)}`);
    const row = page.getByRole("row").filter({ hasText: patent.title });
    await expect.poll(() => row.first().innerText(), PATIENTLY).toContain("已撤回");
    await page.goto(dealUrl);
    expect(await page.getByRole("button", { name: "拒绝" }).count()).toBe(0);
  });
});
