// The columns of a patent-database export and how their values become a patent: header recognition (Chinese
// and English names as exports write them) and the parsing of one row, with every problem named.
import { applicationCheckCharacter, normalizeIpc, parseApplicationNumber } from "~/models/patent/identifiers";
import {
  PATENT_TEXT_FIELDS,
  termYears,
  TRANSFER_PROFILE_FIELDS,
  type LegalStatus,
  type PatentType,
} from "~/models/patent/vocabulary";
import type { NewPatent } from "~/models/patent-store.server";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";

export const IMPORT_TARGETS = [
  "applicationNumber",
  ...PATENT_TEXT_FIELDS,
  "filingDate",
  "publicationNumber",
  "publicationDate",
  "grantNumber",
  "grantDate",
  "type",
  "ipcMain",
  "ipcOthers",
  "inventors",
  ...TRANSFER_PROFILE_FIELDS,
  "hasEvaluationReport",
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
/** header name as written in the file → the field it fills, or null (not imported) */
export type ColumnMapping = Record<string, ImportTarget | null>;

/** A file must give these; the type follows from the application number, and the main IPC from the first of the
 * IPC list when there is no main one. A patent may come without any IPC: it is imported unclassified (an empty
 * main IPC) and its IPC can be added later, by importing a file with its application number and main IPC. */
export const REQUIRED_TARGETS: ImportTarget[] = ["applicationNumber", "title", "filingDate"];

// Names seen in CNIPA-based exports (incoPat, 智慧芽, the sample in DOMAIN.md), Lens.org and English templates,
// compared without spaces, brackets or case.
const ALIASES: Record<ImportTarget, string[]> = {
  applicationNumber: [
    "申请号",
    "专利申请号",
    "专利号",
    "申请号专利号",
    "applicationnumber",
    "applicationno",
    "appno",
    "appnumber",
    "filingnumber",
  ],
  title: ["专利名称", "发明名称", "名称", "标题", "中文名称", "title", "patenttitle"],
  titleEn: ["英文名称", "英文标题", "titleen", "englishtitle"],
  abstract: ["申请摘要", "摘要", "中文摘要", "abstract"],
  abstractEn: ["英文摘要", "abstracten", "englishabstract"],
  firstClaim: ["主权项", "首项权利要求", "独立权利要求", "firstclaim", "mainclaim", "claim"],
  firstClaimEn: ["英文主权项", "firstclaimen", "englishfirstclaim"],
  filingDate: ["申请日", "申请日期", "filingdate", "applicationdate"],
  publicationNumber: ["公开号", "公开公告号", "公布号", "publicationnumber", "displaykey"],
  publicationDate: ["公开日", "公开公告日", "公布日", "publicationdate"],
  grantNumber: ["授权公告号", "授权号", "grantnumber"],
  grantDate: ["授权公告日", "授权日", "授权日期", "grantdate"],
  type: ["专利类型", "类型", "patenttype", "type"],
  ipcMain: ["主分类号", "ipc主分类号", "主ipc", "mainipc", "ipcmain"],
  ipcOthers: ["分类号", "ipc分类号", "ipc", "ipcr", "ipcrclassifications", "ipcclassifications"],
  inventors: ["发明人", "发明设计人", "设计人", "当前发明人", "inventors", "inventor"],
  legalStatus: ["法律状态", "当前法律状态", "法律状态事件", "legalstatus"],
  cluster: ["产业集群", "33618集群", "33618产业集群", "cluster", "33618cluster"],
  field: ["416领域", "科技创新领域", "领域", "field", "416field"],
  keywords: ["关键词", "中文关键词", "keywords"],
  keywordsEn: ["英文关键词", "keywordsen", "englishkeywords"],
  transferable: ["可转化", "是否可转化", "可转化专利", "transferable"],
  transferableNote: ["不可转化原因", "可转化说明", "评估说明", "transferablenote", "assessmentnote"],
  valueScore: ["价值评分", "价值分", "专利价值评分", "valuescore"],
  maturity: ["技术成熟度", "成熟度", "trl", "maturity"],
  hasEvaluationReport: ["专利权评价报告", "评价报告", "evaluationreport", "hasevaluationreport"],
};

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[\s_\-()（）【】[\]/:：.]/g, "");
const ALIAS_TO_TARGET = new Map(
  Object.entries(ALIASES).flatMap(([target, names]) => names.map((name) => [name, target as ImportTarget])),
);

/** Recognises the headers it knows; the first column claiming a field wins, later ones stay unmapped. */
export function recognizeColumns(headers: string[]): ColumnMapping {
  const taken = new Set<ImportTarget>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const target = ALIAS_TO_TARGET.get(normalizeHeader(header)) ?? null;
    mapping[header] = target && !taken.has(target) ? target : null;
    if (target) taken.add(target);
  }
  return mapping;
}

export function missingTargets(mapping: ColumnMapping): ImportTarget[] {
  const mapped = new Set(Object.values(mapping));
  return REQUIRED_TARGETS.filter((target) => !mapped.has(target));
}

/** A problem with one cell or row, named by code; the UI and the report word it in the user's language. */
export interface RowProblem {
  code:
    | "REQUIRED"
    | "APPLICATION_NUMBER"
    | "NOT_CHINESE"
    | "DATE"
    | "TYPE"
    | "TYPE_MISMATCH"
    | "IPC"
    | "LEGAL_STATUS"
    | "CLUSTER"
    | "FIELD"
    | "YES_NO"
    | "SCORE"
    | "MATURITY"
    | "TOO_LONG"
    | "DUPLICATE"
    | "OTHER_OWNER"
    | "GRANT_BEFORE_FILING";
  column: string | null;
  value?: string;
  detail?: string;
}

export interface ImportedPatent {
  applicationNumber: string;
  type: PatentType;
  filingDate: Date;
  expiresOn: Date;
  /** For a new patent when the file has no legal status: granted means in force until the term ends. */
  defaultLegalStatus: LegalStatus;
  /** Only the fields the file gives (an update leaves the others as they are); the rest of a stored patent's
   * columns come from the import (owner, dates, assessment). */
  fields: Partial<
    Omit<
      NewPatent,
      | "id"
      | "applicationNumber"
      | "type"
      | "ownerId"
      | "filingDate"
      | "expiresOn"
      | "assessedAt"
      | "familyId"
      | "legalStatus"
    > & {
      legalStatus: LegalStatus;
    }
  >;
}

export type ParsedRow = { ok: true; patent: ImportedPatent } | { ok: false; problems: RowProblem[] };

const TITLE_LIMIT = 500;
/** Longer than any real abstract or first claim; a 10,000-character cell is a mistake (or an attack). */
export const TEXT_LIMIT = 8000;

const TYPE_WORDS: Array<[RegExp, PatentType]> = [
  [/^(发明|invention)/i, "INVENTION"],
  [/^(实用新型|utility)/i, "UTILITY_MODEL"],
  [/^(外观设计|外观|design)/i, "DESIGN"],
];
const TYPE_OF_DIGIT: Record<string, PatentType> = {
  "1": "INVENTION",
  "8": "INVENTION",
  "2": "UTILITY_MODEL",
  "9": "UTILITY_MODEL",
  "3": "DESIGN",
};

// Export wordings of the legal status, most specific first ("无权-视为撤回" is a withdrawal, "无权-…" else lapsed).
const STATUS_WORDS: Array<[RegExp, LegalStatus]> = [
  [/届满|expired/i, "EXPIRED"],
  [/未缴年费|权利终止|终止|terminated/i, "TERMINATED"],
  [/驳回|rejected/i, "REJECTED"],
  [/撤回|withdrawn/i, "WITHDRAWN"],
  [/^(有权|有效|授权|valid|in force|active|granted)/i, "VALID"],
  [/审中|实质审查|公开|pending|published/i, "PENDING"],
  [/失效|无权|lapsed|inactive|dead/i, "LAPSED"],
];

/** "20221202", "2022-12-02", "2022/12/2", "2022.12.02", an ISO time; "" and "0" are no date. */
export function parseDate(value: string): Date | null | "invalid" {
  const text = value.trim();
  if (text === "" || text === "0") return null;
  const match = /^(\d{4})(?:(\d{2})(\d{2})|[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?)$/.exec(text);
  if (!match) return "invalid";
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? match[4]), Number(match[3] ?? match[5])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    year < 1985 ||
    year > 2100
  )
    return "invalid";
  return date;
}

/** Application numbers as exports write them; 12 digits without a check character (Lens: "CN 200410080367 A")
 * get theirs computed. */
export function parseImportedApplicationNumber(
  value: string,
):
  | { ok: true; normalized: string; typeDigit: string }
  | { ok: false; code: "APPLICATION_NUMBER" | "NOT_CHINESE"; detail?: string } {
  const compact = value.trim().toUpperCase().replace(/\s+/g, "");
  if (/^[A-Z]{2}/.test(compact) && !/^(CN|ZL)/.test(compact)) return { ok: false, code: "NOT_CHINESE" };
  const withoutKind = compact.replace(/^(CN|ZL)(\d{12})[A-Z]\d?$/, "$1$2");
  const digitsOnly = /^(?:CN|ZL)?(\d{12})$/.exec(withoutKind);
  const parsed = parseApplicationNumber(
    digitsOnly ? `${digitsOnly[1]}.${applicationCheckCharacter(digitsOnly[1])}` : withoutKind,
  );
  return parsed.ok
    ? { ok: true, normalized: parsed.normalized, typeDigit: parsed.typeDigit }
    : { ok: false, code: "APPLICATION_NUMBER", detail: parsed.reason };
}

const splitList = (value: string) =>
  value
    .split(/[;；,，、|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function parseYesNo(value: string): boolean | null | "invalid" {
  const text = value.trim().toLowerCase();
  if (text === "") return null;
  if (["是", "可", "可转化", "yes", "y", "true", "1", "有"].includes(text)) return true;
  if (["否", "不可", "不可转化", "no", "n", "false", "0", "无"].includes(text)) return false;
  return "invalid";
}

function parseWholeNumber(value: string, min: number, max: number): number | null | "invalid" {
  const text = value.trim();
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "invalid";
  const number = Number(text);
  return number >= min && number <= max ? number : "invalid";
}

function findTaxonomy<T extends { code: string; zh: string; en: string }>(
  list: readonly T[],
  value: string,
): string | null | "invalid" {
  const text = value.trim();
  if (text === "") return null;
  const found = list.find((item) =>
    [item.code, item.zh, item.en].some((name) => name.toLowerCase() === text.toLowerCase()),
  );
  return found ? found.code : "invalid";
}

/** One row of the file, through the mapping, into a patent or the list of what is wrong with it. */
export function parseImportRow(
  cells: string[],
  headers: string[],
  mapping: ColumnMapping,
  now = new Date(),
): ParsedRow {
  const problems: RowProblem[] = [];
  const columnOf = new Map<ImportTarget, string>();
  const value = new Map<ImportTarget, string>();
  headers.forEach((header, i) => {
    const target = mapping[header];
    if (target && !value.has(target)) {
      columnOf.set(target, header);
      value.set(target, cells[i] ?? "");
    }
  });
  const problem = (target: ImportTarget | null, code: RowProblem["code"], detail?: string) =>
    problems.push({
      code,
      column: target ? (columnOf.get(target) ?? target) : null,
      value: target ? value.get(target)?.slice(0, 80) : undefined,
      detail,
    });
  const limitOf = (target: ImportTarget) => (target === "title" || target === "titleEn" ? TITLE_LIMIT : TEXT_LIMIT);
  for (const [target, cell] of value) {
    if (cell.length > limitOf(target))
      problems.push({ code: "TOO_LONG", column: columnOf.get(target)!, detail: `${cell.length}/${limitOf(target)}` });
  }
  const text = (target: ImportTarget): string | undefined => {
    const cell = value.get(target);
    return cell === undefined || cell.length > limitOf(target) ? undefined : cell;
  };
  const date = (target: ImportTarget): Date | null | undefined => {
    if (!value.has(target)) return undefined;
    const parsed = parseDate(value.get(target)!);
    if (parsed === "invalid") {
      problem(target, "DATE");
      return undefined;
    }
    return parsed;
  };

  for (const target of REQUIRED_TARGETS) if (!value.get(target)?.trim()) problem(target, "REQUIRED");
  const fields: ImportedPatent["fields"] = {};

  const number = value.get("applicationNumber")?.trim()
    ? parseImportedApplicationNumber(value.get("applicationNumber")!)
    : null;
  if (number && !number.ok) problem("applicationNumber", number.code, number.detail);

  let type: PatentType | undefined = number?.ok ? TYPE_OF_DIGIT[number.typeDigit] : undefined;
  const typeText = value.get("type")?.trim();
  if (typeText) {
    const named =
      TYPE_WORDS.find(([pattern]) => pattern.test(typeText))?.[1] ??
      (["INVENTION", "UTILITY_MODEL", "DESIGN"].includes(typeText) ? (typeText as PatentType) : undefined);
    if (!named) problem("type", "TYPE");
    else if (type && named !== type) problem("type", "TYPE_MISMATCH", type);
    else type = named;
  }

  const title = text("title");
  if (title) fields.title = title;
  const titleEn = text("titleEn");
  if (titleEn !== undefined) fields.titleEn = titleEn || null;
  for (const target of ["abstract", "firstClaim", "keywords", "keywordsEn"] as const) {
    const cell = text(target);
    if (cell !== undefined) fields[target] = target.startsWith("keywords") ? splitList(cell).join("; ") : cell;
  }
  for (const target of [
    "abstractEn",
    "firstClaimEn",
    "publicationNumber",
    "grantNumber",
    "transferableNote",
  ] as const) {
    const cell = text(target);
    if (cell !== undefined)
      fields[target] = target.endsWith("Number") ? cell.replace(/\s+/g, "").toUpperCase() || null : cell || null;
  }
  const inventors = text("inventors");
  if (inventors !== undefined) fields.inventors = splitList(inventors).join("; ");

  const filingDate = date("filingDate");
  const publicationDate = date("publicationDate");
  if (publicationDate !== undefined) fields.publicationDate = publicationDate;
  const grantDate = date("grantDate");
  if (grantDate !== undefined) fields.grantDate = grantDate;
  if (filingDate && grantDate && grantDate < filingDate) problem("grantDate", "GRANT_BEFORE_FILING");

  const ipcList = splitList(value.get("ipcOthers") ?? "").map((code) => ({ code, ipc: normalizeIpc(code) }));
  for (const bad of ipcList.filter((entry) => !entry.ipc))
    problems.push({ code: "IPC", column: columnOf.get("ipcOthers")!, value: bad.code.slice(0, 40) });
  const mainText = value.get("ipcMain")?.trim();
  const ipcMain = mainText ? normalizeIpc(mainText) : (ipcList[0]?.ipc ?? null);
  if (mainText && !ipcMain) problem("ipcMain", "IPC");
  if (ipcMain) {
    fields.ipcMain = ipcMain;
    if (columnOf.has("ipcOthers"))
      fields.ipcOthers = [
        ...new Set(ipcList.map((entry) => entry.ipc).filter((ipc): ipc is string => Boolean(ipc) && ipc !== ipcMain)),
      ].join("; ");
  }

  const statusText = value.get("legalStatus")?.trim();
  if (statusText) {
    const status = STATUS_WORDS.find(([pattern]) => pattern.test(statusText));
    if (!status) problem("legalStatus", "LEGAL_STATUS");
    else fields.legalStatus = status[1];
  }

  const cluster = value.has("cluster") ? findTaxonomy(CLUSTERS, value.get("cluster")!) : undefined;
  if (cluster === "invalid") problem("cluster", "CLUSTER");
  else if (cluster !== undefined) fields.cluster = cluster;
  const field = value.has("field") ? findTaxonomy(FIELDS, value.get("field")!) : undefined;
  if (field === "invalid") problem("field", "FIELD");
  else if (field !== undefined) fields.field = field;

  for (const target of ["transferable", "hasEvaluationReport"] as const) {
    if (!value.has(target)) continue;
    const yes = parseYesNo(value.get(target)!);
    if (yes === "invalid") problem(target, "YES_NO");
    else if (yes !== null) fields[target] = yes;
  }
  if (value.has("valueScore")) {
    const score = parseWholeNumber(value.get("valueScore")!, 0, 100);
    if (score === "invalid") problem("valueScore", "SCORE");
    else fields.valueScore = score;
  }
  if (value.has("maturity")) {
    const maturity = parseWholeNumber(value.get("maturity")!, 1, 9);
    if (maturity === "invalid") problem("maturity", "MATURITY");
    else fields.maturity = maturity;
  }

  if (problems.length > 0 || !number?.ok || !type || !filingDate || !title) return { ok: false, problems };
  const expiresOn = new Date(filingDate);
  expiresOn.setUTCFullYear(expiresOn.getUTCFullYear() + termYears(type, filingDate));
  const defaultLegalStatus: LegalStatus = expiresOn <= now ? "EXPIRED" : grantDate ? "VALID" : "PENDING";
  return {
    ok: true,
    patent: { applicationNumber: number.normalized, type, filingDate, expiresOn, defaultLegalStatus, fields },
  };
}
