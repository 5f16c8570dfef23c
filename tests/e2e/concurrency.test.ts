// Many companies take the same open license at the same moment through the running server: each gets
// exactly one license, and every acceptance answered 201 is there afterwards.
import { afterAll, describe, expect, it, inject } from "vitest";
import { createPrismaClient } from "../../app/lib/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/write";

const baseUrl = inject("baseUrl");
const database = createPrismaClient(inject("databaseUrl"));
afterAll(() => database.$disconnect());
const SAME_SITE = { Origin: baseUrl };

async function api(path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { ...SAME_SITE, "Content-Type": "application/json", ...(init.cookie ? { Cookie: init.cookie } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  return { status: response.status, body: await response.json(), cookie };
}

/** A valid unified social credit code with a unique serial (GB 32100-2015 check character). */
function creditCode(serial: number): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91500112${String(700_000_000 + serial)}`;
  const sum = [...body].reduce((total, char, i) => total + alphabet.indexOf(char) * weights[i], 0);
  const check = 31 - (sum % 31);
  return body + alphabet[check === 31 ? 0 : check];
}

describe("simultaneous acceptances", () => {
  it("give each of 12 companies exactly one license, none lost", async () => {
    const admin = await api("/api/v1/session", {
      method: "POST",
      body: { email: "admin@patentbridge.test", password: DEMO_PASSWORD },
    });
    const staff = await api("/api/v1/session", {
      method: "POST",
      body: { email: "swu@patentbridge.test", password: DEMO_PASSWORD },
    });
    const pool = await api("/api/v1/patents?university=org-univ-02&type=INVENTION&status=VALID&size=50");
    const patent = pool.body.items.find((item: { openLicense: unknown }) => item.openLicense === null);
    const declared = await api(`/api/v1/patents/${patent.id}/open-license`, {
      method: "POST",
      cookie: staff.cookie,
      body: { feeModel: "ROYALTY", royaltyRateBp: 300, paymentSchedule: "YEARLY", termYears: 2 },
    });
    expect(declared.status).toBe(201);

    const companies = [];
    for (let i = 0; i < 12; i++) {
      const requested = await api("/api/v1/register", {
        method: "POST",
        body: {
          email: `rush${i}@e2e.example`,
          password: "rush password 123",
          name: `Rush ${i}`,
          organization: {
            name: `重庆并发${i}号科技有限公司`,
            creditCode: creditCode(i),
            region: "渝北区",
            cluster: "NEV",
          },
        },
      });
      expect(requested.status).toBe(202);
      // The link mailed to the address completes the registration.
      const mail = await database.outboxEmail.findFirstOrThrow({
        where: { to: `rush${i}@e2e.example` },
        orderBy: { createdAt: "desc" },
      });
      const token = /\/register\/([\w-]+)/.exec(mail.body)![1];
      const registered = await api("/api/v1/register/confirm", { method: "POST", body: { token } });
      expect(registered.status).toBe(201);
      const verified = await api(`/api/v1/organizations/${registered.body.user.organizationId}/verify`, {
        method: "POST",
        cookie: admin.cookie,
      });
      expect(verified.status).toBe(200);
      companies.push(registered.cookie!);
    }

    // Every company sends its acceptance twice, all at once.
    const acceptances = await Promise.all(
      companies.flatMap((cookie) =>
        [0, 1].map(() =>
          api(`/api/v1/open-licenses/${declared.body.id}/accept`, {
            method: "POST",
            cookie,
            body: { signatoryName: "并发签署人", intendedUse: "量产", agree: true },
          }),
        ),
      ),
    );
    expect(acceptances.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(acceptances.filter((a) => a.status === 201)).toHaveLength(12);
    const contractNumbers = new Set(acceptances.map((a) => a.body.contractNumber));
    expect(contractNumbers.size).toBe(12);

    for (const cookie of companies) {
      const mine = await api("/api/v1/licenses", { cookie });
      expect(
        mine.body.items.filter((license: { patent: { id: number } }) => license.patent.id === patent.id),
      ).toHaveLength(1);
    }
  });
});

describe("two exclusive deals signed at the same moment", () => {
  it("conclude exactly once; the other signature is answered 409", async () => {
    const staff = await api("/api/v1/session", {
      method: "POST",
      body: { email: "cqupt@patentbridge.test", password: DEMO_PASSWORD },
    });
    // sme2 is left out: the password-reset journey changes its password.
    const companies = await Promise.all(
      ["sme1", "sme3"].map((name) =>
        api("/api/v1/session", {
          method: "POST",
          body: { email: `${name}@patentbridge.test`, password: DEMO_PASSWORD },
        }),
      ),
    );
    const pool = await api("/api/v1/patents?university=org-univ-03&type=INVENTION&status=VALID&size=50");
    const patent = pool.body.items.find((item: { openLicense: unknown }) => item.openLicense === null);
    const terms = {
      feeModel: "LUMP_SUM",
      lumpSumFen: 20_000_000,
      paymentSchedule: "ONCE",
      licenseTermMonths: 24,
      territory: "中国大陆",
    };
    const deals = [];
    for (const company of companies) {
      const requested = await api(`/api/v1/patents/${patent.id}/deals`, {
        method: "POST",
        cookie: company.cookie,
        body: { kind: "EXCLUSIVE", message: "独占", terms },
      });
      expect(requested.status).toBe(201);
      const account = {
        bank: "中国银行重庆南岸支行",
        accountName: "重庆邮电大学",
        accountNumber: "111122223333444455",
      };
      expect(
        (
          await api(`/api/v1/deals/${requested.body.id}`, {
            method: "POST",
            cookie: staff.cookie,
            body: { step: "account", account },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await api(`/api/v1/deals/${requested.body.id}`, {
            method: "POST",
            cookie: staff.cookie,
            body: { step: "accept", version: 1 },
          })
        ).status,
      ).toBe(200);
      // A signature names the contract preview it read (its SHA-256).
      const { preview } = (await api(`/api/v1/deals/${requested.body.id}`, { cookie: company.cookie })).body;
      expect(
        (
          await api(`/api/v1/deals/${requested.body.id}`, {
            method: "POST",
            cookie: company.cookie,
            body: {
              step: "sign",
              signatoryName: "企业代表",
              signatoryTitle: "总经理",
              previewFingerprint: preview.fingerprint,
              agree: true,
            },
          })
        ).status,
      ).toBe(200);
      deals.push({ id: requested.body.id, fingerprint: preview.fingerprint });
    }
    const signatures = await Promise.all(
      deals.map(({ id, fingerprint }) =>
        api(`/api/v1/deals/${id}`, {
          method: "POST",
          cookie: staff.cookie,
          body: {
            step: "sign",
            signatoryName: "学校代表",
            signatoryTitle: "技术转移中心主任",
            previewFingerprint: fingerprint,
            agree: true,
          },
        }),
      ),
    );
    expect(signatures.map((s) => s.status).sort()).toEqual([200, 409]);
    expect(signatures.find((s) => s.status === 409)!.body.error).toMatch(/exclusive or sole license already covers/);
    const concluded = await Promise.all(deals.map(({ id }) => api(`/api/v1/deals/${id}`, { cookie: staff.cookie })));
    expect(concluded.filter((d) => d.body.status === "SIGNED")).toHaveLength(1);
  });
});
