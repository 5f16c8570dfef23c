// Reading validation results by field: a URL's prefill checked with its schema, a form reply's errors by name.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";

/** A list's ticked boxes of one name (none, one as a string, or several) as record ids: what is not an id is
 * dropped and only the first `most` count, so a tampered form chooses nothing it could not tick. */
export function tickedIds(most: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((ids) =>
      [ids]
        .flat()
        .map(Number)
        .filter((id) => Number.isInteger(id) && id > 0)
        .slice(0, most),
    );
}

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
