// The heart of the product: a university declares an open license, a company takes and signs it, the
// university confirms the payment, both see the active license and its history; withdrawal keeps it.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn as signInAs, signOut as signOutOf } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const signIn = (email: string) => signInAs(page, baseUrl, email, DEMO_PASSWORD);
const signOut = () => signOutOf(page);

type PatentRecord = { id: number; openLicense: unknown; coOwners: Array<{ name: string }> };

/** The first patent of a search whose full record (GET /api/v1/patents/:id) passes the test. */
async function findPatent(query: string, test: (patent: PatentRecord) => boolean): Promise<PatentRecord> {
  const search = await (await fetch(`${baseUrl}/api/v1/patents?${query}`)).json();
  for (const item of search.items as Array<{ id: number }>) {
    const patent = (await (await fetch(`${baseUrl}/api/v1/patents/${item.id}`)).json()) as PatentRecord;
    if (test(patent)) return patent;
  }
  throw new Error(`no patent passes the test among /api/v1/patents?${query}`);
}

describe("an open license", () => {
  it("goes from declaration to a signed, paid, active license, and survives withdrawal", async () => {
    // A granted invention of 重庆大学 alone (no co-owner) with no open license yet.
    const patent = await findPatent(
      "university=org-univ-01&type=INVENTION&status=VALID&size=50",
      (p) => p.openLicense === null && p.coOwners.length === 0,
    );

    await signIn("cqu@patentbridge.test");
    await page.goto(`${baseUrl}/patents/${patent.id}`);
    const declare = page.getByRole("region", { name: "声明开放许可" });
    await declare.getByLabel("一次性许可费（元）").fill("50000");
    await expect.poll(() => declare.locator("output").innerText()).toContain("5 万元");
    await declare.getByLabel("许可期限（月）").fill("36");
    await declare.getByRole("button", { name: "公告开放许可声明" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "开放许可声明已公告" }).count()).toBe(1);
    await signOut();

    await signIn("sme1@patentbridge.test");
    await page.goto(`${baseUrl}/patents/${patent.id}`);
    await page.getByRole("button", { name: "签署许可合同" }).click();
    await expect.poll(() => page.getByText("请勾选同意：签署即构成书面通知").count()).toBe(1);
    await page.getByLabel("签署人姓名（全名）").fill("张三丰");
    await page.getByLabel("拟实施用途").fill("用于本公司产品的量产");
    await page.getByLabel("我已阅读并同意上述开放许可条件，代表本企业签署").check();
    await page.getByRole("button", { name: "签署许可合同" }).click();
    await page.waitForURL(/\/licenses\/\w+$/);
    const licenseUrl = page.url();
    await expect.poll(() => page.getByLabel("状态").innerText()).toBe("待付款");
    const contract = await page.getByRole("region", { name: "合同文本" }).innerText();
    expect(contract).toContain("张三丰");
    const number = /PB-\d{4}-L-\d{6}/.exec(contract)![0];
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载 PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    await signOut();

    await signIn("cqu@patentbridge.test");
    await page.getByRole("link", { name: /通知（\d+条未读）/ }).click();
    // Notifications are grouped by what they point to: the license's row is named by its contract number.
    await page.getByRole("link", { name: new RegExp(`^${number} · `) }).click();
    await page.waitForURL(licenseUrl);
    // Confirming a payment records the amount, the day and the voucher, after a check (tests/e2e/payments.test.ts).
    await page.getByRole("link", { name: "确认已收到首付款" }).click();
    await page.waitForURL(/\/payments\//);
    await page.getByLabel("到账日期").fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await page.getByLabel("凭证号").fill("CQ-0001");
    await page.getByRole("button", { name: "下一步：核对" }).click();
    await page.getByRole("button", { name: "确认收款" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已记录这笔收款" }).count()).toBe(1);
    await page.goto(licenseUrl);
    await expect.poll(() => page.getByLabel("状态").innerText()).toBe("生效中");
    const history = await page.getByRole("region", { name: "历史记录" }).innerText();
    expect(history).toMatch(/签署[\s\S]*应付款 · 5 万元[\s\S]*已付款 · 5 万元/);

    await page.goto(`${baseUrl}/patents/${patent.id}`);
    await page.getByRole("button", { name: "撤回开放许可" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "开放许可已撤回" }).count()).toBe(1);
    await signOut();

    // The company still holds an active license; the contract can be checked publicly.
    await signIn("sme1@patentbridge.test");
    await page.goto(licenseUrl);
    await expect.poll(() => page.getByLabel("状态").innerText()).toBe("生效中");
    const fingerprint = await page
      .getByText(/^[0-9a-f]{64}$/)
      .first()
      .innerText();
    // A contract number alone shows nothing; with the verification code printed on the contract, the contract.
    await page.goto(`${baseUrl}/contracts/${number}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("合同核验");
    expect(await page.getByText(/^[0-9a-f]{64}$/).count()).toBe(0);
    await page.getByLabel("核验码或合同指纹").fill(fingerprint.slice(0, 16));
    await page.getByRole("button", { name: "核验" }).click();
    await expect.poll(() => page.getByText(/^[0-9a-f]{64}$/).count()).toBe(1);
  });
});

describe("an open license on a co-owned patent", () => {
  it("needs every co-owner's written consent, keeps what was typed when refused (without JavaScript), and shows the consents", async () => {
    const patent = await findPatent(
      "university=org-univ-01&type=INVENTION&status=VALID&size=50",
      (p) => p.openLicense === null && p.coOwners.length > 0,
    );
    // No script reaches the page: the form posts and the refusal comes back as a plain page.
    await page.route(/\.js(\?|$)/, (route) => route.abort());
    await signIn("cqu@patentbridge.test");
    await page.goto(`${baseUrl}/patents/${patent.id}`);
    expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false);
    const bibliography = await page.getByRole("region", { name: "著录项目" }).innerText();
    expect(bibliography).toContain("共有专利权人");
    for (const { name } of patent.coOwners) expect(bibliography).toContain(name);
    const declare = page.getByRole("region", { name: "声明开放许可" });
    await declare.getByLabel("一次性许可费（元）").fill("50000");
    const consent = (name: string) => declare.getByRole("group", { name: `共有人：${name}` });
    for (const { name } of patent.coOwners) {
      await consent(name).getByLabel("同意日期").fill("2025-05-05");
      await consent(name)
        .getByLabel("同意书文号")
        .fill(`同意书-${name.slice(0, 4)}`);
    }
    await declare.getByRole("button", { name: "公告开放许可声明" }).click();
    await expect.poll(() => declare.getByRole("alert").innerText()).toContain("《专利法》第十四条");
    expect(await declare.getByLabel("一次性许可费（元）").inputValue()).toBe("50000");
    const [first] = patent.coOwners;
    expect(await consent(first.name).getByLabel("同意日期").inputValue()).toBe("2025-05-05");
    expect(await consent(first.name).getByLabel("同意书文号").inputValue()).toBe(`同意书-${first.name.slice(0, 4)}`);

    for (const { name } of patent.coOwners) await consent(name).getByLabel("已取得该共有人的书面同意").check();
    await declare.getByRole("button", { name: "公告开放许可声明" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "开放许可声明已公告" }).count()).toBe(1);
    const license = await page.getByRole("region", { name: "开放许可", exact: true }).innerText();
    expect(license).toContain("共有人同意");
    expect(license).toContain(`${first.name}，2025-05-05 书面同意`);
    // Readable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
