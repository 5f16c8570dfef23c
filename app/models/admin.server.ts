// What administrators list: organisations with their verification state, accounts, universities to invite to.
import { prisma } from "~/lib/db.server";

export async function listOrganizations({ onlyUnverified, page, pageSize = 50 }: { onlyUnverified: boolean; page: number; pageSize?: number }) {
  const where = { kind: { in: ["ENTERPRISE", "UNIVERSITY"] }, ...(onlyUnverified ? { verifiedAt: null } : {}) };
  const [total, organizations] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      // Those awaiting verification first, newest first: what an administrator acts on.
      orderBy: [{ verifiedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, name: true, nameEn: true, creditCode: true, region: true, verifiedAt: true, createdAt: true, _count: { select: { members: true } } },
    }),
  ]);
  return { total, organizations };
}

export async function listUsers({ page, pageSize = 50 }: { page: number; pageSize?: number }) {
  const [total, users] = await Promise.all([
    prisma.user.count(),
    prisma.user.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, email: true, name: true, role: true, canInvite: true, deactivatedAt: true, lastSignInAt: true, organization: { select: { name: true, nameEn: true } } },
    }),
  ]);
  return { total, users };
}

export async function listUniversities(onlyId?: string) {
  return prisma.organization.findMany({
    where: { kind: "UNIVERSITY", ...(onlyId ? { id: onlyId } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameEn: true },
  });
}

export async function listInvitations(organizationId?: string) {
  return prisma.invitation.findMany({
    where: organizationId ? { organizationId } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, expiresAt: true, acceptedAt: true, canInvite: true, organization: { select: { name: true, nameEn: true } } },
  });
}
