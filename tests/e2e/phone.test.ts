// Every main page on a 390 px phone: nothing scrolls sideways, and what the page is for (its search box, its
// results, its form, its actions) is within the first two screens.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { translator } from "../../app/lib/i18n";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn } from "../helpers/browser";

const baseUrl = inject("baseUrl");
const t = translator("zh");
const PHONE = { width: 390, height: 844 };
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const searchBox = () => page.locator("main").getByRole("searchbox").first();
const firstResult = () =>
  page
    .getByRole("list", { name: t("search.title") })
    .getByRole("listitem")
    .first()
    .getByRole("link")
    .first();
const firstHeading = () => page.locator("main").locator("h1, h2").first();
const submitButton = () => page.locator("main").locator("button[type=submit]").first();

/** [path, what the page is for] for each kind of visitor. */
const PAGES: Record<string, Array<[string, () => Locator]>> = {
  anonymous: [
    ["/", searchBox],
    ["/patents", firstResult],
    ["/patents?q=%E7%94%B5%E6%B1%A0", firstResult],
    ["/patents/1", firstHeading],
    ["/needs", firstHeading],
    ["/login", submitButton],
    ["/join", () => page.locator("main form input:not([type=hidden])").first()],
    ["/forgot-password", submitButton],
  ],
  cqu: [
    ["/licenses", searchBox],
    ["/deals", searchBox],
    ["/university/patents", searchBox],
    ["/university/assessment", searchBox],
    ["/university/import", () => page.locator("main input[type=file]").first()],
    ["/university/stats", firstHeading],
    ["/notifications", firstHeading],
    ["/account", firstHeading],
  ],
  admin: [
    ["/admin/organizations", searchBox],
    ["/admin/users", searchBox],
    ["/admin/audit", searchBox],
    ["/admin/invitations", submitButton],
    ["/admin/outbox", firstHeading],
    ["/admin/stats", firstHeading],
  ],
  sme1: [
    ["/licenses", searchBox],
    ["/deals", searchBox],
    ["/saved-searches", firstHeading],
    ["/needs/new", () => page.locator("main form input:not([type=hidden]), main form textarea").first()],
  ],
};

/** How far down the document an element starts, in screens of the viewport. */
async function screensDown(target: Locator): Promise<number> {
  await target.waitFor({ state: "attached" });
  return target.evaluate((element) => (element.getBoundingClientRect().top + window.scrollY) / window.innerHeight);
}

const slow = { timeout: 30_000 };

/** Opens the first patent the search page lists, as a full page load. */
async function openFirstPatent() {
  await page.goto(`${baseUrl}/patents`);
  const href = await firstResult().getAttribute("href");
  await page.goto(new URL(href!, baseUrl).toString());
  await page.waitForLoadState("networkidle");
}

const overflow = () =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe.each(Object.keys(PAGES))("at 390 px, as %s", (visitor) => {
  it("no page scrolls sideways and each page's main action is within the first two screens", async () => {
    await page.setViewportSize(PHONE);
    if (visitor !== "anonymous") await signIn(page, baseUrl, `${visitor}@patentbridge.test`, DEMO_PASSWORD);
    const problems: string[] = [];
    for (const [path, mainAction] of PAGES[visitor]) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      const { scrollWidth, innerWidth } = await overflow();
      if (scrollWidth > innerWidth) problems.push(`${path}: ${scrollWidth} px wide in ${innerWidth}`);
      const screens = await screensDown(mainAction());
      if (screens >= 2) problems.push(`${path}: main action ${screens.toFixed(1)} screens down`);
    }
    expect(problems).toEqual([]);
  });
});

describe("on a phone", () => {
  it("/patents shows the results first, with the filters folded into a drawer that opens and filters", async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${baseUrl}/patents`);
    await page.waitForLoadState("networkidle");
    expect(await screensDown(page.locator("#results-heading"))).toBeLessThan(1);
    expect(await screensDown(firstResult())).toBeLessThan(1);
    const typeFilters = page.getByRole("group", { name: t("facet.type") });
    expect(await typeFilters.isVisible()).toBe(false);
    await page.locator("details > summary", { hasText: t("search.showFilters") }).click();
    await expect.poll(() => typeFilters.isVisible()).toBe(true);
    await typeFilters.getByRole("checkbox").first().click();
    await page.waitForURL((url) => url.searchParams.getAll("type").length === 1);
    await expect
      .poll(() => page.locator("details > summary", { hasText: `${t("search.showFilters")} (1)` }).count())
      .toBe(1);
    expect((await overflow()).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });

  it("/patents keeps its filters open beside the results at desktop width", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/patents`);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByRole("group", { name: t("facet.type") }).isVisible()).toBe(true);
    expect(await page.locator("details > summary", { hasText: t("search.showFilters") }).isVisible()).toBe(false);
  });

  it("a company reaches a patent's negotiation form from a bar at the bottom, without scrolling past the record", async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, baseUrl, "sme1@patentbridge.test", DEMO_PASSWORD);
    await openFirstPatent();
    const bar = page.getByRole("navigation", { name: t("patent.actionBar") });
    const negotiate = bar.getByRole("link", { name: t("patent.actionBar.deal") });
    const box = await negotiate.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
    // The bar's link leads to the negotiation form's section on the same page.
    expect(await negotiate.getAttribute("href")).toBe("#deal-heading");
    expect(await page.locator("#deal-heading").count()).toBe(1);
    expect((await overflow()).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });

  it("shows no action bar at desktop width, where the actions sit beside the record", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, baseUrl, "sme1@patentbridge.test", DEMO_PASSWORD);
    await openFirstPatent();
    await expect.poll(() => page.locator("#deal-heading").isVisible(), slow).toBe(true);
    expect(await page.getByRole("navigation", { name: t("patent.actionBar") }).isVisible()).toBe(false);
  });
});
