// What a sales report and a payment receipt may say: one zod schema per form and per JSON body, shared by the
// pages and the API. Messages are i18n keys, shown in the user's language (English in the API).
import { z } from "zod";
import { MAX_AMOUNT_FEN, parseYuan } from "~/lib/money";

export { MAX_AMOUNT_FEN };
/** The most units one report may declare. */
export const MAX_UNITS = 100_000_000;
/** A voucher or transfer reference: letters, digits and - / . _ (bank vouchers, 凭证号). */
export const MAX_REFERENCE = 60;

const CONTROL = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** "12,345.67" or "12345" yuan → 1234567 fen; anything else is refused (never 0 for an empty field). */
const yuanField = (requiredKey: string, formatKey: string, capKey: string) =>
  z
    .string({ message: requiredKey })
    .transform((value) => value.replace(/[,，\s]/g, ""))
    .pipe(z.string().min(1, requiredKey))
    .transform((value, context) => {
      const fen = parseYuan(value);
      if (fen === null) context.addIssue({ code: "custom", message: formatKey });
      return fen ?? z.NEVER;
    })
    .pipe(z.number().max(MAX_AMOUNT_FEN, capKey));

const unitsField = z
  .string()
  .trim()
  .transform((value) => (value === "" ? "0" : value))
  .pipe(z.string().regex(/^\d{1,12}$/, "pay.err.unitsFormat"))
  .transform(Number)
  .pipe(z.number().max(MAX_UNITS, "pay.err.unitsCap"));

const periodField = z
  .string({ message: "pay.err.periodRequired" })
  .trim()
  .min(1, "pay.err.periodRequired")
  .max(7, "pay.err.periodFormat")
  .transform((p) => p.toUpperCase());

/** The sales-report form: revenue in yuan as typed, units sold. */
export const SalesReportForm = z
  .object({
    period: periodField,
    revenue: yuanField("pay.err.revenueRequired", "pay.err.revenueFormat", "pay.err.revenueCap"),
    units: z
      .string()
      .optional()
      .transform((value) => value ?? "")
      .pipe(unitsField),
  })
  .transform(({ period, revenue, units }) => ({ period, revenueFen: revenue, units }));

/** POST /api/v1/licenses/:id/sales-reports: `{ period, revenueFen, units }`, integers in fen. */
export const SalesReportJson = z.object({
  period: periodField,
  revenueFen: z
    .number({ message: "pay.err.revenueRequired" })
    .int("pay.err.revenueFormat")
    .min(0, "pay.err.revenueFormat")
    .max(MAX_AMOUNT_FEN, "pay.err.revenueCap"),
  units: z
    .number({ message: "pay.err.unitsFormat" })
    .int("pay.err.unitsFormat")
    .min(0, "pay.err.unitsFormat")
    .max(MAX_UNITS, "pay.err.unitsCap")
    .default(0),
});

export type SalesReportInput = z.infer<typeof SalesReportJson>;

const reference = z
  .string({ message: "pay.err.referenceRequired" })
  .trim()
  .min(1, "pay.err.referenceRequired")
  .max(MAX_REFERENCE, "validation.tooLong")
  .refine((value) => !CONTROL.test(value), "validation.characters");

const day = z
  .string({ message: "pay.err.dateRequired" })
  .trim()
  .min(1, "pay.err.dateRequired")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "pay.err.dateFormat")
  .transform((value) => new Date(`${value}T00:00:00Z`));

/** The licensor's receipt as typed on the confirmation page: amount in yuan, the day it arrived, the voucher. */
export const PaymentReceiptForm = z
  .object({
    amount: yuanField("pay.err.amountRequired", "pay.err.amountFormat", "pay.err.amountCap").pipe(
      z.number().min(1, "pay.err.amountPositive"),
    ),
    receivedOn: day,
    reference,
  })
  .transform(({ amount, receivedOn, reference }) => ({ amountFen: amount, receivedOn, reference }));

/** POST /api/v1/payments/:id/receipts: `{ amountFen, receivedOn: "YYYY-MM-DD", reference }`. */
export const PaymentReceiptJson = z.object({
  amountFen: z
    .number({ message: "pay.err.amountRequired" })
    .int("pay.err.amountFormat")
    .min(1, "pay.err.amountPositive")
    .max(MAX_AMOUNT_FEN, "pay.err.amountCap"),
  receivedOn: day,
  reference,
});

export type PaymentReceiptInput = z.infer<typeof PaymentReceiptJson>;
