// The terms of an open-license declaration, as the page form and the JSON API send them.
import { z } from "zod";
import { calendarDate, fromToday } from "~/lib/calendar-date";
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

/** The consents of the ticked fieldsets, if any. */
function consentsOf(coOwners: Record<string, z.infer<typeof ConsentFieldsetSchema>>): {
  consents?: Array<{ organizationId: string; consentedOn: string; reference: string }>;
} {
  const consents = Object.values(coOwners)
    .filter((fieldset) => fieldset.consented !== undefined)
    .map(({ organizationId, consentedOn, reference }) => ({ organizationId, consentedOn, reference }));
  return consents.length ? { consents } : {};
}

/** The declaration form: amounts in yuan and the royalty in percent, as people write them; on a co-owned patent,
 * one fieldset per co-owner (`coOwners.<n>.…`). */
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
  .transform(({ lumpSum, entryFee, royaltyPercent, perUnit, fieldOfUse, territory, coOwners, ...rest }) => ({
    ...rest,
    ...(lumpSum === undefined ? {} : { lumpSumFen: yuanToFen(lumpSum) }),
    ...(entryFee === undefined ? {} : { entryFeeFen: yuanToFen(entryFee) }),
    ...(royaltyPercent === undefined ? {} : { royaltyBasisPoints: Math.round(royaltyPercent * 100) }),
    ...(perUnit === undefined ? {} : { perUnitFen: yuanToFen(perUnit) }),
    ...(territory ? { territory } : {}),
    ...(fieldOfUse ? { fieldOfUse } : {}),
    ...consentsOf(coOwners),
  }))
  .pipe(OpenLicenseDeclarationSchema);

/** Where the form shows an error about an amount: the terms' field names map back to the form's. */
export const FORM_FIELD_OF: Record<string, string> = {
  lumpSumFen: "lumpSum",
  entryFeeFen: "entryFee",
  royaltyBasisPoints: "royaltyPercent",
  perUnitFen: "perUnit",
};

/** Where the declaration form shows a refusal: an amount under the form's name for it, a consent's field in its
 * co-owner's fieldset, anything else at the top. */
export function declareFormField(
  path: string | undefined,
  form: Record<string, unknown>,
  consents: Array<{ organizationId: string }>,
): string {
  if (!path) return "form";
  const consent = /^consents\.(\d+)\.(\w+)$/.exec(path);
  if (!consent) return FORM_FIELD_OF[path] ?? path;
  const organizationId = consents[Number(consent[1])]?.organizationId;
  const fieldsets = (form.coOwners ?? {}) as Record<string, { organizationId?: unknown }>;
  const key = Object.keys(fieldsets).find((name) => fieldsets[name]?.organizationId === organizationId);
  return key === undefined ? "form" : `coOwners.${key}.${consent[2]}`;
}
