// The one way a page's action answers a form (Conform + zod): parse with the schema the JSON API shares, run the
// domain call, and answer a refusal (invalid fields or a DomainError) with Conform's reply, so the page shows the
// errors beside their fields and keeps what was typed, with or without JavaScript.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { z } from "zod";
import { DomainError, TryLaterError } from "./errors";

export { replyErrors } from "./forms";

/** What a page's form gets back: errors are message keys (app/lib/i18n.ts), translated where they are shown. */
export type FormReply = SubmissionResult<string[]>;

export interface FormOptions {
  /** Checkbox names: true when ticked, false when absent (a form sends nothing for an unticked box). */
  checkboxes?: string[];
  /** The field a DomainError without a path belongs to; by default it is the form's own error. */
  errorField?: string;
  /** Fields never sent back to the page; any name holding "password" never is. */
  hideFields?: string[];
}

export type FormAnswer<Done> =
  | { ok: true; done: Done; reply: (options?: { resetForm?: boolean }) => FormReply }
  | { ok: false; refusal: ReturnType<typeof data<{ result: FormReply }>> };

/** Parses the form with the schema and runs `act` with the valid value. Invalid fields answer 400; a DomainError
 * answers its status (and Retry-After for a TryLaterError) with its message on its field, or on the form; anything
 * else is a bug and is rethrown. Strings are given to the schema as typed (no coercion): the schema is the API's. */
export async function answerForm<Schema extends z.ZodType, Done>(
  form: FormData,
  schema: Schema,
  act: (value: z.output<Schema>) => Promise<Done>,
  options: FormOptions = {},
): Promise<FormAnswer<Done>> {
  const checkboxes = options.checkboxes ?? [];
  const withCheckboxes = checkboxes.length ? z.preprocess((input) => tickedBoxes(input, checkboxes), schema) : schema;
  const fields = namedFields(form);
  const submission = parseWithZod(fields, { schema: withCheckboxes, disableAutoCoercion: true });
  const hideFields = [
    ...new Set([...fields.keys()].filter((name) => /password/i.test(name)).concat(options.hideFields ?? [])),
  ];
  if (submission.status !== "success")
    return { ok: false, refusal: data({ result: submission.reply({ hideFields }) }, { status: 400 }) };
  try {
    const done = await act(submission.value as z.output<Schema>);
    return { ok: true, done, reply: (replyOptions = {}) => submission.reply({ ...replyOptions, hideFields }) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.path ?? options.errorField;
    const result = submission.reply(
      field ? { fieldErrors: { [field]: [error.message] }, hideFields } : { formErrors: [error.message], hideFields },
    );
    const headers: HeadersInit =
      error instanceof TryLaterError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return { ok: false, refusal: data({ result }, { status: error.status, headers }) };
  }
}

/** The form without Conform's reserved names (__intent__, __state__: JSON Conform would parse) and bracketed
 * names (a[99999999] would build a huge array): page forms name nested fields with dots. */
function namedFields(form: FormData): FormData {
  const fields = new FormData();
  for (const [name, value] of form.entries()) if (!/^__(intent|state)__$|[[\]]/.test(name)) fields.append(name, value);
  return fields;
}

function tickedBoxes(input: unknown, names: string[]): unknown {
  if (!input || typeof input !== "object") return input;
  const value: Record<string, unknown> = { ...input };
  for (const name of names) value[name] = value[name] !== undefined;
  return value;
}
