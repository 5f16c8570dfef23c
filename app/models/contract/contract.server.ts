// The text of a license or assignment contract, in Chinese with an English translation, following the
// structure of CNIPA's model patent license contract (parties; the patent and its legal status; kind and
// scope; territory; field; term; fees and payment with the receiving account; technical documents;
// acceptance; improvements; confidentiality; breach; dispute resolution; effect; recordal), and its
// fingerprint. The text is fixed at signature; the SHA-256 lets anyone check a copy. Text a user typed is one
// quoted field 「…」 folded to one line, never a clause of its own.
import { createHash } from "node:crypto";
import type { OpenLicenseDeclaration, Prisma } from "~/generated/prisma/client";
import { chinaMinute, isoDay } from "~/lib/calendar-date";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { inBothLanguages } from "~/lib/i18n";
import { fenOf } from "~/lib/money";
import { CONTRACT_REGISTER_TURN, takeTurn } from "~/lib/sql-dialect.server";
import { foldFreeText, type ReceivingAccount } from "~/models/deal/terms";
import { OWNERSHIP_PASSES, ROYALTY_BASES, type OwnershipPasses, type RoyaltyBase } from "~/models/deal/vocabulary";
import { formatApplicationNumber } from "~/models/patent/identifiers";
import {
  FEE_MODELS,
  LEGAL_STATUSES,
  LICENSE_KINDS,
  PATENT_TYPES,
  PAYMENT_SCHEDULES,
  type FeeModel,
  type LicenseKind,
  type PaymentSchedule,
} from "~/models/patent/vocabulary";

/** The next number in a year's register of licenses (PB-2025-L-000001) or assignments (PB-2025-T-…). The
 * register's turn is held to the end of the transaction, so numbers run in sequence without clashes. */
export async function nextContractNumber(
  tx: Prisma.TransactionClient,
  register: "LICENSE" | "ASSIGNMENT",
  year: number,
): Promise<string> {
  await takeTurn(tx, CONTRACT_REGISTER_TURN);
  const prefix = `PB-${year}-${register === "LICENSE" ? "L" : "T"}-`;
  const where = { contractNumber: { startsWith: prefix } };
  const last =
    register === "LICENSE"
      ? await tx.license.findFirst({ where, orderBy: { contractNumber: "desc" }, select: { contractNumber: true } })
      : await tx.transfer.findFirst({ where, orderBy: { contractNumber: "desc" }, select: { contractNumber: true } });
  return `${prefix}${String(Number(last?.contractNumber.slice(prefix.length) ?? 0) + 1).padStart(6, "0")}`;
}

export interface ContractTerms {
  feeModel: FeeModel;
  lumpSumFen: number | null;
  entryFeeFen: number | null;
  royaltyBasisPoints: number | null;
  perUnitFen: number | null;
  paymentSchedule: PaymentSchedule;
  licenseTermMonths: number;
  territory: string;
  fieldOfUse: string | null;
  /** what a royalty rate applies to (net sales when absent) */
  royaltyBase?: RoyaltyBase | null;
  minimumAnnualRoyaltyFen?: number | null;
  /** the open-license declaration's version, for open licenses */
  version?: number;
  /** the negotiated terms' version, for negotiated licenses */
  dealVersion?: number;
}

type PublishedTerms = Pick<
  OpenLicenseDeclaration,
  | "feeModel"
  | "lumpSumFen"
  | "entryFeeFen"
  | "royaltyBasisPoints"
  | "perUnitFen"
  | "paymentSchedule"
  | "licenseTermMonths"
  | "territory"
  | "fieldOfUse"
>;

/** A declaration's published terms, as a contract and a comparison state them. */
export function declaredTerms(declaration: PublishedTerms): Omit<ContractTerms, "version"> {
  return {
    feeModel: declaration.feeModel as FeeModel,
    lumpSumFen: fenOf(declaration.lumpSumFen),
    entryFeeFen: fenOf(declaration.entryFeeFen),
    royaltyBasisPoints: declaration.royaltyBasisPoints,
    perUnitFen: fenOf(declaration.perUnitFen),
    paymentSchedule: declaration.paymentSchedule as PaymentSchedule,
    licenseTermMonths: declaration.licenseTermMonths,
    territory: declaration.territory,
    fieldOfUse: declaration.fieldOfUse,
  };
}

export interface ContractPatent {
  applicationNumber: string;
  title: string;
  titleEn: string | null;
  type?: string;
  filingDate?: Date;
  grantDate?: Date | null;
  expiresOn?: Date;
  legalStatus?: string;
}

export interface Signature {
  name: string;
  title: string | null;
  at: Date;
}

export interface ContractParties {
  /** null for a preview: the number is given at signature */
  contractNumber: string | null;
  kind: LicenseKind;
  patent: ContractPatent;
  licensor: { name: string; creditCode: string };
  licensee: { name: string; creditCode: string };
  terms: ContractTerms;
  /** the licensee's signatory (the open license's written notice) */
  signatoryName: string | null;
  intendedUse: string | null;
  /** null for a preview: the dates are fixed by the second signature */
  signedAt: Date | null;
  startsOn: Date | null;
  endsOn: Date | null;
  receivingAccount?: ReceivingAccount | null;
  /** both sides' signatures, for negotiated licenses */
  signatures?: { licensor: Signature | null; licensee: Signature | null };
}

export interface AssignmentParties {
  contractNumber: string | null;
  patent: ContractPatent;
  assignor: { name: string; creditCode: string };
  assignee: { name: string; creditCode: string };
  priceFen: number;
  paymentSchedule: PaymentSchedule;
  ownershipPasses: OwnershipPasses;
  /** licenses already concluded on the patent, which stay valid */
  existingLicenses: Array<{ contractNumber: string; kind: string }>;
  receivingAccount: ReceivingAccount | null;
  signedAt: Date | null;
  signatures: { assignor: Signature | null; assignee: Signature | null };
}

const PENDING_AT_SIGNATURE = "（签署时确定 / fixed at signature）";

/** A moment in Beijing time (UTC+8, no daylight saving), to the minute. */
function beijingTime(date: Date): string {
  return `${chinaMinute(date)}（北京时间 / Beijing time）`;
}

/** User-supplied text: one line, one quoted field. */
const quoted = (text: string) => `「${foldFreeText(text).replace(/[「」]/g, "")}」`;
const party = (organization: { name: string; creditCode: string }) =>
  `${quoted(organization.name)}（统一社会信用代码 / unified social credit code ${organization.creditCode}）`;
const money = (fen: number) => `${formatFen(fen, "zh")} / ${formatFen(fen, "en")}`;

function patentArticle(number: [zh: string, en: string], patent: ContractPatent, asOf: Date | null): string[] {
  const type = inBothLanguages(PATENT_TYPES, patent.type);
  const status = inBothLanguages(LEGAL_STATUSES, patent.legalStatus);
  return [
    `${number[0]} 专利及其法律状态 / ${number[1]} The patent and its legal status`,
    `专利名称 / Title: ${quoted(patent.title)}${patent.titleEn ? ` / ${quoted(patent.titleEn)}` : ""}`,
    `申请号 / Application number: ${formatApplicationNumber(patent.applicationNumber)}${type ? `；专利类型 / type: ${type}` : ""}`,
    patent.filingDate
      ? `申请日 / Filing date: ${isoDay(patent.filingDate)}${patent.grantDate ? `；授权公告日 / grant date: ${isoDay(patent.grantDate)}` : ""}${patent.expiresOn ? `；专利权期限届满日 / term ends: ${isoDay(patent.expiresOn)}` : ""}`
      : null,
    status
      ? `法律状态 / Legal status${asOf ? `（${isoDay(asOf)}）` : ""}: ${status}。许可人保证其为本专利的合法权利人，本专利不存在权属争议、质押或保全。 / The licensor warrants that it owns the patent, free of ownership disputes, pledges and preservation.`
      : null,
  ].filter((line): line is string => line !== null);
}

function feeLines(terms: ContractTerms): string[] {
  const base = ROYALTY_BASES[terms.royaltyBase ?? "NET_SALES"];
  const schedule = PAYMENT_SCHEDULES[terms.paymentSchedule];
  const lines = [`计费方式 / Fee model: ${inBothLanguages(FEE_MODELS, terms.feeModel)}`];
  if (terms.lumpSumFen)
    lines.push(
      `一次性许可费 / Lump sum: ${money(terms.lumpSumFen)}，于合同生效之日起30日内支付 / payable within 30 days of the contract taking effect`,
    );
  if (terms.entryFeeFen)
    lines.push(
      `入门费 / Entry fee: ${money(terms.entryFeeFen)}，于合同生效之日起30日内支付 / payable within 30 days of the contract taking effect`,
    );
  if (terms.royaltyBasisPoints)
    lines.push(
      `提成 / Royalty: ${base.zh}的 ${formatBasisPoints(terms.royaltyBasisPoints)} / ${formatBasisPoints(terms.royaltyBasisPoints)} of ${base.en}`,
    );
  if (terms.perUnitFen)
    lines.push(
      `按件计费 / Per unit: 每件 ${formatFen(terms.perUnitFen, "zh")} / ${formatFen(terms.perUnitFen, "en")} per unit sold`,
    );
  if (terms.minimumAnnualRoyaltyFen)
    lines.push(
      `最低年提成 / Minimum annual royalty: ${money(terms.minimumAnnualRoyaltyFen)}；自合同生效之日起每满12个月为一个合同年度（不足12个月的最后年度亦同），年度届满后30日内报告的该年度提成不足此数的，被许可人于其后30日内支付差额 / each 12 months from the contract taking effect is a contract year (a shorter last year too); if the royalties reported for a year within 30 days of its end fall short of this sum, the licensee pays the shortfall within the following 30 days`,
    );
  if (terms.royaltyBasisPoints || terms.perUnitFen) {
    lines.push(
      `结算 / Reporting: ${schedule.zh}；被许可人于每期结束后30日内提交销售报告并支付当期提成，许可人每年可核查一次账簿 / ${schedule.en}: the licensee reports each period's sales and pays its royalty within 30 days of the period's end; the licensor may audit the books once a year`,
    );
  } else {
    lines.push(`支付方式 / Payment: ${inBothLanguages(PAYMENT_SCHEDULES, terms.paymentSchedule)}`);
  }
  return lines;
}

function accountLine(account: ReceivingAccount | null | undefined, holder: string): string {
  return account
    ? `${holder}收款账户 / Receiving account: 开户银行 / bank ${quoted(account.bank)}，户名 / account name ${quoted(account.accountName)}，账号 / account number ${account.accountNumber}`
    : `${holder}收款账户 / Receiving account: 由${holder}书面通知 / as notified in writing`;
}

function signatureLine(role: string, organization: { name: string }, signature: Signature | null): string {
  if (!signature)
    return `${role}：${quoted(organization.name)}，授权代表 / authorised representative: ${PENDING_AT_SIGNATURE}`;
  return `${role}：${quoted(organization.name)}，授权代表 / authorised representative: ${quoted(signature.name)}${signature.title ? `，职务 / title ${quoted(signature.title)}` : ""}，签署时间 / signed ${beijingTime(signature.at)}`;
}

const COMMON_TAIL = {
  confidentiality: [
    "保密 / Confidentiality",
    "双方对在订立和履行本合同中获知的对方技术秘密和商业秘密负有保密义务，保密期限至本合同终止后三年。 / Each party keeps the other's technical and business secrets learnt under this contract confidential until three years after it ends.",
  ],
  dispute: [
    "争议解决 / Dispute resolution",
    "因本合同发生的争议，双方应协商解决；协商不成的，可请求专利管理部门调解，或向许可人所在地有管辖权的人民法院起诉。 / Disputes are settled by negotiation; failing that, either party may ask the patent administration to mediate or sue in the competent people's court where the licensor is located.",
  ],
};

/** The contract of a license: an open license taken on published terms, or a negotiated one signed by both. */
export function contractText(contract: ContractParties): string {
  const { terms } = contract;
  const negotiated = contract.kind !== "OPEN";
  const startsOn = contract.startsOn ? isoDay(contract.startsOn) : PENDING_AT_SIGNATURE;
  const endsOn = contract.endsOn ? isoDay(contract.endsOn) : PENDING_AT_SIGNATURE;
  const scope =
    contract.kind === "EXCLUSIVE"
      ? "独占许可：许可期间在约定地域和领域内，许可人不得再许可任何第三方实施，许可人自身亦不得实施。 / Exclusive license: during the term, within the territory and field, the licensor licenses no one else and does not exploit the patent itself."
      : contract.kind === "SOLE"
        ? "排他许可：许可期间在约定地域和领域内，许可人不得再许可任何第三方实施，但许可人自身可以实施。 / Sole license: during the term, within the territory and field, the licensor licenses no one else but may exploit the patent itself."
        : "普通许可：许可人可以自行实施，并可以许可第三方实施。 / Ordinary (non-exclusive) license: the licensor may exploit the patent and license others.";
  const articles: string[][] = [
    [
      "第一条 合同当事人 / Article 1 Parties",
      `许可人（甲方）/ Licensor (Party A): ${party(contract.licensor)}`,
      `被许可人（乙方）/ Licensee (Party B): ${party(contract.licensee)}`,
    ],
    patentArticle(["第二条", "Article 2"], contract.patent, contract.signedAt),
    [
      "第三条 许可种类与范围 / Article 3 Kind and scope of the license",
      `许可种类 / Kind: ${inBothLanguages(LICENSE_KINDS, contract.kind)}。${scope}`,
      ...(contract.kind === "OPEN"
        ? [
            `本合同依据专利权人公告的开放许可声明（第${terms.version ?? 1}版）订立（《专利法》第五十条、第五十一条），被许可人以本合同作为书面通知；开放许可均为普通许可。 / This contract is concluded under the patentee's published open-license declaration (version ${terms.version ?? 1}; Patent Law arts. 50–51); the licensee gives its written notice by this contract; every open license is non-exclusive.`,
          ]
        : []),
      "许可实施方式 / Exploitation: 制造、使用、销售、许诺销售、进口专利产品，或使用专利方法及使用、销售、许诺销售、进口依该方法直接获得的产品（《专利法》第十一条）。 / making, using, selling, offering for sale and importing the patented product, or using the patented process and the product directly obtained by it (Patent Law art. 11).",
      `地域范围 / Territory: ${quoted(terms.territory)}`,
      `实施领域 / Field of use: ${terms.fieldOfUse ? quoted(terms.fieldOfUse) : "不限 / unlimited"}`,
      ...(contract.intendedUse
        ? [`拟实施用途（被许可人所述）/ Intended use (as stated by the licensee): ${quoted(contract.intendedUse)}`]
        : []),
    ],
    [
      "第四条 许可期限 / Article 4 Term",
      `许可期限为自合同生效之日起${terms.licenseTermMonths}个月，即 ${startsOn} 至 ${endsOn}，不超过专利权期限。 / ${terms.licenseTermMonths} months from the contract taking effect, ${startsOn} to ${endsOn}, never beyond the patent's term.`,
    ],
    [
      "第五条 使用费及支付方式 / Article 5 Fees and payment",
      ...feeLines(terms),
      accountLine(contract.receivingAccount, "许可人"),
      "逾期付款的，被许可人每日按逾期金额的万分之五支付违约金。 / Late payment bears a penalty of 0.05 % of the amount overdue per day.",
    ],
    [
      "第六条 技术资料及交付 / Article 6 Technical documents and delivery",
      "许可人于合同生效之日起30日内向被许可人交付专利说明书、权利要求书、附图及专利证书复印件，以及实施专利所必需的技术资料。 / Within 30 days of the contract taking effect the licensor delivers the description, claims, drawings, a copy of the patent certificate and the technical documents needed to exploit the patent.",
    ],
    [
      "第七条 验收 / Article 7 Acceptance",
      "被许可人收到技术资料后15日内验收；资料不完整或与专利文件不符的，许可人应于接到书面通知后15日内补齐。 / The licensee checks the documents within 15 days of receipt; the licensor completes any that are missing or do not match the patent within 15 days of written notice.",
    ],
    [
      "第八条 后续改进 / Article 8 Improvements",
      "任何一方对本专利技术所作的后续改进，其成果归改进方所有；另一方需要实施的，双方另行协商。 / An improvement to the patented technology belongs to the party that makes it; the other party may use it on terms agreed separately.",
    ],
    ["第九条 保密 / Article 9 Confidentiality", COMMON_TAIL.confidentiality[1]],
    [
      "第十条 违约责任 / Article 10 Breach and liability",
      "被许可人超出约定地域、领域或期限实施的，或许可人违反许可种类约定另行许可的，违约方应赔偿对方因此受到的损失；被许可人逾期付款超过60日的，许可人可以解除合同。 / A licensee exploiting beyond the territory, field or term, or a licensor granting licenses its kind of license forbids, compensates the other party's loss; payment more than 60 days late entitles the licensor to terminate.",
    ],
    ["第十一条 争议解决 / Article 11 Dispute resolution", COMMON_TAIL.dispute[1]],
    [
      "第十二条 合同的生效、变更与终止 / Article 12 Effect, changes and termination",
      negotiated
        ? `本合同自双方授权代表签署之日起生效（生效日 / effective ${startsOn}）；变更须经双方书面同意；专利权提前终止或被宣告无效的，本合同自该日终止。 / This contract takes effect when both authorised representatives have signed; changes need both parties' written consent; it ends when the patent right ends early or is declared invalid.`
        : `本合同自被许可人签署并作出书面通知之日起生效（生效日 / effective ${startsOn}）；专利权人撤回开放许可声明的，不影响本合同的效力（《专利法》第五十条）。 / This contract takes effect on the licensee's signature and written notice; a later withdrawal of the declaration does not affect it (Patent Law art. 50).`,
    ],
    [
      "第十三条 备案 / Article 13 Recordal",
      "许可人应于合同生效之日起3个月内向国家知识产权局办理专利实施许可合同备案（《专利实施许可合同备案办法》）。 / The licensor files the contract for recordal with CNIPA within three months of its taking effect.",
    ],
    [
      "签署 / Signatures",
      ...(contract.signatures
        ? [
            signatureLine("甲方（许可人）/ Party A (licensor)", contract.licensor, contract.signatures.licensor),
            signatureLine("乙方（被许可人）/ Party B (licensee)", contract.licensee, contract.signatures.licensee),
          ]
        : [
            `甲方（许可人）/ Party A (licensor): ${quoted(contract.licensor.name)}，以其公告的开放许可声明为意思表示 / by its published open-license declaration`,
            contract.signatoryName
              ? `乙方（被许可人）/ Party B (licensee): ${quoted(contract.licensee.name)}，签署人 / signatory ${quoted(contract.signatoryName)}，签署日 / signed ${contract.signedAt ? isoDay(contract.signedAt) : PENDING_AT_SIGNATURE}`
              : `乙方（被许可人）/ Party B (licensee): ${quoted(contract.licensee.name)}`,
          ]),
    ],
  ];
  return [
    "专利实施许可合同 / Patent License Contract",
    `合同编号 / Contract number: ${contract.contractNumber ?? PENDING_AT_SIGNATURE}`,
    ...articles.flat(),
  ].join("\n");
}

/** The contract of an assignment (专利权转让合同), signed by both. */
export function assignmentContractText(contract: AssignmentParties): string {
  const passes = OWNERSHIP_PASSES[contract.ownershipPasses];
  const effective = contract.signedAt ? isoDay(contract.signedAt) : PENDING_AT_SIGNATURE;
  const licenses = contract.existingLicenses.length
    ? contract.existingLicenses
        .map((license) => `${license.contractNumber}（${inBothLanguages(LICENSE_KINDS, license.kind)}）`)
        .join("；")
    : "无 / none";
  return [
    "专利权转让合同 / Patent Assignment Contract",
    `合同编号 / Contract number: ${contract.contractNumber ?? PENDING_AT_SIGNATURE}`,
    "第一条 合同当事人 / Article 1 Parties",
    `转让人（甲方）/ Assignor (Party A): ${party(contract.assignor)}`,
    `受让人（乙方）/ Assignee (Party B): ${party(contract.assignee)}`,
    ...patentArticle(["第二条", "Article 2"], contract.patent, contract.signedAt),
    "第三条 转让标的 / Article 3 Subject",
    "甲方将本专利的专利权转让给乙方。本合同生效前已订立的专利实施许可合同继续有效，其权利义务由乙方承继。 / Party A assigns the patent to Party B. Licenses concluded before this contract takes effect stay valid; Party B takes over their rights and duties.",
    `已订立的许可 / Licenses already concluded: ${licenses}`,
    "第四条 权属转移 / Article 4 When ownership passes",
    `${passes.zh}（《专利法》第十条）。 / ${passes.en} (Patent Law art. 10).`,
    "第五条 转让价款及支付方式 / Article 5 Price and payment",
    `转让价款 / Price: ${money(contract.priceFen)}，于合同生效之日起30日内支付 / payable within 30 days of the contract taking effect`,
    `支付方式 / Payment: ${inBothLanguages(PAYMENT_SCHEDULES, contract.paymentSchedule)}`,
    accountLine(contract.receivingAccount, "转让人"),
    "逾期付款的，受让人每日按逾期金额的万分之五支付违约金。 / Late payment bears a penalty of 0.05 % of the amount overdue per day.",
    "第六条 技术资料及交付 / Article 6 Technical documents and delivery",
    "甲方于合同生效之日起30日内向乙方交付专利证书原件、专利说明书、权利要求书、附图及实施所需的技术资料。 / Within 30 days of the contract taking effect Party A delivers the original patent certificate, the description, claims, drawings and the technical documents needed to exploit the patent.",
    "第七条 验收 / Article 7 Acceptance",
    "乙方收到技术资料后15日内验收；资料不完整的，甲方应于接到书面通知后15日内补齐。 / Party B checks the documents within 15 days of receipt; Party A completes any that are missing within 15 days of written notice.",
    "第八条 后续改进 / Article 8 Improvements",
    "合同生效后任何一方对本专利技术所作的改进，其成果归改进方所有。 / Improvements made after this contract takes effect belong to the party that makes them.",
    "第九条 保密 / Article 9 Confidentiality",
    COMMON_TAIL.confidentiality[1],
    "第十条 违约责任 / Article 10 Breach and liability",
    "甲方不能转让本专利或本专利存在未披露的权利瑕疵的，应退还价款并赔偿损失；乙方逾期付款超过60日的，甲方可以解除合同。 / If Party A cannot assign the patent or it bears an undisclosed defect of title, Party A refunds the price and compensates the loss; payment more than 60 days late entitles Party A to terminate.",
    "第十一条 争议解决 / Article 11 Dispute resolution",
    COMMON_TAIL.dispute[1],
    "第十二条 合同的生效、变更与终止 / Article 12 Effect, changes and termination",
    `本合同自双方授权代表签署之日起生效（生效日 / effective ${effective}）；变更须经双方书面同意。 / This contract takes effect when both authorised representatives have signed; changes need both parties' written consent.`,
    "第十三条 登记 / Article 13 Registration",
    "双方应向国家知识产权局办理专利权转让登记，由国家知识产权局予以公告；专利权的转让自登记之日起生效。 / The parties register the assignment with CNIPA, which announces it; the assignment takes effect on the day it is registered.",
    "签署 / Signatures",
    signatureLine("甲方（转让人）/ Party A (assignor)", contract.assignor, contract.signatures.assignor),
    signatureLine("乙方（受让人）/ Party B (assignee)", contract.assignee, contract.signatures.assignee),
  ].join("\n");
}

export function fingerprint(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
