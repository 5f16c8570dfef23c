// Every list a staff member or an administrator works through: searched, paged and sorted in the browser, at
// desktop width (headers sort) and at a phone's 390 px (cards, a sort control, no sideways scrolling).
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it, inject } from "vitest";
import { createPrismaClient } from "../../app/lib/db.server";
import { translator } from "../../app/lib/i18n";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn } from "../helpers/browser";
import { negotiation } from "../helpers/e2e-data";

const baseUrl = inject("baseUrl");
const database = createPrismaClient(inject("databaseUrl"));
afterAll(() => database.$disconnect());
// Several browser suites may share the machine: give a page time to answer.
const slow = { timeout: 30_000 };
const t = translator("zh");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

interface ListCase {
  name: string;
  account: string;
  path: string;
  caption: string;
  /** a column that sorts: its header and ?sort= value */
  sortHeader: string;
  sort: string;
  /** the column whose text a search for it must find (0-based) */
  searchColumn: number;
  /** what that column shows when it names nothing to search for */
  unnamed?: string;
  /** pages: the demo pool surely holds more than 25 rows */
  paged: boolean;
  /** a column a card labels on a phone */
  label: string;
}

const LISTS: ListCase[] = [
  {
    name: "the university's deals",
    account: "cqu",
    path: "/licenses",
    caption: t("licenses.deals"),
    sortHeader: t("licenses.contract"),
    sort: "contractNumber",
    searchColumn: 0,
    paged: false,
    label: t("licenses.contract"),
  },
  {
    name: "negotiations",
    account: "admin",
    path: "/deals",
    caption: t("deal.negotiations"),
    sortHeader: t("deals.createdAt"),
    sort: "createdAt",
    searchColumn: 2,
    paged: true,
    label: t("deal.kind"),
  },
  {
    name: "the university's patents",
    account: "cqu",
    path: "/university/patents",
    caption: t("up.title"),
    sortHeader: t("licenses.patent"),
    sort: "title",
    searchColumn: 1,
    paged: true,
    label: t("patent.type"),
  },
  {
    name: "the assessment",
    account: "cqu",
    // All of the university's patents: how many are due for assessment depends on what earlier tests assessed.
    path: "/university/assessment?filter=all",
    caption: t("assess.title"),
    sortHeader: t("licenses.patent"),
    sort: "title",
    searchColumn: 1,
    paged: true,
    label: t("patent.type"),
  },
  {
    name: "organisations",
    account: "admin",
    path: "/admin/organizations",
    caption: t("admin.organizations"),
    sortHeader: t("admin.name"),
    sort: "name",
    searchColumn: 0,
    paged: true,
    label: t("admin.kind"),
  },
  {
    name: "accounts",
    account: "admin",
    path: "/admin/users",
    caption: t("admin.users"),
    sortHeader: t("admin.email"),
    sort: "email",
    searchColumn: 1,
    paged: false,
    label: t("admin.email"),
  },
  {
    name: "the audit log",
    account: "admin",
    path: "/admin/audit",
    caption: t("admin.audit"),
    sortHeader: t("auditLog.event"),
    sort: "action",
    searchColumn: 2,
    unnamed: t("auditLog.nobody"),
    paged: false,
    label: t("admin.time"),
  },
];

const table = (caption: string) => page.getByRole("table", { name: caption, exact: true });
const rows = (caption: string) => table(caption).locator("tbody > tr");
const total = async () => Number((await page.getByTestId("list-total").innerText()).replace(/[^\d]/g, ""));

/** A cell's own text, without the "header:" label a card shows on a phone. */
async function cellText(row: Locator, column: number): Promise<string> {
  return row.locator("td").nth(column).locator("[data-cell]").innerText();
}

async function open(list: ListCase, width: number) {
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  await signIn(page, baseUrl, `${list.account}@patentbridge.test`, DEMO_PASSWORD);
  await page.goto(`${baseUrl}${list.path}`);
  await page.waitForLoadState("networkidle");
}

async function searchAndPage(list: ListCase) {
  const count = await total();
  expect(count).toBeGreaterThan(0);
  await expect.poll(() => rows(list.caption).count(), slow).toBe(Math.min(25, count));
  if (list.paged) expect(count).toBeGreaterThan(25);
  if (count > 25) {
    await page
      .getByRole("navigation", { name: t("list.pages") })
      .getByRole("link", { name: /下一页/ })
      .click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await expect
      .poll(() => page.getByText(t("list.pageOf", { page: 2, pages: Math.ceil(count / 25) })).count(), slow)
      .toBe(1);
    await expect.poll(() => rows(list.caption).count(), slow).toBe(Math.min(25, count - 25));
  }
  // Search for what a row says: every row found says it, the total is the new count, paging starts again.
  const texts = await Promise.all(
    (await rows(list.caption).all()).map(async (row) => (await cellText(row, list.searchColumn)).trim()),
  );
  const word = texts.find((text) => text && text !== list.unnamed)!.split(/\s+/)[0];
  const box = page.getByRole("searchbox");
  await box.fill(word);
  await box.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === word && !url.searchParams.has("page"));
  const shown = () => rows(list.caption).allInnerTexts();
  await expect
    .poll(
      async () =>
        (await shown()).length > 0 && (await shown()).every((text) => text.toLowerCase().includes(word.toLowerCase())),
      slow,
    )
    .toBe(true);
  expect(await total()).toBeLessThanOrEqual(count);
}

describe.each(LISTS)("$name", (list) => {
  it("is searched, paged and sorted by its column headers at desktop width", async () => {
    await open(list, 1280);
    await searchAndPage(list);
    await page.goto(`${baseUrl}${list.path}`);
    const header = page.getByRole("link", { name: new RegExp(`^${list.sortHeader}, `) });
    await header.click();
    await page.waitForURL((url) => url.searchParams.get("sort") === list.sort && url.searchParams.get("dir") === "asc");
    await expect
      .poll(
        () =>
          table(list.caption)
            .getByRole("columnheader", { name: new RegExp(`^${list.sortHeader}, `) })
            .getAttribute("aria-sort"),
        slow,
      )
      .toBe("ascending");
    await page.getByRole("link", { name: new RegExp(`^${list.sortHeader}, `) }).click();
    await page.waitForURL((url) => url.searchParams.get("dir") === "desc");
    await expect
      .poll(
        () =>
          table(list.caption)
            .getByRole("columnheader", { name: new RegExp(`^${list.sortHeader}, `) })
            .getAttribute("aria-sort"),
        slow,
      )
      .toBe("descending");
    // Dates, codes and kinds never break over two lines ("开放许/可", "2026-12-/01").
    const wrapped = await page.evaluate(() =>
      [...document.querySelectorAll("td.whitespace-nowrap > [data-cell]")]
        .filter((text) => !text.querySelector("form") && text.getClientRects().length > 1)
        .map((text) => text.textContent),
    );
    expect(wrapped).toEqual([]);
  });

  it("is searched, paged and sorted as cards on a 390 px phone without sideways scrolling", async () => {
    await open(list, 390);
    // Cards: no header row to see, each value labelled with its column.
    expect(
      await table(list.caption)
        .locator("thead")
        .boundingBox()
        .then((box) => (box?.height ?? 0) <= 1),
    ).toBe(true);
    expect(await rows(list.caption).first().innerText()).toContain(`${list.label}:`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await searchAndPage(list);
    await page.goto(`${baseUrl}${list.path}`);
    await page.waitForLoadState("networkidle");
    // A choice applies at once once the page has hydrated; the button applies it in any case.
    await page.getByLabel(t("list.sortBy")).selectOption(list.sort);
    await page.getByLabel(t("list.order")).selectOption("asc");
    await page
      .getByRole("search")
      .getByRole("button", { name: t("list.search") })
      .click();
    await page.waitForURL(
      (url) => url.searchParams.get("sort") === list.sort && url.searchParams.get("dir") === "asc",
      slow,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

describe("what the lists show", () => {
  it("the audit log names who did what, in words, with IPv4 addresses as written", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, baseUrl, "admin@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/admin/audit?action=SIGN_IN`);
    const first = rows(t("admin.audit")).first();
    expect(await first.innerText()).toContain(t("auditLog.action.SIGN_IN"));
    expect(await first.innerText()).toContain("平台管理员");
    expect(await first.innerText()).not.toContain("::ffff:");
    expect(await table(t("admin.audit")).innerText()).not.toMatch(/\bSIGN_IN\b|\bc[a-z0-9]{20,}\b/);
  });

  it("staff follow the deals page's count of negotiations waiting for them to exactly those, each marked", async () => {
    // A company's request waits for the university, whatever else the suite left.
    await negotiation(database, {
      companyEmail: "sme1@patentbridge.test",
      universityEmail: "cqu@patentbridge.test",
      termsBy: "REQUESTER",
      notifyCompany: false,
      marker: "lists-waiting",
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/licenses`);
    const summary = page.getByRole("region", { name: t("deal.negotiations") });
    const [, all, waiting] = /共 (\d+) 项协商，其中 (\d+) 项待您处理/.exec(await summary.innerText()) ?? [];
    expect(Number(all)).toBeGreaterThanOrEqual(Number(waiting));
    expect(Number(waiting)).toBeGreaterThan(0);
    await summary.getByRole("link", { name: t("deals.openYours") }).click();
    await page.waitForURL((url) => url.pathname === "/deals" && url.searchParams.get("status") === "yours");
    await expect.poll(total, slow).toBe(Number(waiting));
    const shown = await rows(t("deal.negotiations")).allInnerTexts();
    expect(shown.length).toBe(Math.min(25, Number(waiting)));
    expect(shown.every((text) => text.includes(t("deals.yourTurn")))).toBe(true);
    await rows(t("deal.negotiations")).first().getByRole("link").click();
    await page.waitForURL(/\/deals\/[a-z0-9]+$/);
  });

  it("the assessment opens on patents, never an empty table, and the total reads in English with its plural", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/university/assessment`);
    expect(await rows(t("assess.title")).count()).toBeGreaterThan(0);
    await page.context().addCookies([{ name: "lang", value: "en", url: baseUrl }]);
    await page.goto(`${baseUrl}/university/patents?q=${encodeURIComponent("没有这样的专利名称")}`);
    expect(await page.getByTestId("list-total").innerText()).toBe("0 results");
    const title = await page
      .goto(`${baseUrl}/university/patents`)
      .then(() => rows(translator("en")("up.title")).first().locator("td").nth(1).innerText());
    await page.goto(`${baseUrl}/university/patents?q=${encodeURIComponent(title)}`);
    await expect.poll(() => page.getByTestId("list-total").innerText()).toMatch(/^\d+ results?$/);
    const count = await total();
    expect(await page.getByTestId("list-total").innerText()).toBe(count === 1 ? "1 result" : `${count} results`);
  });

  it("refuses a list address no link makes with a message, not an error page", async () => {
    await signIn(page, baseUrl, "admin@patentbridge.test", DEMO_PASSWORD);
    const response = await page.goto(`${baseUrl}/admin/users?sort=passwordHash`);
    expect(response?.status()).toBe(400);
    expect(await page.locator("main").innerText()).toContain(t("list.err.sort"));
  });
});
