// Debian's Chromium driven by playwright-core: never a downloaded browser (see README, "Tests").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    locale: "zh-CN",
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Registers the hooks of a browser test file: one browser for the file, a fresh page (and no cookies) for
 * every test, handed to `use`. */
export function freshPagePerTest(use: (page: Page) => void): void {
  let browser: BrowserContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());
  beforeEach(async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    use(page);
    return () => page.close();
  });
}

/** Signs in through the page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** Signs out from the header and waits until the page shows the sign-in link again. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出" }).click();
  await expect.poll(() => page.getByRole("link", { name: "登录", exact: true }).count()).toBe(1);
}
