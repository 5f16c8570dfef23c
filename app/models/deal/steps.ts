// What the negotiation pages and the JSON API send: a request, and each step of a deal. One schema for both.
import { z } from "zod";
import { DealTermsSchema, ReceivingAccountSchema, signatoryText, withKind, type DealTerms } from "./terms";
import { DEAL_KINDS, type DealKind } from "./vocabulary";

const message = z.string().trim().max(4000, "validation.tooLong").default("");

/** Full terms; terms written the way the API took them before (a kind beside open-license-like terms) are read
 * the same way they always were. */
const termsWithKind = (kind: DealKind | undefined) =>
  z.preprocess((terms) => {
    if (!terms || typeof terms !== "object") return terms;
    const record = terms as Record<string, unknown>;
    return record.kind === undefined && kind ? withKind(kind, record) : record;
  }, DealTermsSchema);

export const DealRequestSchema = z
  .object({ kind: z.enum(DEAL_KINDS).optional(), message, terms: z.unknown() })
  .transform((input, context) => {
    const parsed = termsWithKind(input.kind).safeParse(input.terms);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        context.addIssue({ code: "custom", path: ["terms", ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    if (input.kind && parsed.data.kind !== input.kind) {
      context.addIssue({ code: "custom", path: ["kind"], message: "deal.terms.kindMismatch" });
      return z.NEVER;
    }
    return { message: input.message, terms: parsed.data };
  });
export type DealRequest = { message: string; terms: DealTerms };

export const SignatureSchema = z.object({
  signatoryName: signatoryText(2, 100),
  signatoryTitle: signatoryText(2, 100),
  /** the SHA-256 of the contract preview the signatory read: signing needs the text as it stands */
  previewFingerprint: z.string({ message: "deal.sign.previewFirst" }).regex(/^[0-9a-f]{64}$/, "deal.sign.previewFirst"),
  agree: z.literal(true, { message: "validation.agree" }),
});

export const DealStepSchema = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("message"),
    message: z.string().trim().min(1, "validation.required").max(4000, "validation.tooLong"),
  }),
  z.object({ step: z.literal("counter"), message, terms: DealTermsSchema }),
  /** accepts the terms of this version (the current one when absent): a counter-offer that arrived meanwhile is not accepted unseen */
  z.object({ step: z.literal("accept"), version: z.number().int().min(1).optional() }),
  z.object({ step: z.literal("decline"), message }),
  /** the requester takes back its own request or offer (the owner declines; the requester withdraws) */
  z.object({ step: z.literal("withdraw"), message }),
  z.object({ step: z.literal("account"), account: ReceivingAccountSchema }),
  SignatureSchema.extend({ step: z.literal("sign") }),
]);
export type DealStep = z.infer<typeof DealStepSchema>;
