// Accounts: SME sign-up, sign-in with throttling, staff invitations, password resets and deactivation (an
// organisation's creation and verification are in ../organization). Every change of who may do what is written to the
// audit log.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError, TryLaterError } from "~/lib/errors";
import { decoyHash, hashPassword, verifyPassword } from "~/lib/password.server";
import { publicUrl } from "~/lib/public-url.server";
import { recordAudit } from "~/models/audit/audit.server";
import { bilingualMail, sendMail } from "~/models/mail.server";
import { createEnterprise } from "~/models/organization/organization.server";
import type { Role } from "./roles";
import type { Registration } from "./schemas";

const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;
const REGISTRATION_HOURS = 24;

interface DelayRule {
  /** failures in the window before any wait */
  free: number;
  /** the longest wait, in seconds */
  maxSeconds: number;
}

/**
 * Failed sign-ins slow further attempts down instead of locking the account: past `free` failures in the window,
 * the next attempt waits 2^(failures - free) seconds from the latest failure, up to `maxSeconds`. Per account from
 * any address the wait stays short (its owner is never shut out for long by someone else's guesses); per account
 * from one address, and per address over all accounts, it grows to 15 minutes.
 */
export const SIGN_IN_DELAYS = {
  windowMinutes: 15,
  account: { free: 5, maxSeconds: 60 },
  accountFromAddress: { free: 3, maxSeconds: 900 },
  address: { free: 10, maxSeconds: 900 },
} satisfies Record<string, number | DelayRule>;

/** Seconds to wait after the latest of `failures` failed sign-ins under a rule. */
export function signInDelaySeconds(failures: number, rule: DelayRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, 2 ** Math.min(failures - rule.free, 30));
}

/** Password-reset mail per account and requests per address, in the window. */
export const RESET_LIMITS = { windowMinutes: 15, mailsPerAccount: 3, requestsPerAddress: 10 };
/** Sign-ups per client address in the window. */
export const REGISTRATION_LIMITS = { windowMinutes: 60, perAddress: 20 };

export interface AccountUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
}

const publicUser = (user: {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
}): AccountUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organizationId: user.organizationId,
});

const newToken = () => randomBytes(32).toString("base64url");
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Audits a new SME account (with its enterprise) and answers it. */
async function registered(
  tx: Prisma.TransactionClient,
  user: Parameters<typeof publicUser>[0],
  organizationId: string,
  ip: string | null,
): Promise<AccountUser> {
  await recordAudit(tx, {
    action: "REGISTERED",
    actorId: user.id,
    subject: user.email,
    ip,
    detail: { organizationId },
  });
  return publicUser(user);
}

/**
 * The seconds an address must wait before asking again when it made `limit` requests of this kind (its audit action)
 * in the last `windowMinutes`, or null when it may ask now.
 */
async function addressWaitSeconds(
  action: string,
  ip: string,
  limit: number,
  windowMinutes: number,
  now: number,
): Promise<number | null> {
  const recent = await prisma.auditEvent.findMany({
    where: { action, ip, at: { gte: new Date(now - windowMinutes * 60_000) } },
    select: { at: true },
    orderBy: { at: "asc" },
    take: limit,
  });
  return recent.length >= limit ? (recent[0].at.getTime() + windowMinutes * 60_000 - now) / 1000 : null;
}

/**
 * An SME asks to register itself and its enterprise. The answer never depends on whether the email or the credit
 * code is registered: a new address gets a link that creates the account (confirmRegistration); the owner of a
 * registered address, or of a registered enterprise's code, is told so by mail. Rate-limited per address.
 */
export async function requestRegistration(input: Registration, ip: string | null): Promise<void> {
  if (ip) {
    const { perAddress, windowMinutes } = REGISTRATION_LIMITS;
    const wait = await addressWaitSeconds("REGISTRATION_REQUESTED", ip, perAddress, windowMinutes, Date.now());
    if (wait !== null) throw new TryLaterError("TOO_MANY_REGISTRATIONS", "join.tooMany", wait);
  }
  // Hashed whatever happens next, so every answer takes as long.
  const passwordHash = await hashPassword(input.password);
  const origin = publicUrl();
  const [user, organization] = await Promise.all([
    prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    prisma.organization.findUnique({ where: { creditCode: input.organization.creditCode }, select: { id: true } }),
  ]);
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, {
      action: "REGISTRATION_REQUESTED",
      subject: input.email,
      ip,
      detail: { emailKnown: Boolean(user), creditCodeKnown: Boolean(organization) },
    });
    if (user) {
      await sendMail(
        tx,
        bilingualMail(input.email, "mail.alreadyHasAccount.subject", "mail.alreadyHasAccount.body", { origin }),
      );
      return;
    }
    if (organization) {
      await sendMail(
        tx,
        bilingualMail(input.email, "mail.companyRegistered.subject", "mail.companyRegistered.body", {
          creditCode: input.organization.creditCode,
        }),
      );
      return;
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + REGISTRATION_HOURS * 3_600_000);
    await tx.pendingRegistration.create({
      data: {
        tokenHash: tokenHash(token),
        email: input.email,
        name: input.name,
        passwordHash,
        organization: input.organization,
        ip,
        expiresAt,
      },
    });
    await sendMail(
      tx,
      bilingualMail(input.email, "mail.register.subject", "mail.register.body", {
        hours: REGISTRATION_HOURS,
        organization: input.organization.name,
        link: `${origin}/register/${token}`,
      }),
    );
  });
}

/** The sign-up a mailed link opens, or a DomainError saying why it cannot be used. */
export async function openRegistration(token: string): Promise<{ email: string; organizationName: string }> {
  const pending = await prisma.pendingRegistration.findUnique({ where: { tokenHash: tokenHash(token) } });
  if (!pending || pending.usedAt || pending.expiresAt <= new Date())
    throw new DomainError("REGISTRATION_INVALID", "join.confirmInvalid", { status: 410 });
  return { email: pending.email, organizationName: (pending.organization as Registration["organization"]).name };
}

/** Creates the account and its unverified enterprise from a mailed link (once). */
export async function confirmRegistration(token: string, ip: string | null): Promise<AccountUser> {
  return prisma.$transaction(async (tx) => {
    const pending = await tx.pendingRegistration.findUnique({ where: { tokenHash: tokenHash(token) } });
    if (!pending || pending.usedAt || pending.expiresAt <= new Date())
      throw new DomainError("REGISTRATION_INVALID", "join.confirmInvalid", { status: 410 });
    // Marking it used only if still unused makes a second, concurrent confirmation fail.
    const claimed = await tx.pendingRegistration.updateMany({
      where: { id: pending.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw new DomainError("REGISTRATION_INVALID", "join.confirmInvalid", { status: 410 });
    const input = pending.organization as Registration["organization"];
    // Registered by another link in the meantime: the address's owner can sign in already.
    if (await tx.user.findUnique({ where: { email: pending.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    }
    const organization = await createEnterprise(tx, input);
    const user = await tx.user.create({
      data: {
        email: pending.email,
        name: pending.name,
        passwordHash: pending.passwordHash,
        role: "SME",
        organizationId: organization.id,
      },
    });
    return registered(tx, user, organization.id, ip);
  });
}

/** An SME registers itself and its enterprise, which starts unverified, with no mail (fixtures and scripts). */
export async function registerSme(input: Registration, ip: string | null): Promise<AccountUser> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    }
    const organization = await createEnterprise(tx, input.organization);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "SME", organizationId: organization.id },
    });
    return registered(tx, user, organization.id, ip);
  });
}

/** When the next sign-in may be tried for this account from this address (null: now). Counts failures in the
 * window, for the account only since its latest successful sign-in. */
async function nextSignInAllowed(
  email: string,
  ip: string | null,
  lastSignInAt: Date | null,
  now: Date,
): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - SIGN_IN_DELAYS.windowMinutes * 60_000);
  const accountSince = lastSignInAt && lastSignInAt > windowStart ? lastSignInAt : windowStart;
  const take = 64;
  const [byAccount, byAddress] = await Promise.all([
    prisma.auditEvent.findMany({
      where: { action: "SIGN_IN_FAILED", subject: email, at: { gt: accountSince } },
      select: { at: true, ip: true },
      orderBy: { at: "desc" },
      take,
    }),
    ip
      ? prisma.auditEvent.findMany({
          where: { action: "SIGN_IN_FAILED", ip, at: { gte: windowStart } },
          select: { at: true },
          orderBy: { at: "desc" },
          take,
        })
      : [],
  ]);
  const fromAddress = ip ? byAccount.filter((failure) => failure.ip === ip) : [];
  let allowed: Date | null = null;
  for (const [failures, rule] of [
    [byAccount, SIGN_IN_DELAYS.account],
    [fromAddress, SIGN_IN_DELAYS.accountFromAddress],
    [byAddress, SIGN_IN_DELAYS.address],
  ] as const) {
    const wait = signInDelaySeconds(failures.length, rule);
    if (wait === 0) continue;
    const until = new Date(failures[0].at.getTime() + wait * 1000);
    if (until > now && (!allowed || until > allowed)) allowed = until;
  }
  return allowed;
}

/** Checks the password; refuses with one generic message whatever was wrong, and with a 429 saying when to try
 * again while failed sign-ins slow this account or address down (the password is not checked then). */
export async function authenticate(
  email: string,
  password: string,
  ip: string | null,
  clock: { now?: Date } = {},
): Promise<AccountUser & { sessionVersion: number }> {
  const now = clock.now ?? new Date();
  const user = await prisma.user.findUnique({ where: { email } });
  const allowed = await nextSignInAllowed(email, ip, user?.lastSignInAt ?? null, now);
  if (allowed)
    throw new TryLaterError("TOO_MANY_ATTEMPTS", "auth.tooManyAttempts", (allowed.getTime() - now.getTime()) / 1000);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid || user.deactivatedAt) {
    await recordAudit(prisma, {
      action: "SIGN_IN_FAILED",
      subject: email,
      ip,
      detail: { reason: !user ? "unknown" : !valid ? "password" : "deactivated" },
    });
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
): Promise<{ id: string; url: string; expiresAt: Date }> {
  const mayInvite =
    inviter.role === "ADMIN" ||
    (inviter.role === "UNIVERSITY_STAFF" && inviter.canInvite && inviter.organizationId === input.organizationId);
  if (!mayInvite) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const university = await prisma.organization.findUnique({
    where: { id: input.organizationId },
    select: { kind: true, name: true },
  });
  if (!university || university.kind !== "UNIVERSITY") {
    throw new DomainError("NOT_A_UNIVERSITY", "validation.university", { status: 400, path: "organizationId" });
  }
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
  }
  const token = newToken();
  const url = `${publicUrl()}/invitations/${token}`;
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const invitation = await prisma.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        tokenHash: tokenHash(token),
        email: input.email,
        organizationId: input.organizationId,
        canInvite: input.canInvite,
        invitedById: inviter.id,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      action: "INVITATION_CREATED",
      actorId: inviter.id,
      subject: input.email,
      detail: { organizationId: input.organizationId, canInvite: input.canInvite },
    });
    await sendMail(
      tx,
      bilingualMail(input.email, "mail.invitation.subject", "mail.invitation.body", {
        university: university.name,
        until: isoDay(expiresAt),
        link: url,
      }),
    );
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
  if (invitation.expiresAt < new Date())
    throw new DomainError("INVITATION_EXPIRED", "invitation.expired", { status: 410 });
  return invitation;
}

export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  ip: string | null,
): Promise<AccountUser & { sessionVersion: number }> {
  const invitation = await openInvitation(token);
  if (input.password.toLowerCase().includes(invitation.email)) {
    throw new DomainError("PASSWORD_IS_EMAIL", "validation.passwordIsEmail", { status: 400, path: "password" });
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Marking it accepted only if still unused makes a second, concurrent acceptance fail.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new DomainError("INVITATION_USED", "invitation.used", { status: 410 });
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    }
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: "UNIVERSITY_STAFF",
        organizationId: invitation.organizationId,
        canInvite: invitation.canInvite,
      },
    });
    await recordAudit(tx, {
      action: "INVITATION_ACCEPTED",
      actorId: user.id,
      subject: user.email,
      ip,
      detail: { organizationId: invitation.organizationId },
    });
    return { ...publicUser(user), sessionVersion: user.sessionVersion };
  });
}

/**
 * Sends a one-time reset link if the account exists, and answers the same either way. A new link voids the older
 * ones; an account gets at most RESET_LIMITS.mailsPerAccount mails in the window (more requests send nothing), and
 * an address making too many requests is told to try later (429), whichever accounts it names.
 */
export async function requestPasswordReset(email: string, ip: string | null): Promise<void> {
  const now = new Date();
  const since = new Date(now.getTime() - RESET_LIMITS.windowMinutes * 60_000);
  if (ip) {
    const { requestsPerAddress, windowMinutes } = RESET_LIMITS;
    const wait = await addressWaitSeconds(
      "PASSWORD_RESET_REQUESTED",
      ip,
      requestsPerAddress,
      windowMinutes,
      now.getTime(),
    );
    if (wait !== null) throw new TryLaterError("TOO_MANY_RESETS", "reset.tooMany", wait);
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const known = Boolean(user && !user.deactivatedAt);
  const mailed = known
    ? await prisma.passwordReset.count({ where: { userId: user!.id, createdAt: { gte: since } } })
    : 0;
  const send = known && mailed < RESET_LIMITS.mailsPerAccount;
  await recordAudit(prisma, { action: "PASSWORD_RESET_REQUESTED", subject: email, ip, detail: { known, sent: send } });
  if (!send) return;
  const token = newToken();
  const origin = publicUrl();
  await prisma.$transaction(async (tx) => {
    // Only the newest link works.
    await tx.passwordReset.updateMany({ where: { userId: user!.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordReset.create({
      data: {
        tokenHash: tokenHash(token),
        userId: user!.id,
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
      },
    });
    await sendMail(
      tx,
      bilingualMail(user!.email, "mail.reset.subject", "mail.reset.body", {
        minutes: RESET_MINUTES,
        link: `${origin}/reset-password/${token}`,
      }),
    );
  });
}

export async function resetPassword(token: string, password: string, ip: string | null): Promise<void> {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: tokenHash(token) },
    include: { user: true },
  });
  if (!reset || reset.usedAt || reset.expiresAt < new Date() || reset.user.deactivatedAt) {
    throw new DomainError("RESET_INVALID", "reset.invalid", { status: 410 });
  }
  if (password.toLowerCase().includes(reset.user.email)) {
    throw new DomainError("PASSWORD_IS_EMAIL", "validation.passwordIsEmail", { status: 400, path: "password" });
  }
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw new DomainError("RESET_INVALID", "reset.invalid", { status: 410 });
    // Any other link still out is void, and every session that used the old password ends.
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await recordAudit(tx, { action: "PASSWORD_RESET", actorId: reset.userId, subject: reset.user.email, ip });
  });
}

/** A signed-in user changes their password: every session of the account ends (the caller starts a new one). */
export async function changePassword(
  user: { id: string; email: string },
  current: string,
  next: string,
  ip: string | null,
): Promise<void> {
  const stored = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!stored || !(await verifyPassword(current, stored.passwordHash))) {
    await recordAudit(prisma, {
      action: "SIGN_IN_FAILED",
      subject: user.email,
      ip,
      detail: { reason: "password-change" },
    });
    throw new DomainError("WRONG_PASSWORD", "account.wrongPassword", { status: 400, path: "currentPassword" });
  }
  if (next.toLowerCase().includes(user.email)) {
    throw new DomainError("PASSWORD_IS_EMAIL", "validation.passwordIsEmail", { status: 400, path: "password" });
  }
  const passwordHash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await recordAudit(tx, { action: "PASSWORD_CHANGED", actorId: user.id, subject: user.email, ip });
  });
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function endAllSessions(user: { id: string; email: string }, ip: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { action: "SIGNED_OUT_EVERYWHERE", actorId: user.id, subject: user.email, ip });
  });
}

export async function deactivateUser(adminId: string, userId: string): Promise<void> {
  if (adminId === userId) throw new DomainError("SELF", "admin.cannotDeactivateSelf", { status: 400 });
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, deactivatedAt: true } });
    if (!user) throw new DomainError("NOT_FOUND", "admin.userNotFound", { status: 404 });
    if (user.deactivatedAt) return;
    await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, { action: "USER_DEACTIVATED", actorId: adminId, subject: user.email });
  });
}

/** Grants or withdraws a university member's right to invite colleagues. */
export async function setCanInvite(actor: Inviter, userId: string, canInvite: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, role: true, organizationId: true, canInvite: true },
    });
    if (!user || user.role !== "UNIVERSITY_STAFF")
      throw new DomainError("NOT_FOUND", "admin.userNotFound", { status: 404 });
    const allowed =
      actor.role === "ADMIN" ||
      (actor.role === "UNIVERSITY_STAFF" && actor.canInvite && actor.organizationId === user.organizationId);
    if (!allowed) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
    if (user.canInvite === canInvite) return;
    await tx.user.update({ where: { id: userId }, data: { canInvite } });
    await recordAudit(tx, { action: "ROLE_CHANGED", actorId: actor.id, subject: user.email, detail: { canInvite } });
  });
}

/** For the command line: creates an account of any role (the first administrator in production). */
export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId?: string | null;
}): Promise<AccountUser> {
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
