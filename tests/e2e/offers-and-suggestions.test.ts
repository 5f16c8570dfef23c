// Issue 13, parts 4 and 6, as a company meets them: a search with no answer never ends there (drop a filter, then
// post the words as a technology need), and open-license offers compared side by side; at desktop and phone size.
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { freshPagePerTest } from "../helpers/browser";

const baseUrl = inject("baseUrl");
const DEMO_PASSWORD = "patentbridge-demo";
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const SIZES = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const resultCount = async () =>
  Number((await page.locator("#results-heading").innerText()).match(/共 ([\d,]+) 件/)![1].replace(/,/g, ""));
const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Waits for the client to have taken over the page, so that its form acts through the router. */
const hydrated = () => page.waitForLoadState("networkidle");

describe.each(SIZES)("a search with no answer, on a $name", (size) => {
  it("keeps the filter, drops it with its count, then reaches the need form with the words filled in", async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const words = "反重力飞碟";
    await page.goto(`${baseUrl}/patents?open=1`);
    await hydrated();
    const box = page.getByRole("searchbox", { name: "检索词" });
    await box.fill(words);
    await box.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === words && url.searchParams.get("open") === "1");
    await expect.poll(resultCount).toBe(0);

    // The filter is still shown, ticked (on a phone in the filters' drawer, whose summary counts it), and the
    // panel offers to drop it with the count that gives.
    if (size.name === "phone") await page.locator("details > summary", { hasText: "筛选条件 (1)" }).click();
    expect(await page.getByRole("checkbox", { name: /提供开放许可/ }).isChecked()).toBe(true);
    const panel = page.getByRole("region", { name: "没有符合条件的专利，可以这样继续" });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await noSidewaysScroll()).toBe(true);
    const drop = panel.getByRole("link", { name: /去掉“开放许可: 提供开放许可” · \d+ 件专利/ });
    const promised = Number((await drop.innerText()).match(/· (\d+) 件专利/)![1]);
    await drop.click();
    await page.waitForURL((url) => !url.searchParams.has("open") && url.searchParams.get("q") === words);
    await expect.poll(resultCount).toBe(promised);

    // Still nothing: post the words as a technology need. A visitor signs in first and lands on the form, filled in.
    const post = page.getByRole("link", { name: `发布技术需求“${words}”` });
    await post.click();
    await page.waitForURL(/\/login\?redirectTo=/);
    await page.getByLabel("电子邮箱").fill("sme1@patentbridge.test");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => url.pathname === "/needs/new");
    expect(await page.getByLabel("需求名称").inputValue()).toBe(words);
    expect(await page.getByLabel(/需求描述/).inputValue()).toBe(words);
    expect(await noSidewaysScroll()).toBe(true);
  });
});

describe.each(SIZES)("offers side by side, on a $name", (size) => {
  it("sorts open licenses by lump sum, compares two of them, and removes one", async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    // The home page's promise leads to the comparison, which leads to the offers.
    await page.goto(baseUrl);
    await page.getByRole("link", { name: "比较许可条件" }).click();
    await page.waitForURL((url) => url.pathname === "/compare");
    await page.getByRole("link", { name: "浏览提供开放许可的专利（一次性许可费从低到高）" }).click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "lump-sum" && url.searchParams.get("open") === "1");
    await hydrated();
    expect(await page.getByRole("combobox", { name: "排序" }).inputValue()).toBe("lump-sum");
    const offers = page.locator("ol > li");
    await expect.poll(() => offers.count()).toBeGreaterThan(2);
    // Lowest lump sum first: the first two offers' lump sums in yuan are in order.
    const yuan = async (i: number) => {
      const text = await offers
        .nth(i)
        .getByText(/^提供开放许可/)
        .innerText();
      const match = text.match(/([\d.,]+) (万元|元)/)!;
      return Number(match[1].replace(/,/g, "")) * (match[2] === "万元" ? 10_000 : 1);
    };
    expect(await yuan(0)).toBeLessThanOrEqual(await yuan(1));

    const titles = [await offers.nth(0).locator("h2").innerText(), await offers.nth(1).locator("h2").innerText()];
    // A click, not check(): the box follows the URL, which changes a moment after the click on a loaded machine.
    await offers
      .nth(0)
      .getByRole("checkbox", { name: /加入比较/ })
      .click();
    await page.waitForURL((url) => url.searchParams.getAll("compare").length === 1);
    await hydrated();
    await offers
      .nth(1)
      .getByRole("checkbox", { name: /加入比较/ })
      .click();
    await page.waitForURL((url) => url.searchParams.getAll("compare").length === 2);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("lump-sum");
    expect(await noSidewaysScroll()).toBe(true);

    await page.getByRole("link", { name: "比较已选的 2 件" }).click();
    await page.waitForURL((url) => url.pathname === "/compare" && url.searchParams.get("ids")?.split(",").length === 2);
    await expect.poll(() => page.getByRole("heading", { name: "比较许可条件", level: 1 }).isVisible()).toBe(true);
    if (size.name === "desktop") {
      const table = page.getByRole("table", { name: "所选专利的许可条件对比" });
      expect(await table.isVisible()).toBe(true);
      const headers = await table.locator("thead th").allInnerTexts();
      expect(headers).toHaveLength(3);
      for (const title of titles) expect(headers.some((header) => header.includes(title))).toBe(true);
      expect(await table.getByRole("rowheader", { name: "一次性许可费" }).isVisible()).toBe(true);
      expect(await table.getByText(/^人民币.+元/).count()).toBeGreaterThanOrEqual(2);
    } else {
      expect(await page.getByRole("table").isVisible()).toBe(false);
      const cards = page.getByRole("article");
      expect(await cards.count()).toBe(2);
      for (const title of titles)
        expect(await page.getByRole("heading", { name: title, level: 2 }).isVisible()).toBe(true);
      expect(
        await cards
          .first()
          .getByText(/^人民币.+元/)
          .first()
          .isVisible(),
      ).toBe(true);
    }
    expect(await noSidewaysScroll()).toBe(true);

    await page
      .getByRole("link", { name: `移出比较: ${titles[0]}` })
      .first()
      .click();
    await page.waitForURL((url) => url.searchParams.get("ids")?.split(",").length === 1);
    await page.getByRole("link", { name: "返回检索，继续选择" }).click();
    await page.waitForURL(
      (url) =>
        url.pathname === "/patents" &&
        url.searchParams.getAll("compare").length === 1 &&
        url.searchParams.get("sort") === "lump-sum",
    );
  });

  it("answers too many or unknown patents with a clear message", async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const tooMany = await page.goto(`${baseUrl}/compare?ids=1,2,3,4,5`);
    expect(tooMany?.status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("最多可以同时比较 4 件专利");
    const unknown = await page.goto(`${baseUrl}/compare?ids=999999999`);
    expect(unknown?.status()).toBe(404);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("没有编号为 999999999 的专利");
  });
});

describe.each(["zh", "en"])("accessibility in %s", (language) => {
  it("the ways on from a search with no answer, the compare selection and the comparison pass axe's WCAG 2 A/AA rules", async () => {
    const { default: AxeBuilder } = await import("@axe-core/playwright");
    await page.context().addCookies([{ name: "lang", value: language, url: baseUrl }]);
    const paths = [
      `/patents?q=${encodeURIComponent("反重力飞碟")}&open=1`,
      `/patents?q=${encodeURIComponent("无刷电机")}`,
      "/patents?open=1&sort=lump-sum&compare=1&compare=2",
      "/compare?ids=1,2,3",
      "/compare",
    ];
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      const results = await new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa"]).analyze();
      const violations = results.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
      expect({ path, violations }).toEqual({ path, violations: [] });
    }
  });
});
