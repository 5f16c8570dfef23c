import { useForm, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";

/** What a field needs of Conform's field metadata: its name, its errors (message keys) and the value sent. */
export interface FieldState {
  name: string;
  errors?: string[];
  initialValue?: unknown;
}

/** A page's form answered by answerForm (app/lib/form-action.server.ts): the form's own error and its fields, each
 * with its error and the value the user sent (kept without JavaScript; passwords are never sent back). */
export function useFormReply<Schema extends Record<string, unknown>>(
  result: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Partial<Schema>,
) {
  const [form, fields] = useForm<Schema>({ lastResult: result, defaultValue: defaultValue as never });
  return { formId: form.id, formError: form.errors?.[0], fields };
}

/** A labelled input with its error announced and tied to it (aria-describedby); `field` gives its name, error and
 * the value sent from the form's reply (useFormReply). */
export function Field({
  field,
  name: givenName,
  label,
  error: givenError,
  hint,
  className = "",
  ...input
}: {
  name?: string;
  field?: FieldState;
  label: string;
  error?: string;
  hint?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const { language } = useLanguage();
  const name = field?.name ?? givenName ?? "";
  const error = givenError ?? field?.errors?.[0];
  const sent =
    typeof field?.initialValue === "string" && input.type !== "password" && input.value === undefined
      ? { defaultValue: field.initialValue }
      : {};
  const id = `field-${name.replace(/\W/g, "-")}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={`block w-full rounded border bg-white px-3 py-2 ${error ? "border-red-500" : "border-slate-300"} ${className}`}
        {...input}
        {...sent}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {messageIn(language, error)}
        </p>
      )}
    </div>
  );
}

/** A new password (joining, an invitation, a reset, a change): the browser may offer a strong one, and the rule is
 * said under the box. */
export function NewPasswordField({ field, label }: { field: FieldState; label: string }) {
  const { t } = useLanguage();
  return (
    <Field
      field={field}
      type="password"
      autoComplete="new-password"
      label={label}
      hint={t("join.passwordHint")}
      maxLength={200}
      required
    />
  );
}

export function FormError({ error }: { error?: string }) {
  const { language } = useLanguage();
  if (!error) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {messageIn(language, error)}
    </p>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      {children}
    </p>
  );
}

export function SubmitButton({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <button
      type="submit"
      disabled={busy}
      aria-busy={busy}
      className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
    >
      {children}
    </button>
  );
}

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-4 text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
