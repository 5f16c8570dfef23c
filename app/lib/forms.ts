// Reading validation results by field: a URL's prefill checked with its schema, a form reply's errors by name.
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

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
