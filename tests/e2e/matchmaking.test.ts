// A company that has a problem rather than a search: it posts a need, opens a matching patent and asks for a
// license from there; and it saves a search to be told of new patents.
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

describe("matchmaking", () => {
  it("a company posts a need, opens a match and requests a license from it", async () => {
    await signIn(page, baseUrl, "sme1@patentbridge.test", DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "技术需求" }).click();
    await page.getByRole("link", { name: "发布技术需求" }).click();
    await page.getByLabel("需求名称").fill("储能电站锂电池热管理");
    await page.getByLabel(/需求描述/).fill("储能电站的锂电池包需要热管理方案，控制电池温度一致，延长电池寿命。");
    await page.getByLabel("所属产业集群").selectOption("NEW_ENERGY");
    await page.getByLabel("预算上限（元）").fill("500000");
    await page.getByRole("button", { name: "发布需求" }).click();
    await page.waitForURL(/\/needs\/\w+$/);
    await expect.poll(() => page.getByRole("heading", { name: "储能电站锂电池热管理" }).count()).toBe(1);

    const matches = page.getByRole("region", { name: "匹配的专利" }).getByRole("listitem");
    expect(await matches.count()).toBeGreaterThan(0);
    expect(await matches.first().innerText()).toMatch(/匹配原因：/);
    const firstTitle = await matches.first().getByRole("link").innerText();
    expect(firstTitle).toMatch(/电池|热|储能|冷却|温/);
    await matches.first().getByRole("link").click();
    await page.waitForURL(/\/patents\/\d+$/);

    const request = page.getByRole("region", { name: "申请协商许可或转让" });
    // Once the page's script runs, the form shows only the fields of the chosen kind and fee model.
    await expect.poll(() => request.getByText("只需填写所选交易类型").count(), { timeout: 20_000 }).toBe(0);
    await request.getByLabel("一次性许可费（元）").fill("200000");
    await request.getByLabel("留言").fill("用于储能电站的电池热管理");
    await request.getByRole("button", { name: "发送申请" }).click();
    await page.waitForURL(/\/deals\/\w+$/);
    await expect.poll(() => page.getByText("用于储能电站的电池热管理").count()).toBeGreaterThan(0);
  });

  it("a company saves a search and finds it among its saved searches", async () => {
    await signIn(page, baseUrl, "sme3@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/patents?q=${encodeURIComponent("热管理")}&cluster=NEW_ENERGY`);
    await page.getByLabel("检索名称").fill("新能源热管理");
    await page.getByRole("button", { name: "保存此检索" }).click();
    await page.waitForURL(/\/saved-searches\?saved=1$/);
    const row = page.getByRole("table", { name: "已保存的检索" }).getByRole("row", { name: /新能源热管理/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole("link", { name: "新能源热管理" }).click();
    await page.waitForURL(
      (url) => url.searchParams.get("q") === "热管理" && url.searchParams.get("cluster") === "NEW_ENERGY",
    );
  });
});
