// Controlled vocabularies of patent records, with the labels exports use (Chinese) and the UI's English.
import type { LegalStatus, LicenseKind, PatentType } from "~/generated/prisma/enums";

export const PATENT_TYPES = {
  INVENTION: { zh: "发明", en: "Invention", termYears: 20, kindCodes: ["A", "B"] },
  UTILITY_MODEL: { zh: "实用新型", en: "Utility model", termYears: 10, kindCodes: ["U"] },
  DESIGN: { zh: "外观设计", en: "Design", termYears: 15, kindCodes: ["S"] },
} as const satisfies Record<PatentType, { zh: string; en: string; termYears: number; kindCodes: readonly string[] }>;
/** The schema's enum PatentType. */
export type { PatentType };
export const PATENT_TYPE_CODES = Object.keys(PATENT_TYPES) as PatentType[];

/** Designs filed before the 2021 Patent Law amendment (in force 2021-06-01) keep a 10-year term. */
export function termYears(type: PatentType, filingDate: Date): number {
  if (type === "DESIGN" && filingDate < new Date("2021-06-01T00:00:00Z")) return 10;
  return PATENT_TYPES[type].termYears;
}

export const LEGAL_STATUSES = {
  VALID: { zh: "有效", en: "In force", inForce: true },
  PENDING: { zh: "审中", en: "Pending", inForce: false },
  LAPSED: { zh: "失效", en: "Lapsed", inForce: false },
  EXPIRED: { zh: "届满", en: "Expired", inForce: false },
  TERMINATED: { zh: "权利终止", en: "Terminated (fees unpaid)", inForce: false },
  REJECTED: { zh: "驳回", en: "Rejected", inForce: false },
  WITHDRAWN: { zh: "撤回", en: "Withdrawn", inForce: false },
} as const satisfies Record<LegalStatus, { zh: string; en: string; inForce: boolean }>;
/** The schema's enum LegalStatus. */
export type { LegalStatus };
/** The pool shown to companies: transferable patents in force, or applications still pending (their rights
 * can be assigned and licensed already; 6,609 of Chongqing's 27,500 are such applications in the demo). */
export const POOL_LEGAL_STATUSES: readonly LegalStatus[] = ["VALID", "PENDING"];
export const LEGAL_STATUS_CODES = Object.keys(LEGAL_STATUSES) as LegalStatus[];

/** Remaining-term buckets offered as a search filter, in whole years from today. */
export const REMAINING_TERM_BUCKETS = {
  "0-5": { min: 0, max: 5, zh: "5年以内", en: "Under 5 years" },
  "5-10": { min: 5, max: 10, zh: "5–10年", en: "5–10 years" },
  "10-15": { min: 10, max: 15, zh: "10–15年", en: "10–15 years" },
  "15+": { min: 15, max: Infinity, zh: "15年以上", en: "15 years or more" },
} as const;
export type RemainingTermBucket = keyof typeof REMAINING_TERM_BUCKETS;
export const REMAINING_TERM_CODES = Object.keys(REMAINING_TERM_BUCKETS) as RemainingTermBucket[];

export const FEE_MODELS = {
  LUMP_SUM: { zh: "一次性支付", en: "Lump sum" },
  ROYALTY: { zh: "销售额提成", en: "Share of sales revenue" },
  PER_UNIT: { zh: "按件计费", en: "Fee per unit" },
  ENTRY_PLUS_ROYALTY: { zh: "入门费+提成", en: "Entry fee plus royalty" },
} as const;
export type FeeModel = keyof typeof FEE_MODELS;
export const FEE_MODEL_CODES = Object.keys(FEE_MODELS) as [FeeModel, ...FeeModel[]];

export const PAYMENT_SCHEDULES = {
  ONCE: { zh: "一次付清", en: "Paid once" },
  YEARLY: { zh: "按年支付", en: "Paid yearly" },
  QUARTERLY: { zh: "按季度支付", en: "Paid quarterly" },
} as const;
export type PaymentSchedule = keyof typeof PAYMENT_SCHEDULES;

/** The schema's enum LicenseKind, named in the order pages list the kinds. */
export const LICENSE_KINDS = {
  OPEN: { zh: "开放许可", en: "Open license" },
  ORDINARY: { zh: "普通许可", en: "Ordinary license" },
  SOLE: { zh: "排他许可", en: "Sole license" },
  EXCLUSIVE: { zh: "独占许可", en: "Exclusive license" },
} as const satisfies Record<LicenseKind, { zh: string; en: string }>;
export type { LicenseKind };

export const IPC_SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;

/** "H01M 10/613" → { section: "H", class: "H01", subclass: "H01M" } */
export function ipcParts(code: string): { section: string; class: string; subclass: string } {
  return { section: code.slice(0, 1), class: code.slice(0, 3), subclass: code.slice(0, 4) };
}

export const IPC_CODE = /^[A-H]\d{2}[A-Z] ?\d{1,4}\/\d{2,6}$/;

/** A patent's legal status, classification and transfer assessment as a university keeps them: the fields that an
 * import file fills and the patent store writes, in this order. */
/** A patent's own text, each in Chinese and (when the record has it) English. */
export const PATENT_TEXT_FIELDS = ["title", "titleEn", "abstract", "abstractEn", "firstClaim", "firstClaimEn"] as const;

export const TRANSFER_PROFILE_FIELDS = [
  "legalStatus",
  "cluster",
  "field",
  "keywords",
  "keywordsEn",
  "transferable",
  "transferableNote",
  "valueScore",
  "maturity",
] as const;
