// The text of a license contract, in Chinese with an English translation, and its fingerprint. The text is
// fixed at signature; the SHA-256 lets anyone check a copy against /contracts/:number.
import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { CONTRACT_REGISTER_TURN, takeTurn } from "~/lib/sql-dialect.server";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { formatApplicationNumber } from "~/lib/identifiers";
import { FEE_MODELS, LICENSE_KINDS, PAYMENT_SCHEDULES, type FeeModel, type LicenseKind, type PaymentSchedule } from "~/lib/patent-vocabulary";

/** The next number in a year's register of licenses (PB-2025-L-000001) or assignments (PB-2025-T-…). The
 * register's turn is held to the end of the transaction, so numbers run in sequence without clashes. */
export async function nextContractNumber(tx: Prisma.TransactionClient, register: "LICENSE" | "ASSIGNMENT", year: number): Promise<string> {
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
  /** the open-license declaration's version, for open licenses */
  version?: number;
}

/** A declaration's published terms, as a contract and a comparison state them. */
export function declaredTerms(declaration: {
  feeModel: string;
  lumpSumFen: number | null;
  entryFeeFen: number | null;
  royaltyBasisPoints: number | null;
  perUnitFen: number | null;
  paymentSchedule: string;
  licenseTermMonths: number;
  territory: string;
  fieldOfUse: string | null;
}): Omit<ContractTerms, "version"> {
  return {
    feeModel: declaration.feeModel as FeeModel,
    lumpSumFen: declaration.lumpSumFen,
    entryFeeFen: declaration.entryFeeFen,
    royaltyBasisPoints: declaration.royaltyBasisPoints,
    perUnitFen: declaration.perUnitFen,
    paymentSchedule: declaration.paymentSchedule as PaymentSchedule,
    licenseTermMonths: declaration.licenseTermMonths,
    territory: declaration.territory,
    fieldOfUse: declaration.fieldOfUse,
  };
}

export interface ContractParties {
  contractNumber: string;
  kind: LicenseKind;
  patent: { applicationNumber: string; title: string; titleEn: string | null };
  licensor: { name: string; creditCode: string };
  licensee: { name: string; creditCode: string };
  terms: ContractTerms;
  signatoryName: string | null;
  intendedUse: string | null;
  signedAt: Date;
  startsOn: Date;
  endsOn: Date;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function fees(terms: ContractTerms, language: "zh" | "en"): string {
  const parts: string[] = [];
  if (terms.lumpSumFen) parts.push(`${language === "zh" ? "一次性许可费" : "lump sum"} ${formatFen(terms.lumpSumFen, language)}`);
  if (terms.entryFeeFen) parts.push(`${language === "zh" ? "入门费" : "entry fee"} ${formatFen(terms.entryFeeFen, language)}`);
  if (terms.royaltyBasisPoints) parts.push(`${language === "zh" ? "销售额提成" : "royalty on sales revenue"} ${formatBasisPoints(terms.royaltyBasisPoints)}`);
  if (terms.perUnitFen) parts.push(`${language === "zh" ? "每件" : "per unit"} ${formatFen(terms.perUnitFen, language)}`);
  return parts.join(language === "zh" ? "；" : "; ");
}

export function contractText(contract: ContractParties): string {
  const { terms } = contract;
  const kind = LICENSE_KINDS[contract.kind];
  const openClause = contract.kind === "OPEN"
    ? [`本合同依据专利权人公告的开放许可声明（第${terms.version ?? 1}版）订立（《专利法》第五十条、第五十一条），被许可人以本合同作为书面通知。`,
       `This contract is concluded under the patentee's published open-license declaration (version ${terms.version ?? 1}; Patent Law arts. 50–51); the licensee gives its written notice by this contract.`]
    : [];
  return [
    `专利实施许可合同 / Patent License Contract`,
    `合同编号 / Contract number: ${contract.contractNumber}`,
    `许可类型 / Kind: ${kind.zh} / ${kind.en}`,
    `许可人 / Licensor: ${contract.licensor.name}（统一社会信用代码 ${contract.licensor.creditCode}）`,
    `被许可人 / Licensee: ${contract.licensee.name}（统一社会信用代码 ${contract.licensee.creditCode}）`,
    `专利 / Patent: ${contract.patent.title}${contract.patent.titleEn ? ` / ${contract.patent.titleEn}` : ""}，申请号 / application number ${formatApplicationNumber(contract.patent.applicationNumber)}`,
    ...openClause,
    `许可使用费 / Royalties: ${FEE_MODELS[terms.feeModel].zh}：${fees(terms, "zh")} / ${FEE_MODELS[terms.feeModel].en}: ${fees(terms, "en")}`,
    `支付方式 / Payment: ${PAYMENT_SCHEDULES[terms.paymentSchedule].zh} / ${PAYMENT_SCHEDULES[terms.paymentSchedule].en}`,
    `许可期限 / Term: ${day(contract.startsOn)} — ${day(contract.endsOn)}（不超过专利权期限 / not beyond the patent's term）`,
    `地域范围 / Territory: ${terms.territory}`,
    `实施领域 / Field of use: ${terms.fieldOfUse ?? "不限 / unlimited"}`,
    contract.intendedUse ? `拟实施用途 / Intended use: ${contract.intendedUse}` : null,
    contract.kind === "EXCLUSIVE" || contract.kind === "SOLE"
      ? `${kind.zh}：许可期间许可人不得再许可第三方实施${contract.kind === "EXCLUSIVE" ? "，许可人自身亦不得实施" : ""}。 / ${kind.en}: no further licenses during the term${contract.kind === "EXCLUSIVE" ? ", and the licensor itself does not exploit the patent" : ""}.`
      : `本许可为普通（非独占）许可。 / This license is non-exclusive.`,
    `签署 / Signed: ${day(contract.signedAt)}${contract.signatoryName ? `，被许可人签署人 / for the licensee: ${contract.signatoryName}` : ""}`,
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
}

export function fingerprint(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
