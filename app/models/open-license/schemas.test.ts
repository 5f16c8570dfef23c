import { describe, expect, it } from "vitest";
import { CoOwnerConsentSchema } from "./schemas";

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
