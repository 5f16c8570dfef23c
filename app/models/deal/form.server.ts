// A negotiation form of the pages (a request or a proposal) read in two stages: the form's own fields, then the
// terms with the same schema as the API, their errors on the form's fields.
import { z } from "zod";
import { yuanToFen } from "~/lib/money";
import { OpenLicenseTermsSchema } from "~/models/open-license/schemas";
import { DEAL_KINDS } from "./terms";

/** The negotiation forms of the pages: a price in yuan and a term, paid once (the API takes any terms).
 * Its terms are then checked with OpenLicenseTermsSchema like the API's. */
const DealFieldsSchema = z
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
      lumpSumFen: yuanToFen(price),
      paymentSchedule: "ONCE" as const,
      licenseTermMonths,
      ...(fieldOfUse ? { fieldOfUse } : {}),
    },
  }));

const FORM_FIELD: Record<string, string> = { "terms.lumpSumFen": "price", "terms.licenseTermMonths": "licenseTermMonths", "terms.fieldOfUse": "fieldOfUse" };

export const DealFormSchema = DealFieldsSchema.transform((deal, context) => {
  const terms = OpenLicenseTermsSchema.safeParse(deal.terms);
  if (terms.success) return { ...deal, terms: terms.data };
  for (const issue of terms.error.issues) {
    const path = issue.path.join(".");
    context.addIssue({ code: "custom", path: [FORM_FIELD[`terms.${path}`] ?? path], message: issue.message });
  }
  return z.NEVER;
});
