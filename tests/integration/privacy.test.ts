// Privacy (issue 16): a contract number alone reveals nothing; "also licensed" never shows fewer than three
// companies' choices.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { verificationCode, verifyContract } from "~/models/contract/verification.server";
import { acceptOpenLicense, declareOpenLicense } from "~/models/open-license/open-license.server";
import { verifyOrganization } from "~/models/organization/organization.server";
import { alsoLicensed } from "~/models/patent.server";
import { loader as contractPage } from "~/routes/contracts.$number";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-03-01T00:00:00Z");
const terms = {
  feeModel: "LUMP_SUM" as const,
  lumpSumFen: 1_000_000,
  paymentSchedule: "ONCE" as const,
  licenseTermMonths: 24,
  territory: "中国大陆",
};
const userOf = async (userId: string): Promise<CurrentUser> =>
  (await getUser(
    new Request("http://localhost/", { headers: { Cookie: (await startSession(userId, 1)).split(";")[0] } }),
  ))!;

let staff: CurrentUser;
let admin: { id: string };
let university: { id: string };
let serial = 0;

async function company(): Promise<CurrentUser> {
  const organization = await createEnterprise(`重庆隐私测试${++serial}号科技有限公司`);
  await verifyOrganization(admin.id, organization.id);
  return userOf(
    (
      await createUser({
        email: `c${serial}@privacy.example`,
        name: `C${serial}`,
        password: "company password",
        role: "SME",
        organizationId: organization.id,
      })
    ).id,
  );
}

async function openPatent(title: string) {
  const patent = await createPatent({ ownerId: university.id, title });
  return { patent, declaration: await declareOpenLicense(staff, patent.id, terms, NOW) };
}
const take = (user: CurrentUser, declarationId: string) =>
  acceptOpenLicense(user, declarationId, { signatoryName: "赵六", intendedUse: "生产" }, NOW);

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  admin = await createUser({
    email: "admin@privacy.example",
    name: "Admin",
    password: "admin password",
    role: "ADMIN",
  });
  staff = await userOf(
    (
      await createUser({
        email: "tto@privacy.example",
        name: "TTO",
        password: "staff password",
        role: "UNIVERSITY_STAFF",
        organizationId: university.id,
      })
    ).id,
  );
});

describe("contract verification", () => {
  it("needs the number and the verification code (or the whole fingerprint); a number alone answers like an unknown number", async () => {
    const { declaration } = await openPatent("一种核验测试装置");
    const { license } = await take(await company(), declaration.id);
    const code = verificationCode(license.contractSha256!);
    expect(code).toMatch(/^[0-9a-f]{16}$/);

    await expect(verifyContract(license.contractNumber, "")).resolves.toBeNull();
    await expect(verifyContract(license.contractNumber, "0000000000000000")).resolves.toBeNull();
    await expect(verifyContract(license.contractNumber, code.slice(0, 15))).resolves.toBeNull();
    await expect(verifyContract("PB-2026-L-999999", code)).resolves.toBeNull();
    await expect(verifyContract(license.contractNumber, code)).resolves.toMatchObject({
      contractNumber: license.contractNumber,
      kind: "OPEN",
      fingerprint: license.contractSha256,
      licensee: { name: expect.stringContaining("隐私测试") },
    });
    // As people type it: upper case, grouped with dashes or spaces; the whole fingerprint works too.
    const grouped = code.toUpperCase().match(/.{4}/g)!.join("-");
    await expect(verifyContract(license.contractNumber.toLowerCase(), grouped)).resolves.toMatchObject({
      contractNumber: license.contractNumber,
    });
    await expect(verifyContract(license.contractNumber, license.contractSha256!)).resolves.toMatchObject({
      contractNumber: license.contractNumber,
    });
  });

  it("shows nothing on the public page without the code, and the same 404 for a wrong code as for an unknown number", async () => {
    const { declaration } = await openPatent("一种核验页面装置");
    const { license } = await take(await company(), declaration.id);
    const visit = async (number: string, code?: string) => {
      const response = (await contractPage({
        request: new Request(
          `http://localhost/contracts/${number}${code === undefined ? "" : `?code=${encodeURIComponent(code)}`}`,
        ),
        params: { number },
        context: {},
      })) as unknown as { init: { status?: number } | null; data: Record<string, unknown> };
      return { status: response.init?.status ?? 200, data: response.data };
    };
    const bare = await visit(license.contractNumber);
    expect(bare).toEqual({
      status: 200,
      data: { number: license.contractNumber, code: "", contract: null, tried: false },
    });
    expect(JSON.stringify(bare)).not.toContain("隐私测试");
    const wrong = await visit(license.contractNumber, "0123456789abcdef");
    const unknown = await visit("PB-2026-L-999998", "0123456789abcdef");
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect({ ...wrong.data, number: "" }).toEqual({ ...unknown.data, number: "" });
    const right = await visit(license.contractNumber, verificationCode(license.contractSha256!));
    expect(right.status).toBe(200);
    expect(right.data.contract).toMatchObject({
      contractNumber: license.contractNumber,
      patent: { title: "一种核验页面装置" },
    });
  });
});

describe("companies that licensed this also licensed", () => {
  it("shows only patents taken by at least three distinct companies that took this one, never one company's choices", async () => {
    const [a, b, c, d] = [await company(), await company(), await company(), await company()];
    const here = await openPatent("一种共同许可起点装置");
    const popular = await openPatent("一种三家都许可的装置");
    const pair = await openPatent("一种两家许可的装置");
    const private_ = await openPatent("一种一家独选的装置");
    for (const user of [a, b]) await take(user, here.declaration.id);
    await take(a, popular.declaration.id);
    await take(b, popular.declaration.id);
    await take(a, pair.declaration.id);
    await take(b, pair.declaration.id);
    await take(a, private_.declaration.id);
    // Two companies took this patent: whatever else they took, nothing is shown.
    expect(await alsoLicensed(here.patent.id)).toEqual([]);

    await take(c, here.declaration.id);
    await take(c, popular.declaration.id);
    await take(d, private_.declaration.id); // d never took this patent: its choice is not "also"
    const shown = await alsoLicensed(here.patent.id);
    expect(shown).toEqual([{ id: popular.patent.id, title: "一种三家都许可的装置", titleEn: null, companies: 3 }]);
    expect(shown.map((p) => p.id)).not.toContain(pair.patent.id);
    expect(shown.map((p) => p.id)).not.toContain(private_.patent.id);
    expect(await prisma.license.count({ where: { patentId: private_.patent.id } })).toBe(2);
  });
});
