// A deal's vocabulary: its kinds and states, royalty bases, when ownership passes, which amounts each fee model
// needs, and the rows of a terms table. Plain data, so that pages can show terms without the validation
// schemas (terms.ts, which brings zod) reaching the browser.
import type { FeeModel } from "~/models/patent/vocabulary";
import type { DealTerms } from "./terms";

export const DEAL_KINDS = ["ORDINARY", "SOLE", "EXCLUSIVE", "ASSIGNMENT"] as const;
export type DealKind = (typeof DEAL_KINDS)[number];
/** A deal's states, from the request to its end (the list's filter offers them in this order). */
export const DEAL_STATUSES = ["NEGOTIATING", "AGREED", "SIGNED", "DECLINED", "WITHDRAWN"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const ROYALTY_BASES = {
  NET_SALES: { zh: "净销售额", en: "net sales revenue" },
  GROSS_SALES: { zh: "销售总额", en: "gross sales revenue" },
} as const;
export type RoyaltyBase = keyof typeof ROYALTY_BASES;

/** When ownership passes under an assignment. The transfer itself takes effect on CNIPA's registration
 * (Patent Law art. 10); the parties agree when the assignor files it. */
export const OWNERSHIP_PASSES = {
  ON_SIGNATURE: {
    zh: "合同生效后即办理转让登记，专利权自国家知识产权局登记之日起转移",
    en: "registration filed once the contract takes effect; ownership passes on CNIPA's registration",
  },
  ON_FULL_PAYMENT: {
    zh: "转让价款付清后办理转让登记，专利权自国家知识产权局登记之日起转移",
    en: "registration filed once the price is paid in full; ownership passes on CNIPA's registration",
  },
} as const;
export type OwnershipPasses = keyof typeof OWNERSHIP_PASSES;

export const AMOUNTS = ["lumpSumFen", "entryFeeFen", "royaltyBasisPoints", "perUnitFen"] as const;
type Amount = (typeof AMOUNTS)[number];

/** Which amounts each fee model needs (and allows). */
export const REQUIRED_AMOUNTS: Record<FeeModel, Amount[]> = {
  LUMP_SUM: ["lumpSumFen"],
  ROYALTY: ["royaltyBasisPoints"],
  PER_UNIT: ["perUnitFen"],
  ENTRY_PLUS_ROYALTY: ["entryFeeFen", "royaltyBasisPoints"],
};

/** The rows a terms table shows, in order; a row is absent when it does not apply to the terms. */
export const TERM_ROWS = [
  "kind",
  "feeModel",
  "priceFen",
  "lumpSumFen",
  "entryFeeFen",
  "royaltyBasisPoints",
  "royaltyBase",
  "perUnitFen",
  "minimumAnnualRoyaltyFen",
  "paymentSchedule",
  "licenseTermMonths",
  "territory",
  "fieldOfUse",
  "ownershipPasses",
] as const;
export type TermRow = (typeof TERM_ROWS)[number];

/** The rows whose value differs from the previous offer (all rows for the first offer). */
export function changedTerms(previous: Partial<DealTerms> | null, next: Partial<DealTerms>): Set<TermRow> {
  const changed = new Set<TermRow>();
  for (const row of TERM_ROWS) {
    if (!previous ? next[row] !== undefined : previous[row] !== next[row]) changed.add(row);
  }
  return changed;
}
