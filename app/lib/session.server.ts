// Cookie sessions (Indie/Epic Stack pattern): the cookie holds only the user id and the account's session
// version, signed with SESSION_SECRET.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookieSessionStorage } from "@remix-run/node";

const SECRET_FILE = path.resolve("prisma/.session-secret");

/** SESSION_SECRET, or for a machine without one a random secret kept in a git-ignored file, with a warning. */
function sessionSecrets(): string[] {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET.split(",");
  if (!fs.existsSync(SECRET_FILE)) {
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  console.warn(`SESSION_SECRET is not set: signing sessions with the generated secret in ${SECRET_FILE}. Set it in production.`);
  return [fs.readFileSync(SECRET_FILE, "utf8").trim()];
}

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | null = null;

interface SessionData {
  userId: string;
  version: number;
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
      maxAge: 60 * 60 * 24 * 14,
    },
  }));
}

export async function readSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

/** A brand-new session for this user (never the one the request came with): the Set-Cookie value. */
export async function startSession(userId: string, version: number): Promise<string> {
  const session = await sessionStorage().getSession();
  session.set("userId", userId);
  session.set("version", version);
  return sessionStorage().commitSession(session);
}

export async function endSession(request: Request): Promise<string> {
  return sessionStorage().destroySession(await readSession(request));
}
