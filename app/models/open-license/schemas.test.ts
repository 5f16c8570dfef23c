import { describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { messageKey } from "~/lib/i18n";
import { CoOwnerConsentSchema, DeclareFormSchema, onDeclareForm } from "./schemas";

describe("a co-owner's consent date", () => {
  it("is a real day between the Patent Law and today", () => {
    const consent = (consentedOn: string) =>
      CoOwnerConsentSchema.safeParse({ organizationId: "org-1", consentedOn, reference: "共有人同意书 2026-01" });
    expect(consent("2026-01-15").success).toBe(true);
    const messages = (consentedOn: string) => consent(consentedOn).error?.issues.map((issue) => issue.message);
    for (const bad of ["2026-13-01", "2027-1-1", "+275760-09-13", "2027-02-30", "1984-12-31"]) {
      expect(messages(bad), bad).toEqual(["ol.consent.dateInvalid"]);
    }
    expect(messages("9999-12-31")).toEqual(["ol.consent.dateFuture"]);
  });
});

describe("the declaration form", () => {
  const form = { feeModel: "ROYALTY", paymentSchedule: "ONCE", licenseTermMonths: "24" };
  const issues = (fields: Record<string, unknown>) =>
    DeclareFormSchema.safeParse({ ...form, ...fields }).error?.issues.map((issue) => [
      issue.path.join("."),
      issue.message,
    ]);

  it("names the declaration's issues after its own fields (yuan, percent)", () => {
    expect(issues({ lumpSum: "100" })).toEqual([
      ["lumpSum", messageKey("openLicense.err.notPartOf", { feeModel: "feeModel.ROYALTY" })],
      ["royaltyPercent", messageKey("openLicense.err.requiredFor", { feeModel: "feeModel.ROYALTY" })],
    ]);
    expect(issues({ royaltyPercent: "60" })).toEqual([["royaltyPercent", "openLicense.err.royaltyMax"]]);
  });

  it("gives the consents of the ticked co-owners only, and names a refusal of the n-th after its fieldset", () => {
    const coOwners = {
      0: { organizationId: "a", consentedOn: "2025-05-05", reference: "甲" },
      1: { organizationId: "b", consented: "yes", consentedOn: "2025-05-06", reference: "乙" },
    };
    const parsed = DeclareFormSchema.parse({ ...form, royaltyPercent: "5", coOwners });
    expect(parsed.consents).toEqual([
      { organizationId: "b", consentedOn: new Date("2025-05-06T00:00:00Z"), reference: "乙" },
    ]);
    const sent = new FormData();
    sent.append("coOwners.0.organizationId", "a");
    sent.append("coOwners.1.organizationId", "b");
    sent.append("coOwners.1.consented", "yes");
    const refusal = (path?: string) =>
      (onDeclareForm(new DomainError("X", "ol.consent.dateBeforeFiling", { path }), sent) as DomainError).path;
    expect(refusal("consents.0.consentedOn")).toBe("coOwners.1.consentedOn");
    expect(refusal("consents.1.consentedOn")).toBeUndefined();
    expect(refusal("consents")).toBe("consents");
    expect(refusal("licenseTermMonths")).toBe("licenseTermMonths");
    expect(refusal(undefined)).toBeUndefined();
  });
});
