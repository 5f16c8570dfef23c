import type { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { parseCreditCode } from "~/models/organization/credit-code";

export type NewOrganization = Prisma.OrganizationCreateManyInput;

/** Inserts organisations; refuses the whole batch if a unified social credit code's check character is wrong. */
export async function insertOrganizations(db: Prisma.TransactionClient | PrismaClient, organizations: NewOrganization[]): Promise<void> {
  const data = organizations.map((organization) => {
    const parsed = parseCreditCode(organization.creditCode);
    if (!parsed.ok) {
      throw new DomainError("INVALID_CREDIT_CODE", "organization.err.creditCode", { path: "creditCode", values: { name: organization.name, code: organization.creditCode, reason: parsed.reason } });
    }
    return { ...organization, creditCode: parsed.normalized };
  });
  await db.organization.createMany({ data });
}
