// The SME's journey: search in Chinese and English, filter, page, open a patent, switch language.
import type { Page, Response } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import thesaurus from "../../app/models/search/thesaurus.json";
import { freshPagePerTest } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const resultsHeading = () => page.locator("#results-heading");
const resultCount = async () => Number((await resultsHeading().innerText()).match(/[\d,]+/)![0].replace(/,/g, ""));

async function searchFor(text: string) {
  // Typing before React has hydrated the form can be lost when it does (a loaded machine is slow to hydrate):
  // the search is then sent without the words, and typed again.
  await page.waitForLoadState("networkidle");
  const box = page.getByRole("searchbox", { name: /检索词|Search terms/ });
  for (let attempt = 1; ; attempt++) {
    await box.fill(text);
    await box.press("Enter");
    await page.waitForURL((url) => url.searchParams.has("q"));
    if (new URL(page.url()).searchParams.get("q") === text || attempt === 3) break;
    await page.waitForLoadState("networkidle");
  }
  await page.waitForURL((url) => url.searchParams.get("q") === text);
}

describe("searching the pool", () => {
  it("answers an engineer's question typed in their own words, then turns a question with no answer into a need", async () => {
    await page.goto(`${baseUrl}/patents`);
    await searchFor("如何降低电机噪音");
    // The question words are named as not searched; 噪音 also finds 噪声, noise and vibration patents.
    await expect.poll(() => page.getByText(/未作为检索条件的词：.*如何/).count()).toBe(1);
    await expect.poll(resultCount).toBeGreaterThan(0);
    const first = page.getByRole("list", { name: "专利检索" }).getByRole("listitem").first().getByRole("link").first();
    const title = await first.innerText();
    expect(title).toMatch(/电机|马达/);
    expect(title).toMatch(/噪|振|降噪|静音/);
    await first.click();
    await page.waitForURL(/\/patents\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain(title);

    await page.goto(`${baseUrl}/patents`);
    await searchFor("反重力飞碟推进器");
    await expect.poll(resultCount).toBe(0);
    const need = page.getByRole("link", { name: "发布技术需求“反重力飞碟推进器”" });
    // A visitor is asked to sign in first, then lands on the form.
    const href = new URL((await need.getAttribute("href"))!, baseUrl);
    const form = href.pathname === "/login" ? new URL(href.searchParams.get("redirectTo")!, baseUrl) : href;
    expect(form.pathname).toBe("/needs/new");
    expect(form.searchParams.get("title")).toBe("反重力飞碟推进器");
  });

  it("finds patents by a two-character Chinese word and highlights it", async () => {
    await page.goto(`${baseUrl}/patents`);
    await searchFor("电池");
    await expect.poll(() => resultsHeading().innerText()).toMatch(/“电池”共 [\d,]+ 件专利/);
    await expect.poll(() => page.locator("ol mark").count()).toBeGreaterThan(0);
    const marks = await page.locator("ol mark").allInnerTexts();
    expect(marks).toContain("电池");
    // Besides the word, only its alternatives in the thesaurus are marked (蓄电池, battery…).
    const alternatives = new Set(
      thesaurus.groups
        .filter((group) => group.includes("电池"))
        .flat()
        .map((word) => word.toLowerCase()),
    );
    // English words are marked by their stem: "batteries" for battery.
    // A mark may be part of a word where two marked words meet.
    const isAlternative = (mark: string) =>
      [...alternatives, "电池"].some((word) =>
        /^[a-z]/.test(word) ? mark.startsWith(word.slice(0, Math.max(4, word.length - 2))) : word.includes(mark),
      );
    expect(marks.filter((text) => text !== "电池" && !isAlternative(text.toLowerCase()))).toEqual([]);
  });

  it("finds patents by an English word through its stem", async () => {
    await page.goto(`${baseUrl}/patents`);
    await searchFor("batteries");
    await expect.poll(() => page.locator("ol mark").count()).toBeGreaterThan(0);
    const marks = (await page.locator("ol mark").allInnerTexts()).map((text) => text.toLowerCase());
    expect(marks.some((m) => m === "battery" || m === "batteries")).toBe(true);
    // Besides the stem, only the thesaurus's Chinese words for it are marked (电池, 蓄电池…).
    expect(marks.filter((m) => m !== "battery" && m !== "batteries").every((m) => /^\p{Script=Han}+$/u.test(m))).toBe(
      true,
    );
  });

  it("filters with a facet, keeps the state in the URL, and the back button restores it", async () => {
    await page.goto(`${baseUrl}/patents?q=${encodeURIComponent("传感器")}`);
    const before = await resultCount();
    const filters = page.getByRole("complementary");
    const invention = filters.getByRole("group", { name: "专利类型" }).getByRole("checkbox").first();
    await invention.check();
    await page.waitForURL((url) => url.searchParams.getAll("type").length === 1);
    await expect.poll(resultCount).toBeLessThan(before);
    expect(await resultCount()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("q")).toBe("传感器");

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.getAll("type").length === 0);
    await expect.poll(resultCount).toBe(before);
    expect(await filters.getByRole("group", { name: "专利类型" }).getByRole("checkbox").first().isChecked()).toBe(
      false,
    );
  });

  it("pages through the results", async () => {
    await page.goto(`${baseUrl}/patents?sort=newest`);
    const firstPage = await page.locator("ol > li h2").allInnerTexts();
    await page.getByRole("link", { name: /下一页/ }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await expect.poll(() => page.getByText(/第 2 \/ \d+ 页/).count()).toBe(1);
    const secondPage = await page.locator("ol > li h2").allInnerTexts();
    expect(secondPage).toHaveLength(20);
    expect(secondPage.some((title) => firstPage.includes(title))).toBe(false);
  });

  it("shows a clear message for an over-long query instead of failing", async () => {
    const response = await page.goto(`${baseUrl}/patents?q=${"芯片".repeat(300)}`);
    expect(response?.status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("200");
  });
});

describe("reading a patent", () => {
  it("opens a result and shows its full record, then goes back to the same search", async () => {
    await page.goto(`${baseUrl}/patents?q=${encodeURIComponent("芯片")}`);
    const first = page.locator("ol > li h2 a").first();
    const title = await first.innerText();
    await first.click();
    await page.waitForURL(/\/patents\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(title);
    for (const section of ["摘要", "主权项", "著录项目", "开放许可"]) {
      expect(await page.getByRole("heading", { name: section, exact: true }).count()).toBe(1);
    }
    expect(await page.getByText(/^CN\d{12}\.[\dX]$/).count()).toBe(1);
    await page.getByRole("link", { name: /返回检索结果/ }).click();
    await page.waitForURL((url) => url.pathname === "/patents" && url.searchParams.get("q") === "芯片");
  });

  it("shows the terms of an open license", async () => {
    await page.goto(`${baseUrl}/patents?open=1`);
    await page.locator("ol > li h2 a").first().click();
    await page.waitForURL(/\/patents\/\d+$/);
    const license = page.getByRole("region", { name: "开放许可", exact: true });
    await expect.poll(() => license.getByText("付费方式", { exact: true }).count()).toBe(1);
    expect(await license.getByText("许可期限", { exact: true }).count()).toBe(1);
  });
});

describe("what a page loads", () => {
  it("announces a page's modules in its headers, and ships no validation library to the browser", async () => {
    await page.goto(`${baseUrl}/patents?open=1`);
    const href = await page.locator("ol > li h2 a").first().getAttribute("href");
    const scripts: Response[] = [];
    const collect = (response: Response) => {
      if (response.request().resourceType() === "script") scripts.push(response);
    };
    page.on("response", collect);
    const document = await page.goto(`${baseUrl}${href}`);
    await page.waitForLoadState("networkidle");
    page.off("response", collect);
    // Remix lists the modules at the end of the document; the header lets the browser fetch them while it reads.
    const announced = [...(document?.headers().link ?? "").matchAll(/<([^>]+)>; rel=modulepreload/g)].map(
      (link) => link[1],
    );
    const loaded = scripts.map((response) => new URL(response.url()).pathname);
    expect(announced.some((module) => /entry\.client/.test(module))).toBe(true);
    expect(announced.some((module) => /patents\._id/.test(module))).toBe(true);
    expect(loaded.filter((module) => !announced.includes(module))).toEqual([]);
    // Forms are validated on the server (answerForm): zod stays there.
    const bodies = await Promise.all(scripts.map((response) => response.text()));
    expect(bodies.filter((body) => body.includes("ZodError"))).toEqual([]);
  });
});

describe("language", () => {
  it("ships only the page's language: a Chinese page loads no English texts, an English one no Chinese", async () => {
    // The texts come in the document (root.tsx), the code in scripts: neither carries the other language.
    const responses: Response[] = [];
    const collect = (response: Response) => {
      if (["document", "script"].includes(response.request().resourceType())) responses.push(response);
    };
    page.on("response", collect);
    await page.goto(`${baseUrl}/patents?q=${encodeURIComponent("芯片")}`);
    await page.waitForLoadState("networkidle");
    page.off("response", collect);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.filter((response) => response.request().resourceType() === "document")).toHaveLength(1);
    expect(bodies.some((body) => body.includes("切换到英文界面"))).toBe(true);
    expect(bodies.some((body) => body.includes("Switch the interface to Chinese"))).toBe(false);
  });

  it("switches the whole interface to English and remembers it", async () => {
    await page.goto(`${baseUrl}/patents?q=${encodeURIComponent("芯片")}`);
    await page.getByRole("button", { name: "切换到英文界面" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(new URL(page.url()).searchParams.get("q")).toBe("芯片");
    await expect.poll(() => resultsHeading().innerText()).toMatch(/[\d,]+ patents for “芯片”/);
    expect(await page.getByRole("group", { name: "Patent type" }).count()).toBe(1);

    await page.goto(`${baseUrl}/`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("University patents, into industry");
    await page.getByRole("button", { name: "Switch the interface to Chinese" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("让高校专利走进企业");
  });
});

describe("home page", () => {
  it("shows live figures and searches from the hero", async () => {
    await page.goto(`${baseUrl}/`);
    const figures = page.getByRole("region", { name: "平台实时数据" });
    expect(await figures.getByText("可转化专利").count()).toBe(1);
    await page.getByRole("searchbox", { name: "检索词" }).fill("机器人");
    await page.getByRole("button", { name: "检索专利" }).click();
    await page.waitForURL((url) => url.pathname === "/patents" && url.searchParams.get("q") === "机器人");
    expect(await resultCount()).toBeGreaterThan(0);
  });

  it("works on a phone-sized screen", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl}/patents?q=${encodeURIComponent("电池")}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});
