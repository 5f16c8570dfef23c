import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canManageFor, getUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { forgetPublicUrl, publicUrl } from "~/lib/public-url.server";
import { startSession } from "~/lib/session.server";
import {
  acceptInvitation,
  authenticate,
  createInvitation,
  createUser,
  deactivateUser,
  REGISTRATION_LIMITS,
  registerSme,
  requestPasswordReset,
  RESET_LIMITS,
  resetPassword,
  SIGN_IN_DELAYS,
  signInDelaySeconds,
} from "~/models/account/account.server";
import { verifyOrganization } from "~/models/organization/organization.server";
import { action as accountAction } from "~/routes/account";
import { loader as meApi } from "~/routes/api.v1.me";
import { action as registerApi } from "~/routes/api.v1.register";
import { action as confirmApi } from "~/routes/api.v1.register.confirm";
import { action as sessionApi } from "~/routes/api.v1.session";
import { action as forgotPasswordAction } from "~/routes/forgot-password";
import { action as logoutAction } from "~/routes/logout";
import { createUniversity } from "../helpers/fixtures";

const PUBLIC_URL = "https://patentbridge.example";
const previousPublicUrl = process.env.PUBLIC_URL;
process.env.PUBLIC_URL = PUBLIC_URL;
forgetPublicUrl();
afterAll(() => {
  if (previousPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = previousPublicUrl;
  forgetPublicUrl();
});

const VALID_CODE = "91500000202847456W";
const registration = (overrides: Record<string, unknown> = {}) => ({
  email: "buyer@example.com",
  password: "long enough pass",
  name: "李经理",
  organization: { name: "重庆示例科技有限公司", creditCode: VALID_CODE, region: "渝北区", cluster: "NEV" },
  ...overrides,
});
const json = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const withCookie = (setCookie: string) => ({ Cookie: setCookie.split(";")[0] });
const outboxLink = async (to: string, path: string) => {
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(mail.body)![1];
};
const me = async (cookie: string) =>
  (
    await meApi({
      request: new Request("http://localhost/api/v1/me", { headers: withCookie(cookie) }),
      params: {},
      context: {},
    })
  ).status;
const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
/** Moves every failed sign-in back in time: the test's clock instead of waiting. */
async function ageFailures(seconds: number) {
  const failures = await prisma.auditEvent.findMany({
    where: { action: "SIGN_IN_FAILED" },
    select: { id: true, at: true },
  });
  for (const failure of failures)
    await prisma.auditEvent.update({
      where: { id: failure.id },
      data: { at: new Date(failure.at.getTime() - seconds * 1000) },
    });
}
/** Failed sign-ins of earlier tests out of the way (the audit log is append-only outside tests). */
const forgetFailures = () => prisma.auditEvent.deleteMany({ where: { action: "SIGN_IN_FAILED" } });
/** The 429's wait, in seconds, or the status when it was not a 429, on a clock standing `elapsed` seconds after the
 * latest failure: the waits are exact however slow the machine, and nothing sleeps. */
async function signInWait(email: string, password: string, ip: string, elapsed = 0): Promise<number | string> {
  const latest = await prisma.auditEvent.findFirst({
    where: { action: "SIGN_IN_FAILED" },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const now = new Date((latest?.at.getTime() ?? Date.now()) + elapsed * 1000);
  try {
    await authenticate(email, password, ip, { now });
    return "signed in";
  } catch (error) {
    const refusal = error as { status: number; retryAfterSeconds?: number };
    return refusal.status === 429 ? refusal.retryAfterSeconds! : refusal.status;
  }
}

let university: { id: string };
let otherUniversity: { id: string };
let admin: { id: string };

beforeAll(async () => {
  university = await createUniversity("重庆大学", "Chongqing University");
  otherUniversity = await createUniversity("西南大学", "Southwest University");
  admin = await createUser({ email: "admin@example.org", name: "Admin", password: "admin password 1", role: "ADMIN" });
});

describe("SME sign-up through the API", () => {
  it("answers 202 and mails a link that creates the person and an unverified enterprise, signed in", async () => {
    const response = await registerApi({
      request: json("/api/v1/register", "POST", registration()),
      params: {},
      context: { clientIp: "10.3.0.1" },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.user.count({ where: { email: "buyer@example.com" } })).toBe(0);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "buyer@example.com" } });
    expect(mail.body).toContain(`${PUBLIC_URL}/register/`);
    const token = await outboxLink("buyer@example.com", "/register");
    const confirmed = await confirmApi({
      request: json("/api/v1/register/confirm", "POST", { token }),
      params: {},
      context: {},
    });
    expect(confirmed.status).toBe(201);
    const body = await confirmed.json();
    expect(body.user).toMatchObject({ email: "buyer@example.com", role: "SME", organizationId: expect.any(String) });
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: body.user.organizationId } });
    expect(organization).toMatchObject({ kind: "ENTERPRISE", creditCode: VALID_CODE, verifiedAt: null });
    const cookie = confirmed.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/__session=.+; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax/);
    const meResponse = await meApi({
      request: new Request("http://localhost/api/v1/me", { headers: withCookie(cookie) }),
      params: {},
      context: {},
    });
    expect(await meResponse.json()).toMatchObject({
      user: { email: "buyer@example.com" },
      organization: { verifiedAt: null },
    });
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    expect(stored.passwordHash).not.toContain("long enough pass");
    // The link works once.
    expect(
      (await confirmApi({ request: json("/api/v1/register/confirm", "POST", { token }), params: {}, context: {} }))
        .status,
    ).toBe(410);
  });

  it("answers the same whether or not the email or the credit code is registered, and tells their owner by mail", async () => {
    const answers = [];
    for (const body of [
      registration({
        email: "fresh@example.com",
        organization: { ...registration().organization, creditCode: "91500000MA5U7AXN30" },
      }),
      registration({ organization: { ...registration().organization, creditCode: "91500000MA5U7AXN30" } }),
      registration({ email: "colleague@example.com" }),
    ]) {
      const response = await registerApi({
        request: json("/api/v1/register", "POST", body),
        params: {},
        context: { clientIp: "10.3.0.2" },
      });
      answers.push({
        status: response.status,
        body: await response.json(),
        cookie: response.headers.get("Set-Cookie"),
      });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const toOwner = await prisma.outboxEmail.findFirstOrThrow({
      where: { to: "buyer@example.com" },
      orderBy: { createdAt: "desc" },
    });
    expect(toOwner.body).toMatch(/already has an account/);
    expect(toOwner.body).toContain(`${PUBLIC_URL}/forgot-password`);
    const toColleague = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "colleague@example.com" } });
    expect(toColleague.body).toMatch(/already has an account on PatentBridge/);
    expect(toColleague.body).not.toMatch(/\/register\//);
    expect(
      await prisma.pendingRegistration.count({
        where: { email: { in: ["buyer@example.com", "colleague@example.com"] }, usedAt: null },
      }),
    ).toBe(0);
  }, 180_000);

  it("limits sign-ups per address with a 429 that says when to try again", async () => {
    // The address's earlier requests, as the audit log holds them (each real one hashes a password).
    await prisma.auditEvent.createMany({
      data: Array.from({ length: REGISTRATION_LIMITS.perAddress - 1 }, (_, i) => ({
        action: "REGISTRATION_REQUESTED",
        subject: `many${i}@example.com`,
        ip: "10.3.9.9",
      })),
    });
    const last = await registerApi({
      request: json("/api/v1/register", "POST", registration({ email: "many-last@example.com" })),
      params: {},
      context: { clientIp: "10.3.9.9" },
    });
    expect(last.status).toBe(202);
    const refused = await registerApi({
      request: json("/api/v1/register", "POST", registration({ email: "onemore@example.com" })),
      params: {},
      context: { clientIp: "10.3.9.9" },
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const elsewhere = await registerApi({
      request: json("/api/v1/register", "POST", registration({ email: "onemore@example.com" })),
      params: {},
      context: { clientIp: "10.3.9.10" },
    });
    expect(elsewhere.status).toBe(202);
  }, 180_000);

  it.each([
    [
      "a password under 10 characters",
      registration({ email: "a@example.com", password: "short" }),
      400,
      "password",
      "at least 10",
    ],
    [
      "the email as password",
      registration({ email: "same@example.com", password: "same@example.com" }),
      400,
      "password",
      "must not contain",
    ],
    ["a malformed email", registration({ email: "not-an-email" }), 400, "email", "valid email"],
    [
      "an invalid credit code",
      registration({
        email: "b@example.com",
        organization: { ...registration().organization, creditCode: "91500000202847456X" },
      }),
      400,
      "organization.creditCode",
      "credit code",
    ],
    ["an oversized name", registration({ email: "c@example.com", name: "名".repeat(101) }), 400, "name", "Too long"],
    [
      "an unknown cluster",
      registration({ email: "d@example.com", organization: { ...registration().organization, cluster: "MOON" } }),
      400,
      "organization.cluster",
      "cluster",
    ],
  ])("refuses %s with a message on the field", async (_case, body, status, path, message) => {
    const response = await registerApi({ request: json("/api/v1/register", "POST", body), params: {}, context: {} });
    expect(response.status).toBe(status);
    const answer = await response.json();
    expect(answer.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]),
    );
  });

  it("accepts only JSON bodies of bounded size from this site", async () => {
    const form = new Request("http://localhost/api/v1/register", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=x",
    });
    expect((await registerApi({ request: form, params: {}, context: {} })).status).toBe(415);
    expect(
      (await registerApi({ request: json("/api/v1/register", "POST", "{not json"), params: {}, context: {} })).status,
    ).toBe(400);
    expect(
      (
        await registerApi({
          request: json("/api/v1/register", "POST", { padding: "x".repeat(70_000) }),
          params: {},
          context: {},
        })
      ).status,
    ).toBe(413);
    const foreign = json("/api/v1/register", "POST", registration({ email: "e@example.com" }), {
      Origin: "https://evil.example",
      Host: "localhost",
    });
    expect((await registerApi({ request: foreign, params: {}, context: {} })).status).toBe(403);
  });
});

describe("signing in", () => {
  it("answers 200 with the user and a session cookie, and 401 with one generic message otherwise", async () => {
    const ok = await sessionApi({
      request: json("/api/v1/session", "POST", { email: "BUYER@example.com ", password: "long enough pass" }),
      params: {},
      context: { clientIp: "10.0.0.1" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      user: {
        id: expect.any(String),
        email: "buyer@example.com",
        name: "李经理",
        role: "SME",
        organizationId: expect.any(String),
      },
    });
    for (const body of [
      { email: "buyer@example.com", password: "wrong password" },
      { email: "nobody@example.com", password: "long enough pass" },
    ]) {
      const failed = await sessionApi({
        request: json("/api/v1/session", "POST", body),
        params: {},
        context: { clientIp: "10.0.0.2" },
      });
      expect(failed.status).toBe(401);
      expect(await failed.json()).toEqual({ error: "The email or password is not correct" });
    }
    const events = await prisma.auditEvent.findMany({ where: { action: { in: ["SIGN_IN", "SIGN_IN_FAILED"] } } });
    expect(events.map((e) => e.action).sort()).toEqual(["SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_FAILED"]);
    expect(JSON.stringify(events)).not.toContain("wrong password");
  });

  it("slows an account down exponentially after failures from one address, without checking the password meanwhile", async () => {
    await registerSme(
      registration({
        email: "target@example.com",
        organization: { ...registration().organization, creditCode: "91500000MA5U7AXN30" },
      }) as never,
      null,
    );
    for (let i = 0; i < SIGN_IN_DELAYS.accountFromAddress.free; i++)
      expect(await signInWait("target@example.com", "wrong password", "10.1.0.1")).toBe(401);
    const waits = [];
    for (let i = 0; i < 5; i++) {
      const wait = (await signInWait("target@example.com", "long enough pass", "10.1.0.1")) as number;
      waits.push(wait);
      expect(await signInWait("target@example.com", "wrong password", "10.1.0.1", wait - 0.5)).toBe(1);
      expect(await signInWait("target@example.com", "wrong password", "10.1.0.1", wait)).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect(signInDelaySeconds(1000, SIGN_IN_DELAYS.accountFromAddress)).toBe(
      SIGN_IN_DELAYS.accountFromAddress.maxSeconds,
    );
    await forgetFailures();
  }, 180_000);

  it("does not lock the owner out when others fail on the account from four addresses", async () => {
    for (let i = 0; i < 5; i++)
      expect(await signInWait("target@example.com", "wrong password", `10.1.1.${i % 4}`)).toBe(401);
    // The owner waits a second, not 15 minutes, and never more than a minute however many failures there were.
    expect(await signInWait("target@example.com", "long enough pass", "10.1.2.1")).toBe(1);
    expect(signInDelaySeconds(1000, SIGN_IN_DELAYS.account)).toBeLessThanOrEqual(60);
    expect(await signInWait("target@example.com", "long enough pass", "10.1.2.1", 1)).toBe("signed in");
    // A successful sign-in starts the account's count again.
    expect(await signInWait("target@example.com", "wrong password", "10.1.3.1", 1)).toBe(401);
    expect(await signInWait("target@example.com", "long enough pass", "10.1.2.1")).toBe("signed in");
    await forgetFailures();
  }, 180_000);

  it("slows an address down across accounts, with Retry-After on the API", async () => {
    for (let i = 0; i < SIGN_IN_DELAYS.address.free + 4; i++) {
      expect(await signInWait(`guess${i}@example.com`, "whatever password", "10.9.9.9", 60)).toBe(401);
    }
    // 2^4 = 16 s after the latest failure, on the real clock.
    const response = await sessionApi({
      request: json("/api/v1/session", "POST", { email: "buyer@example.com", password: "long enough pass" }),
      params: {},
      context: { clientIp: "10.9.9.9" },
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get("Retry-After"))).toBeLessThanOrEqual(16);
    expect((await response.json()).error).toMatch(/Too many failed sign-ins/);
    await ageFailures(16);
    const later = await sessionApi({
      request: json("/api/v1/session", "POST", { email: "buyer@example.com", password: "long enough pass" }),
      params: {},
      context: { clientIp: "10.9.9.9" },
    });
    expect(later.status).toBe(200);
    await forgetFailures();
  }, 180_000);

  it("voids the cookie of a deactivated account and refuses it a new session", async () => {
    const user = await createUser({
      email: "leaver@example.com",
      name: "Leaver",
      password: "leaver password",
      role: "SME",
    });
    const cookie = await startSession(user.id, 1);
    const request = () => new Request("http://localhost/", { headers: withCookie(cookie) });
    expect(await getUser(request())).toMatchObject({ email: "leaver@example.com" });
    await deactivateUser(admin.id, user.id);
    expect(await getUser(request())).toBeNull();
    await expect(authenticate("leaver@example.com", "leaver password", null)).rejects.toMatchObject({ status: 401 });
    await expect(deactivateUser(admin.id, admin.id)).rejects.toMatchObject({ status: 400 });
    expect(
      await prisma.auditEvent.count({ where: { action: "USER_DEACTIVATED", subject: "leaver@example.com" } }),
    ).toBe(1);
  });
});

describe("staff invitations", () => {
  it("lets an administrator invite staff, whose link works once", async () => {
    await createInvitation(
      { id: admin.id, role: "ADMIN", organizationId: null, canInvite: true },
      { email: "tto@cqu.example", organizationId: university.id, canInvite: true },
    );
    const token = await outboxLink("tto@cqu.example", "/invitations");
    const staff = await acceptInvitation(token, { name: "王老师", password: "staff password 1" }, null);
    expect(staff).toMatchObject({ email: "tto@cqu.example", role: "UNIVERSITY_STAFF", organizationId: university.id });
    await expect(acceptInvitation(token, { name: "again", password: "staff password 2" }, null)).rejects.toMatchObject({
      status: 410,
      message: "invitation.used",
    });
    await expect(
      acceptInvitation("not-a-token", { name: "x", password: "staff password 2" }, null),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an expired invitation", async () => {
    await createInvitation(
      { id: admin.id, role: "ADMIN", organizationId: null, canInvite: true },
      { email: "late@cqu.example", organizationId: university.id, canInvite: false },
    );
    const token = await outboxLink("late@cqu.example", "/invitations");
    await prisma.invitation.updateMany({
      where: { email: "late@cqu.example" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(acceptInvitation(token, { name: "Late", password: "staff password 3" }, null)).rejects.toMatchObject({
      status: 410,
      message: "invitation.expired",
    });
  });

  it("lets a university's admin member invite to their own university only, and nobody else invite at all", async () => {
    const member = await prisma.user.findUniqueOrThrow({ where: { email: "tto@cqu.example" } });
    const inviter = {
      id: member.id,
      role: "UNIVERSITY_STAFF" as const,
      organizationId: university.id,
      canInvite: true,
    };
    await expect(
      createInvitation(inviter, { email: "colleague@cqu.example", organizationId: university.id, canInvite: false }),
    ).resolves.toMatchObject({ url: expect.stringContaining("/invitations/") });
    await expect(
      createInvitation(inviter, { email: "x@swu.example", organizationId: otherUniversity.id, canInvite: false }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createInvitation(
        { ...inviter, canInvite: false },
        { email: "y@cqu.example", organizationId: university.id, canInvite: false },
      ),
    ).rejects.toMatchObject({ status: 403 });
    const sme = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    await expect(
      createInvitation(
        { id: sme.id, role: "SME", organizationId: sme.organizationId, canInvite: false },
        { email: "z@cqu.example", organizationId: university.id, canInvite: false },
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("password reset", () => {
  it("sends a one-time link that changes the password and signs out older sessions", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    const oldCookie = await startSession(user.id);
    await requestPasswordReset("buyer@example.com", null);
    await requestPasswordReset("unknown@example.com", null);
    expect(await prisma.outboxEmail.count({ where: { to: "unknown@example.com" } })).toBe(0);
    const token = await outboxLink("buyer@example.com", "/reset-password");
    await resetPassword(token, "a brand new password", null);
    await expect(resetPassword(token, "another new password", null)).rejects.toMatchObject({ status: 410 });
    expect(await getUser(new Request("http://localhost/", { headers: withCookie(oldCookie) }))).toBeNull();
    await expect(authenticate("buyer@example.com", "a brand new password", "10.2.0.1")).resolves.toMatchObject({
      email: "buyer@example.com",
    });
  });

  it("builds the link from PUBLIC_URL, whatever Host or X-Forwarded-Host the request names", async () => {
    const request = form(
      "/forgot-password",
      { email: "buyer@example.com" },
      { Host: "evil.example", "X-Forwarded-Host": "evil.example" },
    );
    const answer = (await forgotPasswordAction({ request, params: {}, context: { clientIp: "10.4.0.1" } })) as {
      sent: boolean;
    };
    expect(answer.sent).toBe(true);
    const mail = await prisma.outboxEmail.findFirstOrThrow({
      where: { to: "buyer@example.com" },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.body).toContain(`${PUBLIC_URL}/reset-password/`);
    expect(mail.body).not.toContain("evil.example");
    await createInvitation(
      { id: admin.id, role: "ADMIN", organizationId: null, canInvite: true },
      { email: "linked@cqu.example", organizationId: university.id, canInvite: false },
    );
    expect((await prisma.outboxEmail.findFirstOrThrow({ where: { to: "linked@cqu.example" } })).body).toContain(
      `${PUBLIC_URL}/invitations/`,
    );
  });

  it("voids older links when a new one is sent or one is used", async () => {
    await prisma.passwordReset.deleteMany();
    await requestPasswordReset("buyer@example.com", "10.4.1.1");
    const first = await outboxLink("buyer@example.com", "/reset-password");
    await requestPasswordReset("buyer@example.com", "10.4.1.1");
    const second = await outboxLink("buyer@example.com", "/reset-password");
    expect(second).not.toBe(first);
    await expect(resetPassword(first, "an older link's password", null)).rejects.toMatchObject({ status: 410 });
    await resetPassword(second, "long enough pass", null);
    await expect(resetPassword(first, "an older link's password", null)).rejects.toMatchObject({ status: 410 });
  });

  it("mails an account at most a few links in the window, and tells a busy address to try later", async () => {
    await prisma.passwordReset.deleteMany();
    const before = await prisma.outboxEmail.count({ where: { to: "buyer@example.com" } });
    for (let i = 0; i < 6; i++) await requestPasswordReset("buyer@example.com", `10.4.2.${i}`);
    expect(await prisma.outboxEmail.count({ where: { to: "buyer@example.com" } })).toBe(
      before + RESET_LIMITS.mailsPerAccount,
    );
    for (let i = 0; i < RESET_LIMITS.requestsPerAddress; i++)
      await requestPasswordReset(`someone${i}@example.com`, "10.4.3.1");
    const request = form("/forgot-password", { email: "nobody@example.com" });
    const refused = (await forgotPasswordAction({ request, params: {}, context: { clientIp: "10.4.3.1" } })) as {
      init: { status: number; headers: Record<string, string> };
    };
    expect(refused.init.status).toBe(429);
    expect(Number(refused.init.headers["Retry-After"])).toBeGreaterThan(0);
  }, 180_000);
});

describe("sessions", () => {
  const signIn = async (ip = "10.5.0.1") => {
    const response = await sessionApi({
      request: json("/api/v1/session", "POST", { email: "buyer@example.com", password: "long enough pass" }),
      params: {},
      context: { clientIp: ip },
    });
    expect(response.status).toBe(200);
    return response.headers.get("Set-Cookie")!;
  };

  it("gives every sign-in its own cookie, which expires", async () => {
    const [first, second] = [await signIn(), await signIn()];
    expect(first.split(";")[0]).not.toBe(second.split(";")[0]);
    expect(first).toMatch(/Max-Age=1209600/);
    expect([await me(first), await me(second)]).toEqual([200, 200]);
    // Past its expiry on the server the cookie is void, whatever the browser keeps.
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect([await me(first), await me(second)]).toEqual([401, 401]);
  });

  it("ends at once when signing out through the API, and only that session", async () => {
    const [cookie, other] = [await signIn(), await signIn()];
    const response = await sessionApi({
      request: new Request("http://localhost/api/v1/session", { method: "DELETE", headers: withCookie(cookie) }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Set-Cookie")).toMatch(/__session=;/);
    expect(await me(cookie)).toBe(401);
    expect(await me(other)).toBe(200);
  });

  it("ends at once when signing out on the page", async () => {
    const cookie = await signIn();
    const response = (await logoutAction({
      request: form("/logout", {}, withCookie(cookie)),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    expect(await me(cookie)).toBe(401);
  });

  it("ends everywhere from the account page", async () => {
    const [here, there] = [await signIn(), await signIn("10.5.0.2")];
    const response = (await accountAction({
      request: form("/account", { intent: "sign-out-everywhere" }, withCookie(here)),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    expect([await me(here), await me(there)]).toEqual([401, 401]);
  });

  it("ends every other session when the password changes, and keeps this browser signed in", async () => {
    const [here, there] = [await signIn(), await signIn("10.5.0.2")];
    const wrong = (await accountAction({
      request: form(
        "/account",
        { intent: "change-password", currentPassword: "not my password", password: "changed password 1" },
        withCookie(here),
      ),
      params: {},
      context: {},
    })) as { init: { status: number } };
    expect(wrong.init.status).toBe(400);
    const response = (await accountAction({
      request: form(
        "/account",
        { intent: "change-password", currentPassword: "long enough pass", password: "changed password 1" },
        withCookie(here),
      ),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    expect([await me(here), await me(there)]).toEqual([401, 401]);
    expect(await me(response.headers.get("Set-Cookie")!)).toBe(200);
    await expect(authenticate("buyer@example.com", "changed password 1", "10.5.0.3")).resolves.toMatchObject({
      email: "buyer@example.com",
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } });
    const { hashPassword } = await import("~/lib/password.server");
    await prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("long enough pass") },
    });
  }, 180_000);
});

describe("PUBLIC_URL", () => {
  it("is required in production and must be an http(s) origin", () => {
    const saved = { env: process.env.NODE_ENV, url: process.env.PUBLIC_URL };
    try {
      process.env.NODE_ENV = "production";
      delete process.env.PUBLIC_URL;
      forgetPublicUrl();
      expect(() => publicUrl()).toThrow(/PUBLIC_URL is not set/);
      for (const bad of [
        "evil.example",
        "javascript:alert(1)",
        "https://user:pw@pb.example",
        "https://pb.example/app",
      ]) {
        process.env.PUBLIC_URL = bad;
        forgetPublicUrl();
        expect(() => publicUrl()).toThrow(/PUBLIC_URL/);
      }
      process.env.PUBLIC_URL = "https://pb.example/";
      forgetPublicUrl();
      expect(publicUrl()).toBe("https://pb.example");
    } finally {
      process.env.NODE_ENV = saved.env;
      process.env.PUBLIC_URL = saved.url;
      forgetPublicUrl();
    }
  });
});

describe("resource checks", () => {
  it("let staff manage only their own university's resources, administrators any", async () => {
    const staff = await getUser(
      new Request("http://localhost/", {
        headers: withCookie(
          await startSession((await prisma.user.findUniqueOrThrow({ where: { email: "tto@cqu.example" } })).id, 1),
        ),
      }),
    );
    const boss = await getUser(
      new Request("http://localhost/", { headers: withCookie(await startSession(admin.id, 1)) }),
    );
    const sme = await getUser(
      new Request("http://localhost/", {
        headers: withCookie(
          await startSession((await prisma.user.findUniqueOrThrow({ where: { email: "buyer@example.com" } })).id, 2),
        ),
      }),
    );
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
    expect(
      await prisma.auditEvent.count({ where: { action: "ORGANIZATION_VERIFIED", subject: sme.organizationId! } }),
    ).toBe(1);
    await expect(verifyOrganization(admin.id, "org-missing")).rejects.toMatchObject({ status: 404 });
  });
});
