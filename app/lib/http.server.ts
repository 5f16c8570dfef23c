// Guards every request from outside passes: same-origin form posts, JSON bodies of bounded size.
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { errorResponse } from "./errors";
import { messageIn } from "./i18n";

/** Form posts (and any other write) from a foreign page are refused: a browser always sends Origin then. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("Origin");
  if (origin === null) return;
  const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw errorResponse(403, { error: "The request came from a page on another site." });
  }
  if (originHost !== host) throw errorResponse(403, { error: "The request came from a page on another site." });
}

const MAX_JSON_BYTES = 64 * 1024;

/** The request's JSON body validated by the schema, or a thrown 4xx with a clear message. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  assertSameOrigin(request);
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw errorResponse(415, { error: "Send the body as application/json." });
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_JSON_BYTES)
    throw errorResponse(413, { error: "The body is larger than 64 KiB." });
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw errorResponse(413, { error: "The body is larger than 64 KiB." });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errorResponse(400, { error: "The body is not valid JSON." });
  }
  // A lone surrogate ("\ud800" is valid JSON) or a NUL ("\u0000") is not text every database can store.
  if (!wellFormed(body))
    throw errorResponse(400, { error: "The body contains malformed text (a lone surrogate or a NUL character)." });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw errorResponse(400, {
      error: "Some fields are not valid.",
      // Schemas carry UI message keys; the API answers in English.
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: messageIn("en", issue.message),
      })),
    });
  }
  return parsed.data;
}

// With the u flag a surrogate pair is one code point: only a lone half matches. PostgreSQL refuses NUL in text.
const MALFORMED_TEXT = /\p{Surrogate}|\u0000/u;

function wellFormed(value: unknown): boolean {
  if (typeof value === "string") return !MALFORMED_TEXT.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value && typeof value === "object")
    return Object.entries(value).every(([key, item]) => wellFormed(key) && wellFormed(item));
  return true;
}

/** The form of a page's action, once the origin is checked; a body that is not a form is a 415, not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  assertSameOrigin(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Send the form as application/x-www-form-urlencoded or multipart/form-data.", { status: 415 });
  }
  for (const value of form.values()) {
    if (typeof value === "string" && !wellFormed(value))
      throw new Response("The form contains malformed text (a NUL character).", { status: 400 });
  }
  return form;
}

export function clientIp(context: AppLoadContext): string | null {
  return context.clientIp ?? null;
}

/** A value JSON can carry: no bigint anywhere inside (JSON.stringify throws on one, a 500 at run time). */
type WithoutBigInt<T> = T extends bigint
  ? never
  : T extends Date
    ? T
    : T extends ReadonlyArray<infer Item>
      ? ReadonlyArray<WithoutBigInt<Item>>
      : T extends object
        ? { [K in keyof T]: WithoutBigInt<T[K]> }
        : T;

/** An API answer as JSON. Money columns are BIGINT, which Prisma reads as bigint: the type refuses a body that
 * still carries one, so a model forgetting to convert its amounts (`fenOf`) fails to compile, not in production. */
export function jsonAnswer<T>(body: T & WithoutBigInt<T>, init?: ResponseInit): Response {
  return Response.json(body, init);
}
