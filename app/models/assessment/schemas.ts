// The bulk assessment form (/university/assessment): one schema, field messages as UI keys.
import { z } from "zod";
import type { AssessmentInput } from "./assessment.server";

/** The ticked boxes of a repeated field: none, one (a string) or several (an array). */
const ticked = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const AssessFormSchema = z
  .object({
    patentId: z.preprocess(ticked, z.array(z.coerce.number().int().positive()).min(1, "assess.choose").max(500)),
    transferable: z.enum(["leave", "yes", "no"]).default("leave"),
    note: z.string().trim().max(500).default(""),
    scoreMode: z.enum(["leave", "suggested", "set"]).default("leave"),
    score: z.string().trim().default(""),
    maturity: z
      .string()
      .trim()
      .regex(/^([1-9])?$/, "assess.maturity")
      .default(""),
  })
  .refine((form) => form.transferable !== "no" || form.note !== "", {
    message: "assess.reasonRequired",
    path: ["note"],
  })
  .refine((form) => form.scoreMode !== "set" || (/^\d{1,3}$/.test(form.score) && Number(form.score) <= 100), {
    message: "assess.scoreValue",
    path: ["score"],
  });

export function assessmentInput(form: z.infer<typeof AssessFormSchema>): AssessmentInput {
  return {
    transferable: form.transferable === "leave" ? undefined : form.transferable === "yes",
    note: form.note || undefined,
    valueScore:
      form.scoreMode === "suggested" ? "suggested" : form.scoreMode === "set" ? Number(form.score) : undefined,
    maturity: form.maturity ? Number(form.maturity) : undefined,
  };
}

/** The most main classifications one form gives (a page of the list holds 25 patents). */
export const MOST_CLASSIFIED_AT_ONCE = 100;

/** The main classifications typed in the list (`ipc.<patent id>`) for patents imported without one. */
export const ClassifyFormSchema = z.object({
  intent: z.literal("classify"),
  ipc: z
    .record(z.string().regex(/^\d{1,9}$/), z.string().trim().max(40, "assess.ipc.invalidShape").optional())
    .default({})
    .refine((codes) => Object.keys(codes).length <= MOST_CLASSIFIED_AT_ONCE, "assess.ipc.tooMany"),
});

export function classifyInput(form: z.infer<typeof ClassifyFormSchema>): Map<number, string> {
  return new Map(Object.entries(form.ipc).map(([id, code]) => [Number(id), code ?? ""]));
}
