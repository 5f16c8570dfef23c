import type { Patent } from "~/generated/prisma/client";
import { isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { IPC_TITLES } from "~/models/patent/ipc-titles";
import { ipcParts, type LegalStatus, type PatentType } from "~/models/patent/vocabulary";
import { openLicenseSummary, type OpenLicenseSummary } from "./search/items.server";

export interface IpcEntry {
  code: string;
  titleZh: string | null;
  titleEn: string | null;
}

type Owner = { id: string; name: string; nameEn: string | null; kind: string };
const OWNER = { select: { id: true, name: true, nameEn: true, kind: true } } as const;

/** The patent's own columns, as stored. */
type PatentText = Pick<
  Patent,
  | "id"
  | "applicationNumber"
  | "publicationNumber"
  | "grantNumber"
  | "title"
  | "titleEn"
  | "abstract"
  | "abstractEn"
  | "firstClaim"
  | "firstClaimEn"
>;

export interface PatentDetail extends PatentText {
  type: PatentType;
  ipcMain: IpcEntry;
  ipcOthers: IpcEntry[];
  inventors: string[];
  owner: Owner;
  /** Further owners of a co-owned patent (共有专利权人, Patent Law art. 14), by name. */
  coOwners: Owner[];
  /** The other members of its same-day family (一案双申): the utility model of an invention, or the reverse. */
  family: Array<{ id: number; type: PatentType; applicationNumber: string; filingDate: string }>;
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
  openLicense:
    | (OpenLicenseSummary & {
        territory: string;
        fieldOfUse: string | null;
        consents: Array<{ organization: Owner; consentedOn: string }>;
      })
    | null;
  licenseeCount: number;
}

/** The IPC code with the title of its subclass (or class) in both languages. */
export function describeIpc(code: string): IpcEntry {
  const parts = ipcParts(code);
  const title = IPC_TITLES[parts.subclass] ?? IPC_TITLES[parts.class];
  return { code, titleZh: title?.zh ?? null, titleEn: title?.en ?? null };
}

const list = (joined: string) =>
  joined
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

export async function getPatentDetail(id: number): Promise<PatentDetail | null> {
  const patent = await prisma.patent.findUnique({
    where: { id },
    include: {
      owner: OWNER,
      coOwners: { select: { organization: OWNER } },
      declarations: {
        where: { status: "ACTIVE" },
        orderBy: { version: "desc" },
        take: 1,
        include: { consents: { select: { consentedOn: true, organization: OWNER } } },
      },
    },
  });
  if (!patent) return null;
  const [licensees, family] = await Promise.all([
    prisma.license.groupBy({ by: ["licenseeId"], where: { patentId: id } }),
    patent.familyId
      ? prisma.patent.findMany({
          where: { familyId: patent.familyId, id: { not: id } },
          orderBy: { id: "asc" },
          select: { id: true, type: true, applicationNumber: true, filingDate: true },
        })
      : [],
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "zh-CN");
  const declaration = patent.declarations[0];
  return {
    id: patent.id,
    applicationNumber: patent.applicationNumber,
    publicationNumber: patent.publicationNumber,
    grantNumber: patent.grantNumber,
    type: patent.type,
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
    coOwners: patent.coOwners.map((row) => row.organization).sort(byName),
    family: family.map((member) => ({
      ...member,
      type: member.type,
      filingDate: isoDay(member.filingDate),
    })),
    filingDate: isoDay(patent.filingDate),
    publicationDate: patent.publicationDate && isoDay(patent.publicationDate),
    grantDate: patent.grantDate && isoDay(patent.grantDate),
    expiresOn: isoDay(patent.expiresOn),
    legalStatus: patent.legalStatus,
    cluster: patent.cluster,
    field: patent.field,
    keywords: list(patent.keywords),
    keywordsEn: list(patent.keywordsEn),
    transferable: patent.transferable,
    valueScore: patent.valueScore,
    maturity: patent.maturity,
    openLicense: declaration
      ? {
          ...openLicenseSummary(declaration),
          territory: declaration.territory,
          fieldOfUse: declaration.fieldOfUse,
          consents: declaration.consents
            .map((consent) => ({ organization: consent.organization, consentedOn: isoDay(consent.consentedOn) }))
            .sort((a, b) => byName(a.organization, b.organization)),
        }
      : null,
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

/** Fewer companies than this and "also licensed" would show one company's (or two companies') choices. */
export const ALSO_LICENSED_MIN_COMPANIES = 3;

/** "Companies that licensed this also licensed": other patents licensed by at least three distinct companies that
 * also licensed this one, those shared by most of them first. Never one company's portfolio (issue 16, privacy). */
export async function alsoLicensed(patentId: number, limit = 5) {
  const licensees = (
    await prisma.license.findMany({ where: { patentId }, select: { licenseeId: true }, distinct: ["licenseeId"] })
  ).map((l) => l.licenseeId);
  if (licensees.length < ALSO_LICENSED_MIN_COMPANIES) return [];
  const pairs = await prisma.license.findMany({
    where: { licenseeId: { in: licensees }, patentId: { not: patentId } },
    select: { patentId: true, licenseeId: true },
    distinct: ["patentId", "licenseeId"],
  });
  const companies = new Map<number, number>();
  for (const pair of pairs) companies.set(pair.patentId, (companies.get(pair.patentId) ?? 0) + 1);
  const top = [...companies]
    .filter(([, count]) => count >= ALSO_LICENSED_MIN_COMPANIES)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit);
  if (top.length === 0) return [];
  const patents = await prisma.patent.findMany({
    where: { id: { in: top.map(([id]) => id) } },
    select: { id: true, title: true, titleEn: true },
  });
  const byId = new Map(patents.map((p) => [p.id, p]));
  return top.flatMap(([id, count]) => (byId.has(id) ? [{ ...byId.get(id)!, companies: count }] : []));
}
