// The terms form of a request or counter-offer: amounts in yuan and the royalty in percent, as people write
// them, read into full terms and checked with the same schema as the API. Only the fields of the chosen kind
// and fee model count (the page shows only those).
import { z } from "zod";
import type { FieldErrors } from "~/lib/forms";
import { parseYuan } from "~/lib/money";
import type { FeeModel } from "~/models/patent/vocabulary";
import { DealStepSchema } from "./steps";
import { DealTermsSchema, type DealTerms } from "./terms";
import { REQUIRED_AMOUNTS } from "./vocabulary";

/** The form's field for each term (where its error is shown). */
export const TERM_FIELD: Record<string, string> = {
  lumpSumFen: "lumpSum",
  entryFeeFen: "entryFee",
  royaltyBasisPoints: "royaltyPercent",
  perUnitFen: "perUnit",
  minimumAnnualRoyaltyFen: "minimumAnnualRoyalty",
  priceFen: "price",
};

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

export function dealTermsFromForm(
  values: Record<string, unknown>,
): { ok: true; terms: DealTerms } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const kind = text(values.kind) || "ORDINARY";
  const feeModel = text(values.feeModel) as FeeModel;
  const input: Record<string, unknown> = { kind, paymentSchedule: text(values.paymentSchedule) || undefined };
  const amount = (field: string, term: string) => {
    const raw = text(values[field]);
    if (raw === "") return;
    // "400000" or "1234.5" yuan; a malformed amount is an error, not a guess.
    const fen = parseYuan(raw);
    if (fen === null) fieldErrors[field] = "deal.terms.wholeFen";
    else input[term] = fen;
  };
  if (kind === "ASSIGNMENT") {
    amount("price", "priceFen");
    input.ownershipPasses = text(values.ownershipPasses) || undefined;
  } else {
    input.feeModel = feeModel || undefined;
    const required = feeModel in REQUIRED_AMOUNTS ? REQUIRED_AMOUNTS[feeModel] : [];
    for (const term of required) amount(TERM_FIELD[term], term);
    if (required.includes("royaltyBasisPoints")) input.royaltyBase = text(values.royaltyBase) || undefined;
    if (feeModel && feeModel !== "LUMP_SUM") amount("minimumAnnualRoyalty", "minimumAnnualRoyaltyFen");
    const months = text(values.licenseTermMonths);
    input.licenseTermMonths = months === "" ? undefined : /^\d{1,4}$/.test(months) ? Number(months) : Number.NaN;
    input.territory = text(values.territory) || undefined;
    input.fieldOfUse = text(values.fieldOfUse) || undefined;
  }
  const parsed = DealTermsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? "form");
      fieldErrors[TERM_FIELD[path] ?? path] ??= issue.message;
    }
  }
  if (Object.keys(fieldErrors).length || !parsed.success) return { ok: false, fieldErrors };
  return { ok: true, terms: parsed.data };
}

/** A request posted from the patent page: its terms and message. */
export function readDealRequestForm(
  values: Record<string, unknown>,
): { ok: true; message: string; terms: DealTerms } | { ok: false; fieldErrors: FieldErrors } {
  const message = text(values.message);
  if (message.length > 4000) return { ok: false, fieldErrors: { message: "validation.tooLong" } };
  const read = dealTermsFromForm(values);
  return read.ok ? { ok: true, message, terms: read.terms } : read;
}

/** The deal page's forms: the API's steps, except that a counter-offer's terms come as people write them (yuan,
 * percent; errors on the form's own fields) and the version to accept comes as text. */
export const DealStepFormSchema = z
  .record(z.string(), z.unknown())
  .transform((form, context) => {
    if (form.step === "accept") return { ...form, version: Number(form.version) || undefined };
    if (form.step !== "counter") return form;
    const counter = dealTermsFromForm(form);
    if (counter.ok) return { step: form.step, message: form.message ?? "", terms: counter.terms };
    for (const [field, message] of Object.entries(counter.fieldErrors))
      context.addIssue({ code: "custom", path: [field], message });
    return z.NEVER;
  })
  .pipe(DealStepSchema);

/** A request's form (the patent page's, a university's proposal to a need): full terms as people write them and a
 * message, the errors on the form's own fields. */
export const DealRequestFormSchema = z.record(z.string(), z.unknown()).transform((form, context) => {
  const request = readDealRequestForm(form);
  if (request.ok) return { message: request.message, terms: request.terms };
  for (const [field, message] of Object.entries(request.fieldErrors))
    context.addIssue({ code: "custom", path: field === "form" ? [] : [field], message });
  return z.NEVER;
});
