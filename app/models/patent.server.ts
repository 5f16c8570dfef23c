import { prisma } from "~/lib/db.server";
import { IPC_TITLES } from "~/lib/ipc-titles";
import { ipcParts, type LegalStatus, type PatentType } from "~/lib/patent-vocabulary";
import { openLicenseSummary, type OpenLicenseSummary } from "./search.server";

export interface IpcEntry {
  code: string;
  titleZh: string | null;
  titleEn: string | null;
}

export interface PatentDetail {
  id: number;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  type: PatentType;
  title: string;
  titleEn: string | null;
  abstract: string;
  abstractEn: string | null;
  firstClaim: string;
  firstClaimEn: string | null;
  ipcMain: IpcEntry;
  ipcOthers: IpcEntry[];
  inventors: string[];
  owner: { id: string; name: string; nameEn: string | null; kind: string };
  filingDate: string;
  publicationDate: string | null;
  grantDate: string | null;
  expiresOn: string;
  legalStatus: LegalStatus;
  cluster: string | null;
  field: string | null;
  keywords: string[];
  keywordsEn: string[];
  transferable: boolean;
  valueScore: number | null;
  maturity: number | null;
  openLicense: (OpenLicenseSummary & { territory: string; fieldOfUse: string | null }) | null;
  licenseeCount: number;
}

/** The IPC code with the title of its subclass (or class) in both languages. */
export function describeIpc(code: string): IpcEntry {
  const parts = ipcParts(code);
  const title = IPC_TITLES[parts.subclass] ?? IPC_TITLES[parts.class];
  return { code, titleZh: title?.zh ?? null, titleEn: title?.en ?? null };
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
const list = (joined: string) => joined.split(";").map((s) => s.trim()).filter(Boolean);

export async function getPatentDetail(id: number): Promise<PatentDetail | null> {
  const patent = await prisma.patent.findUnique({
    where: { id },
    include: {
      owner: { select: { id: true, name: true, nameEn: true, kind: true } },
      declarations: { where: { status: "ACTIVE" }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  if (!patent) return null;
  const licensees = await prisma.license.groupBy({ by: ["licenseeId"], where: { patentId: id } });
  const declaration = patent.declarations[0];
  return {
    id: patent.id,
    applicationNumber: patent.applicationNumber,
    publicationNumber: patent.publicationNumber,
    grantNumber: patent.grantNumber,
    type: patent.type as PatentType,
    title: patent.title,
    titleEn: patent.titleEn,
    abstract: patent.abstract,
    abstractEn: patent.abstractEn,
    firstClaim: patent.firstClaim,
    firstClaimEn: patent.firstClaimEn,
    ipcMain: describeIpc(patent.ipcMain),
    ipcOthers: list(patent.ipcOthers).map(describeIpc),
    inventors: list(patent.inventors),
    owner: patent.owner,
    filingDate: day(patent.filingDate)!,
    publicationDate: day(patent.publicationDate),
    grantDate: day(patent.grantDate),
    expiresOn: day(patent.expiresOn)!,
    legalStatus: patent.legalStatus as LegalStatus,
    cluster: patent.cluster,
    field: patent.field,
    keywords: list(patent.keywords),
    keywordsEn: list(patent.keywordsEn),
    transferable: patent.transferable,
    valueScore: patent.valueScore,
    maturity: patent.maturity,
    openLicense: declaration ? { ...openLicenseSummary(declaration), territory: declaration.territory, fieldOfUse: declaration.fieldOfUse } : null,
    licenseeCount: licensees.length,
  };
}

/** Counts a view of a patent's page on its UTC day: the first stage of the statistics' licensing funnel. */
export async function recordPatentView(patentId: number, now = new Date()): Promise<void> {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await prisma.patentViewDay.upsert({
    where: { patentId_day: { patentId, day } },
    create: { patentId, day, views: 1 },
    update: { views: { increment: 1 } },
  });
}
