// The recordal export: the fields CNIPA's forms ask for, as a downloadable CSV (UTF-8 with a BOM, so that
// spreadsheet programs read the Chinese), one row per field: 字段, Field, 内容 / value.
// A license contract is filed for recordal (专利实施许可合同备案) within three months of taking effect; an
// assignment is registered as a change of patentee (专利权转移登记, Patent Law art. 10).
import type { CurrentUser } from "~/lib/auth.server";
import { canManageFor } from "~/lib/auth.server";
import { addMonths, isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { inBothLanguages } from "~/lib/i18n";
import { fenOf } from "~/lib/money";
import { foldFreeText } from "~/models/deal/terms";
import { OWNERSHIP_PASSES, ROYALTY_BASES } from "~/models/deal/vocabulary";
import { formatApplicationNumber } from "~/models/patent/identifiers";
import {
  FEE_MODELS,
  LEGAL_STATUSES,
  LICENSE_KINDS,
  PATENT_TYPES,
  PAYMENT_SCHEDULES,
  type PaymentSchedule,
} from "~/models/patent/vocabulary";
import type { ContractTerms } from "./contract.server";

type Row = [zh: string, en: string, value: string];

const day = (date: Date | null | undefined) => (date ? isoDay(date) : "");
const yuan = (fen: number | null | undefined) => (fen ? (fen / 100).toFixed(2) : "");

/** One CSV cell: quoted, quotes doubled, folded to one line; a leading =, +, - or @ is neutralised so that a
 * spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const folded = foldFreeText(value);
  const safe = /^[=+\-@]/.test(folded) ? `'${folded}` : folded;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function recordalCsv(rows: Row[]): string {
  return `\uFEFF${[["字段", "Field", "内容 / Value"], ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

function patentRows(patent: {
  applicationNumber: string;
  title: string;
  type: string;
  filingDate: Date;
  grantDate: Date | null;
  expiresOn: Date;
  legalStatus: string;
}): Row[] {
  return [
    ["专利号（申请号）", "Patent (application) number", formatApplicationNumber(patent.applicationNumber)],
    ["专利名称", "Title", patent.title],
    ["专利类型", "Type", inBothLanguages(PATENT_TYPES, patent.type)],
    ["申请日", "Filing date", day(patent.filingDate)],
    ["授权公告日", "Grant date", day(patent.grantDate)],
    ["专利权期限届满日", "Term ends", day(patent.expiresOn)],
    ["法律状态", "Legal status", inBothLanguages(LEGAL_STATUSES, patent.legalStatus)],
  ];
}

/** The fields of the license contract recordal form (专利实施许可合同备案申请表) for one license. */
export async function licenseRecordal(
  user: CurrentUser,
  licenseId: string,
): Promise<{ fileName: string; csv: string }> {
  const license = await prisma.license.findUnique({
    where: { id: licenseId },
    include: {
      patent: true,
      licensor: { select: { name: true, creditCode: true, region: true } },
      licensee: { select: { name: true, creditCode: true, region: true } },
      declaration: { select: { version: true } },
    },
  });
  const party =
    license &&
    (user.role === "ADMIN" || user.organization?.id === license.licenseeId || canManageFor(user, license.licensorId));
  if (!license || !party) throw new DomainError("NOT_FOUND", "deal.licenseNotFound", { status: 404 });
  const terms = JSON.parse(license.termsSnapshot) as Partial<ContractTerms>;
  const rows: Row[] = [
    ["备案类型", "Recordal", "专利实施许可合同备案 / patent license contract recordal"],
    ["合同编号", "Contract number", license.contractNumber],
    ...patentRows(license.patent),
    ["许可人（专利权人）", "Licensor (patentee)", license.licensor.name],
    ["许可人统一社会信用代码", "Licensor's credit code", license.licensor.creditCode],
    ["许可人所在地", "Licensor's region", license.licensor.region ? `重庆市${license.licensor.region}` : ""],
    ["被许可人", "Licensee", license.licensee.name],
    ["被许可人统一社会信用代码", "Licensee's credit code", license.licensee.creditCode],
    ["被许可人所在地", "Licensee's region", license.licensee.region ? `重庆市${license.licensee.region}` : ""],
    ["许可种类", "Kind of license", inBothLanguages(LICENSE_KINDS, license.kind)],
    [
      "是否开放许可",
      "Open license",
      license.kind === "OPEN"
        ? `是，开放许可声明第${license.declaration?.version ?? terms.version ?? 1}版 / yes, declaration version ${license.declaration?.version ?? terms.version ?? 1}`
        : "否 / no",
    ],
    ["许可地域范围", "Territory", terms.territory ?? ""],
    ["实施领域", "Field of use", terms.fieldOfUse ?? "不限 / unlimited"],
    ["许可期限起始日", "Term starts", day(license.startsOn)],
    ["许可期限终止日", "Term ends", day(license.endsOn)],
    ["合同签订日", "Signed on", day(license.signedAt)],
    ["合同生效日", "Takes effect", day(license.startsOn)],
    ["使用费计费方式", "Fee model", inBothLanguages(FEE_MODELS, terms.feeModel)],
    ["一次性许可费（元）", "Lump sum (CNY)", yuan(terms.lumpSumFen)],
    ["入门费（元）", "Entry fee (CNY)", yuan(terms.entryFeeFen)],
    ["提成比例（%）", "Royalty rate (%)", terms.royaltyBasisPoints ? (terms.royaltyBasisPoints / 100).toFixed(2) : ""],
    [
      "提成基数",
      "Royalty base",
      terms.royaltyBasisPoints ? inBothLanguages(ROYALTY_BASES, terms.royaltyBase ?? "NET_SALES") : "",
    ],
    ["每件费用（元）", "Per unit (CNY)", yuan(terms.perUnitFen)],
    ["最低年提成（元）", "Minimum annual royalty (CNY)", yuan(terms.minimumAnnualRoyaltyFen)],
    ["支付方式", "Payment schedule", inBothLanguages(PAYMENT_SCHEDULES, terms.paymentSchedule)],
    ["合同金额（元，固定部分）", "Contract value (CNY, fixed part)", yuan(fenOf(license.valueFen)) || "0.00"],
    [
      "许可人签署人",
      "Licensor's signatory",
      license.licensorSignatory
        ? `${license.licensorSignatory}${license.licensorSignatoryTitle ? `（${license.licensorSignatoryTitle}）` : ""}`
        : license.kind === "OPEN"
          ? "开放许可声明 / by the published declaration"
          : "",
    ],
    ["许可人签署时间", "Licensor signed", license.licensorSignedAt ? license.licensorSignedAt.toISOString() : ""],
    [
      "被许可人签署人",
      "Licensee's signatory",
      license.signatoryName
        ? `${license.signatoryName}${license.signatoryTitle ? `（${license.signatoryTitle}）` : ""}`
        : "",
    ],
    ["被许可人签署时间", "Licensee signed", license.signedAt.toISOString()],
    ["合同文本 SHA-256", "Contract text SHA-256", license.contractSha256 ?? ""],
    ["备案期限", "File for recordal by", day(addMonths(license.startsOn, 3))],
  ];
  return { fileName: `${license.contractNumber}-recordal.csv`, csv: recordalCsv(rows) };
}

/** The fields of the registration of an assignment (专利权转移登记, 著录项目变更) for one transfer. */
export async function transferRecordal(
  user: CurrentUser,
  transferId: string,
): Promise<{ fileName: string; csv: string }> {
  const transfer = await prisma.transfer.findUnique({
    where: { id: transferId },
    include: {
      patent: true,
      assignor: { select: { name: true, creditCode: true } },
      assignee: { select: { name: true, creditCode: true } },
    },
  });
  const party =
    transfer &&
    (user.role === "ADMIN" || user.organization?.id === transfer.assigneeId || canManageFor(user, transfer.assignorId));
  if (!transfer || !party) throw new DomainError("NOT_FOUND", "deal.notFound", { status: 404 });
  const terms = JSON.parse(transfer.termsSnapshot) as { paymentSchedule?: PaymentSchedule };
  const rows: Row[] = [
    [
      "备案类型",
      "Recordal",
      "专利权转移登记（著录项目变更）/ registration of an assignment (change of bibliographic data)",
    ],
    ["合同编号", "Contract number", transfer.contractNumber],
    ...patentRows(transfer.patent),
    ["变更项目", "Change", "专利权人 / patentee"],
    ["变更前（转让人）", "Before (assignor)", transfer.assignor.name],
    ["转让人统一社会信用代码", "Assignor's credit code", transfer.assignor.creditCode],
    ["变更后（受让人）", "After (assignee)", transfer.assignee.name],
    ["受让人统一社会信用代码", "Assignee's credit code", transfer.assignee.creditCode],
    ["转让价款（元）", "Price (CNY)", yuan(fenOf(transfer.priceFen)) || "0.00"],
    ["支付方式", "Payment schedule", inBothLanguages(PAYMENT_SCHEDULES, terms.paymentSchedule)],
    ["权属转移", "When ownership passes", inBothLanguages(OWNERSHIP_PASSES, transfer.ownershipPasses)],
    ["合同签订日", "Signed on", day(transfer.signedAt)],
    [
      "转让人签署人",
      "Assignor's signatory",
      transfer.assignorSignatory
        ? `${transfer.assignorSignatory}${transfer.assignorSignatoryTitle ? `（${transfer.assignorSignatoryTitle}）` : ""}`
        : "",
    ],
    ["转让人签署时间", "Assignor signed", transfer.assignorSignedAt?.toISOString() ?? ""],
    [
      "受让人签署人",
      "Assignee's signatory",
      transfer.assigneeSignatory
        ? `${transfer.assigneeSignatory}${transfer.assigneeSignatoryTitle ? `（${transfer.assigneeSignatoryTitle}）` : ""}`
        : "",
    ],
    ["受让人签署时间", "Assignee signed", transfer.assigneeSignedAt?.toISOString() ?? ""],
    ["合同文本 SHA-256", "Contract text SHA-256", transfer.contractSha256 ?? ""],
  ];
  return { fileName: `${transfer.contractNumber}-recordal.csv`, csv: recordalCsv(rows) };
}
