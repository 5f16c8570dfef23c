// Each role signs in and lands on its own workspace: university staff see the negotiation waiting for their
// answer and its unread notice, follow it to the deal, and the notice is read; a company the same for the reply
// it awaits, with its payments due; an administrator the organisations to verify, unusual sign-in failures and
// the month. At desktop and phone size (no sideways scrolling), axe clean.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createPrismaClient } from "../../app/lib/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest } from "../helpers/browser";
import { negotiation as seededNegotiation } from "../helpers/e2e-data";

const baseUrl = inject("baseUrl");
const database = createPrismaClient(inject("databaseUrl"));
afterAll(() => database.$disconnect());
const negotiation = (input: Parameters<typeof seededNegotiation>[1]) => seededNegotiation(database, input);
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const SIZES = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

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

/** Signs in from the header's link on the home page, as a person would, and waits for the landing page. */
async function signInFromHome(email: string) {
  await page.goto(`${baseUrl}/`);
  const signInLink = page.getByRole("link", { name: "登录", exact: true });
  // On a phone the header wraps; the link is still there.
  await signInLink.click();
  await page.waitForURL((url) => url.pathname === "/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

const unreadInHeader = async () => {
  const text = await page.getByRole("link", { name: /^通知/ }).innerText();
  return Number(/（(\d+)条未读）/.exec(text)?.[1] ?? 0);
};

describe.each(SIZES)("the workspace on a $name", (size) => {
  it("university staff land on it, see the negotiation waiting for them, open it, and its notice is read", async () => {
    const { dealId, title } = await negotiation({
      companyEmail: "sme1@patentbridge.test",
      universityEmail: "cqu@patentbridge.test",
      termsBy: "REQUESTER",
      notifyCompany: false,
      marker: `dash-staff-${size.name}`,
    });
    await page.setViewportSize({ width: size.width, height: size.height });
    await signInFromHome("cqu@patentbridge.test");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "我的工作台" }).count()).toBe(1);
    await expect.poll(() => page.getByText("重庆大学：需要您处理的事项").count()).toBe(1);

    const deals = page.getByRole("region", { name: /等待本校答复或签署的协商/ });
    const dealLink = deals.getByRole("link", { name: title });
    // Oldest waiting first, five at most: the new one is listed unless five older ones wait.
    const waiting = Number(await deals.getByLabel(/^\d+ 项$/).innerText());
    expect(waiting).toBeGreaterThan(0);
    const payments = page.getByRole("region", { name: /待确认的收款/ });
    // Money in one format: every amount in 万元 with two decimals.
    for (const amount of await payments.locator("strong").allInnerTexts())
      expect(amount).toMatch(/^(\d{1,3}(,\d{3})*\.\d{2}|< 0\.01) 万元$/);
    for (const name of ["进行中的导入", "尚未盘点评估的专利", "本校数据"])
      expect(await page.getByRole("region", { name: new RegExp(name) }).count()).toBe(1);
    // The figures say which period is which.
    const year = new Date().getUTCFullYear();
    expect(await page.getByRole("rowheader", { name: `${year - 1}年（最近一个完整年度）` }).count()).toBe(1);
    expect(await page.getByRole("rowheader", { name: new RegExp(`^${year}年至今`) }).count()).toBe(1);
    expect(await noSidewaysScroll()).toBe(true);
    expect(await violations()).toEqual([]);

    const unreadBefore = await unreadInHeader();
    expect(unreadBefore).toBeGreaterThan(0);
    const notices = page.getByRole("region", { name: /^通知/ });
    const notice = notices.getByRole("link", { name: title });
    await expect.poll(() => notice.count()).toBe(1);
    // Follow it from the deals block when it is listed there, else from the notices.
    await ((await dealLink.count()) === 1 ? dealLink : notice).click();
    await page.waitForURL((url) => url.pathname === `/deals/${dealId}`);
    await expect.poll(() => unreadInHeader()).toBe(unreadBefore - 1);

    await page.getByRole("link", { name: /^通知/ }).click();
    await page.waitForURL((url) => url.pathname === "/notifications");
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    expect(await row.innerText()).toContain("通知 1 条");
    expect(await row.getByText(/^未读/).count()).toBe(0);
    expect(await noSidewaysScroll()).toBe(true);
    expect(await violations()).toEqual([]);
  });

  it("a company lands on it, sees its payments due and the negotiation awaiting its answer, opens it, and its notice is read", async () => {
    const { dealId, title } = await negotiation({
      companyEmail: "sme3@patentbridge.test",
      universityEmail: "swu@patentbridge.test",
      termsBy: "OWNER",
      notifyCompany: true,
      marker: `dash-company-${size.name}`,
    });
    await page.setViewportSize({ width: size.width, height: size.height });
    await signInFromHome("sme3@patentbridge.test");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "我的工作台" }).count()).toBe(1);

    const negotiations = page.getByRole("region", { name: /协商中的许可与转让/ });
    // The company's move first: the new negotiation awaits its answer.
    const item = negotiations.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByText("待您答复").count()).toBe(1);
    expect(await negotiations.getByText(/^待您处理 \d+ 项$/).count()).toBe(1);
    for (const name of ["应付款项", "我的许可", "我的技术需求", "已保存的检索"])
      expect(await page.getByRole("region", { name: new RegExp(name) }).count()).toBe(1);
    // Payments due are listed with their due date; an overdue one says so.
    const payments = page.getByRole("region", { name: /应付款项/ });
    const dueDates = await payments.getByText(/^到期日 \d{4}-\d{2}-\d{2}$/).count();
    const listed = await payments.getByRole("listitem").count();
    expect(dueDates).toBe(listed);
    if (listed === 0) expect(await payments.getByText("没有应付款项", { exact: false }).count()).toBe(1);
    expect(await noSidewaysScroll()).toBe(true);
    expect(await violations()).toEqual([]);

    const unreadBefore = await unreadInHeader();
    const notices = page.getByRole("region", { name: /^通知/ });
    await expect.poll(() => notices.getByRole("link", { name: title }).count()).toBe(1);
    await item.getByRole("link", { name: title }).click();
    await page.waitForURL((url) => url.pathname === `/deals/${dealId}`);
    await expect.poll(() => unreadInHeader()).toBe(unreadBefore - 1);
    await page.getByRole("link", { name: "工作台" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await expect
      .poll(() => page.getByRole("region", { name: /^通知/ }).getByRole("link", { name: title }).count())
      .toBe(0);
  });

  it("an administrator lands on it, sees the organisations to verify, the unusual sign-in failures and the month", async () => {
    const victim = `dash-victim-${size.name}@example.com`;
    const now = Date.now();
    await database.auditEvent.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({
        action: "SIGN_IN_FAILED",
        subject: victim,
        ip: "198.51.100.7",
        at: new Date(now - (i + 1) * 60_000),
        detail: { reason: "password" },
      })),
    });
    await page.setViewportSize({ width: size.width, height: size.height });
    await signInFromHome("admin@patentbridge.test");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect.poll(() => page.getByText("运营中心：需要您处理的事项").count()).toBe(1);

    const unusual = page.getByRole("region", { name: /异常活动/ });
    await expect.poll(() => unusual.getByText(`账户 ${victim}：登录失败 6 次`, { exact: false }).count()).toBe(1);
    const month = page.getByRole("region", { name: /本月数据/ });
    expect(await month.getByRole("rowheader", { name: /^本月至今/ }).count()).toBe(1);
    expect(await month.getByRole("rowheader", { name: /^上个月.*完整月份/ }).count()).toBe(1);
    const toVerify = page.getByRole("region", { name: /待认证的机构/ });
    const waiting = await database.organization.count({
      where: { kind: { in: ["ENTERPRISE", "UNIVERSITY"] }, verifiedAt: null },
    });
    expect(await toVerify.getByLabel(/^\d+ 项$/).innerText()).toBe(String(waiting));
    expect(await noSidewaysScroll()).toBe(true);
    expect(await violations()).toEqual([]);

    // Follow the block to its full list.
    if (waiting > 0) {
      await toVerify.getByRole("link", { name: `查看全部（${waiting}）` }).click();
      await page.waitForURL(
        (url) => url.pathname === "/admin/organizations" && url.searchParams.get("verification") === "unverified",
      );
      await expect.poll(() => page.getByText(`共 ${waiting.toLocaleString("zh-CN")} 条`).count()).toBeGreaterThan(0);
    } else {
      expect(await toVerify.getByText("没有待认证的机构", { exact: false }).count()).toBe(1);
    }
  });
});

describe("the workspace in English", () => {
  it("speaks English throughout, money in yuan, and stays axe clean", async () => {
    const session = await fetch(`${baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { Origin: baseUrl, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "cqu@patentbridge.test", password: DEMO_PASSWORD }),
    });
    const [name, value] = session.headers.get("set-cookie")!.split(";")[0].split("=");
    await page.context().addCookies([
      { name, value, url: baseUrl },
      { name: "lang", value: "en", url: baseUrl },
    ]);
    await page.goto(`${baseUrl}/dashboard`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "My workspace" }).count()).toBe(1);
    for (const heading of [
      "Negotiations awaiting your answer or signature",
      "Payments to confirm",
      "Imports in progress",
      "Patents not yet assessed",
      "Your university's figures",
    ]) {
      expect(
        await page.getByRole("heading", { level: 2, name: new RegExp(`^${heading.replace(/[()']/g, ".")}`) }).count(),
      ).toBe(1);
    }
    const year = new Date().getUTCFullYear();
    expect(await page.getByRole("rowheader", { name: `${year - 1} (last complete year)` }).count()).toBe(1);
    for (const amount of await page
      .getByRole("region", { name: /^Payments to confirm/ })
      .locator("strong")
      .allInnerTexts())
      expect(amount).toMatch(/^CNY \d{1,3}(,\d{3})*\.\d{2}$/);
    // No Chinese interface text: only names and titles from the records may be Chinese.
    const main = await page.locator("main").innerText();
    for (const chinese of ["工作台", "待确认", "查看全部", "逾期", "万元"]) expect(main).not.toContain(chinese);
    expect(await violations()).toEqual([]);
  });
});

describe("the workspace's permissions", () => {
  beforeAll(async () => {
    await page?.context().clearCookies();
  });

  it("sends an anonymous visitor to sign in and back", async () => {
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/dashboard");
  });
});
