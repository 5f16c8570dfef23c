// Hand-made rows for integration tests, written the way the app writes them (patent + its FTS entry).
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/lib/db.server";
import { creditCodeCheckCharacter } from "~/models/organization/credit-code";
import { applicationCheckCharacter } from "~/models/patent/identifiers";
import { indexPatentText } from "~/models/search/patent-index.server";

let serial = 0;
const next = () => ++serial;

function creditCode(prefix: "12" | "91"): string {
  const body = `${prefix}500106${String(next()).padStart(9, "0")}`;
  return body + creditCodeCheckCharacter(body);
}

export async function createUniversity(name: string, nameEn: string) {
  return prisma.organization.create({
    data: {
      kind: "UNIVERSITY",
      name,
      nameEn,
      creditCode: creditCode("12"),
      region: "沙坪坝区",
      level: "undergraduate",
    },
  });
}

export async function createEnterprise(name: string) {
  return prisma.organization.create({
    data: { kind: "ENTERPRISE", name, creditCode: creditCode("91"), region: "渝北区" },
  });
}

type PatentInput = Partial<Omit<Prisma.PatentUncheckedCreateInput, "ownerId">> & { ownerId: string; title: string };

const TYPE_DIGIT: Record<string, string> = { INVENTION: "1", UTILITY_MODEL: "2", DESIGN: "3" };

export async function createPatent(input: PatentInput) {
  const digits = `2020${TYPE_DIGIT[input.type ?? "INVENTION"] ?? "1"}00${String(next()).padStart(5, "0")}`;
  const patent = await prisma.patent.create({
    data: {
      applicationNumber: `${digits}.${applicationCheckCharacter(digits)}`,
      type: "INVENTION",
      abstract: `${input.title}的摘要。`,
      firstClaim: `1.一种${input.title}。`,
      ipcMain: "G06F 16/00",
      inventors: "张三; 李四",
      filingDate: new Date("2020-03-01T00:00:00Z"),
      grantDate: new Date("2022-06-01T00:00:00Z"),
      expiresOn: new Date("2040-03-01T00:00:00Z"),
      legalStatus: "VALID",
      transferable: true,
      ...input,
    },
  });
  await indexPatentText(prisma, [patent]);
  return patent;
}

export async function declareOpenLicense(
  patentId: number,
  declarantId: string,
  overrides: Partial<Prisma.OpenLicenseDeclarationUncheckedCreateInput> = {},
) {
  return prisma.openLicenseDeclaration.create({
    data: {
      patentId,
      declarantId,
      status: "ACTIVE",
      feeModel: "LUMP_SUM",
      lumpSumFen: 5_000_000,
      paymentSchedule: "ONCE",
      licenseTermMonths: 36,
      declaredAt: new Date("2024-01-15T00:00:00Z"),
      ...overrides,
    },
  });
}

/** Makes the organisations co-owners of the patent beside its owner (共有专利, Patent Law art. 14). */
export async function addCoOwners(patentId: number, ...organizationIds: string[]) {
  await prisma.patentCoOwner.createMany({
    data: organizationIds.map((organizationId) => ({ patentId, organizationId })),
  });
}
