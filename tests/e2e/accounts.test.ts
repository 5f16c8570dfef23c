// Journeys of accounts: an SME registers, the operator verifies it, it signs in verified; a university
// member accepts an invitation. The demo pool's administrator account does the operator's part.
import { spawn } from "node:child_process";
import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";
import { SERVER_SCRIPT } from "../../scripts/build";
import { serverNodeFlags } from "../../scripts/server-options";
import { freshPagePerTest, signIn as signInAs, signOut as signOutOf } from "../helpers/browser";
import { freePort } from "../helpers/e2e-server";

const baseUrl = inject("baseUrl");
let page: Page;
freshPagePerTest((fresh) => (page = fresh));

const signIn = (email: string, password: string) => signInAs(page, baseUrl, email, password);
const signOut = () => signOutOf(page);

describe("an SME", () => {
  it("registers, is verified by the administrator, and signs in verified", async () => {
    await page.goto(`${baseUrl}/join`);
    await page.getByLabel("姓名").fill("赵经理");
    await page.getByLabel("电子邮箱").fill("zhao@e2e.example");
    await page.getByLabel("密码").fill("zhao@e2e.example");
    await page.getByLabel("企业名称").fill("重庆浏览器测试科技有限公司");
    await page.getByLabel("统一社会信用代码").fill("91500000202847456X");
    await page.getByLabel("所在区县").fill("渝北区");
    await page.getByLabel("所属产业集群").selectOption("NEV");
    await page.getByRole("button", { name: "注册" }).click();
    // Two mistakes, each explained on its field, and nothing written.
    await expect.poll(() => page.getByText("密码不能包含邮箱地址").count()).toBe(1);
    await expect.poll(() => page.getByText("统一社会信用代码无效（18位，校验位须正确）").count()).toBe(1);
    expect(await page.getByLabel("统一社会信用代码").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("密码").fill("a good long password");
    await page.getByLabel("统一社会信用代码").fill("91500000202847456W");
    await page.getByRole("button", { name: "注册" }).click();
    // The same answer whether or not the address is registered: the mail completes it.
    await page
      .getByRole("status")
      .filter({ hasText: "请查收发往 zhao@e2e.example 的邮件" })
      .waitFor({ timeout: 30_000 });

    // The administrator reads the development outbox, where the mail was written.
    await signIn("admin@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/admin/outbox`);
    const mail = page.getByRole("listitem").filter({ hasText: "zhao@e2e.example" }).first();
    const link = /https?:\/\/\S+\/register\/[\w-]+/.exec(await mail.innerText())![0];
    expect(link.startsWith(`${baseUrl}/register/`)).toBe(true);
    await signOut();

    await page.goto(link);
    await page.getByRole("button", { name: "创建账号" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "注册成功" }).count()).toBe(1);
    await expect.poll(() => page.getByText("待核验", { exact: true }).count()).toBe(1);
    await signOut();

    await signIn("admin@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/admin/organizations?verification=unverified`);
    await page.getByRole("button", { name: "核验 重庆浏览器测试科技有限公司" }).click();
    await expect.poll(() => page.getByRole("button", { name: "核验 重庆浏览器测试科技有限公司" }).count()).toBe(0);
    await page.goto(`${baseUrl}/admin/audit`);
    await expect.poll(() => page.getByRole("cell", { name: "核验机构" }).count()).toBeGreaterThan(0);
    await signOut();

    await signIn("zhao@e2e.example", "a good long password");
    await page.goto(`${baseUrl}/account`);
    await expect.poll(() => page.getByText("已核验", { exact: true }).count()).toBe(1);
    // An SME has no way into administration, whatever it types.
    const response = await page.goto(`${baseUrl}/admin/organizations`);
    expect(response?.status()).toBe(403);
  });

  it("is told the same thing for a wrong password and an unknown account", async () => {
    for (const [email, password] of [
      ["sme1@patentbridge.test", "not the password"],
      ["nobody@e2e.example", DEMO_PASSWORD],
    ]) {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel("电子邮箱").fill(email);
      await page.getByLabel("密码").fill(password);
      await page.getByRole("button", { name: "登录" }).click();
      await expect.poll(() => page.getByRole("alert").innerText()).toBe("邮箱或密码不正确");
    }
  });
});

describe("university staff", () => {
  it("accept an invitation from the administrator and manage their university", async () => {
    await signIn("admin@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/admin/invitations`);
    await page.getByLabel("邮箱", { exact: true }).fill("newstaff@e2e.example");
    await page.getByLabel("高校", { exact: true }).selectOption({ label: "西南大学" });
    await page.getByRole("button", { name: "发送邀请" }).click();
    const notice = page.getByRole("status").filter({ hasText: "邀请已发送" });
    await expect.poll(() => notice.count()).toBe(1);
    const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(await notice.innerText())![0];
    await signOut();

    await page.goto(link);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("加入西南大学");
    await page.getByLabel("姓名").fill("钱老师");
    await page.getByLabel("密码").fill("staff password 42");
    await page.getByRole("button", { name: "接受邀请并创建账号" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(() => page.getByText("高校人员").count()).toBe(1);
    await expect.poll(() => page.getByText("西南大学").count()).toBeGreaterThan(0);

    // The link works once.
    await signOut();
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expect.poll(() => page.getByText("该邀请链接已被使用").count()).toBe(1);
  });
});

describe("the server", () => {
  it("refuses to start in production without PUBLIC_URL, saying why", async () => {
    const { PUBLIC_URL: _unset, ...env } = process.env;
    const child = spawn(process.execPath, [...serverNodeFlags(), SERVER_SCRIPT], {
      env: {
        ...env,
        PORT: String(await freePort()),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        DATABASE_URL: inject("databaseUrl"),
        SESSION_SECRET: "no-public-url-secret",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/PUBLIC_URL is not set/);
  });

  it("sends security headers and refuses a form post from another site", async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'nonce-[\w+/=]+'.*frame-ancestors 'none'/,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const foreign = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40patentbridge.test&password=x",
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
  });
});

describe("a forgotten password", () => {
  it("is reset through the one-time link in the mail, and the old one stops working", async () => {
    await page.goto(`${baseUrl}/forgot-password`);
    await page.getByLabel("电子邮箱").fill("sme2@patentbridge.test");
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "重置链接已发送" }).count()).toBe(1);

    // The administrator reads the development outbox, where the mail was written.
    await signIn("admin@patentbridge.test", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/admin/outbox`);
    const mail = page.getByRole("listitem").filter({ hasText: "sme2@patentbridge.test" }).first();
    const link = /https?:\/\/\S+\/reset-password\/[\w-]+/.exec(await mail.innerText())![0];
    await signOut();

    await page.goto(link);
    await page.getByLabel("新密码").fill("short");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect.poll(() => page.getByText("密码至少10个字符").count()).toBe(1);
    await page.getByLabel("新密码").fill("my renewed password");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await expect.poll(() => page.getByText("密码已更新，请用新密码登录。").count()).toBe(1);
    await signIn("sme2@patentbridge.test", "my renewed password");
    // Signing in with no page to go back to lands on the user's workspace.
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await signOut();

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("电子邮箱").fill("sme2@patentbridge.test");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toBe("邮箱或密码不正确");
  });
});

describe("sessions", () => {
  it("end in every browser and client when the account signs out everywhere", async () => {
    await signIn("sme3@patentbridge.test", DEMO_PASSWORD);
    const cookies = await page.context().cookies();
    // Another device: an API client with a session of its own.
    const other = await fetch(`${baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { Origin: baseUrl, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "sme3@patentbridge.test", password: DEMO_PASSWORD }),
    });
    expect(other.status).toBe(200);
    const otherCookie = other.headers.get("set-cookie")!.split(";")[0];
    expect(otherCookie).not.toBe(`__session=${cookies.find((c) => c.name === "__session")!.value}`);
    const meOther = () =>
      fetch(`${baseUrl}/api/v1/me`, { headers: { Cookie: otherCookie } }).then((response) => response.status);
    expect(await meOther()).toBe(200);

    await page.goto(`${baseUrl}/account`);
    await page.getByRole("button", { name: "结束所有设备上的登录" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await meOther()).toBe(401);
    // This browser's old cookie, put back, is void too.
    await page.context().addCookies(cookies);
    await page.goto(`${baseUrl}/account`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
