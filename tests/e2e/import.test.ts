// A university brings patents in from its database's export: upload, read the preview, confirm, and find an
// imported patent in search at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { openRowSource } from "../../app/models/import/file-reader.server";
import { applicationCheckCharacter } from "../../app/models/patent/identifiers";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { freshPagePerTest, signIn } from "../helpers/browser";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const number = (serial: string) => `CN2025199${serial}.${applicationCheckCharacter(`2025199${serial}`)}`;

describe("importing patents", () => {
  it("staff upload an export, read the preview, confirm, and find an imported patent in search", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-e2e-")), "本校专利导出.csv");
    fs.writeFileSync(
      file,
      [
        "申请号,专利名称,申请日,专利类型,主分类号,申请摘要,法律状态,可转化",
        `${number("90001")},一种端到端测试用的石墨烯散热膜,20250301,发明,H01L23/373,一种用于芯片散热的石墨烯薄膜及其制备方法。,审中-实质审查,是`,
        `${number("90002")},一种端到端测试用的锂电池热管理装置,20250302,发明,H01M10/613,电池包热管理。,审中-实质审查,是`,
        `${number("90003").replace(/.$/, "Z")},校验位错误的专利,20250303,发明,H01M10/613,,审中,是`,
      ].join("\n"),
    );
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本校专利" }).click();
    await page.getByRole("link", { name: "导入专利" }).click();
    await page.getByLabel("文件").setInputFiles(file);
    await page.getByRole("button", { name: "上传并预览" }).click();
    await page.waitForURL(/\/university\/import\/[a-z0-9]+$/);

    // The preview: two rows to add, one rejected with its line and reason; nothing written yet.
    const figure = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    await expect.poll(() => figure("新增").innerText(), { timeout: 20_000 }).toBe("2");
    expect(await figure("拒绝").innerText()).toBe("1");
    const rejected = page.getByRole("table", { name: "被拒绝的行" });
    expect(await rejected.getByRole("cell", { name: "4", exact: true }).count()).toBe(1);
    expect(await rejected.innerText()).toContain("申请号: 申请号无效");
    // Nothing holds every word yet (the search may still offer partial matches).
    expect(
      (await (await fetch(`${baseUrl}/api/v1/patents?q=${encodeURIComponent("石墨烯散热膜")}`)).json()).exactTotal,
    ).toBe(0);

    await page.getByRole("button", { name: "确认导入 2 件专利" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "导入完成：新增 2 件，更新 0 件，拒绝 1 行。" }).count(), {
        timeout: 30_000,
      })
      .toBe(1);

    await page.getByRole("link", { name: "在专利检索中查看" }).click();
    await page.getByRole("searchbox", { name: "检索词" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.getByRole("searchbox", { name: "检索词" }).fill("石墨烯散热膜");
    await page.getByRole("searchbox", { name: "检索词" }).press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "石墨烯散热膜");
    await expect.poll(() => page.getByRole("link", { name: /一种端到端测试用的石墨烯散热膜/ }).count()).toBe(1);
  });

  /** Staff who know nothing of the expected columns: the page explains them and offers the template; a file with
   * columns of its own names is finished by choosing which column is which; the IPC is left for later. */
  async function importThreeColumnsByMapping(serials: [string, string], phone: boolean) {
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, baseUrl, "cqu@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/university/import`);
    const columns = page.getByRole("region", { name: "可导入的列" });
    await columns.waitFor();
    expect(await columns.locator("dt", { hasText: "申请号" }).first().innerText()).toMatch(/^申请号\s*必填$/);
    expect(await columns.innerText()).toContain("中国专利申请号");
    expect(await page.content()).not.toContain("npm run");

    // The template, in both forms: the import reads its header row as every column it knows.
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel 模板（.xlsx）" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("专利导入模板.xlsx");
    const template = await openRowSource((await xlsx.path())!, "template.xlsx");
    expect(template.headers.slice(0, 4)).toEqual(["申请号", "专利名称", "申请日", "主分类号"]);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV 模板" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("专利导入模板.csv");
    expect(fs.readFileSync((await csv.path())!, "utf8")).toMatch(/^\uFEFF申请号,专利名称,申请日,/);

    const [first, second] = serials.map(number);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "patentbridge-e2e-")), "成果清单.csv");
    fs.writeFileSync(
      file,
      [
        "No.,Name,Date filed",
        `${first},一种按列对应导入的桥梁索力监测装置,2025-04-01`,
        `${second},一种按列对应导入的隧道渗水报警装置,2025-04-02`,
      ].join("\n"),
    );
    await page.getByLabel("文件").setInputFiles(file);
    await page.getByRole("button", { name: "上传并预览" }).click();
    await page.waitForURL(/\/university\/import\/[a-z0-9]+$/);

    // No column is recognised: a choice per required field, each column shown with its first value.
    const assign = page.getByRole("form", { name: "指定必填的列" });
    await assign.waitFor({ timeout: 20_000 });
    expect(await page.locator("dt", { hasText: "数据行" }).count()).toBe(0);
    await assign.getByLabel("申请号", { exact: true }).selectOption({ label: `No.（例：${first}）` });
    await assign
      .getByLabel("专利名称", { exact: true })
      .selectOption({ label: "Name（例：一种按列对应导入的桥梁索力监测装置）" });
    await assign.getByLabel("申请日", { exact: true }).selectOption({ label: "Date filed（例：2025-04-01）" });
    if (phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assign.getByRole("button", { name: "使用这些列并重新检查" }).click();

    const figure = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    await expect.poll(() => figure("新增").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => figure("新增").innerText(), { timeout: 20_000 }).toBe("2");
    expect(await page.getByText("其中 2 件新专利没有主分类号，将按“未分类”导入").count()).toBe(1);
    if (phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "确认导入 2 件专利" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "导入完成：新增 2 件，更新 0 件，拒绝 0 行。" }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await page.getByText("其中 2 件新专利没有主分类号（未分类）").count()).toBe(1);

    // The assessment asks for what the file lacked: a refused code stays typed beside its message.
    await page.getByRole("link", { name: "去补主分类号" }).click();
    await page.waitForURL((url) => url.pathname === "/university/assessment");
    const bridge = page.getByLabel("一种按列对应导入的桥梁索力监测装置 的主分类号");
    const tunnel = page.getByLabel("一种按列对应导入的隧道渗水报警装置 的主分类号");
    await bridge.fill("桥梁");
    await tunnel.fill("e21d11/38");
    if (phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "保存主分类号" }).click();
    await expect.poll(() => page.getByText("“桥梁”不是 IPC 分类号").count(), { timeout: 20_000 }).toBe(1);
    expect([await bridge.inputValue(), await tunnel.inputValue()]).toEqual(["桥梁", "e21d11/38"]);
    await bridge.fill("E01D 19/10");
    await page.getByRole("button", { name: "保存主分类号" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "已为 2 件专利补上主分类号。" }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    // Assessed as transferable, it joins the pool, and search files it under its class.
    await page.goto(
      `${baseUrl}/university/assessment?filter=unassessed&q=${encodeURIComponent("按列对应导入的隧道渗水报警装置")}`,
    );
    await page.getByLabel("选择 一种按列对应导入的隧道渗水报警装置").check();
    await page.getByRole("group", { name: "是否可转化" }).getByLabel("是").check();
    await page.getByRole("button", { name: "保存评估" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "已评估 1 件专利。" }).count(), { timeout: 20_000 })
      .toBe(1);
    const inClass = `${baseUrl}/patents?class=E21&q=${encodeURIComponent("按列对应导入的隧道渗水报警装置")}`;
    await expect
      .poll(
        async () => {
          await page.goto(inClass);
          return page.getByRole("link", { name: "一种按列对应导入的隧道渗水报警装置" }).count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
  }

  it("staff download the template and import a three-column file by choosing its columns, then add the main IPC it lacked (desktop)", async () => {
    await importThreeColumnsByMapping(["90011", "90012"], false);
  });

  it("staff download the template and import a three-column file by choosing its columns, then add the main IPC it lacked (phone, 390 px)", async () => {
    await importThreeColumnsByMapping(["90021", "90022"], true);
  });
});
