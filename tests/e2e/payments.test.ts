// Money a university can account for (issue 16): it prices a declaration with the pool's comparable licenses, a
// company signs in from the patent and comes back to it, and the university confirms what it received in two
// steps (amount, day, voucher), part first, then the rest; the contract is verified with its code. On a desktop
// and on a phone (390 px, no sideways scrolling).
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn as signInAs } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const signIn = (email: string) => signInAs(page, baseUrl, email, DEMO_PASSWORD);
// Signed out once the header no longer offers to sign out (the page may link to sign-in more than once).
const signOut = async () => {
  await page.getByRole("button", { name: "退出" }).click();
  await expect.poll(() => page.getByRole("button", { name: "退出" }).count()).toBe(0);
};
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const noSidewaysScroll = async (width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

type PatentRecord = { id: number; openLicense: unknown; coOwners: unknown[] };
const taken = new Set<number>();

/** A granted invention of 重庆大学 alone with no open license, not used by an earlier test of this file. */
async function freshPatent(): Promise<PatentRecord> {
  const search = await (
    await fetch(`${baseUrl}/api/v1/patents?university=org-univ-01&type=INVENTION&status=VALID&size=50&sort=term`)
  ).json();
  for (const item of search.items as Array<{ id: number }>) {
    if (taken.has(item.id)) continue;
    const patent = (await (await fetch(`${baseUrl}/api/v1/patents/${item.id}`)).json()) as PatentRecord;
    const guidance = await (await fetch(`${baseUrl}/api/v1/patents/${item.id}/fee-guidance`)).json();
    if (patent.openLicense === null && patent.coOwners.length === 0 && guidance.exclusiveLicense === null) {
      taken.add(item.id);
      return patent;
    }
  }
  throw new Error("no patent left to declare");
}

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

describe.each(VIEWPORTS)("payments on a $name", ({ width, height }) => {
  it("prices with the guide, signs in back to the patent, and confirms a payment in two steps, part then rest", async () => {
    await page.setViewportSize({ width, height });
    const patent = await freshPatent();

    // The university sees the pool's comparable declarations beside the form, then declares CNY 50,000.
    await signIn("cqu@patentbridge.test");
    await page.goto(`${baseUrl}/patents/${patent.id}`);
    const declare = page.getByRole("region", { name: "声明开放许可" });
    const guide = declare.getByRole("region", { name: "定价参考：可比的开放许可" });
    expect(await guide.innerText()).toMatch(/项可比声明，其中 \d+ 项已有企业取得许可|平台上还没有可比的开放许可声明/);
    await declare.getByLabel("一次性许可费（元）").fill("50000");
    await declare.getByLabel("许可期限（月）").fill("36");
    await declare.getByRole("button", { name: "公告开放许可声明" }).click();
    try {
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "开放许可声明已公告" }).count(), { timeout: 20_000 })
        .toBe(1);
    } catch (error) {
      throw new Error(`not declared; the page says: ${(await page.locator("main").innerText()).slice(0, 3000)}`, {
        cause: error,
      });
    }
    await signOut();

    // A visitor is sent to sign in and comes back to the same patent.
    await page.goto(`${baseUrl}/patents/${patent.id}`);
    await page.getByRole("link", { name: "登录企业账号后可取得此开放许可。" }).click();
    await page.waitForURL(/\/login\?redirectTo=/);
    await page.getByLabel("电子邮箱").fill("sme1@patentbridge.test");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${baseUrl}/patents/${patent.id}`);
    await page.getByLabel("签署人姓名（全名）").fill("张三丰");
    await page.getByLabel("拟实施用途").fill("用于本公司产品的量产");
    await page.getByLabel("我已阅读并同意上述开放许可条件，代表本企业签署").check();
    await page.getByRole("button", { name: "签署许可合同" }).click();
    await page.waitForURL(/\/licenses\/\w+$/);
    const licenseId = new URL(page.url()).pathname.split("/").pop()!;
    const fingerprint = (
      await page
        .getByText(/^[0-9a-f]{64}$/)
        .first()
        .innerText()
    ).trim();
    const number = /PB-\d{4}-L-\w+/.exec(await page.getByRole("heading", { level: 1 }).innerText())![0];
    await signOut();

    // The university confirms what it received: the form, the check, then the record.
    await signIn("cqu@patentbridge.test");
    const license = await (await page.request.get(`${baseUrl}/api/v1/licenses/${licenseId}`)).json();
    const paymentId = license.payments[0].id as string;
    await page.goto(`${baseUrl}/payments/${paymentId}`);
    const confirm = page.getByRole("region", { name: "确认收款" });
    await confirm.getByLabel("收到金额（元）").fill("");
    await confirm.getByRole("button", { name: "下一步：核对" }).click();
    await expect.poll(() => confirm.getByText("请填写收到的金额").count()).toBe(1);
    await expect.poll(() => confirm.getByText("请填写凭证号，以便核对").count()).toBe(1);
    await confirm.getByLabel("收到金额（元）").fill("20000");
    await confirm.getByLabel("到账日期").fill(chinaToday());
    await confirm.getByLabel("凭证号").fill("ICBC-0001");
    await confirm.getByRole("button", { name: "下一步：核对" }).click();
    const review = confirm.getByRole("status");
    await expect.poll(() => review.innerText()).toContain("收到 2 万元，凭证号 ICBC-0001。确认后尚欠 3 万元");
    await confirm.getByRole("button", { name: "确认收款" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已记录这笔收款" }).count()).toBe(1);
    expect(await page.getByText("部分付款", { exact: true }).count()).toBe(1);
    const receipts = page.getByRole("region", { name: "收款记录" });
    expect(await receipts.innerText()).toContain("ICBC-0001");
    if (width <= 390) await noSidewaysScroll(width);

    // The rest: the same voucher is refused, another one settles the payment.
    await confirm.getByLabel("收到金额（元）").fill("30000");
    await confirm.getByLabel("到账日期").fill(chinaToday());
    await confirm.getByLabel("凭证号").fill("ICBC-0001");
    await confirm.getByRole("button", { name: "下一步：核对" }).click();
    await confirm.getByRole("button", { name: "确认收款" }).click();
    await expect.poll(() => confirm.getByText("这个凭证号已用于本合同的另一笔收款").count()).toBe(1);
    await confirm.getByLabel("凭证号").fill("ICBC-0002");
    await confirm.getByRole("button", { name: "下一步：核对" }).click();
    await expect.poll(() => confirm.getByRole("status").innerText()).toContain("确认后尚欠 0 元");
    await confirm.getByRole("button", { name: "确认收款" }).click();
    await expect.poll(() => page.getByText("已付款", { exact: true }).count()).toBe(1);
    expect(await page.getByRole("region", { name: "确认收款" }).count()).toBe(0);
    await page.goto(`${baseUrl}/licenses/${licenseId}`);
    await expect.poll(() => page.getByLabel("状态").innerText()).toBe("生效中");
    await signOut();

    // Anyone holding the contract checks it with its number and code; the number alone shows nothing.
    await page.goto(`${baseUrl}/contracts/${number}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("合同核验");
    expect(await page.getByText(fingerprint).count()).toBe(0);
    await page.getByLabel("核验码或合同指纹").fill("0000000000000000");
    await page.getByRole("button", { name: "核验" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("没有与这个编号和核验码相符的合同");
    await page.getByLabel("核验码或合同指纹").fill(fingerprint.slice(0, 16).toUpperCase());
    await page.getByRole("button", { name: "核验" }).click();
    await expect.poll(() => page.getByText("核验通过：这是在本平台签署的合同。").count()).toBe(1);
    expect(await page.getByText(fingerprint).count()).toBe(1);
    if (width <= 390) await noSidewaysScroll(width);
  });
});
