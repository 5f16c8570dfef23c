// Accounts: SME sign-up, sign-in with throttling, staff invitations, password resets, verification and
// deactivation. Every change of who may do what is written to the audit log.
import { createHash, randomBytes } from "node:crypto";
import type { Registration, Role } from "~/lib/account-schemas";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { decoyHash, hashPassword, verifyPassword } from "~/lib/password.server";
import { recordAudit } from "./audit.server";
import { sendMail } from "./mail.server";

const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;
/** Failed sign-ins allowed in the window, per account and per client address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

export interface AccountUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
}

const publicUser = (user: { id: string; email: string; name: string; role: string; organizationId: string | null }): AccountUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role as Role,
  organizationId: user.organizationId,
});

const newToken = () => randomBytes(32).toString("base64url");
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** An SME registers itself and its enterprise, which starts unverified. */
export async function registerSme(input: Registration, ip: string | null): Promise<AccountUser> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    }
    if (await tx.organization.findUnique({ where: { creditCode: input.organization.creditCode }, select: { id: true } })) {
      throw new DomainError("CREDIT_CODE_TAKEN", "validation.creditCodeTaken", { status: 409, path: "organization.creditCode" });
    }
    const organization = await tx.organization.create({
      data: { kind: "ENTERPRISE", name: input.organization.name, creditCode: input.organization.creditCode, region: input.organization.region, cluster: input.organization.cluster },
    });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "SME", organizationId: organization.id },
    });
    await recordAudit(tx, { action: "REGISTERED", actorId: user.id, subject: user.email, ip, detail: { organizationId: organization.id } });
    return publicUser(user);
  });
}

/** Checks the password; refuses with one generic message whatever was wrong, and 429 after too many failures. */
export async function authenticate(email: string, password: string, ip: string | null): Promise<AccountUser & { sessionVersion: number }> {
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    prisma.auditEvent.count({ where: { action: "SIGN_IN_FAILED", subject: email, at: { gte: since } } }),
    ip ? prisma.auditEvent.count({ where: { action: "SIGN_IN_FAILED", ip, at: { gte: since } } }) : 0,
  ]);
  if (byAccount >= SIGN_IN_LIMITS.perAccount || byAddress >= SIGN_IN_LIMITS.perAddress) {
    throw new DomainError("TOO_MANY_ATTEMPTS", "auth.tooManyAttempts", { status: 429 });
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid || user.deactivatedAt) {
    await recordAudit(prisma, { action: "SIGN_IN_FAILED", subject: email, ip, detail: { reason: !user ? "unknown" : !valid ? "password" : "deactivated" } });
    throw new DomainError("INVALID_CREDENTIALS", "auth.invalidCredentials", { status: 401 });
  }
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(prisma, { action: "SIGN_IN", actorId: user.id, subject: user.email, ip });
  return { ...publicUser(user), sessionVersion: user.sessionVersion };
}

export interface Inviter {
  id: string;
  role: Role;
  organizationId: string | null;
  canInvite: boolean;
}

/** Administrators invite staff to any university; a university's admin member only to their own. */
export async function createInvitation(
  inviter: Inviter,
  input: { email: string; organizationId: string; canInvite: boolean },
  baseUrl: string,
): Promise<{ id: string; url: string; expiresAt: Date }> {
  const mayInvite = inviter.role === "ADMIN" || (inviter.role === "UNIVERSITY_STAFF" && inviter.canInvite && inviter.organizationId === input.organizationId);
  if (!mayInvite) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const university = await prisma.organization.findUnique({ where: { id: input.organizationId }, select: { kind: true, name: true } });
  if (!university || university.kind !== "UNIVERSITY") {
    throw new DomainError("NOT_A_UNIVERSITY", "validation.university", { status: 400, path: "organizationId" });
  }
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
  }
  const token = newToken();
  const url = `${baseUrl}/invitations/${token}`;
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const invitation = await prisma.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { tokenHash: tokenHash(token), email: input.email, organizationId: input.organizationId, canInvite: input.canInvite, invitedById: inviter.id, expiresAt },
    });
    await recordAudit(tx, { action: "INVITATION_CREATED", actorId: inviter.id, subject: input.email, detail: { organizationId: input.organizationId, canInvite: input.canInvite } });
    await sendMail(tx, {
      to: input.email,
      subject: `PatentBridge: join ${university.name} / 加入${university.name}`,
      body: `You are invited to manage ${university.name}'s patents on PatentBridge. The link works once, until ${expiresAt.toISOString().slice(0, 10)}:\n${url}\n\n您被邀请在专利桥管理${university.name}的专利。链接仅可使用一次，有效期至${expiresAt.toISOString().slice(0, 10)}：\n${url}\n`,
    });
    return created;
  });
  return { id: invitation.id, url, expiresAt };
}

/** The invitation a token opens, or a DomainError saying why it cannot be used. */
export async function openInvitation(token: string) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: tokenHash(token) },
    include: { organization: { select: { name: true, nameEn: true } } },
  });
  if (!invitation) throw new DomainError("INVITATION_UNKNOWN", "invitation.unknown", { status: 404 });
  if (invitation.acceptedAt) throw new DomainError("INVITATION_USED", "invitation.used", { status: 410 });
  if (invitation.expiresAt < new Date()) throw new DomainError("INVITATION_EXPIRED", "invitation.expired", { status: 410 });
  return invitation;
}

export async function acceptInvitation(token: string, input: { name: string; password: string }, ip: string | null): Promise<AccountUser & { sessionVersion: number }> {
  const invitation = await openInvitation(token);
  if (input.password.toLowerCase().includes(invitation.email)) {
    throw new DomainError("PASSWORD_IS_EMAIL", "validation.passwordIsEmail", { status: 400, path: "password" });
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Marking it accepted only if still unused makes a second, concurrent acceptance fail.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new DomainError("INVITATION_USED", "invitation.used", { status: 410 });
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    }
    const user = await tx.user.create({
      data: { email: invitation.email, name: input.name, passwordHash, role: "UNIVERSITY_STAFF", organizationId: invitation.organizationId, canInvite: invitation.canInvite },
    });
    await recordAudit(tx, { action: "INVITATION_ACCEPTED", actorId: user.id, subject: user.email, ip, detail: { organizationId: invitation.organizationId } });
    return { ...publicUser(user), sessionVersion: user.sessionVersion };
  });
}

/** Sends a one-time reset link if the account exists; answers the same either way. */
export async function requestPasswordReset(email: string, baseUrl: string, ip: string | null): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email } });
  await recordAudit(prisma, { action: "PASSWORD_RESET_REQUESTED", subject: email, ip, detail: { known: Boolean(user && !user.deactivatedAt) } });
  if (!user || user.deactivatedAt) return;
  const token = newToken();
  await prisma.$transaction(async (tx) => {
    await tx.passwordReset.create({ data: { tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) } });
    await sendMail(tx, {
      to: user.email,
      subject: "PatentBridge: reset your password / 重置密码",
      body: `Open this link within ${RESET_MINUTES} minutes to choose a new password (it works once):\n${baseUrl}/reset-password/${token}\n\n请在${RESET_MINUTES}分钟内打开此链接设置新密码（仅可使用一次）：\n${baseUrl}/reset-password/${token}\n`,
    });
  });
}

export async function resetPassword(token: string, password: string, ip: string | null): Promise<void> {
  const reset = await prisma.passwordReset.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: true } });
  if (!reset || reset.usedAt || reset.expiresAt < new Date() || reset.user.deactivatedAt) {
    throw new DomainError("RESET_INVALID", "reset.invalid", { status: 410 });
  }
  if (password.toLowerCase().includes(reset.user.email)) {
    throw new DomainError("PASSWORD_IS_EMAIL", "validation.passwordIsEmail", { status: 400, path: "password" });
  }
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) throw new DomainError("RESET_INVALID", "reset.invalid", { status: 410 });
    // A new session version signs out every session that used the old password.
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { action: "PASSWORD_RESET", actorId: reset.userId, subject: reset.user.email, ip });
  });
}

export async function verifyOrganization(adminId: string, organizationId: string): Promise<{ id: string; verifiedAt: Date }> {
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, verifiedAt: true } });
    if (!organization) throw new DomainError("NOT_FOUND", "admin.organizationNotFound", { status: 404 });
    if (organization.verifiedAt) return { id: organization.id, verifiedAt: organization.verifiedAt };
    const updated = await tx.organization.update({ where: { id: organizationId }, data: { verifiedAt: new Date() }, select: { id: true, verifiedAt: true } });
    await recordAudit(tx, { action: "ORGANIZATION_VERIFIED", actorId: adminId, subject: organizationId });
    return { id: updated.id, verifiedAt: updated.verifiedAt! };
  });
}

export async function deactivateUser(adminId: string, userId: string): Promise<void> {
  if (adminId === userId) throw new DomainError("SELF", "admin.cannotDeactivateSelf", { status: 400 });
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, deactivatedAt: true } });
    if (!user) throw new DomainError("NOT_FOUND", "admin.userNotFound", { status: 404 });
    if (user.deactivatedAt) return;
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date(), sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { action: "USER_DEACTIVATED", actorId: adminId, subject: user.email });
  });
}

/** Grants or withdraws a university member's right to invite colleagues. */
export async function setCanInvite(actor: Inviter, userId: string, canInvite: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, organizationId: true, canInvite: true } });
    if (!user || user.role !== "UNIVERSITY_STAFF") throw new DomainError("NOT_FOUND", "admin.userNotFound", { status: 404 });
    const allowed = actor.role === "ADMIN" || (actor.role === "UNIVERSITY_STAFF" && actor.canInvite && actor.organizationId === user.organizationId);
    if (!allowed) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
    if (user.canInvite === canInvite) return;
    await tx.user.update({ where: { id: userId }, data: { canInvite } });
    await recordAudit(tx, { action: "ROLE_CHANGED", actorId: actor.id, subject: user.email, detail: { canInvite } });
  });
}

/** For the command line: creates an account of any role (the first administrator in production). */
export async function createUser(input: { email: string; name: string; password: string; role: Role; organizationId?: string | null }): Promise<AccountUser> {
  const { password, ...account } = input;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    }
    const user = await tx.user.create({ data: { ...account, passwordHash } });
    await recordAudit(tx, { action: "USER_CREATED", subject: user.email, detail: { role: user.role } });
    return publicUser(user);
  });
}

export async function recordSignOut(user: { id: string; email: string }, ip: string | null): Promise<void> {
  await recordAudit(prisma, { action: "SIGN_OUT", actorId: user.id, subject: user.email, ip });
}
