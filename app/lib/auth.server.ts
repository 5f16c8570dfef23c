// Who is asking, and may they? Every loader, action and API route that touches private data calls one of
// these: nothing relies on hiding a button.
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "./db.server";
import { errorResponse } from "./errors";
import { currentSession } from "./session.server";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  canInvite: boolean;
  organization: { id: string; name: string; nameEn: string | null; kind: string; verifiedAt: Date | null } | null;
}

/** A user's account as the session and the admin's list of users read it. */
export const ACCOUNT_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  canInvite: true,
  deactivatedAt: true,
} as const;

/** The signed-in user, or null: a cookie whose session has ended (signed out, expired, a new password, the
 * account deactivated) is void. */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const session = await currentSession(request);
  if (!session) return null;
  const user = await prisma.user.findUnique({
    where: { id: session.userId },
    select: {
      ...ACCOUNT_SELECT,
      organization: { select: { id: true, name: true, nameEn: true, kind: true, verifiedAt: true } },
    },
  });
  if (!user || user.deactivatedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    canInvite: user.canInvite,
    organization: user.organization,
  };
}

const isApi = (request: Request) => new URL(request.url).pathname.startsWith("/api/");

/** Pages send an anonymous visitor to the sign-in page and back; the API answers 401. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (user) return user;
  if (isApi(request)) throw errorResponse(401, { error: "Sign in first." });
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw isApi(request)
      ? errorResponse(403, { error: "Your account may not do this." })
      : new Response("Your account may not do this.", { status: 403 });
  }
  return user;
}

/** Staff manage their own university's patents and deals; administrators any. */
export function canManageFor(user: CurrentUser, organizationId: string): boolean {
  return user.role === "ADMIN" || (user.role === "UNIVERSITY_STAFF" && user.organization?.id === organizationId);
}

/** The university whose patents a page works on: staff their own, administrators the one they choose. */
export function universityFor(user: CurrentUser, chosen: string | null): string | null {
  return user.role === "UNIVERSITY_STAFF" ? user.organization!.id : chosen;
}
