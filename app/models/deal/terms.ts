// The full terms of a negotiated deal, as a request and every counter-offer carry them, and the checks on
// the words people type into a contract: the server's validation and the contract's figures. What pages show
// of terms without validating them is in vocabulary.ts. Money is integer fen; rates are basis points (ADR 004).
import { z } from "zod";
import { MAX_AMOUNT_FEN } from "~/lib/money";
import { FEE_MODELS, PAYMENT_SCHEDULES, type FeeModel, type PaymentSchedule } from "~/models/patent/vocabulary";
import {
  AMOUNTS,
  DEAL_KINDS,
  OWNERSHIP_PASSES,
  REQUIRED_AMOUNTS,
  ROYALTY_BASES,
  type DealKind,
  type OwnershipPasses,
  type RoyaltyBase,
} from "./vocabulary";

/** The largest amount a deal may name (app/lib/money.ts). */
export const MAX_DEAL_FEN = MAX_AMOUNT_FEN;
export const MAX_ROYALTY_BASIS_POINTS = 5_000;

const FEE_MODEL_CODES = Object.keys(FEE_MODELS) as [FeeModel, ...FeeModel[]];
const SCHEDULE_CODES = Object.keys(PAYMENT_SCHEDULES) as [PaymentSchedule, ...PaymentSchedule[]];
const ROYALTY_BASE_CODES = Object.keys(ROYALTY_BASES) as [RoyaltyBase, ...RoyaltyBase[]];
const OWNERSHIP_CODES = Object.keys(OWNERSHIP_PASSES) as [OwnershipPasses, ...OwnershipPasses[]];

// Control characters (line breaks, tabs) and bidirectional marks, overrides and isolates
// (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C) that could make a name read other than it is.
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_OR_BIDI_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Free text bound for a contract, folded to one line: control characters and line breaks become one space,
 * bidirectional controls are dropped, runs of spaces shrink to one. It is then printed as one quoted field. */
export function foldFreeText(text: string): string {
  return text
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(CONTROL_OR_BIDI_ALL, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A person's name or title as it goes into a contract: one line, no bidirectional controls (refused, not folded). */
export const signatoryText = (min: number, max: number) =>
  z
    .string({ message: "validation.required" })
    .trim()
    .min(min, "validation.required")
    .max(max, "validation.tooLong")
    .refine((value) => !CONTROL_OR_BIDI.test(value), "deal.sign.characters");

const freeText = (max: number) => z.string().transform(foldFreeText).pipe(z.string().max(max, "validation.tooLong"));

const fen = z
  .number({ message: "validation.number" })
  .int("deal.terms.wholeFen")
  .min(1, "deal.terms.positive")
  .max(MAX_DEAL_FEN, "deal.terms.amountCap");

const DealTermsShape = z.object({
  kind: z.enum(DEAL_KINDS, { message: "deal.terms.kind" }),
  feeModel: z.enum(FEE_MODEL_CODES, { message: "deal.terms.feeModel" }).optional(),
  lumpSumFen: fen.optional(),
  entryFeeFen: fen.optional(),
  royaltyBasisPoints: z
    .number({ message: "validation.number" })
    .int("deal.terms.wholeBasisPoints")
    .min(1, "deal.terms.positive")
    .max(MAX_ROYALTY_BASIS_POINTS, "deal.terms.royaltyCap")
    .optional(),
  royaltyBase: z.enum(ROYALTY_BASE_CODES).optional(),
  perUnitFen: fen.optional(),
  minimumAnnualRoyaltyFen: fen.optional(),
  paymentSchedule: z.enum(SCHEDULE_CODES, { message: "deal.terms.schedule" }),
  licenseTermMonths: z
    .number({ message: "validation.number" })
    .int("validation.number")
    .min(1, "deal.terms.termMin")
    .max(240, "deal.terms.termMax")
    .optional(),
  territory: freeText(100).optional(),
  fieldOfUse: freeText(200).optional(),
  priceFen: fen.optional(),
  ownershipPasses: z.enum(OWNERSHIP_CODES).optional(),
});

type Shape = z.infer<typeof DealTermsShape>;

function consistentTerms(terms: Shape, context: z.RefinementCtx) {
  const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
  if (terms.kind === "ASSIGNMENT") {
    if (terms.priceFen === undefined) issue("priceFen", "deal.terms.required");
    if (terms.ownershipPasses === undefined) issue("ownershipPasses", "deal.terms.required");
    for (const key of [
      "feeModel",
      ...AMOUNTS,
      "royaltyBase",
      "minimumAnnualRoyaltyFen",
      "licenseTermMonths",
      "territory",
      "fieldOfUse",
    ] as const) {
      if (terms[key] !== undefined) issue(key, "deal.terms.notForAssignment");
    }
    if (terms.paymentSchedule === "QUARTERLY") issue("paymentSchedule", "deal.terms.assignmentSchedule");
    return;
  }
  if (terms.priceFen !== undefined) issue("priceFen", "deal.terms.onlyAssignment");
  if (terms.ownershipPasses !== undefined) issue("ownershipPasses", "deal.terms.onlyAssignment");
  if (terms.feeModel === undefined) return issue("feeModel", "deal.terms.required");
  if (terms.licenseTermMonths === undefined) issue("licenseTermMonths", "deal.terms.required");
  if (!terms.territory) issue("territory", "deal.terms.required");
  const required = REQUIRED_AMOUNTS[terms.feeModel];
  for (const amount of AMOUNTS) {
    if (required.includes(amount) && terms[amount] === undefined) issue(amount, "deal.terms.required");
    if (!required.includes(amount) && terms[amount] !== undefined) issue(amount, "deal.terms.notInFeeModel");
  }
  if (terms.royaltyBasisPoints !== undefined && terms.royaltyBase === undefined)
    issue("royaltyBase", "deal.terms.required");
  if (terms.royaltyBasisPoints === undefined && terms.royaltyBase !== undefined)
    issue("royaltyBase", "deal.terms.notInFeeModel");
  // A minimum annual royalty guarantees a running royalty; a one-off sum has none to guarantee.
  if (terms.minimumAnnualRoyaltyFen !== undefined && terms.feeModel === "LUMP_SUM")
    issue("minimumAnnualRoyaltyFen", "deal.terms.notInFeeModel");
  // Running royalties are reported and paid per period; only a lump sum is paid once.
  if (terms.feeModel !== "LUMP_SUM" && terms.paymentSchedule === "ONCE")
    issue("paymentSchedule", "deal.terms.royaltyOnce");
}

/** Full terms, normalised: fields that do not apply are absent. */
export const DealTermsSchema = DealTermsShape.superRefine(consistentTerms);
export type DealTerms = z.infer<typeof DealTermsSchema>;

/** The terms as the API has always taken them (an open-license-like object beside a separate kind): an
 * assignment's price was its lump sum, a license's territory defaulted to mainland China. */
export function withKind(kind: DealKind, terms: Record<string, unknown>): Record<string, unknown> {
  if (kind !== "ASSIGNMENT") {
    const royalty =
      terms.royaltyBasisPoints !== undefined && terms.royaltyBase === undefined ? { royaltyBase: "NET_SALES" } : {};
    return { territory: "中国大陆", ...terms, ...royalty, kind };
  }
  const { feeModel, lumpSumFen, licenseTermMonths, territory, fieldOfUse, ...rest } = terms;
  void feeModel;
  void licenseTermMonths;
  void territory;
  void fieldOfUse;
  return {
    priceFen: lumpSumFen,
    ownershipPasses: "ON_SIGNATURE",
    ...rest,
    paymentSchedule: rest.paymentSchedule === "QUARTERLY" ? "ONCE" : rest.paymentSchedule,
    kind,
  };
}

/** The fixed sums a deal names and when they fall due, for the preview and the contract. Running royalties
 * depend on sales and are stated as rates. */
export interface CostSummary {
  /** due within 30 days of the contract taking effect */
  dueOnSignatureFen: number;
  /** the minimum annual royalty times the contract years, if any */
  minimumRoyaltiesFen: number;
  contractYears: number;
  /** the least the deal costs: the fee due on signature plus the guaranteed minimum royalties */
  totalFixedFen: number;
  runningRoyalty: boolean;
}

export function costSummary(terms: DealTerms): CostSummary {
  const dueOnSignatureFen =
    terms.kind === "ASSIGNMENT" ? (terms.priceFen ?? 0) : (terms.lumpSumFen ?? 0) + (terms.entryFeeFen ?? 0);
  const contractYears = terms.kind === "ASSIGNMENT" ? 0 : Math.ceil((terms.licenseTermMonths ?? 0) / 12);
  const minimumRoyaltiesFen = (terms.minimumAnnualRoyaltyFen ?? 0) * contractYears;
  return {
    dueOnSignatureFen,
    minimumRoyaltiesFen,
    contractYears,
    totalFixedFen: dueOnSignatureFen + minimumRoyaltiesFen,
    runningRoyalty: terms.royaltyBasisPoints !== undefined || terms.perUnitFen !== undefined,
  };
}

/** The licensor's receiving account for the fees, as the contract states it. */
export const ReceivingAccountSchema = z.object({
  bank: signatoryText(2, 100),
  accountName: signatoryText(2, 100),
  accountNumber: z
    .string({ message: "validation.required" })
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6,34}$/, "deal.account.number")),
});
export type ReceivingAccount = z.infer<typeof ReceivingAccountSchema>;
