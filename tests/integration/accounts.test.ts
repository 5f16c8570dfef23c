import { beforeAll, describe, expect, it } from "vitest";
import { canManageFor, getUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { startSession } from "~/lib/session.server";
import {
  acceptInvitation,
  authenticate,
  createInvitation,
  createUser,
  deactivateUser,
  registerSme,
  requestPasswordReset,
  resetPassword,
  SIGN_IN_LIMITS,
  verifyOrganization,
} from "~/models/account.server";
import { loader as meApi } from "~/routes/api.v1.me";
import { action as registerApi } from "~/routes/api.v1.register";
import { action as sessionApi } from "~/routes/api.v1.session";
import { createUniversity } from "../helpers/fixtures";

const VALID_CODE = "91500000202847456W";
const registration = (overrides: Record<string, unknown> = {}) => ({
  email: "buyer@example.com",
  password: "long enough pass",
  name: "李经理",
  organization: { name: "重庆示例科技有限公司", creditCode: VALID_CODE, region: "渝北区", cluster: "NEV" },
  ...overrides,
});
const json = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { method, headers: { "Content-Type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
const withCookie = (setCookie: string) => ({ Cookie: setCookie.split(";")[0] });
const outboxLink = async (to: string, path: string) => {
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(mail.body)![1];
};

let university: { id: string };
let otherUniversity: { id: string };
let admin: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  otherUniversity = await createUniversity("西南大学", "Southwest University");
  admin = await createUser({ email: "admin@example.org", name: "Admin", password: "admin password 1", role: "ADMIN" });
});

describe("SME sign-up through the API", () => {
  it("registers the person and an unverified enterprise, signs them in, and answers 201", async () => {
    const response = await registerApi({ request: json("/api/v1/register", "POST", registration()), params: {}, context: {} });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: "buyer@example.com", role: "SME", organizationId: expect.any(String) });
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: body.user.organizationId } });
    expect(organization).toMatchObject({ kind: "ENTERPRISE", creditCode: VALID_CODE, verifiedAt: null });
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/__session=.+; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax/);
    const me = await meApi({ request: new Request("http://localhost/api/v1/me", { headers: withCookie(cookie) }), params: {}, context: {} });
    expect(await me.json()).toMatchObject({ user: { email: "buyer@example.com" }, organization: { verifiedAt: null } });
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    expect(stored.passwordHash).not.toContain("long enough pass");
  });

  it.each([
    ["a duplicate email", registration({ organization: { ...registration().organization, creditCode: "91500000MA5U7AXN30" } }), 409, "email", "already registered"],
    ["a password under 10 characters", registration({ email: "a@example.com", password: "short" }), 400, "password", "at least 10"],
    ["the email as password", registration({ email: "same@example.com", password: "same@example.com" }), 400, "password", "must not contain"],
    ["a malformed email", registration({ email: "not-an-email" }), 400, "email", "valid email"],
    ["an invalid credit code", registration({ email: "b@example.com", organization: { ...registration().organization, creditCode: "91500000202847456X" } }), 400, "organization.creditCode", "credit code"],
    ["an oversized name", registration({ email: "c@example.com", name: "名".repeat(101) }), 400, "name", "Too long"],
    ["an unknown cluster", registration({ email: "d@example.com", organization: { ...registration().organization, cluster: "MOON" } }), 400, "organization.cluster", "cluster"],
  ])("refuses %s with a message on the field", async (_case, body, status, path, message) => {
    const response = await registerApi({ request: json("/api/v1/register", "POST", body), params: {}, context: {} });
    expect(response.status).toBe(status);
    const answer = await response.json();
    expect(answer.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]));
  });

  it("accepts only JSON bodies of bounded size from this site", async () => {
    const form = new Request("http://localhost/api/v1/register", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "email=x" });
    expect((await registerApi({ request: form, params: {}, context: {} })).status).toBe(415);
    expect((await registerApi({ request: json("/api/v1/register", "POST", "{not json"), params: {}, context: {} })).status).toBe(400);
    expect((await registerApi({ request: json("/api/v1/register", "POST", { padding: "x".repeat(70_000) }), params: {}, context: {} })).status).toBe(413);
    const foreign = json("/api/v1/register", "POST", registration({ email: "e@example.com" }), { Origin: "https://evil.example", Host: "localhost" });
    expect((await registerApi({ request: foreign, params: {}, context: {} })).status).toBe(403);
  });
});

describe("signing in", () => {
  it("answers 200 with the user and a session cookie, and 401 with one generic message otherwise", async () => {
    const ok = await sessionApi({ request: json("/api/v1/session", "POST", { email: "BUYER@example.com ", password: "long enough pass" }), params: {}, context: { clientIp: "10.0.0.1" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ user: { id: expect.any(String), email: "buyer@example.com", name: "李经理", role: "SME", organizationId: expect.any(String) } });
    for (const body of [{ email: "buyer@example.com", password: "wrong password" }, { email: "nobody@example.com", password: "long enough pass" }]) {
      const failed = await sessionApi({ request: json("/api/v1/session", "POST", body), params: {}, context: { clientIp: "10.0.0.2" } });
      expect(failed.status).toBe(401);
      expect(await failed.json()).toEqual({ error: "The email or password is not correct" });
    }
    const events = await prisma.auditEvent.findMany({ where: { action: { in: ["SIGN_IN", "SIGN_IN_FAILED"] } } });
    expect(events.map((e) => e.action).sort()).toEqual(["SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_FAILED"]);
    expect(JSON.stringify(events)).not.toContain("wrong password");
  });

  it("limits failed attempts per account with a 429, even with the right password", async () => {
    await registerSme(registration({ email: "target@example.com", organization: { ...registration().organization, creditCode: "91500000MA5U7AXN30" } }) as never, null);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await expect(authenticate("target@example.com", "wrong password", `10.1.0.${i}`)).rejects.toMatchObject({ status: 401 });
    }
    await expect(authenticate("target@example.com", "long enough pass", "10.1.1.1")).rejects.toMatchObject({ status: 429, message: "auth.tooManyAttempts" });
  });

  it("limits failed attempts per address across accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await expect(authenticate(`guess${i}@example.com`, "whatever password", "10.9.9.9")).rejects.toMatchObject({ status: 401 });
    }
    const response = await sessionApi({ request: json("/api/v1/session", "POST", { email: "buyer@example.com", password: "long enough pass" }), params: {}, context: { clientIp: "10.9.9.9" } });
    expect(response.status).toBe(429);
    expect((await response.json()).error).toMatch(/Too many failed sign-ins/);
  });

  it("voids the cookie of a deactivated account and refuses it a new session", async () => {
    const user = await createUser({ email: "leaver@example.com", name: "Leaver", password: "leaver password", role: "SME" });
    const cookie = await startSession(user.id, 1);
    const request = () => new Request("http://localhost/", { headers: withCookie(cookie) });
    expect(await getUser(request())).toMatchObject({ email: "leaver@example.com" });
    await deactivateUser(admin.id, user.id);
    expect(await getUser(request())).toBeNull();
    await expect(authenticate("leaver@example.com", "leaver password", null)).rejects.toMatchObject({ status: 401 });
    await expect(deactivateUser(admin.id, admin.id)).rejects.toMatchObject({ status: 400 });
    expect(await prisma.auditEvent.count({ where: { action: "USER_DEACTIVATED", subject: "leaver@example.com" } })).toBe(1);
  });
});

describe("staff invitations", () => {
  it("lets an administrator invite staff, whose link works once", async () => {
    await createInvitation({ id: admin.id, role: "ADMIN", organizationId: null, canInvite: true }, { email: "tto@cqu.example", organizationId: university.id, canInvite: true }, "https://pb.example");
    const token = await outboxLink("tto@cqu.example", "/invitations");
    const staff = await acceptInvitation(token, { name: "王老师", password: "staff password 1" }, null);
    expect(staff).toMatchObject({ email: "tto@cqu.example", role: "UNIVERSITY_STAFF", organizationId: university.id });
    await expect(acceptInvitation(token, { name: "again", password: "staff password 2" }, null)).rejects.toMatchObject({ status: 410, message: "invitation.used" });
    await expect(acceptInvitation("not-a-token", { name: "x", password: "staff password 2" }, null)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an expired invitation", async () => {
    await createInvitation({ id: admin.id, role: "ADMIN", organizationId: null, canInvite: true }, { email: "late@cqu.example", organizationId: university.id, canInvite: false }, "https://pb.example");
    const token = await outboxLink("late@cqu.example", "/invitations");
    await prisma.invitation.updateMany({ where: { email: "late@cqu.example" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(token, { name: "Late", password: "staff password 3" }, null)).rejects.toMatchObject({ status: 410, message: "invitation.expired" });
  });

  it("lets a university's admin member invite to their own university only, and nobody else invite at all", async () => {
    const member = await prisma.user.findUniqueOrThrow({ where: { email: "tto@cqu.example" } });
    const inviter = { id: member.id, role: "UNIVERSITY_STAFF" as const, organizationId: university.id, canInvite: true };
    await expect(createInvitation(inviter, { email: "colleague@cqu.example", organizationId: university.id, canInvite: false }, "https://pb.example")).resolves.toMatchObject({ url: expect.stringContaining("/invitations/") });
    await expect(createInvitation(inviter, { email: "x@swu.example", organizationId: otherUniversity.id, canInvite: false }, "https://pb.example")).rejects.toMatchObject({ status: 403 });
    await expect(createInvitation({ ...inviter, canInvite: false }, { email: "y@cqu.example", organizationId: university.id, canInvite: false }, "https://pb.example")).rejects.toMatchObject({ status: 403 });
    const sme = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    await expect(createInvitation({ id: sme.id, role: "SME", organizationId: sme.organizationId, canInvite: false }, { email: "z@cqu.example", organizationId: university.id, canInvite: false }, "https://pb.example")).rejects.toMatchObject({ status: 403 });
  });
});

describe("password reset", () => {
  it("sends a one-time link that changes the password and signs out older sessions", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    const oldCookie = await startSession(user.id, user.sessionVersion);
    await requestPasswordReset("buyer@example.com", "https://pb.example", null);
    await requestPasswordReset("unknown@example.com", "https://pb.example", null);
    expect(await prisma.outboxEmail.count({ where: { to: "unknown@example.com" } })).toBe(0);
    const token = await outboxLink("buyer@example.com", "/reset-password");
    await resetPassword(token, "a brand new password", null);
    await expect(resetPassword(token, "another new password", null)).rejects.toMatchObject({ status: 410 });
    expect(await getUser(new Request("http://localhost/", { headers: withCookie(oldCookie) }))).toBeNull();
    await expect(authenticate("buyer@example.com", "a brand new password", "10.2.0.1")).resolves.toMatchObject({ email: "buyer@example.com" });
  });
});

describe("resource checks", () => {
  it("let staff manage only their own university's resources, administrators any", async () => {
    const staff = await getUser(new Request("http://localhost/", { headers: withCookie(await startSession((await prisma.user.findUniqueOrThrow({ where: { email: "tto@cqu.example" } })).id, 1)) }));
    const boss = await getUser(new Request("http://localhost/", { headers: withCookie(await startSession(admin.id, 1)) }));
    const sme = await getUser(new Request("http://localhost/", { headers: withCookie(await startSession((await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } })).id, 2)) }));
    expect(canManageFor(staff!, university.id)).toBe(true);
    expect(canManageFor(staff!, otherUniversity.id)).toBe(false);
    expect(canManageFor(boss!, otherUniversity.id)).toBe(true);
    expect(canManageFor(sme!, sme!.organization!.id)).toBe(false);
  });
});

describe("verification", () => {
  it("marks the enterprise verified once, in the audit log", async () => {
    const sme = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    const first = await verifyOrganization(admin.id, sme.organizationId!);
    const again = await verifyOrganization(admin.id, sme.organizationId!);
    expect(again.verifiedAt).toEqual(first.verifiedAt);
    expect(await prisma.auditEvent.count({ where: { action: "ORGANIZATION_VERIFIED", subject: sme.organizationId! } })).toBe(1);
    await expect(verifyOrganization(admin.id, "org-missing")).rejects.toMatchObject({ status: 404 });
  });
});
