// The IP operation centre's statistics: an administrator opens the dashboard, changes the period, exports a
// table; a university's staff see their own university with its rank. Figures are checked against the API.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const card = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
const apiStats = async (query: string) => (await page.request.get(`${baseUrl}/api/v1/stats?${query}`)).json();

describe("transfer statistics", () => {
  it("an administrator reads the figures, changes the period and exports a table as CSV", async () => {
    await signIn(page, baseUrl, "admin@patentbridge.test", DEMO_PASSWORD);
    await page.getByRole("link", { name: "管理", exact: true }).click();
    await page.getByRole("link", { name: "转化统计" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "高校专利转让许可统计" }).count()).toBe(1);

    // The default period is the latest year with deals (the demo pool's 2025, or this year once other tests
    // have signed licenses); the page and the API agree on it.
    const latest = await apiStats("");
    expect(latest.period.from).toMatch(/^20(25|26)-01-01$/);
    expect(await card("转让与许可").innerText()).toBe(latest.deals.deals.toLocaleString("zh-CN"));
    expect(await card("发明专利产业化率").innerText()).toBe(`${(latest.industrialisation.rate * 100).toFixed(2)}%`);
    await expect.poll(() => page.getByText(`产业化率 = 截至 ${latest.period.to}`).count()).toBe(1);
    await expect.poll(() => page.getByRole("img", { name: "历年转让与许可（件）" }).count()).toBe(1);

    // Another year, and a range across the turn of the year: the URL keeps the state.
    await page.getByLabel("年度").selectOption("2024");
    await page.getByRole("button", { name: "查看" }).click();
    await page.waitForURL((url) => url.searchParams.get("year") === "2024");
    const year2024 = await apiStats("year=2024");
    await expect.poll(() => card("转让与许可").innerText()).toBe(year2024.deals.deals.toLocaleString("zh-CN"));
    expect(year2024.deals.deals).toBeGreaterThan(0);

    await page.getByLabel("起始日期").fill("2024-07-01");
    await page.getByLabel("截止日期").fill("2025-06-30");
    await page.getByRole("button", { name: "按日期范围" }).click();
    await page.waitForURL((url) => url.searchParams.get("from") === "2024-07-01" && url.searchParams.get("to") === "2025-06-30");
    const range = await apiStats("from=2024-07-01&to=2025-06-30");
    await expect.poll(() => card("转让与许可").innerText()).toBe(range.deals.deals.toLocaleString("zh-CN"));
    await expect.poll(() => page.getByText("统计期间：2024-07-01 至 2025-06-30").count()).toBe(1);

    // The universities table as CSV: a BOM for Excel, Chinese headers, one line per university.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载“高校排名”CSV 文件" }).click()]);
    expect(download.suggestedFilename()).toBe("patentbridge-universities-2024-07-01-2025-06-30.csv");
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toContain("高校,许可,转让,交易数,合同金额 (元)");
    expect(lines).toHaveLength(1 + range.universities.length);
    expect(lines[1]).toMatch(/^1,/);
  });

  it("university staff see their own university, its rank, and no other university's figures", async () => {
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本校专利" }).click();
    await page.getByRole("link", { name: "统计", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { name: "重庆大学转化统计" }).count()).toBe(1);
    const own = await apiStats("");
    expect(own.universities).toHaveLength(1);
    await expect.poll(() => page.getByText(`按交易数在 ${own.rank.of} 所高校中排第 ${own.rank.byDeals} 名`).count()).toBe(1);
    expect(await card("转让与许可").innerText()).toBe(own.deals.deals.toLocaleString("zh-CN"));
    expect((await page.request.get(`${baseUrl}/api/v1/stats?university=org-univ-02`)).status()).toBe(403);
    expect(await page.getByLabel("高校", { exact: true }).count()).toBe(0);
  });
});
