// Reads a negotiation form (request or counter-offer) in two stages: the form's own fields, then the terms
// with the same schema as the API.
import { z } from "zod";
import { formToObject, validate, type FieldErrors } from "~/lib/forms";
import { OpenLicenseTermsSchema, type OpenLicenseTerms } from "~/models/open-license/schemas";
import { DEAL_KINDS, type DealKind } from "./terms";

/** The negotiation forms of the pages: a price in yuan and a term, paid once (the API takes any terms).
 * Its terms are then checked with OpenLicenseTermsSchema like the API's. */
const DealFormSchema = z
  .object({
    kind: z.enum(DEAL_KINDS).optional(),
    message: z.string().trim().max(4000, "validation.tooLong").default(""),
    price: z.preprocess((value) => (value === "" ? undefined : Number(value)), z.number({ message: "validation.number" }).positive("validation.number")),
    licenseTermMonths: z.preprocess((value) => Number(value), z.number({ message: "validation.number" })),
    fieldOfUse: z.string().optional(),
  })
  .transform(({ kind, message, price, licenseTermMonths, fieldOfUse }) => ({
    ...(kind ? { kind } : {}),
    message,
    terms: {
      feeModel: "LUMP_SUM" as const,
      lumpSumFen: Math.round(price * 100),
      paymentSchedule: "ONCE" as const,
      licenseTermMonths,
      ...(fieldOfUse ? { fieldOfUse } : {}),
    },
  }));

const FORM_FIELD: Record<string, string> = { "terms.lumpSumFen": "price", "terms.licenseTermMonths": "licenseTermMonths", "terms.fieldOfUse": "fieldOfUse" };

export function readDealForm(form: FormData):
  | { ok: true; kind?: DealKind; message: string; terms: OpenLicenseTerms }
  | { ok: false; fieldErrors: FieldErrors } {
  const first = validate(DealFormSchema, formToObject(form));
  if (!first.ok) return first;
  const terms = validate(OpenLicenseTermsSchema, first.data.terms);
  if (!terms.ok) {
    return { ok: false, fieldErrors: Object.fromEntries(Object.entries(terms.fieldErrors).map(([path, message]) => [FORM_FIELD[`terms.${path}`] ?? path, message])) };
  }
  return { ok: true, kind: first.data.kind, message: first.data.message, terms: terms.data };
}
