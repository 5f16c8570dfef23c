import { describe, expect, it } from "vitest";
import { SignatureSchema } from "./steps";
import { costSummary, DealTermsSchema, foldFreeText, MAX_DEAL_FEN, withKind } from "./terms";
import { dealTermsFromForm } from "./terms-form";
import { changedTerms } from "./vocabulary";

const entryPlusRoyalty = {
  kind: "EXCLUSIVE",
  feeModel: "ENTRY_PLUS_ROYALTY",
  entryFeeFen: 40_000_000,
  royaltyBasisPoints: 200,
  royaltyBase: "NET_SALES",
  paymentSchedule: "YEARLY",
  licenseTermMonths: 60,
  territory: "西南地区",
} as const;

describe("deal terms", () => {
  it("take the full terms of every fee model and of an assignment", () => {
    expect(DealTermsSchema.parse(entryPlusRoyalty)).toEqual(entryPlusRoyalty);
    expect(
      DealTermsSchema.safeParse({
        kind: "ORDINARY",
        feeModel: "PER_UNIT",
        perUnitFen: 500,
        minimumAnnualRoyaltyFen: 1_000_000,
        paymentSchedule: "QUARTERLY",
        licenseTermMonths: 24,
        territory: "中国大陆",
        fieldOfUse: "新能源汽车",
      }).success,
    ).toBe(true);
    expect(
      DealTermsSchema.safeParse({
        kind: "ASSIGNMENT",
        priceFen: 150_000_000,
        paymentSchedule: "ONCE",
        ownershipPasses: "ON_FULL_PAYMENT",
      }).success,
    ).toBe(true);
  });

  it("refuse amounts that are not whole fen, not positive or above the cap, and royalties above 50 %", () => {
    const issues = (terms: object) =>
      DealTermsSchema.safeParse({ ...entryPlusRoyalty, ...terms }).error?.issues.map((issue) => issue.message);
    expect(issues({ entryFeeFen: 10.5 })).toEqual(["deal.terms.wholeFen"]);
    expect(issues({ entryFeeFen: 0 })).toEqual(["deal.terms.positive"]);
    expect(issues({ entryFeeFen: MAX_DEAL_FEN + 1 })).toEqual(["deal.terms.amountCap"]);
    expect(issues({ entryFeeFen: Number.MAX_SAFE_INTEGER * 4 })).toContain("deal.terms.amountCap");
    expect(issues({ royaltyBasisPoints: 5_001 })).toEqual(["deal.terms.royaltyCap"]);
  });

  it("refuse terms that do not fit the kind or the fee model, rather than ignoring them", () => {
    const issues = (terms: object) =>
      DealTermsSchema.safeParse(terms).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    expect(issues({ ...entryPlusRoyalty, lumpSumFen: 100 })).toEqual(["lumpSumFen:deal.terms.notInFeeModel"]);
    expect(issues({ ...entryPlusRoyalty, royaltyBase: undefined })).toEqual(["royaltyBase:deal.terms.required"]);
    expect(issues({ ...entryPlusRoyalty, paymentSchedule: "ONCE" })).toEqual([
      "paymentSchedule:deal.terms.royaltyOnce",
    ]);
    expect(issues({ ...entryPlusRoyalty, priceFen: 100 })).toEqual(["priceFen:deal.terms.onlyAssignment"]);
    expect(
      issues({
        kind: "ASSIGNMENT",
        priceFen: 100,
        paymentSchedule: "ONCE",
        ownershipPasses: "ON_SIGNATURE",
        territory: "重庆",
      }),
    ).toEqual(["territory:deal.terms.notForAssignment"]);
  });

  it("fold free text to one line and drop bidirectional controls", () => {
    expect(foldFreeText("生产电机\n许可使用费 / Royalties: 免费\r\n本许可为独占许可。")).toBe(
      "生产电机 许可使用费 / Royalties: 免费 本许可为独占许可。",
    );
    expect(foldFreeText("西南\u202e区地\u2066")).toBe("西南区地");
    expect(DealTermsSchema.parse({ ...entryPlusRoyalty, fieldOfUse: "电机\n本许可为独占许可。" }).fieldOfUse).toBe(
      "电机 本许可为独占许可。",
    );
  });

  it("refuse signatory names and titles with line breaks or bidirectional controls", () => {
    const signature = {
      signatoryName: "王五",
      signatoryTitle: "主任",
      previewFingerprint: "a".repeat(64),
      agree: true,
    };
    expect(SignatureSchema.safeParse(signature).success).toBe(true);
    for (const name of ["王\n五", "王\u202e五", "王\u2067五", "王\t五"]) {
      expect(SignatureSchema.safeParse({ ...signature, signatoryName: name }).error?.issues[0].message).toBe(
        "deal.sign.characters",
      );
    }
    expect(SignatureSchema.safeParse({ ...signature, signatoryTitle: "主任\u202a" }).success).toBe(false);
    expect(SignatureSchema.safeParse({ ...signature, previewFingerprint: undefined }).error?.issues[0].message).toBe(
      "deal.sign.previewFirst",
    );
  });

  it("mark the rows that changed from the previous offer", () => {
    const counter = { ...entryPlusRoyalty, entryFeeFen: 50_000_000, territory: "重庆市" };
    expect([...changedTerms(entryPlusRoyalty, counter)].sort()).toEqual(["entryFeeFen", "territory"]);
    expect(changedTerms(entryPlusRoyalty, entryPlusRoyalty).size).toBe(0);
  });

  it("sum the fixed cost: the fee due on signature and the minimum royalties over the contract years", () => {
    expect(costSummary({ ...entryPlusRoyalty, minimumAnnualRoyaltyFen: 5_000_000 })).toEqual({
      dueOnSignatureFen: 40_000_000,
      minimumRoyaltiesFen: 25_000_000,
      contractYears: 5,
      totalFixedFen: 65_000_000,
      runningRoyalty: true,
    });
    expect(
      costSummary({
        kind: "ASSIGNMENT",
        priceFen: 150_000_000,
        paymentSchedule: "ONCE",
        ownershipPasses: "ON_SIGNATURE",
      }).totalFixedFen,
    ).toBe(150_000_000);
  });

  it("read the API's older terms (a kind beside open-license-like terms) as they always were", () => {
    expect(
      DealTermsSchema.parse(
        withKind("ASSIGNMENT", {
          feeModel: "LUMP_SUM",
          lumpSumFen: 30_000_000,
          paymentSchedule: "ONCE",
          licenseTermMonths: 36,
          territory: "中国大陆",
        }),
      ),
    ).toEqual({ kind: "ASSIGNMENT", priceFen: 30_000_000, paymentSchedule: "ONCE", ownershipPasses: "ON_SIGNATURE" });
  });
});

describe("the terms form", () => {
  it("reads yuan and percent exactly, and only the fields of the chosen fee model", () => {
    const read = dealTermsFromForm({
      kind: "EXCLUSIVE",
      feeModel: "ENTRY_PLUS_ROYALTY",
      entryFee: "400,000",
      royaltyPercent: "2",
      royaltyBase: "NET_SALES",
      lumpSum: "999",
      paymentSchedule: "YEARLY",
      licenseTermMonths: "60",
      territory: "西南地区",
    });
    expect(read).toEqual({ ok: true, terms: entryPlusRoyalty });
    expect(
      dealTermsFromForm({
        kind: "ORDINARY",
        feeModel: "LUMP_SUM",
        lumpSum: "0.1",
        paymentSchedule: "ONCE",
        licenseTermMonths: "12",
        territory: "重庆",
      }),
    ).toMatchObject({ ok: true, terms: { lumpSumFen: 10 } });
  });

  it("answers malformed or overflowing amounts with the field's message", () => {
    const base = {
      kind: "ORDINARY",
      feeModel: "PER_UNIT",
      paymentSchedule: "YEARLY",
      licenseTermMonths: "12",
      territory: "重庆",
    };
    expect(dealTermsFromForm({ ...base, perUnit: "1.234" })).toEqual({
      ok: false,
      fieldErrors: { perUnit: "deal.terms.wholeFen" },
    });
    expect(dealTermsFromForm({ ...base, perUnit: "1e9" })).toEqual({
      ok: false,
      fieldErrors: { perUnit: "deal.terms.wholeFen" },
    });
    expect(dealTermsFromForm({ ...base, perUnit: "999999999999" })).toEqual({
      ok: false,
      fieldErrors: { perUnit: "deal.terms.amountCap" },
    });
    expect(dealTermsFromForm({ ...base, perUnit: "" })).toEqual({
      ok: false,
      fieldErrors: { perUnit: "deal.terms.required" },
    });
  });
});
