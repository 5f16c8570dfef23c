// The terms of an open-license declaration, as the page form and the JSON API send them.
import { z } from "zod";
import { calendarDate, fromToday } from "~/lib/calendar-date";
import { DomainError } from "~/lib/errors";
import { messageKey } from "~/lib/i18n";
import { MAX_AMOUNT_FEN, yuanToFen } from "~/lib/money";
import { FEE_MODELS, PAYMENT_SCHEDULES, type FeeModel, type PaymentSchedule } from "~/models/patent/vocabulary";

// Capped where a PostgreSQL money column would overflow: a larger fee is a 400, never a 500.
const fen = z
  .number()
  .int("openLicense.err.wholeFen")
  .min(1, "openLicense.err.positive")
  .max(MAX_AMOUNT_FEN, "openLicense.err.tooLarge");
const FEE_MODEL_CODES = Object.keys(FEE_MODELS) as [FeeModel, ...FeeModel[]];
const SCHEDULE_CODES = Object.keys(PAYMENT_SCHEDULES) as [PaymentSchedule, ...PaymentSchedule[]];

/** Which amounts each fee model needs (and allows): a declaration must be clear, with no extra conditions. */
const REQUIRED_AMOUNTS: Record<FeeModel, Array<"lumpSumFen" | "entryFeeFen" | "royaltyBasisPoints" | "perUnitFen">> = {
  LUMP_SUM: ["lumpSumFen"],
  ROYALTY: ["royaltyBasisPoints"],
  PER_UNIT: ["perUnitFen"],
  ENTRY_PLUS_ROYALTY: ["entryFeeFen", "royaltyBasisPoints"],
};

const OpenLicenseTermsShape = z.object({
  feeModel: z.enum(FEE_MODEL_CODES),
  lumpSumFen: fen.optional(),
  entryFeeFen: fen.optional(),
  royaltyBasisPoints: z
    .number()
    .int("validation.number")
    .min(1, "openLicense.err.positive")
    .max(5_000, "openLicense.err.royaltyMax")
    .optional(),
  perUnitFen: fen.optional(),
  paymentSchedule: z.enum(SCHEDULE_CODES),
  licenseTermMonths: z
    .number()
    .int("validation.number")
    .min(1, "openLicense.err.termMin")
    .max(240, "openLicense.err.termMax"),
  territory: z.string().trim().min(1).max(100).default("中国大陆"),
  fieldOfUse: z.string().trim().max(200).optional(),
});

function amountsOfFeeModel(terms: z.infer<typeof OpenLicenseTermsShape>, context: z.RefinementCtx) {
  const required = REQUIRED_AMOUNTS[terms.feeModel];
  for (const amount of ["lumpSumFen", "entryFeeFen", "royaltyBasisPoints", "perUnitFen"] as const) {
    if (required.includes(amount) && terms[amount] === undefined)
      context.addIssue({
        code: "custom",
        path: [amount],
        message: messageKey("openLicense.err.requiredFor", { feeModel: `feeModel.${terms.feeModel}` }),
      });
    if (!required.includes(amount) && terms[amount] !== undefined)
      context.addIssue({
        code: "custom",
        path: [amount],
        message: messageKey("openLicense.err.notPartOf", { feeModel: `feeModel.${terms.feeModel}` }),
      });
  }
}

export const OpenLicenseTermsSchema = OpenLicenseTermsShape.superRefine(amountsOfFeeModel);

export type OpenLicenseTerms = z.infer<typeof OpenLicenseTermsSchema>;

// One line a reader sees as written: no control characters (tabs, line breaks) and no bidirectional
// overrides or isolates that could reorder what a consent's reference appears to say.
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const CONSENT_REFERENCE_MAX = 100;

/** Why a consent document's reference (already trimmed) cannot be recorded, or null. */
export function consentReferenceProblem(
  reference: string,
): "validation.required" | "validation.tooLong" | "ol.consent.referenceCharacters" | null {
  if (reference === "") return "validation.required";
  if ([...reference].length > CONSENT_REFERENCE_MAX) return "validation.tooLong";
  return CONTROL_OR_BIDI.test(reference) ? "ol.consent.referenceCharacters" : null;
}

// A real day, not after today (a consent already given) nor before the Patent Law (1 April 1985).
const consentDay = z
  .string({ message: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .pipe(
    calendarDate(
      { invalid: "ol.consent.dateInvalid", tooEarly: "ol.consent.dateInvalid", tooLate: "ol.consent.dateFuture" },
      { min: () => new Date(Date.UTC(1985, 3, 1)), max: () => fromToday({ days: 1 }) },
    ),
  );

/** A co-owner's written consent to a declaration (Patent Law art. 14): the organisation, the day it consented
 * (YYYY-MM-DD) and its document's reference. Whether it is enough is the declaration's rule
 * (app/models/open-license/open-license.server.ts). */
export const CoOwnerConsentSchema = z.object({
  organizationId: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(64, "validation.tooLong"),
  consentedOn: consentDay,
  reference: z
    .string({ message: "validation.required" })
    .trim()
    .superRefine((reference, context) => {
      const problem = consentReferenceProblem(reference);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});

export type CoOwnerConsent = z.infer<typeof CoOwnerConsentSchema>;

/** A declaration: its terms and, on a co-owned patent, every co-owner's consent. */
export const OpenLicenseDeclarationSchema = OpenLicenseTermsShape.extend({
  consents: z.array(CoOwnerConsentSchema).max(50, "validation.tooLong").default([]),
}).superRefine(amountsOfFeeModel);

export type OpenLicenseDeclarationInput = OpenLicenseTerms & { consents?: CoOwnerConsent[] };

/** POST /api/v1/patents/:id/open-license, in the words of the published API (years, royaltyRateBp). */
export const ApiOpenLicenseSchema = z
  .object({
    feeModel: z.enum(FEE_MODEL_CODES),
    lumpSumFen: z.number().optional(),
    entryFeeFen: z.number().optional(),
    royaltyRateBp: z.number().optional(),
    perUnitFen: z.number().optional(),
    paymentSchedule: z.enum(SCHEDULE_CODES),
    termYears: z.number().int().min(1).max(20),
    territory: z.string().optional(),
    fieldOfUse: z.string().optional(),
    consents: z.array(z.unknown()).optional(),
  })
  .transform(({ royaltyRateBp, termYears, ...rest }) => ({
    ...rest,
    ...(royaltyRateBp === undefined ? {} : { royaltyBasisPoints: royaltyRateBp }),
    licenseTermMonths: termYears * 12,
  }))
  .pipe(OpenLicenseDeclarationSchema);

export const AcceptOpenLicenseSchema = z.object({
  signatoryName: z
    .string({ message: "validation.required" })
    .trim()
    .min(2, "validation.required")
    .max(100, "validation.tooLong"),
  intendedUse: z
    .string({ message: "validation.required" })
    .trim()
    .min(2, "validation.required")
    .max(1000, "validation.tooLong"),
  agree: z.literal(true, { message: "validation.agree" }),
});

const optionalNumber = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? undefined : Number(value)),
  z.number({ message: "validation.number" }).optional(),
);

/** One co-owner's fieldset on the declaration form: its consent counts only when its box is ticked. */
const ConsentFieldsetSchema = z.object({
  organizationId: z.string().default(""),
  consented: z.string().optional(),
  consentedOn: z.string().default(""),
  reference: z.string().default(""),
});

/** The keys of the ticked co-owner fieldsets, in the form's order: the declaration's consents, one each. */
function tickedKeys(coOwners: Record<string, { consented?: unknown }>): string[] {
  return Object.keys(coOwners)
    .filter((key) => coOwners[key]?.consented !== undefined)
    .sort((a, b) => Number(a) - Number(b));
}

// The form's names for the declaration's amounts (yuan and percent, as people write them).
const FORM_NAME_OF_AMOUNT: Record<string, string> = {
  lumpSumFen: "lumpSum",
  entryFeeFen: "entryFee",
  royaltyBasisPoints: "royaltyPercent",
  perUnitFen: "perUnit",
};

/** Where the declaration form shows an issue or a refusal of the declaration (its path): an amount under the form's
 * name for it, the n-th consent's field in the n-th ticked co-owner fieldset, anything else under its own name. */
function declareFormPath(path: readonly PropertyKey[], ticked: string[]): Array<string | number> {
  const [head, index, ...rest] = path.map((key) => (typeof key === "symbol" ? String(key) : key));
  if (head === "consents" && index !== undefined) {
    const key = ticked[Number(index)];
    return key === undefined ? [] : ["coOwners", key, ...rest];
  }
  if (head === undefined) return [];
  return [FORM_NAME_OF_AMOUNT[String(head)] ?? head, ...(index === undefined ? [] : [index]), ...rest];
}

/** The declaration form: amounts in yuan and the royalty in percent, as people write them; on a co-owned patent,
 * one fieldset per co-owner (`coOwners.<n>.…`) whose consent counts only when its box is ticked. Every issue is
 * named after the form's field. */
export const DeclareFormSchema = z
  .object({
    feeModel: z.enum(FEE_MODEL_CODES),
    lumpSum: optionalNumber,
    entryFee: optionalNumber,
    royaltyPercent: optionalNumber,
    perUnit: optionalNumber,
    paymentSchedule: z.enum(SCHEDULE_CODES),
    licenseTermMonths: z.preprocess((value) => Number(value), z.number({ message: "validation.number" })),
    territory: z.string().optional(),
    fieldOfUse: z.string().optional(),
    coOwners: z.record(z.string().regex(/^\d{1,2}$/), ConsentFieldsetSchema).default({}),
  })
  .superRefine(({ coOwners }, context) => {
    for (const [key, fieldset] of Object.entries(coOwners)) {
      if (fieldset.consented === undefined) continue;
      const consent = CoOwnerConsentSchema.safeParse(fieldset);
      if (!consent.success)
        for (const issue of consent.error.issues)
          context.addIssue({ code: "custom", path: ["coOwners", key, ...issue.path], message: issue.message });
    }
  })
  .transform(({ lumpSum, entryFee, royaltyPercent, perUnit, fieldOfUse, territory, coOwners, ...rest }, context) => {
    const ticked = tickedKeys(coOwners);
    const declaration = OpenLicenseDeclarationSchema.safeParse({
      ...rest,
      ...(lumpSum === undefined ? {} : { lumpSumFen: yuanToFen(lumpSum) }),
      ...(entryFee === undefined ? {} : { entryFeeFen: yuanToFen(entryFee) }),
      ...(royaltyPercent === undefined ? {} : { royaltyBasisPoints: Math.round(royaltyPercent * 100) }),
      ...(perUnit === undefined ? {} : { perUnitFen: yuanToFen(perUnit) }),
      ...(territory ? { territory } : {}),
      ...(fieldOfUse ? { fieldOfUse } : {}),
      ...(ticked.length
        ? {
            consents: ticked.map((key) => {
              const { organizationId, consentedOn, reference } = coOwners[key];
              return { organizationId, consentedOn, reference };
            }),
          }
        : {}),
    });
    if (declaration.success) return declaration.data;
    for (const issue of declaration.error.issues)
      context.addIssue({ code: "custom", path: declareFormPath(issue.path, ticked), message: issue.message });
    return z.NEVER;
  });

/** A refusal of the model (app/models/open-license/open-license.server.ts) of a declaration the form sent, its path
 * (`consents.<n>.…`, an amount) named after the form's field like the schema's issues. */
export function onDeclareForm(error: unknown, form: FormData): unknown {
  if (!(error instanceof DomainError) || !error.path) return error;
  const ticked = [...form.keys()]
    .map((name) => /^coOwners\.(\d{1,2})\.consented$/.exec(name)?.[1])
    .filter((key): key is string => key !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  const path = declareFormPath(error.path.split("."), ticked).join(".");
  const { code, message, status } = error;
  return new DomainError(code, message, { status, path: path || undefined, cause: error });
}
