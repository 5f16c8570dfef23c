// Form posts validated with the same zod schemas as the JSON API: field errors for the page, never a 500.
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** Nested names use dots (organization.creditCode); a checkbox is true when present. */
export function formToObject(form: FormData, booleans: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const path = name.split(".");
    let target = result;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = value;
  }
  for (const name of booleans) result[name] = form.has(name);
  return result;
}

export function validate<T extends z.ZodType>(schema: T, input: unknown): FormResult<z.infer<T>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  return { ok: false, fieldErrors };
}

/** The first error of each field of a form's reply (answerForm; "" is the form's own), for a page or a test that
 * reads them by name. */
export function replyErrors(result: SubmissionResult<string[]> | null | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(result?.error ?? {}).flatMap(([name, errors]) => (errors?.length ? [[name, errors[0]]] : [])),
  );
}
