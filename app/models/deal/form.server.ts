// Reads a negotiation form (request or counter-offer) in two stages: the form's own fields, then the terms
// with the same schema as the API.
import { formToObject, validate, type FieldErrors } from "~/lib/forms";
import { DealFormSchema, OpenLicenseTermsSchema, type DealKind, type OpenLicenseTerms } from "~/models/open-license/schemas";

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
