// Domain rules fail with a DomainError; routes map it to an HTTP answer in one place.
import { messageIn, messageKey, type MessageKey } from "./i18n";

/** A message key, or (only where it comes from another key, e.g. a validation issue) a string holding one: the
 * translation completeness test (app/lib/i18n-completeness.test.ts) checks every call. */
type MessageText = MessageKey | (string & Record<never, never>);

/** A domain refusal: `message` is a message key (app/lib/messages), translated where it is shown; `values` fill
 * its {placeholders} (the message then carries them, see messageKey). */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly path?: string;

  constructor(
    code: string,
    message: MessageText,
    options: { status?: number; path?: string; cause?: unknown; values?: Record<string, string | number> } = {},
  ) {
    super(options.values ? messageKey(message as MessageKey, options.values) : message, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.status = options.status ?? 400;
    this.path = options.path;
  }
}

/** A refusal for now (429) that says when to try again: the Retry-After header, in seconds. */
export class TryLaterError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(code: string, message: MessageText, retryAfterSeconds: number, values?: Record<string, string | number>) {
    super(code, message, { status: 429, values });
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export interface ErrorBody {
  error: string;
  issues?: Array<{ path: string; message: string }>;
}

/** The JSON answer for a failed request: `{ error, issues }` with a 4xx status. */
export function errorResponse(status: number, body: ErrorBody): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Maps a DomainError to its JSON response, in English; anything else is a bug and is rethrown (a 500 with
 * no details). */
export function domainErrorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const message = messageIn("en", error.message);
    const response = errorResponse(error.status, {
      error: message,
      issues: error.path ? [{ path: error.path, message }] : undefined,
    });
    if (error instanceof TryLaterError) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  throw error;
}

/** Runs an API handler: domain errors become their 4xx, thrown responses (401, 403, 415…) pass through. */
export async function apiHandler(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response) return error;
    return domainErrorResponse(error);
  }
}

export function methodNotAllowed(allowed: string[]): Response {
  return Response.json(
    { error: `Use ${allowed.join(" or ")}.` },
    { status: 405, headers: { Allow: allowed.join(", ") } },
  );
}

/** For page loaders: a domain refusal becomes the HTTP response the error boundary shows (404, 403, 410…). */
export async function orErrorPage<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}
