// The IP operation centre's statistics: an administrator opens the dashboard on the last complete year, changes
// the period with the one period control (applied on change), narrows the universities by typing, exports a
// table; a university's staff see their own university with its rank. Figures are checked against the API; at
// desktop and phone size.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const SIZES = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const card = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
const apiStats = async (query: string) => (await page.request.get(`${baseUrl}/api/v1/stats?${query}`)).json();
const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
/** The client has taken over the page: its controls act through the router. */
const hydrated = () => page.waitForLoadState("networkidle");
const today = () => new Date().toISOString().slice(0, 10);

describe.each(SIZES)("transfer statistics on a $name", (size) => {
  it("an administrator reads the last complete year, changes the period on change, narrows the universities and exports a table", async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signIn(page, baseUrl, "admin@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/admin/stats`);
    await expect.poll(() => page.getByRole("heading", { name: "高校专利转让许可统计" }).count()).toBe(1);
    await hydrated();

    // The default period is the last complete year, compared with the whole year before; never this year so far.
    const lastYear = Number(today().slice(0, 4)) - 1;
    const latest = await apiStats("");
    expect(latest.period).toEqual({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
    await expect
      .poll(() =>
        page
          .getByText(
            `统计期间：${lastYear}-01-01 至 ${lastYear}-12-31（${lastYear} 年全年，与 ${lastYear - 1} 年全年相比）`,
          )
          .count(),
      )
      .toBe(1);
    expect(await page.getByLabel("统计期间").inputValue()).toBe(String(lastYear));
    expect(await card("转让与许可").innerText()).toBe(latest.deals.deals.toLocaleString("zh-CN"));
    expect(await card("发明专利产业化率").innerText()).toBe(`${(latest.industrialisation.rate * 100).toFixed(2)}%`);
    expect(await card("合同金额").innerText()).toBe(
      `${(latest.deals.valueFen / 1_000_000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`,
    );
    await expect.poll(() => page.getByRole("img", { name: "历年转让与许可（件）" }).count()).toBe(1);
    // One money format per table: 万元 with two decimals, the unit in the header.
    const ranking = page.getByRole("table", { name: "高校排名" });
    expect(await ranking.getByRole("columnheader", { name: "合同金额（万元）" }).count()).toBe(1);
    const valueColumn = (await ranking.locator("thead th").allInnerTexts()).indexOf("合同金额（万元）");
    const values = await ranking.locator(`tbody tr td:nth-child(${valueColumn + 1})`).allInnerTexts();
    expect(values.length).toBe(latest.universities.length);
    for (const value of values) expect(value).toMatch(/^[\d,]+\.\d\d$/);
    // The funnel has recorded views for the demo pool's years, so it never reads 0 views before the requests.
    const funnel = page.getByRole("table", { name: "开放许可转化漏斗" });
    const viewsCell = await funnel.locator("tbody tr").first().locator("td").nth(1).innerText();
    if (latest.funnel.views === null) expect(viewsCell).toBe("未记录");
    else expect(viewsCell).toBe(latest.funnel.views.toLocaleString("zh-CN"));
    expect(await noSidewaysScroll()).toBe(true);

    // Another year: chosen, applied at once, the URL keeps it.
    await page.getByLabel("统计期间").selectOption(String(lastYear - 1));
    await page.waitForURL((url) => url.searchParams.get("period") === String(lastYear - 1));
    const yearBefore = await apiStats(`year=${lastYear - 1}`);
    await expect.poll(() => card("转让与许可").innerText()).toBe(yearBefore.deals.deals.toLocaleString("zh-CN"));
    expect(yearBefore.deals.deals).toBeGreaterThan(0);

    // This year to date, compared with the same days of last year, as the page says.
    await page.getByLabel("统计期间").selectOption("ytd");
    await page.waitForURL((url) => url.searchParams.get("period") === "ytd");
    const ytd = await apiStats(`from=${lastYear + 1}-01-01&to=${today()}`);
    expect(ytd.comparison).toBe("sameDaysYearBefore");
    await expect
      .poll(() =>
        page
          .getByText(
            `统计期间：${lastYear + 1}-01-01 至 ${today()}（${lastYear + 1} 年至今，与上年同期 ${lastYear}-01-01 至 ${lastYear}-${today().slice(5)} 相比）`,
          )
          .count(),
      )
      .toBe(1);
    await expect.poll(() => card("转让与许可").innerText()).toBe(ytd.deals.deals.toLocaleString("zh-CN"));
    if (ytd.funnel.views === null) await expect.poll(() => page.getByText("期间内没有记录页面浏览量").count()).toBe(1);

    // A range across the turn of the year: the dates appear with the choice and apply once both are given.
    await page.getByLabel("统计期间").selectOption("range");
    await page.getByLabel("起始日期").fill(`${lastYear - 1}-07-01`);
    await page.getByLabel("截止日期").fill(`${lastYear}-06-30`);
    await page.waitForURL(
      (url) =>
        url.searchParams.get("period") === "range" &&
        url.searchParams.get("from") === `${lastYear - 1}-07-01` &&
        url.searchParams.get("to") === `${lastYear}-06-30`,
    );
    const range = await apiStats(`from=${lastYear - 1}-07-01&to=${lastYear}-06-30`);
    await expect.poll(() => card("转让与许可").innerText()).toBe(range.deals.deals.toLocaleString("zh-CN"));
    await expect.poll(() => page.getByText(`统计期间：${lastYear - 1}-07-01 至 ${lastYear}-06-30`).count()).toBe(1);

    // The universities in pinyin order, narrowed by typing; choosing one applies at once.
    const universitySelect = page.getByLabel("高校", { exact: true });
    const names = (await universitySelect.locator("option").allTextContents()).slice(1);
    expect(names.length).toBe(latest.universities.length);
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual([...names].sort(new Intl.Collator("zh-CN-u-co-pinyin").compare));
    await page.getByLabel("筛选高校").fill("重庆大");
    await expect
      .poll(async () => (await universitySelect.locator("option").allTextContents()).length)
      .toBeLessThan(names.length / 2);
    const narrowed = (await universitySelect.locator("option").allTextContents()).slice(1);
    expect(narrowed).toContain("重庆大学");
    for (const name of narrowed) expect(name).toContain("重庆大");
    expect(await page.getByText(`显示 ${narrowed.length} / ${names.length} 所高校`).count()).toBe(1);
    await universitySelect.selectOption({ label: "重庆大学" });
    await page.waitForURL(
      (url) => Boolean(url.searchParams.get("university")) && url.searchParams.get("from") === `${lastYear - 1}-07-01`,
    );
    const university = new URL(page.url()).searchParams.get("university")!;
    const one = await apiStats(`from=${lastYear - 1}-07-01&to=${lastYear}-06-30&university=${university}`);
    expect(one.scope.universityName).toBe("重庆大学");
    await expect.poll(() => card("转让与许可").innerText()).toBe(one.deals.deals.toLocaleString("zh-CN"));
    await universitySelect.selectOption({ label: "全部高校" });
    await page.waitForURL((url) => !url.searchParams.get("university"));
    await expect.poll(() => card("转让与许可").innerText()).toBe(range.deals.deals.toLocaleString("zh-CN"));
    expect(await noSidewaysScroll()).toBe(true);

    // The universities table as CSV: a BOM for Excel, Chinese headers, one line per university, yuan exact.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载“高校排名”CSV 文件" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`patentbridge-universities-${lastYear - 1}-07-01-${lastYear}-06-30.csv`);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toContain("高校,许可,转让,交易数,合同金额 (元)");
    expect(lines).toHaveLength(1 + range.universities.length);
    expect(lines[1]).toMatch(/^1,/);
  });

  it("university staff see their own university, its rank, and no other university's figures", async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/university/stats`);
    await expect.poll(() => page.getByRole("heading", { name: "重庆大学转化统计" }).count()).toBe(1);
    const own = await apiStats("");
    expect(own.universities).toHaveLength(1);
    await expect
      .poll(() => page.getByText(`按交易数在 ${own.rank.of} 所高校中排第 ${own.rank.byDeals} 名`).count())
      .toBe(1);
    expect(await card("转让与许可").innerText()).toBe(own.deals.deals.toLocaleString("zh-CN"));
    expect((await page.request.get(`${baseUrl}/api/v1/stats?university=org-univ-02`)).status()).toBe(403);
    expect(await page.getByLabel("高校", { exact: true }).count()).toBe(0);
    expect(await page.getByLabel("筛选高校").count()).toBe(0);
    // The period control applies on change for staff too.
    await hydrated();
    await page.getByLabel("统计期间").selectOption("ytd");
    await page.waitForURL((url) => url.searchParams.get("period") === "ytd");
    await expect.poll(() => page.getByText("与上年同期").count()).toBeGreaterThan(0);
    expect(await noSidewaysScroll()).toBe(true);
  });
});
