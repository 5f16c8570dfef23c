// Organisations (universities, enterprises, the operation centre): their creation, verification and the lists
// administrators and staff read.
import type { Prisma } from "~/generated/prisma/client";
import { universityFor, type CurrentUser } from "~/lib/auth.server";
import { prisma, type PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { readPage, type ListQuery } from "~/lib/paging";
import { containsText, searchWords } from "~/lib/text-match.server";
import { recordAudit } from "~/models/audit/audit.server";
import { parseCreditCode } from "./credit-code";

export type NewOrganization = Prisma.OrganizationCreateManyInput;

/** Inserts organisations; refuses the whole batch if a unified social credit code's check character is wrong. */
export async function insertOrganizations(
  db: Prisma.TransactionClient | PrismaClient,
  organizations: NewOrganization[],
): Promise<void> {
  const data = organizations.map((organization) => {
    const parsed = parseCreditCode(organization.creditCode);
    if (!parsed.ok) {
      throw new DomainError("INVALID_CREDIT_CODE", "organization.err.creditCode", {
        path: "creditCode",
        values: { name: organization.name, code: organization.creditCode, reason: parsed.reason },
      });
    }
    return { ...organization, creditCode: parsed.normalized };
  });
  await db.organization.createMany({ data });
}

/** Creates an SME's enterprise, unverified, in the caller's transaction; refuses a credit code already registered. */
export async function createEnterprise(
  tx: Prisma.TransactionClient,
  input: Pick<Prisma.OrganizationUncheckedCreateInput, "name" | "creditCode" | "region" | "cluster">,
) {
  if (await tx.organization.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } })) {
    throw new DomainError("CREDIT_CODE_TAKEN", "validation.creditCodeTaken", {
      status: 409,
      path: "organization.creditCode",
    });
  }
  return tx.organization.create({
    data: {
      kind: "ENTERPRISE",
      name: input.name,
      creditCode: input.creditCode,
      region: input.region,
      cluster: input.cluster,
    },
  });
}

export async function verifyOrganization(
  adminId: string,
  organizationId: string,
): Promise<{ id: string; verifiedAt: Date }> {
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: organizationId },
      select: { id: true, verifiedAt: true },
    });
    if (!organization) throw new DomainError("NOT_FOUND", "admin.organizationNotFound", { status: 404 });
    if (organization.verifiedAt) return { id: organization.id, verifiedAt: organization.verifiedAt };
    const updated = await tx.organization.update({
      where: { id: organizationId },
      data: { verifiedAt: new Date() },
      select: { id: true, verifiedAt: true },
    });
    await recordAudit(tx, { action: "ORGANIZATION_VERIFIED", actorId: adminId, subject: organizationId });
    return { id: updated.id, verifiedAt: updated.verifiedAt! };
  });
}

export async function listUniversities(onlyId?: string) {
  return prisma.organization.findMany({
    where: { kind: "UNIVERSITY", ...(onlyId ? { id: onlyId } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameEn: true },
  });
}

/** The university a staff page works on: staff their own; administrators the one they chose, or else the first
 * of the list they choose from. An administrator's unknown choice is refused. */
export async function chooseUniversity(user: CurrentUser, chosen: string | null) {
  const universities = user.role === "ADMIN" ? await listUniversities() : [];
  const universityId = universityFor(user, chosen || (universities[0]?.id ?? null));
  if (!universityId || (user.role === "ADMIN" && !universities.some((u) => u.id === universityId)))
    throw new DomainError("UNKNOWN_UNIVERSITY", "validation.university", { status: 400 });
  return { universities, universityId };
}

/** An organisation as the administrators' lists show it (with how many members it has). */
export const LISTED_ORGANIZATION = {
  id: true,
  kind: true,
  name: true,
  nameEn: true,
  creditCode: true,
  region: true,
  verifiedAt: true,
  createdAt: true,
  _count: { select: { members: true } },
} satisfies Prisma.OrganizationSelect;

export const ORGANIZATION_SORTS = ["createdAt", "name", "kind", "creditCode", "members", "verifiedAt"] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];

/** One page of organisations for administrators: searched by name or credit code, filtered by kind and
 * verification, sorted by a column. */
export async function listOrganizationsPage(
  query: ListQuery<OrganizationSort> & { kind?: "UNIVERSITY" | "ENTERPRISE"; verification?: "verified" | "unverified" },
  pageSize?: number,
) {
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      { kind: query.kind ?? { in: ["ENTERPRISE", "UNIVERSITY"] } },
      query.verification === "verified"
        ? { verifiedAt: { not: null } }
        : query.verification === "unverified"
          ? { verifiedAt: null }
          : {},
      ...searchWords(query.q).map((word) => ({
        OR: [
          { name: containsText(word) },
          { nameEn: containsText(word) },
          { shortName: containsText(word) },
          { creditCode: containsText(word.toUpperCase()) },
        ],
      })),
    ],
  };
  const orderBy: Prisma.OrganizationOrderByWithRelationInput =
    query.sort === "members"
      ? { members: { _count: query.dir } }
      : query.sort === "verifiedAt"
        ? { verifiedAt: { sort: query.dir, nulls: query.dir === "asc" ? "first" : "last" } }
        : { [query.sort]: query.dir };
  const { rows: organizations, ...paging } = await readPage(
    query.page,
    pageSize,
    () => prisma.organization.count({ where }),
    (window) =>
      prisma.organization.findMany({
        where,
        // Then newest first: among those awaiting verification, the latest request on top.
        orderBy: [orderBy, { createdAt: "desc" }, { id: "asc" }],
        ...window,
        select: LISTED_ORGANIZATION,
      }),
  );
  return { ...paging, organizations };
}
