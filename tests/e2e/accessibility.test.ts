// Every page of the search journey passes axe's WCAG 2 A/AA rules in both languages, and works by keyboard.
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { launchBrowser, signIn } from "../helpers/browser";

// Axe analyses eight pages in one test: seconds each on two shared cores, so a minute is not enough.
const PAGES_TIMEOUT_MS = 180_000;

const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
});
afterAll(async () => close?.());

async function violations(page: Page) {
  const results = await new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

describe.each(["zh", "en"])("in %s", (language) => {
  it.each([
    "/",
    "/patents?q=%E7%94%B5%E6%B1%A0&cluster=NEV",
    "/patents/1",
    "/needs",
    "/patents/999999999",
    "/login",
    "/join",
    "/forgot-password",
  ])("%s has no WCAG A/AA violations", async (path) => {
    await browser.addCookies([{ name: "lang", value: language, url: baseUrl }]);
    const page = await browser.newPage();
    await page.goto(`${baseUrl}${path}`);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

it(
  "administration pages have no WCAG A/AA violations",
  async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await signIn(page, baseUrl, "admin@patentbridge.test", DEMO_PASSWORD);
    for (const path of [
      "/admin/stats",
      "/admin/stats?from=2024-07-01&to=2025-06-30&cluster=NEV",
      "/admin/organizations",
      "/admin/users",
      "/admin/invitations",
      "/admin/audit",
      "/admin/outbox",
      "/account",
    ]) {
      await page.goto(`${baseUrl}${path}`);
      expect({ path, violations: await violations(page) }).toEqual({ path, violations: [] });
    }
    await page.close();
  },
  PAGES_TIMEOUT_MS,
);

it(
  "university staff pages have no WCAG A/AA violations",
  async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/licenses`);
    const first = page.locator("table a").first();
    const licensePath = (await first.count()) > 0 ? await first.getAttribute("href") : null;
    for (const path of [
      "/university/patents",
      "/university/import",
      "/university/assessment",
      "/university/stats",
      "/licenses",
      "/deals",
      ...(licensePath ? [licensePath] : []),
    ]) {
      await page.goto(`${baseUrl}${path}`);
      expect({ path, violations: await violations(page) }).toEqual({ path, violations: [] });
    }
    await page.close();
  },
  PAGES_TIMEOUT_MS,
);

it("can be searched and filtered with the keyboard alone", async () => {
  await browser.clearCookies();
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/patents`);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到正文");
  await page.getByRole("searchbox", { name: "检索词" }).focus();
  await page.keyboard.type("芯片");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "芯片");
  const checkbox = page.getByRole("group", { name: "专利类型" }).getByRole("checkbox").first();
  await checkbox.focus();
  await page.keyboard.press("Space");
  await page.waitForURL((url) => url.searchParams.getAll("type").length === 1);
  await page.close();
});
