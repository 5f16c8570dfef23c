// The technology-need form and its JSON twin: one schema; messages are UI keys.
import { z } from "zod";
import { fromToday, optionalCalendarDate } from "~/lib/calendar-date";
import { yuanToFen } from "~/lib/money";
import { CLUSTERS, type ClusterCode } from "~/models/taxonomy";

const yuan = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return null;
    if (!/^\d{1,9}$/.test(value)) {
      context.addIssue({ code: "custom", message: "need.budgetInvalid" });
      return z.NEVER;
    }
    return yuanToFen(Number(value));
  });

export const NeedFormSchema = z
  .object({
    title: z.string().trim().min(4, "need.titleShort").max(120, "validation.tooLong"),
    description: z.string().trim().min(10, "need.descriptionShort").max(4000, "validation.tooLong"),
    cluster: z
      .union([z.literal(""), z.enum(CLUSTERS.map((c) => c.code) as [ClusterCode, ...ClusterCode[]])])
      .default("")
      .transform((value) => value || null),
    budgetMin: yuan.default(null),
    budgetMax: yuan.default(null),
    // A real date after today and within ten years.
    deadline: optionalCalendarDate(
      { invalid: "need.deadlineInvalid", tooEarly: "need.deadlinePast", tooLate: "need.deadlineTooFar" },
      { min: () => fromToday({ days: 1 }), max: () => fromToday({ years: 10 }) },
    ),
    visibility: z.enum(["PUBLIC", "UNIVERSITIES"], { message: "need.visibilityInvalid" }),
  })
  .refine((need) => need.budgetMin === null || need.budgetMax === null || need.budgetMin <= need.budgetMax, {
    message: "need.budgetOrder",
    path: ["budgetMax"],
  });

// Control characters other than line breaks and tabs, and halves of a surrogate pair: no text anyone typed.
const NOT_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const prefilled = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .refine((value) => !NOT_TEXT.test(value), "validation.characters")
    .default("");

/** /needs/new?title=…&description=…: text carried to the form (a search that found too little) within the form's
 * own limits; the minimum lengths wait for the form's submission, as the person completes the text. */
export const NeedPrefillSchema = z.object({ title: prefilled(120), description: prefilled(4000) });

export type NeedInput = {
  title: string;
  description: string;
  cluster: ClusterCode | null;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  deadline: Date | null;
  visibility: "PUBLIC" | "UNIVERSITIES";
};

export function needInput(form: z.infer<typeof NeedFormSchema>): NeedInput {
  const { budgetMin, budgetMax, ...rest } = form;
  return { ...rest, budgetMinFen: budgetMin, budgetMaxFen: budgetMax };
}

/** The JSON API's need: budgets as whole yuan numbers, the deadline as YYYY-MM-DD, through the form's rules. */
export const NeedJsonSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    cluster: z.string().nullish(),
    budgetMin: z.number().int().nonnegative().nullish(),
    budgetMax: z.number().int().nonnegative().nullish(),
    deadline: z.string().nullish(),
    visibility: z.string(),
  })
  .transform((need, context) => {
    const parsed = NeedFormSchema.safeParse({
      ...need,
      cluster: need.cluster ?? "",
      budgetMin: need.budgetMin?.toString() ?? "",
      budgetMax: need.budgetMax?.toString() ?? "",
      deadline: need.deadline ?? "",
    });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      context.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });

export const SavedSearchSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
  query: z.string().max(2000, "validation.tooLong"),
});
