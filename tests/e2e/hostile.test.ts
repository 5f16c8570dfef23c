// Script in what users send is shown as text: reflected from the URL, or stored and shown to others.
import { describe, expect, it, inject } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/write";

const baseUrl = inject("baseUrl");
const SCRIPT = "<script>alert(1)</script>";
const IMAGE = "<img src=x onerror=alert(1)>";
const sameSite = { Origin: baseUrl, "Content-Type": "application/json" };

const html = async (path: string, cookie?: string) =>
  (await fetch(`${baseUrl}${path}`, { headers: cookie ? { Cookie: cookie } : {} })).text();

describe("script in user input", () => {
  it("is never reflected from the URL into a page", async () => {
    for (const path of [
      `/patents?q=${encodeURIComponent(SCRIPT)}`,
      `/patents?q=${encodeURIComponent(IMAGE)}&cluster=NEV`,
      `/patents?type=${encodeURIComponent(SCRIPT)}`,
      `/login?redirectTo=${encodeURIComponent(`javascript:alert(1)//${SCRIPT}`)}`,
      `/needs?page=${encodeURIComponent(SCRIPT)}`,
    ]) {
      const page = await html(path);
      expect(page, path).not.toContain(SCRIPT);
      expect(page, path).not.toContain(IMAGE);
    }
  });

  it("is stored as text and shown escaped to other visitors", async () => {
    const session = await fetch(`${baseUrl}/api/v1/session`, {
      method: "POST",
      headers: sameSite,
      body: JSON.stringify({ email: "sme1@patentbridge.test", password: DEMO_PASSWORD }),
    });
    const cookie = session.headers.get("set-cookie")!.split(";")[0];
    const created = await fetch(`${baseUrl}/api/v1/needs`, {
      method: "POST",
      headers: { ...sameSite, Cookie: cookie },
      body: JSON.stringify({
        title: `需求 ${SCRIPT}`,
        description: `描述 ${IMAGE} 锂电池热管理`,
        visibility: "PUBLIC",
      }),
    });
    expect(created.status).toBe(201);
    const need = await created.json();
    for (const path of ["/needs", `/needs/${need.id}`]) {
      const page = await html(path);
      expect(page, path).toContain("需求 &lt;script&gt;alert(1)&lt;/script&gt;");
      expect(page, path).not.toContain(SCRIPT);
      expect(page, path).not.toContain(IMAGE);
    }
  });
});
