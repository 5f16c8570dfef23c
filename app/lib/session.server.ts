// Sessions (Indie/Epic Stack's cookie, with a server-side record): the signed cookie holds a random token, the
// Session table its SHA-256 and expiry. Signing out deletes the record, so a copied cookie dies with it.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookieSessionStorage } from "@remix-run/node";
import { prisma } from "./db.server";

const SECRET_FILE = path.resolve("prisma/.session-secret");
export const SESSION_DAYS = 14;

/** SESSION_SECRET, or for a machine without one a random secret kept in a git-ignored file, with a warning. */
function sessionSecrets(): string[] {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET.split(",");
  if (!fs.existsSync(SECRET_FILE)) {
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  console.warn(
    `SESSION_SECRET is not set: signing sessions with the generated secret in ${SECRET_FILE}. Set it in production.`,
  );
  return [fs.readFileSync(SECRET_FILE, "utf8").trim()];
}

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | null = null;

interface SessionData {
  token: string;
}

export function sessionStorage() {
  return (storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // Secure in production; COOKIE_SECURE=false allows plain http on a private network.
      secure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : process.env.NODE_ENV === "production",
      secrets: sessionSecrets(),
      maxAge: 60 * 60 * 24 * SESSION_DAYS,
    },
  }));
}

const sessionId = (token: string) => createHash("sha256").update(token).digest("hex");

/** The session record's id and user from the request's cookie, or null when there is none or it has ended. */
export async function currentSession(request: Request): Promise<{ id: string; userId: string } | null> {
  const token = (await sessionStorage().getSession(request.headers.get("Cookie"))).get("token");
  if (typeof token !== "string" || !token) return null;
  const record = await prisma.session.findUnique({
    where: { id: sessionId(token) },
    select: { id: true, userId: true, expiresAt: true },
  });
  if (!record || record.expiresAt <= new Date()) return null;
  return { id: record.id, userId: record.userId };
}

/** A brand-new session for this user (never the one the request came with): the Set-Cookie value. The second
 * argument, the account's session version of the cookies before sessions had records, is no longer read. */
export async function startSession(userId: string, _sessionVersion?: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await prisma.session.create({ data: { id: sessionId(token), userId, expiresAt } });
  // Expired records of the same account go as a new one comes; none is ever valid again anyway.
  await prisma.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  const session = await sessionStorage().getSession();
  session.set("token", token);
  return sessionStorage().commitSession(session);
}

/** Ends the request's session (its record is deleted): the Set-Cookie value that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const token = session.get("token");
  if (typeof token === "string" && token) await prisma.session.deleteMany({ where: { id: sessionId(token) } });
  return sessionStorage().destroySession(session);
}
