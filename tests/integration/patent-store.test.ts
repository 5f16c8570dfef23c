import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { messageIn } from "~/lib/i18n";
import { insertOrganizations } from "~/models/organization/organization.server";
import { applicationCheckCharacter } from "~/models/patent/identifiers";
import { insertPatents, type NewPatent } from "~/models/patent-store.server";
import { parseSearchParams, type SearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";

const universityCode = "12500000" + "MB1234567";

function patent(id: number, serial: string, overrides: Partial<NewPatent> = {}): NewPatent & { id: number } {
  const digits = `202110${serial}`;
  return {
    id,
    applicationNumber: `${digits}.${applicationCheckCharacter(digits)}`,
    publicationNumber: null,
    grantNumber: null,
    type: "INVENTION",
    title: "一种镁合金压铸件",
    titleEn: "Magnesium alloy die casting",
    abstract: "镁合金。",
    abstractEn: "Magnesium alloy.",
    firstClaim: "1.一种镁合金压铸件。",
    firstClaimEn: null,
    ipcMain: "C22C 23/02",
    ipcOthers: "",
    inventors: "王五",
    ownerId: "org-test",
    filingDate: new Date("2021-03-01T00:00:00Z"),
    publicationDate: null,
    grantDate: null,
    expiresOn: new Date("2041-03-01T00:00:00Z"),
    legalStatus: "PENDING",
    cluster: "LIGHT_ALLOY",
    field: "MATERIALS",
    keywords: "镁合金",
    keywordsEn: "magnesium alloy",
    transferable: true,
    transferableNote: null,
    valueScore: 60,
    maturity: 4,
    assessedAt: null,
    hasEvaluationReport: false,
    ...overrides,
  };
}

describe("bulk writes check identifiers", () => {
  it("refuses an organisation whose credit code has a wrong check character, writing none of the batch", async () => {
    const { creditCodeCheckCharacter } = await import("~/models/organization/credit-code");
    const good = universityCode + creditCodeCheckCharacter(universityCode);
    const wrong = universityCode + (good.endsWith("0") ? "1" : "0");
    const attempt = insertOrganizations(prisma, [
      { id: "org-ok", kind: "UNIVERSITY", name: "甲大学", creditCode: "91500000202847456W" },
      { id: "org-bad", kind: "UNIVERSITY", name: "乙大学", creditCode: wrong },
    ]);
    await expect(attempt).rejects.toThrow(DomainError);
    const refusal = (await attempt.catch((error: DomainError) => error)) as DomainError;
    expect(messageIn("en", refusal.message)).toMatch(
      /^乙大学: credit code .*: the check character is . but should be ./,
    );
    expect(messageIn("zh", refusal.message)).toMatch(/^乙大学：统一社会信用代码 .* 无效：校验位是 .，应为 .$/);
    expect(await prisma.organization.count()).toBe(0);
    await insertOrganizations(prisma, [
      { id: "org-test", kind: "UNIVERSITY", name: "丙大学", creditCode: good.toLowerCase() },
    ]);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: "org-test" } })).creditCode).toBe(good);
  });

  it("refuses a patent batch with a wrong check character inside a transaction, leaving nothing half-written", async () => {
    const wrongCheck = applicationCheckCharacter("202110000002") === "0" ? "1" : "0";
    const bad = patent(2, "000002", { applicationNumber: `202110000002.${wrongCheck}` });
    const refusal = await prisma
      .$transaction((tx) => insertPatents(tx, [patent(1, "000001"), bad]))
      .catch((error: DomainError) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(messageIn("en", (refusal as DomainError).message)).toContain(
      `the check character is ${wrongCheck} but should be`,
    );
    expect(messageIn("zh", (refusal as DomainError).message)).toContain(
      `申请号 202110000002.${wrongCheck} 无效：校验位是 ${wrongCheck}`,
    );
    expect(await prisma.patent.count()).toBe(0);
    await expect(insertPatents(prisma, [patent(3, "000003", { applicationNumber: "CN202110000003" })])).rejects.toThrow(
      DomainError,
    );
  });

  it("writes a valid batch that search finds at once", async () => {
    await prisma.$transaction((tx) =>
      insertPatents(tx, [patent(1, "000001"), patent(2, "000002", { title: "一种镁合金轮毂" })]),
    );
    const params = (parseSearchParams(new URLSearchParams("q=镁合金")) as { params: SearchParams }).params;
    expect((await patentSearch().search(params)).total).toBe(2);
  });

  it("writes none of a batch the database refuses, and the next batch goes in whole", async () => {
    await insertPatents(prisma, [patent(11, "000011")]);
    const twice = patent(13, "000011", { title: "一种镁合金轮毂" }); // the application number of patent 11
    await expect(prisma.$transaction((tx) => insertPatents(tx, [patent(12, "000012"), twice]))).rejects.toThrow(
      /Unique constraint|UNIQUE constraint|duplicate key/,
    );
    expect(
      (await prisma.patent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id),
    ).toEqual([1, 2, 11]);

    await insertPatents(prisma, [patent(12, "000012", { grantDate: null, transferable: false })]);
    const written = await prisma.patent.findUniqueOrThrow({ where: { id: 12 } });
    expect(written).toMatchObject({ transferable: false, grantDate: null, title: "一种镁合金压铸件" });
    expect(written.filingDate.toISOString()).toBe("2021-03-01T00:00:00.000Z");
  });
});
