// Agreed == signed: for every kind of deal and every fee model, the license (or transfer) and its contract
// carry exactly the version both sides accepted, never an earlier offer, and the text signed is the text
// previewed.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { fingerprint } from "~/models/contract/contract.server";
import { advanceDeal, contractTermsOf, getDealFor, requestDeal } from "~/models/deal/deal.server";
import { DealTermsSchema, type DealTerms } from "~/models/deal/terms";
import { OWNERSHIP_PASSES, ROYALTY_BASES } from "~/models/deal/vocabulary";
import { FEE_MODELS, LICENSE_KINDS, PAYMENT_SCHEDULES } from "~/models/patent/vocabulary";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-05-01T02:00:00Z");
const account = { bank: "中国建设银行重庆北碚支行", accountName: "西南大学", accountNumber: "50001083600050200000" };

async function userOf(email: string, role: "SME" | "UNIVERSITY_STAFF", organizationId: string): Promise<CurrentUser> {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "deal password",
    role,
    organizationId,
  });
  return (await getUser(
    new Request("http://localhost/", { headers: { Cookie: (await startSession(created.id, 1)).split(";")[0] } }),
  ))!;
}

let staff: CurrentUser;
let company: CurrentUser;
let university: { id: string };

beforeAll(async () => {
  university = await createUniversity("西南大学", "Southwest University");
  const enterprise = await createEnterprise("重庆丁电机有限公司");
  await prisma.organization.update({ where: { id: enterprise.id }, data: { verifiedAt: NOW } });
  staff = await userOf("tto@contract.example", "UNIVERSITY_STAFF", university.id);
  company = await userOf("buyer@contract.example", "SME", enterprise.id);
});

const FEES: Record<
  string,
  Omit<DealTerms, "kind" | "paymentSchedule" | "licenseTermMonths" | "territory"> & {
    paymentSchedule: DealTerms["paymentSchedule"];
  }
> = {
  LUMP_SUM: { feeModel: "LUMP_SUM", lumpSumFen: 12_345_600, paymentSchedule: "ONCE" },
  ROYALTY: {
    feeModel: "ROYALTY",
    royaltyBasisPoints: 350,
    royaltyBase: "GROSS_SALES",
    minimumAnnualRoyaltyFen: 8_000_000,
    paymentSchedule: "QUARTERLY",
  },
  PER_UNIT: { feeModel: "PER_UNIT", perUnitFen: 1_250, paymentSchedule: "YEARLY" },
  // Issue 16's example: 入门费40万元，另加销售额2%提成；地域可限定西南地区.
  ENTRY_PLUS_ROYALTY: {
    feeModel: "ENTRY_PLUS_ROYALTY",
    entryFeeFen: 40_000_000,
    royaltyBasisPoints: 200,
    royaltyBase: "NET_SALES",
    paymentSchedule: "YEARLY",
  },
};

/** The first offer differs from the accepted counter-offer in every amount, the term and the territory. */
function firstOffer(terms: DealTerms): DealTerms {
  if (terms.kind === "ASSIGNMENT") return { ...terms, priceFen: 77_700_000 };
  return {
    ...terms,
    ...(terms.lumpSumFen ? { lumpSumFen: 9_990_000 } : {}),
    ...(terms.entryFeeFen ? { entryFeeFen: 33_300_000 } : {}),
    ...(terms.royaltyBasisPoints ? { royaltyBasisPoints: 125 } : {}),
    ...(terms.perUnitFen ? { perUnitFen: 777 } : {}),
    ...(terms.minimumAnnualRoyaltyFen ? { minimumAnnualRoyaltyFen: 1_110_000 } : {}),
    licenseTermMonths: 18,
    territory: "中国大陆",
  };
}

async function conclude(title: string, agreed: DealTerms) {
  const patent = await createPatent({ ownerId: university.id, title });
  const deal = await requestDeal(company, patent.id, { message: "", terms: firstOffer(agreed) }, NOW);
  await advanceDeal(staff, deal.id, { step: "counter", message: "我方条件", terms: agreed }, NOW);
  await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
  await advanceDeal(company, deal.id, { step: "accept", version: 2 }, NOW);
  const { preview } = await getDealFor(company, deal.id);
  await advanceDeal(
    company,
    deal.id,
    {
      step: "sign",
      signatoryName: "李四",
      signatoryTitle: "总经理",
      previewFingerprint: preview!.fingerprint,
      agree: true,
    },
    NOW,
  );
  const signingAt = new Date(NOW.getTime() + 3_600_000);
  const concluded = await advanceDeal(
    staff,
    deal.id,
    {
      step: "sign",
      signatoryName: "王五",
      signatoryTitle: "科技成果转化中心主任",
      previewFingerprint: preview!.fingerprint,
      agree: true,
    },
    signingAt,
  );
  return { concluded, preview: preview! };
}

/** Every line of the preview that was not left to signature is in the signed contract, word for word. */
function expectPreviewSigned(previewText: string, signedText: string) {
  const fixedLines = previewText.split("\n").filter((line) => !line.includes("签署时确定"));
  const signedLines = new Set(signedText.split("\n"));
  expect(fixedLines.filter((line) => !signedLines.has(line) && !line.startsWith("法律状态"))).toEqual([]);
}

describe("agreed == contract", () => {
  for (const kind of ["ORDINARY", "SOLE", "EXCLUSIVE"] as const) {
    for (const [model, fees] of Object.entries(FEES)) {
      it(`a ${kind} license with ${model} carries exactly the accepted version`, async () => {
        const agreed = {
          kind,
          ...fees,
          licenseTermMonths: 60,
          territory: "西南地区（重庆、四川、贵州、云南）",
          fieldOfUse: "新能源汽车驱动电机",
        } as DealTerms;
        const { concluded, preview } = await conclude(`一种${kind}${model}电机`, agreed);
        const license = await prisma.license.findUniqueOrThrow({ where: { id: concluded.licenseId! } });
        // The license's terms are the accepted version's, field for field.
        expect(JSON.parse(license.termsSnapshot)).toEqual(contractTermsOf(agreed, 2));
        expect(license).toMatchObject({
          kind,
          valueFen: BigInt((agreed.lumpSumFen ?? 0) + (agreed.entryFeeFen ?? 0)),
          signatoryName: "李四",
          signatoryTitle: "总经理",
          licensorSignatory: "王五",
          licensorSignatoryTitle: "科技成果转化中心主任",
        });
        expect(license.endsOn.toISOString().slice(0, 10)).toBe("2031-05-01");
        const text = license.contractText!;
        expect(license.contractSha256).toBe(fingerprint(text));
        // The contract states each agreed term…
        expect(text).toContain(`${LICENSE_KINDS[kind].zh} / ${LICENSE_KINDS[kind].en}`);
        expect(text).toContain(`${FEE_MODELS[agreed.feeModel!].zh} / ${FEE_MODELS[agreed.feeModel!].en}`);
        for (const fen of [agreed.lumpSumFen, agreed.entryFeeFen, agreed.minimumAnnualRoyaltyFen])
          if (fen) expect(text).toContain(`${formatFen(fen, "zh")} / ${formatFen(fen, "en")}`);
        if (agreed.perUnitFen)
          expect(text).toContain(`每件 ${formatFen(agreed.perUnitFen, "zh")} / ${formatFen(agreed.perUnitFen, "en")}`);
        if (agreed.royaltyBasisPoints)
          expect(text).toContain(
            `${ROYALTY_BASES[agreed.royaltyBase!].zh}的 ${formatBasisPoints(agreed.royaltyBasisPoints)}`,
          );
        expect(text).toContain(PAYMENT_SCHEDULES[agreed.paymentSchedule].zh);
        expect(text).toContain("许可期限为自合同生效之日起60个月，即 2026-05-01 至 2031-05-01");
        expect(text).toContain("地域范围 / Territory: 「西南地区（重庆、四川、贵州、云南）」");
        expect(text).toContain("实施领域 / Field of use: 「新能源汽车驱动电机」");
        expect(text).toContain("账号 / account number 50001083600050200000");
        // …and both signatures with their titles and times (Beijing time).
        expect(text).toContain("「王五」，职务 / title 「科技成果转化中心主任」，签署时间 / signed 2026-05-01 11:00");
        expect(text).toContain("「李四」，职务 / title 「总经理」，签署时间 / signed 2026-05-01 10:00");
        // …and nothing of the superseded first offer.
        const first = firstOffer(agreed);
        for (const fen of [first.lumpSumFen, first.entryFeeFen, first.minimumAnnualRoyaltyFen, first.perUnitFen])
          if (fen) expect(text).not.toContain(formatFen(fen, "en"));
        if (first.royaltyBasisPoints) expect(text).not.toContain(formatBasisPoints(first.royaltyBasisPoints));
        expect(text).not.toContain("中国大陆");
        expectPreviewSigned(preview.text, text);
      });
    }
  }

  for (const ownershipPasses of ["ON_SIGNATURE", "ON_FULL_PAYMENT"] as const) {
    it(`an assignment (${ownershipPasses}) carries exactly the accepted price and moment ownership passes`, async () => {
      const agreed: DealTerms = {
        kind: "ASSIGNMENT",
        priceFen: 188_000_000,
        paymentSchedule: "YEARLY",
        ownershipPasses,
      };
      const { concluded, preview } = await conclude(`一种转让电机${ownershipPasses}`, agreed);
      const transfer = await prisma.transfer.findUniqueOrThrow({ where: { id: concluded.transferId! } });
      expect(JSON.parse(transfer.termsSnapshot)).toEqual({ ...agreed, version: 2 });
      expect(transfer).toMatchObject({
        priceFen: 188_000_000n,
        ownershipPasses,
        assigneeSignatory: "李四",
        assignorSignatory: "王五",
        assignorSignatoryTitle: "科技成果转化中心主任",
      });
      const text = transfer.contractText!;
      expect(transfer.contractSha256).toBe(fingerprint(text));
      expect(text).toContain(`转让价款 / Price: ${formatFen(188_000_000, "zh")} / ${formatFen(188_000_000, "en")}`);
      expect(text).toContain(OWNERSHIP_PASSES[ownershipPasses].zh);
      expect(text).toContain(PAYMENT_SCHEDULES.YEARLY.zh);
      expect(text).not.toContain(formatFen(77_700_000, "en"));
      expectPreviewSigned(preview.text, text);
    });
  }

  it("refuses a signature on a preview that is no longer the contract's text", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种预览过期电机" });
    const terms = { kind: "ORDINARY", ...FEES.LUMP_SUM, licenseTermMonths: 12, territory: "重庆市" } as DealTerms;
    const deal = await requestDeal(company, patent.id, { message: "", terms }, NOW);
    await advanceDeal(staff, deal.id, { step: "account", account }, NOW);
    await advanceDeal(staff, deal.id, { step: "accept", version: 1 }, NOW);
    const { preview } = await getDealFor(company, deal.id);
    // The patent's legal status changed after the company read the preview: the contract's text changed with it.
    await prisma.patent.update({ where: { id: patent.id }, data: { legalStatus: "PENDING" } });
    await expect(
      advanceDeal(
        company,
        deal.id,
        {
          step: "sign",
          signatoryName: "李四",
          signatoryTitle: "总经理",
          previewFingerprint: preview!.fingerprint,
          agree: true,
        },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 409, code: "PREVIEW_OUTDATED" });
    await expect(
      advanceDeal(
        company,
        deal.id,
        {
          step: "sign",
          signatoryName: "李四",
          signatoryTitle: "总经理",
          previewFingerprint: "0".repeat(64),
          agree: true,
        },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "PREVIEW_OUTDATED" });
  });

  it("refuses to accept terms other than those on the table, and to sign before the receiving account is given", async () => {
    const patent = await createPatent({ ownerId: university.id, title: "一种版本电机" });
    const terms = { kind: "ORDINARY", ...FEES.PER_UNIT, licenseTermMonths: 12, territory: "重庆市" } as DealTerms;
    const deal = await requestDeal(company, patent.id, { message: "", terms }, NOW);
    await advanceDeal(company, deal.id, { step: "counter", message: "", terms: { ...terms, perUnitFen: 1_000 } }, NOW);
    // The owner accepts what it saw (version 1); the company's counter-offer (version 2) came in between.
    await expect(advanceDeal(staff, deal.id, { step: "accept", version: 1 }, NOW)).rejects.toMatchObject({
      status: 409,
      code: "TERMS_CHANGED",
    });
    await advanceDeal(staff, deal.id, { step: "accept", version: 2 }, NOW);
    const { preview } = await getDealFor(company, deal.id);
    expect(preview).toMatchObject({ version: 2, accountGiven: false });
    await expect(
      advanceDeal(
        company,
        deal.id,
        {
          step: "sign",
          signatoryName: "李四",
          signatoryTitle: "总经理",
          previewFingerprint: preview!.fingerprint,
          agree: true,
        },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 409, code: "ACCOUNT_MISSING" });
  });

  it("prints user-supplied text as one quoted field, never as a clause", async () => {
    const terms = {
      kind: "ORDINARY",
      ...FEES.LUMP_SUM,
      licenseTermMonths: 12,
      territory: "重庆\n许可使用费 / Royalties: 免费",
      fieldOfUse: "电机\r\n本许可为独占许可。\u202e",
    } as DealTerms;
    // The schema folds what the page and the API send; the contract folds again whatever reaches it.
    for (const [title, given] of [
      ["一种注入电机", terms],
      ["一种注入电机（已校验）", DealTermsSchema.parse(terms)],
    ] as const) {
      const { concluded } = await conclude(title, given);
      const text = (await prisma.license.findUniqueOrThrow({ where: { id: concluded.licenseId! } })).contractText!;
      expect(text).toContain("地域范围 / Territory: 「重庆 许可使用费 / Royalties: 免费」");
      expect(text).toContain("实施领域 / Field of use: 「电机 本许可为独占许可。」");
      expect(text.split("\n").filter((line) => line.startsWith("本许可为") || line.startsWith("许可使用费"))).toEqual(
        [],
      );
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });
});
