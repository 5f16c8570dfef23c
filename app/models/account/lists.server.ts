// What administrators list about accounts: the invitations sent and the accounts (organisations: ../organization).
import type { Prisma, Role } from "~/generated/prisma/client";
import { ACCOUNT_SELECT } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { readPage, type ListQuery } from "~/lib/paging";
import { containsText, searchWords } from "~/lib/text-match.server";

export async function listInvitations(organizationId?: string) {
  return prisma.invitation.findMany({
    where: organizationId ? { organizationId } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      canInvite: true,
      organization: { select: { name: true, nameEn: true } },
    },
  });
}

export const USER_SORTS = ["createdAt", "name", "email", "role", "organization", "lastSignInAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** One page of accounts for administrators: searched by name, email or organisation, filtered by role and state. */
export async function listUsersPage(
  query: ListQuery<UserSort> & { role?: Role; state?: "active" | "deactivated" },
  pageSize?: number,
) {
  const where: Prisma.UserWhereInput = {
    AND: [
      query.role ? { role: query.role } : {},
      query.state === "active"
        ? { deactivatedAt: null }
        : query.state === "deactivated"
          ? { deactivatedAt: { not: null } }
          : {},
      ...searchWords(query.q).map((word) => ({
        OR: [
          { name: containsText(word) },
          { email: containsText(word.toLowerCase()) },
          { organization: { OR: [{ name: containsText(word) }, { nameEn: containsText(word) }] } },
        ],
      })),
    ],
  };
  const orderBy: Prisma.UserOrderByWithRelationInput =
    query.sort === "organization"
      ? { organization: { name: query.dir } }
      : query.sort === "lastSignInAt"
        ? { lastSignInAt: { sort: query.dir, nulls: "last" } }
        : { [query.sort]: query.dir };
  const { rows: users, ...paging } = await readPage(
    query.page,
    pageSize,
    () => prisma.user.count({ where }),
    (window) =>
      prisma.user.findMany({
        where,
        orderBy: [orderBy, { id: "asc" }],
        ...window,
        select: {
          ...ACCOUNT_SELECT,
          lastSignInAt: true,
          createdAt: true,
          organization: { select: { name: true, nameEn: true } },
        },
      }),
  );
  return { ...paging, users };
}
