// The demo patent pool: Chongqing's 53 universities, 32,000 assessed patents of which exactly 27,500 are
// transferable, and a history of transfers and licenses 2019–2025 (2024 ≈ +85 % on 2023, ≈ 9.7 % of granted
// invention patents transferred or licensed). Deterministic from the seed; scale multiplies the pool.
import { creditCodeCheckCharacter } from "../../app/models/organization/credit-code";
import { applicationCheckCharacter } from "../../app/models/patent/identifiers";
import {
  termYears,
  type LegalStatus,
  type PatentType,
  type FeeModel,
  type LicenseKind,
} from "../../app/models/patent/vocabulary";
import { CLUSTERS, type ClusterCode } from "../../app/models/taxonomy";
import { INSTITUTIONS } from "./institutions";
import { composePatentText, titleCapacity, type ComposedText, type TextForm, type TitlePlan } from "./patent-text";
import { CHONGQING_DISTRICTS, ENTERPRISE_INDUSTRIES, ENTERPRISE_STEMS, inventorName } from "./people";
import { Random } from "./random";
import { TECH_AREAS } from "./tech-areas";

/** The seed of the demo pool that npm start and npm run db:seed create. */
export const DEFAULT_SEED = "patentbridge-demo";
/** The day the demo history ends: the pool looks as it did then, whatever day it is seeded. */
export const DEMO_AS_OF = new Date("2025-12-31T00:00:00Z");
export const BASE_ASSESSED = 32_000;
export const BASE_TRANSFERABLE = 27_500;
export const TARGET_INDUSTRIALISATION_RATE = 0.097;
export const DEAL_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
/** Relative deal volume per year: 2024 / 2023 = 1.85, the +85 % Chongqing reported. */
const DEAL_YEAR_WEIGHTS = [0.42, 0.5, 0.62, 0.8, 1.0, 1.85, 2.15];
const OPEN_LICENSE_LAW_IN_FORCE = new Date("2021-06-01T00:00:00Z");
const DAY = 86_400_000;

export interface DemoPoolOptions {
  seed: string;
  scale: number;
}

export interface OrganizationRow {
  id: string;
  kind: "UNIVERSITY" | "ENTERPRISE" | "OPERATOR";
  name: string;
  nameEn: string | null;
  shortName: string | null;
  creditCode: string;
  region: string;
  level: string | null;
  cluster: string | null;
  verifiedAt: Date | null;
}

/** Everything about a patent but its text, which is composed when it is written (see patentText). */
export interface PatentPlan {
  id: number;
  areaIndex: number;
  type: PatentType;
  ownerId: string;
  universityId: string;
  /** Companies that own the patent together with the university (共有专利). */
  coOwnerIds: string[];
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  filingDate: Date;
  publicationDate: Date | null;
  grantDate: Date | null;
  expiresOn: Date;
  legalStatus: LegalStatus;
  cluster: ClusterCode | null;
  field: string;
  ipcMain: string;
  ipcOthers: string[];
  transferable: boolean;
  transferableNote: string | null;
  valueScore: number;
  maturity: number;
  hasEvaluationReport: boolean;
  /** Page views in the pool's last year (write.ts spreads them as dated views over the last three). */
  yearlyViews: number;
  /** Which of its area's titles it carries. */
  title: TitlePlan;
  /** Shared by the invention and the utility model of a 一案双申 pair. */
  familyId: string | null;
  /** The patent whose random stream composes the text: a family shares its invention's wording. */
  textSourceId: number;
}

export interface DeclarationRow {
  id: string;
  patentId: number;
  declarantId: string;
  version: number;
  status: "ACTIVE" | "SUPERSEDED" | "WITHDRAWN";
  feeModel: FeeModel;
  lumpSumFen: number | null;
  entryFeeFen: number | null;
  royaltyBasisPoints: number | null;
  perUnitFen: number | null;
  paymentSchedule: "ONCE" | "YEARLY" | "QUARTERLY";
  licenseTermMonths: number;
  territory: string;
  fieldOfUse: string | null;
  declaredAt: Date;
  withdrawnAt: Date | null;
}

export interface LicenseRow {
  id: string;
  contractNumber: string;
  patentId: number;
  licensorId: string;
  licenseeId: string;
  kind: LicenseKind;
  declarationId: string | null;
  termsSnapshot: string;
  valueFen: number;
  startsOn: Date;
  endsOn: Date;
  signedAt: Date;
}

export interface TransferRow {
  id: string;
  contractNumber: string;
  patentId: number;
  assignorId: string;
  assigneeId: string;
  priceFen: number;
  signedAt: Date;
  recordedAt: Date;
}

export interface DealEventRow {
  id: string;
  licenseId: string | null;
  transferId: string | null;
  kind: string;
  at: Date;
  detail: string;
}

export interface ConsentRow {
  declarationId: string;
  organizationId: string;
  consentedOn: Date;
  reference: string;
}

export interface DemoPool {
  organizations: OrganizationRow[];
  patents: PatentPlan[];
  declarations: DeclarationRow[];
  consents: ConsentRow[];
  licenses: LicenseRow[];
  transfers: TransferRow[];
  events: DealEventRow[];
}

const CREDIT_BODY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

function creditCode(rng: Random, prefix: "12" | "91", regionCode: string): string {
  let organisationCode = "";
  for (let i = 0; i < 9; i++) organisationCode += rng.pick([...(i < 8 ? "0123456789" : CREDIT_BODY_ALPHABET)]);
  const first17 = prefix + regionCode + organisationCode;
  return first17 + creditCodeCheckCharacter(first17);
}

function utcDate(year: number, dayOfYear: number): Date {
  return new Date(Date.UTC(year, 0, 1) + dayOfYear * DAY);
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

function randomDateBetween(rng: Random, from: Date, to: Date): Date {
  const span = Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
  return new Date(from.getTime() + rng.int(0, span) * DAY);
}

/** Publication-number prefixes CNIPA used, by year of publication (approximate ranges). */
function publicationPrefix(type: PatentType, year: number): string {
  if (type === "UTILITY_MODEL") return String(200 + Math.max(0, Math.min(21, Math.round((year - 2008) * 1.45))));
  if (type === "DESIGN") return String(300 + Math.max(0, Math.min(9, Math.round((year - 2008) * 0.55))));
  return String(101 + Math.max(0, Math.min(18, Math.round((year - 2009) * 1.1))));
}

function planOrganizations(
  rng: Random,
  scale: number,
): { universities: OrganizationRow[]; enterprises: OrganizationRow[]; operator: OrganizationRow } {
  const operator: OrganizationRow = {
    id: "org-operator",
    kind: "OPERATOR",
    name: "重庆知识产权运营服务中心（演示）",
    nameEn: "Chongqing IP Operation Centre (demo)",
    shortName: "IP Centre",
    creditCode: creditCode(rng, "12", "500000"),
    region: "渝北区",
    level: null,
    cluster: null,
    verifiedAt: new Date("2019-01-01T00:00:00Z"),
  };
  const universities = INSTITUTIONS.map((institution, i): OrganizationRow => {
    const district = CHONGQING_DISTRICTS.find(([name]) => name === institution.district);
    return {
      id: `org-univ-${String(i + 1).padStart(2, "0")}`,
      kind: "UNIVERSITY",
      name: institution.nameZh,
      nameEn: institution.nameEn,
      shortName: institution.shortEn,
      creditCode: creditCode(rng, "12", district?.[1] ?? "500000"),
      region: institution.district,
      level: institution.level,
      cluster: null,
      verifiedAt: new Date("2019-01-01T00:00:00Z"),
    };
  });
  const clusterCodes = Object.keys(ENTERPRISE_INDUSTRIES);
  const enterpriseCount = Math.round(400 * Math.sqrt(scale));
  const names = new Set<string>();
  const enterprises: OrganizationRow[] = [];
  while (enterprises.length < enterpriseCount) {
    const cluster = rng.pick(clusterCodes);
    const [stemZh, stemEn] = rng.pick(ENTERPRISE_STEMS);
    const [industryZh, industryEn] = rng.pick(ENTERPRISE_INDUSTRIES[cluster]);
    const [districtName, districtCode] = rng.pick(CHONGQING_DISTRICTS);
    const suffix = names.has(`重庆${stemZh}${industryZh}有限公司`) ? String(enterprises.length) : "";
    const name = `重庆${stemZh}${industryZh}${suffix ? `（${suffix}）` : ""}有限公司`;
    if (names.has(name)) continue;
    names.add(name);
    enterprises.push({
      id: `org-ent-${String(enterprises.length + 1).padStart(4, "0")}`,
      kind: "ENTERPRISE",
      name,
      nameEn: `Chongqing ${stemEn} ${industryEn} Co., Ltd.${suffix ? ` (${suffix})` : ""}`,
      shortName: null,
      creditCode: creditCode(rng, "91", districtCode),
      region: districtName,
      level: null,
      cluster,
      verifiedAt: new Date(Date.UTC(2018 + rng.int(0, 6), rng.int(0, 11), rng.int(1, 28))),
    });
  }
  return { universities, enterprises, operator };
}

/** University filings grew about 12 % a year. Utility models and designs reach back less far: their short
 * terms mean an inventory holds few old ones. */
function pickFilingYear(rng: Random, type: PatentType): number {
  const first = type === "INVENTION" ? 2006 : 2014;
  const years = Array.from({ length: 2026 - first }, (_, i) => first + i);
  return years[rng.weightedIndex(years.map((y) => Math.pow(1.12, y - first)))];
}

/** How much more likely an institution's known areas are than the rest, strongest first: most of a real
 * university's patents fall in a few areas. */
const TOP_AREA_WEIGHTS = [24, 20, 17, 14, 12, 10, 9, 8];
/** Share of device inventions filed the same day as a utility model of the same title (一案双申). */
const TWIN_FILING_SHARE = 0.075;
/** Share of patents a university owns together with a company (共有专利). */
const CO_OWNED_SHARE = 0.1;

interface Numbering {
  filingDate: Date;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  publicationDate: Date | null;
  grantDate: Date | null;
  expiresOn: Date;
  legalStatus: LegalStatus;
}

function planPatents(
  rng: Random,
  count: number,
  universities: OrganizationRow[],
  enterprises: OrganizationRow[],
): PatentPlan[] {
  const universityWeights = INSTITUTIONS.map((i) => i.researchWeight);
  const areaWeights = INSTITUTIONS.map((institution) =>
    TECH_AREAS.map((area) => {
      const rank = institution.topAreas.indexOf(area.key);
      return area.weight * (rank < 0 ? 1 : TOP_AREA_WEIGHTS[Math.min(rank, TOP_AREA_WEIGHTS.length - 1)]);
    }),
  );
  const enterprisesByCluster = new Map<string, OrganizationRow[]>();
  for (const enterprise of enterprises)
    enterprisesByCluster.set(enterprise.cluster!, [
      ...(enterprisesByCluster.get(enterprise.cluster!) ?? []),
      enterprise,
    ]);
  const serials = new Map<string, number>();
  const nextSerial = (key: string, start: () => number) => {
    const serial = (serials.get(key) ?? start()) + 1;
    serials.set(key, serial);
    return serial;
  };
  const ordinals = new Map<string, number>();
  const ordinalOf = (areaIndex: number, form: TextForm) => ordinals.get(`${areaIndex}:${form}`) ?? 0;
  const nextOrdinal = (areaIndex: number, form: TextForm) => {
    const ordinal = ordinalOf(areaIndex, form);
    ordinals.set(`${areaIndex}:${form}`, ordinal + 1);
    return ordinal;
  };
  // 一案双申 stays a small share of each institution's filings, as in real portfolios (at most 4 %).
  const totalWeight = universityWeights.reduce((a, b) => a + b, 0);
  const twinBudget = universityWeights.map((weight) => Math.floor((0.04 * count * weight) / totalWeight / 2));

  const number = (type: PatentType, filingDate: Date, twinOf?: { grantDate: Date | null }): Numbering => {
    const filingYear = filingDate.getUTCFullYear();
    const typeDigit = { INVENTION: "1", UTILITY_MODEL: "2", DESIGN: "3" }[type];
    const serial = nextSerial(`${filingYear}${typeDigit}`, () => rng.int(100_000, 900_000));
    const digits = `${filingYear}${typeDigit}${String(serial).padStart(7, "0")}`;
    const applicationNumber = `${digits}.${applicationCheckCharacter(digits)}`;
    const expiresOn = addYears(filingDate, termYears(type, filingDate));

    let publicationDate: Date | null = null;
    let grantDate: Date | null = null;
    let legalStatus: LegalStatus;
    if (type === "INVENTION") {
      publicationDate = new Date(filingDate.getTime() + rng.int(180, 560) * DAY);
      const examinationDays = rng.int(500, 1400);
      const decidedOn = new Date(filingDate.getTime() + examinationDays * DAY);
      if (decidedOn > DEMO_AS_OF) legalStatus = "PENDING";
      else {
        const outcome = rng.next();
        if (outcome < 0.05) legalStatus = "REJECTED";
        else if (outcome < 0.08) legalStatus = "WITHDRAWN";
        else {
          grantDate = decidedOn;
          legalStatus = "VALID";
        }
      }
      if (publicationDate > DEMO_AS_OF) publicationDate = null;
    } else {
      // Utility models and designs are granted without substantive examination, within months.
      grantDate = new Date(filingDate.getTime() + rng.int(120, 330) * DAY);
      publicationDate = grantDate;
      legalStatus = "VALID";
      if (grantDate > DEMO_AS_OF) {
        grantDate = null;
        publicationDate = null;
        legalStatus = "PENDING";
      }
    }
    if (legalStatus === "VALID") {
      const age = (DEMO_AS_OF.getTime() - filingDate.getTime()) / (365 * DAY);
      if (expiresOn <= DEMO_AS_OF) legalStatus = "EXPIRED";
      // The utility model of a 一案双申 pair is given up when the invention is granted (Patent Law art. 9).
      else if (twinOf?.grantDate) legalStatus = "LAPSED";
      // Universities stop paying annual fees on old, unused patents.
      else if (rng.chance(Math.min(0.12, age * (type === "INVENTION" ? 0.004 : 0.01))))
        legalStatus = rng.chance(0.7) ? "TERMINATED" : "LAPSED";
    }

    let publicationNumber: string | null = null;
    let grantNumber: string | null = null;
    const published = publicationDate ?? grantDate;
    if (published) {
      const prefix = publicationPrefix(type, published.getUTCFullYear());
      const number = `CN${prefix}${String(nextSerial(`pub${prefix}`, () => rng.int(100_000, 400_000))).padStart(6, "0")}`;
      if (type === "INVENTION") {
        publicationNumber = `${number}A`;
        grantNumber = grantDate ? `${number}B` : null;
      } else {
        publicationNumber = `${number}${type === "DESIGN" ? "S" : "U"}`;
        grantNumber = publicationNumber;
      }
    }
    return {
      filingDate,
      applicationNumber,
      publicationNumber,
      grantNumber,
      publicationDate,
      grantDate,
      expiresOn,
      legalStatus,
    };
  };

  const assess = (id: number, type: PatentType, universityIndex: number, areaIndex: number, numbering: Numbering) => {
    const area = TECH_AREAS[areaIndex];
    const ipcMain = rng.pick(area.ipcMain);
    const ipcOthers = rng.sample(
      [...area.ipcMain, ...area.ipcOther].filter((code) => code !== ipcMain),
      rng.int(1, 3),
    );
    const remainingYears = Math.max(0, (numbering.expiresOn.getTime() - DEMO_AS_OF.getTime()) / (365 * DAY));
    const clusterTier = CLUSTERS.find((c) => c.code === area.cluster)?.tier;
    const valueScore = Math.round(
      Math.min(
        98,
        Math.max(
          5,
          { INVENTION: 48, UTILITY_MODEL: 32, DESIGN: 22 }[type] +
            remainingYears * 1.2 +
            (clusterTier === "trillion" ? 8 : clusterTier ? 4 : 0) +
            (numbering.legalStatus === "VALID" ? 6 : numbering.legalStatus === "PENDING" ? 2 : -25) +
            (rng.next() - 0.5) * 30,
        ),
      ),
    );
    const sameCluster = area.cluster ? enterprisesByCluster.get(area.cluster) : undefined;
    const coOwnerIds = rng.chance(CO_OWNED_SHARE)
      ? [(sameCluster && rng.chance(0.8) ? rng.pick(sameCluster) : rng.pick(enterprises)).id]
      : [];
    return {
      id,
      areaIndex,
      type,
      ownerId: universities[universityIndex].id,
      universityId: universities[universityIndex].id,
      coOwnerIds,
      ...numbering,
      cluster: area.cluster,
      field: area.field,
      ipcMain,
      ipcOthers,
      transferable: false,
      transferableNote: null,
      valueScore,
      maturity: type === "INVENTION" ? rng.int(3, 7) : rng.int(4, 8),
      hasEvaluationReport: type !== "INVENTION" && rng.chance(0.3),
      yearlyViews: Math.round(rng.logNormal(40, 1.1, 0, 5000)),
    };
  };

  const plans: PatentPlan[] = [];
  for (let i = 0; i < count; i++) {
    const universityIndex = rng.weightedIndex(universityWeights);
    const institution = INSTITUTIONS[universityIndex];
    const areaIndex = rng.weightedIndex(areaWeights[universityIndex]);
    const area = TECH_AREAS[areaIndex];
    const typeWeights = institution.typeWeights ?? (institution.level === "vocational" ? [25, 65, 10] : [64, 31, 5]);
    const type = (["INVENTION", "UTILITY_MODEL", "DESIGN"] as const)[rng.weightedIndex(typeWeights)];
    const filingDate = utcDate(pickFilingYear(rng, type), rng.int(0, 363));
    const numbering = number(type, filingDate);

    let form: TextForm = type === "DESIGN" ? "DESIGN" : "DEVICE";
    if (type === "INVENTION") {
      const roll = rng.next();
      if (roll < 0.3) form = "METHOD";
      // Materials only while the area has titles left for them: a few materials make few distinct titles.
      else if (roll < 0.5 && ordinalOf(areaIndex, "PREPARATION") < titleCapacity(area, "PREPARATION"))
        form = "PREPARATION";
    }
    const twin =
      form === "DEVICE" &&
      type === "INVENTION" &&
      i + 1 < count &&
      twinBudget[universityIndex] > 0 &&
      rng.chance(TWIN_FILING_SHARE);
    if (twin) twinBudget[universityIndex]--;
    const title: TitlePlan = {
      form,
      ordinal: nextOrdinal(areaIndex, form),
      withControlMethod: form === "DEVICE" && !twin && rng.chance(0.15),
    };
    const head: PatentPlan = {
      ...assess(i + 1, type, universityIndex, areaIndex, numbering),
      title,
      familyId: null,
      textSourceId: i + 1,
    };
    plans.push(head);
    if (twin) {
      // 一案双申: the same invention filed as a utility model on the same day, by the same owners.
      head.familyId = `family-${head.id}`;
      i++;
      const twinNumbering = number("UTILITY_MODEL", filingDate, { grantDate: numbering.grantDate });
      plans.push({
        ...assess(i + 1, "UTILITY_MODEL", universityIndex, areaIndex, twinNumbering),
        coOwnerIds: head.coOwnerIds,
        title,
        familyId: head.familyId,
        textSourceId: head.id,
      });
    }
  }
  return plans;
}

interface DealPlan {
  patent: PatentPlan;
  kind: LicenseKind | "TRANSFER";
  signedAt: Date;
  licensee: OrganizationRow;
}

/** Splits `total` into integer quotas in proportion to the weights (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const quotas = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < total - quotas.reduce((a, b) => a + b, 0); k++) quotas[order[k][1]]++;
  return quotas;
}

function dealDateInYear(rng: Random, year: number, patent: PatentPlan): Date {
  const from = new Date(Math.max(Date.UTC(year, 0, 1), (patent.grantDate?.getTime() ?? 0) + DAY));
  return randomDateBetween(rng, from, new Date(Math.min(Date.UTC(year, 11, 31), DEMO_AS_OF.getTime())));
}

function planDeals(rng: Random, patents: PatentPlan[], enterprises: OrganizationRow[]): DealPlan[] {
  const enterprisesByCluster = new Map<string, OrganizationRow[]>();
  for (const enterprise of enterprises) {
    enterprisesByCluster.set(enterprise.cluster!, [
      ...(enterprisesByCluster.get(enterprise.cluster!) ?? []),
      enterprise,
    ]);
  }
  const licenseeFor = (patent: PatentPlan) => {
    const sameCluster = patent.cluster ? enterprisesByCluster.get(patent.cluster) : undefined;
    return sameCluster && rng.chance(0.75) ? rng.pick(sameCluster) : rng.pick(enterprises);
  };
  const grantedInventions = patents.filter((p) => p.type === "INVENTION" && p.grantDate);
  const grantedUtility = patents.filter((p) => p.type === "UTILITY_MODEL" && p.grantDate);
  const inventionQuotas = apportion(
    Math.round(grantedInventions.length * TARGET_INDUSTRIALISATION_RATE),
    DEAL_YEAR_WEIGHTS,
  );
  const utilityQuotas = apportion(Math.round(grantedUtility.length * 0.03), DEAL_YEAR_WEIGHTS);

  const deals: DealPlan[] = [];
  const dealt = new Set<number>();
  DEAL_YEARS.forEach((year, y) => {
    const yearEnd = new Date(Math.min(Date.UTC(year, 11, 31), DEMO_AS_OF.getTime()));
    const firstDeals: DealPlan[] = [];
    for (const [pool, quota] of [
      [grantedInventions, inventionQuotas[y]],
      [grantedUtility, utilityQuotas[y]],
    ] as const) {
      const candidates = pool.filter((p) => !dealt.has(p.id) && p.grantDate! < yearEnd);
      if (candidates.length < quota)
        throw new Error(`only ${candidates.length} patents can have a first deal in ${year}, ${quota} needed`);
      for (const patent of rng.sample(candidates, quota)) {
        dealt.add(patent.id);
        const signedAt = dealDateInYear(rng, year, patent);
        const openPossible =
          signedAt > OPEN_LICENSE_LAW_IN_FORCE &&
          patent.legalStatus === "VALID" &&
          (patent.type === "INVENTION" || patent.hasEvaluationReport);
        const roll = rng.next();
        const kind: DealPlan["kind"] =
          openPossible && roll < 0.3
            ? "OPEN"
            : roll < 0.55
              ? "TRANSFER"
              : roll < 0.82
                ? "ORDINARY"
                : roll < 0.93
                  ? "EXCLUSIVE"
                  : "SOLE";
        firstDeals.push({ patent, kind, signedAt, licensee: licenseeFor(patent) });
      }
    }
    // About one deal in ten is a further non-exclusive license on a patent already licensed that way.
    const repeatable = deals.concat(firstDeals).filter((d) => d.kind === "OPEN" || d.kind === "ORDINARY");
    const repeats = rng.sample(repeatable, Math.round(firstDeals.length / 9)).map((first): DealPlan => {
      // A company holds at most one license per patent (and so per open-license declaration).
      const holders = new Set(
        deals
          .concat(firstDeals)
          .filter((d) => d.patent === first.patent)
          .map((d) => d.licensee.id),
      );
      let licensee = licenseeFor(first.patent);
      while (holders.has(licensee.id)) licensee = rng.pick(enterprises);
      return {
        patent: first.patent,
        kind: first.kind,
        signedAt: randomDateBetween(
          rng,
          new Date(Math.max(first.signedAt.getTime() + DAY, Date.UTC(year, 0, 1))),
          yearEnd,
        ),
        licensee,
      };
    });
    deals.push(...firstDeals, ...repeats);
  });
  return deals.sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());
}

function feeTerms(
  rng: Random,
  patent: PatentPlan,
): Omit<DeclarationRow, "id" | "patentId" | "declarantId" | "version" | "status" | "declaredAt" | "withdrawnAt"> {
  const invention = patent.type === "INVENTION";
  const yuan = (median: number, min: number, max: number) =>
    Math.round(rng.logNormal(median, 0.6, min, max) / 1000) * 1000 * 100;
  const model = (["LUMP_SUM", "ROYALTY", "PER_UNIT", "ENTRY_PLUS_ROYALTY"] as const)[
    rng.weightedIndex([45, 25, 10, 20])
  ];
  const base = { lumpSumFen: null, entryFeeFen: null, royaltyBasisPoints: null, perUnitFen: null };
  const terms = {
    LUMP_SUM: { ...base, lumpSumFen: invention ? yuan(80_000, 10_000, 500_000) : yuan(15_000, 5_000, 60_000) },
    ROYALTY: { ...base, royaltyBasisPoints: rng.int(2, 10) * 50 },
    PER_UNIT: { ...base, perUnitFen: rng.int(1, 40) * 50 },
    ENTRY_PLUS_ROYALTY: {
      ...base,
      entryFeeFen: invention ? yuan(30_000, 10_000, 100_000) : yuan(8_000, 3_000, 20_000),
      royaltyBasisPoints: rng.int(2, 6) * 50,
    },
  }[model];
  return {
    feeModel: model,
    ...terms,
    paymentSchedule: model === "LUMP_SUM" ? "ONCE" : rng.chance(0.8) ? "YEARLY" : "QUARTERLY",
    licenseTermMonths: rng.pick([12, 24, 36, 36, 60]),
    territory: "中国大陆",
    fieldOfUse: null,
  };
}

function termsValueFen(terms: ReturnType<typeof feeTerms>): number {
  // Contracted value: the fixed sums; running royalties are counted when sales are reported.
  return (terms.lumpSumFen ?? 0) + (terms.entryFeeFen ?? 0);
}

/** Plans the whole demo pool. Patent text is not included: call patentText(plan) when writing. */
export function planDemoPool({ seed, scale }: DemoPoolOptions): DemoPool {
  if (!(scale > 0)) throw new Error("scale must be positive");
  const rng = new Random(`${seed}:pool`);
  const { universities, enterprises, operator } = planOrganizations(rng, scale);
  const patents = planPatents(rng, Math.round(BASE_ASSESSED * scale), universities, enterprises);
  const deals = planDeals(rng, patents, enterprises);

  const declarations: DeclarationRow[] = [];
  const licenses: LicenseRow[] = [];
  const transfers: TransferRow[] = [];
  const events: DealEventRow[] = [];
  const contractSerials = new Map<string, number>();
  const contractNumber = (year: number, letter: string) => {
    const key = `${year}-${letter}`;
    const serial = (contractSerials.get(key) ?? 0) + 1;
    contractSerials.set(key, serial);
    return `PB-${year}-${letter}-${String(serial).padStart(6, "0")}`;
  };
  const recordEvent = (
    deal: { licenseId: string } | { transferId: string },
    kind: string,
    at: Date,
    detail: object = {},
  ) =>
    events.push({
      id: `ev-${events.length + 1}`,
      licenseId: null,
      transferId: null,
      ...deal,
      kind,
      at,
      detail: JSON.stringify(detail),
    });
  const activeDeclaration = new Map<number, DeclarationRow>();
  const declare = (patent: PatentPlan, declaredAt: Date) => {
    const declaration: DeclarationRow = {
      id: `decl-${String(declarations.length + 1).padStart(6, "0")}`,
      patentId: patent.id,
      declarantId: patent.ownerId,
      version: 1,
      status: "ACTIVE",
      ...feeTerms(rng, patent),
      declaredAt,
      withdrawnAt: null,
    };
    declaration.licenseTermMonths = Math.max(
      1,
      Math.min(
        declaration.licenseTermMonths,
        Math.floor((patent.expiresOn.getTime() - declaredAt.getTime()) / (31 * DAY)),
      ),
    );
    declarations.push(declaration);
    activeDeclaration.set(patent.id, declaration);
    return declaration;
  };

  for (const deal of deals) {
    const { patent, signedAt } = deal;
    const year = signedAt.getUTCFullYear();
    if (deal.kind === "TRANSFER") {
      const transfer: TransferRow = {
        id: `tr-${String(transfers.length + 1).padStart(6, "0")}`,
        contractNumber: contractNumber(year, "T"),
        patentId: patent.id,
        assignorId: patent.ownerId,
        assigneeId: deal.licensee.id,
        priceFen:
          Math.round(rng.logNormal(patent.type === "INVENTION" ? 150_000 : 30_000, 0.9, 5_000, 5_000_000)) * 100,
        signedAt,
        recordedAt: new Date(signedAt.getTime() + rng.int(20, 90) * DAY),
      };
      patent.ownerId = deal.licensee.id;
      // A co-owner that buys the university's share owns the whole patent.
      patent.coOwnerIds = patent.coOwnerIds.filter((id) => id !== patent.ownerId);
      transfers.push(transfer);
      recordEvent({ transferId: transfer.id }, "SIGNED", signedAt);
      if (transfer.recordedAt <= DEMO_AS_OF) recordEvent({ transferId: transfer.id }, "RECORDED", transfer.recordedAt);
      continue;
    }
    let declaration: DeclarationRow | null = null;
    let terms: ReturnType<typeof feeTerms>;
    if (deal.kind === "OPEN") {
      // The declaration was published some months before its first taker.
      declaration =
        activeDeclaration.get(patent.id) ??
        declare(
          patent,
          randomDateBetween(
            rng,
            new Date(
              Math.max(
                OPEN_LICENSE_LAW_IN_FORCE.getTime(),
                signedAt.getTime() - 300 * DAY,
                patent.grantDate!.getTime(),
              ),
            ),
            signedAt,
          ),
        );
      terms = declaration;
    } else {
      terms = feeTerms(rng, patent);
      const scaleFactor = { ORDINARY: 1, SOLE: 2, EXCLUSIVE: 3 }[deal.kind];
      if (terms.lumpSumFen) terms.lumpSumFen *= scaleFactor;
      if (terms.entryFeeFen) terms.entryFeeFen *= scaleFactor;
    }
    const endsOn = new Date(
      Math.min(
        patent.expiresOn.getTime(),
        addYears(signedAt, Math.max(1, Math.round(terms.licenseTermMonths / 12))).getTime(),
      ),
    );
    const license: LicenseRow = {
      id: `lic-${String(licenses.length + 1).padStart(6, "0")}`,
      contractNumber: contractNumber(year, "L"),
      patentId: patent.id,
      licensorId: patent.ownerId,
      licenseeId: deal.licensee.id,
      kind: deal.kind,
      declarationId: declaration?.id ?? null,
      termsSnapshot: JSON.stringify({ ...terms, kind: deal.kind }),
      valueFen: termsValueFen(terms),
      startsOn: signedAt,
      endsOn,
      signedAt,
    };
    licenses.push(license);
    recordEvent({ licenseId: license.id }, "SIGNED", signedAt);
    if (license.valueFen > 0) {
      const paidAt = new Date(signedAt.getTime() + rng.int(5, 40) * DAY);
      if (paidAt <= DEMO_AS_OF) recordEvent({ licenseId: license.id }, "PAID", paidAt, { amountFen: license.valueFen });
    }
  }

  assessInventory(rng, patents, licenses, Math.round(BASE_TRANSFERABLE * scale));

  // Further declarations: universities declare open licenses on a share of their transferable, granted patents,
  // never while an exclusive or sole license is in force (Patent Law art. 51).
  const exclusiveEnds = new Map<number, number>();
  for (const license of licenses) {
    if (license.kind === "EXCLUSIVE" || license.kind === "SOLE")
      exclusiveEnds.set(license.patentId, Math.max(exclusiveEnds.get(license.patentId) ?? 0, license.endsOn.getTime()));
  }
  for (const patent of patents) {
    if (activeDeclaration.has(patent.id) || !patent.transferable || patent.legalStatus !== "VALID") continue;
    if (patent.type !== "INVENTION" && !patent.hasEvaluationReport) continue;
    if (!rng.chance(patent.type === "INVENTION" ? 0.07 : 0.1)) continue;
    const earliest = new Date(
      Math.max(
        OPEN_LICENSE_LAW_IN_FORCE.getTime(),
        patent.grantDate!.getTime(),
        (exclusiveEnds.get(patent.id) ?? 0) + DAY,
      ),
    );
    if (earliest >= DEMO_AS_OF) continue;
    declare(patent, randomDateBetween(rng, earliest, DEMO_AS_OF));
  }
  for (const declaration of [...activeDeclaration.values()]) {
    const roll = rng.next();
    const patent = patents[declaration.patentId - 1];
    const later = randomDateBetween(rng, new Date(declaration.declaredAt.getTime() + 30 * DAY), DEMO_AS_OF);
    if (later >= DEMO_AS_OF) continue;
    if (roll < 0.06) {
      declaration.status = "WITHDRAWN";
      declaration.withdrawnAt = later;
    } else if (roll < 0.12) {
      // New terms publish a new version; licensees keep the terms they signed.
      declaration.status = "SUPERSEDED";
      const next = declare(patent, later);
      next.version = declaration.version + 1;
    }
  }
  // A co-owned patent is declared only with every co-owner's written consent (see app/models/open-license/open-license.server.ts).
  const consents: ConsentRow[] = declarations.flatMap((declaration) =>
    patents[declaration.patentId - 1].coOwnerIds.map((organizationId) => ({
      declarationId: declaration.id,
      organizationId,
      consentedOn: new Date(declaration.declaredAt.getTime() - rng.int(7, 60) * DAY),
      reference: `共有人同意书 ${declaration.declaredAt.getUTCFullYear()}-${declaration.id.slice(-6)}`,
    })),
  );
  return {
    organizations: [operator, ...universities, ...enterprises],
    patents,
    declarations,
    consents,
    licenses,
    transfers,
    events,
  };
}

/** The inventory assessment: exactly `target` patents become transferable, chosen by value among those a
 * university still owns and may still transfer. */
function assessInventory(rng: Random, patents: PatentPlan[], licenses: LicenseRow[], target: number): void {
  const exclusiveUntil = new Map<number, Date>();
  const openLicensed = new Set<number>();
  for (const license of licenses) {
    if (license.kind === "EXCLUSIVE" || license.kind === "SOLE") exclusiveUntil.set(license.patentId, license.endsOn);
    if (license.kind === "OPEN") openLicensed.add(license.patentId);
  }
  const reasons: Record<string, string> = {
    transferred: "已转让，不再属于本校",
    notInForce: "专利权未处于有效或审查状态",
    exclusive: "独占或排他许可期内",
    lowValue: "经评估暂无产业化前景",
  };
  const eligible: PatentPlan[] = [];
  for (const patent of patents) {
    if (patent.ownerId !== patent.universityId) patent.transferableNote = reasons.transferred;
    else if (patent.legalStatus !== "VALID" && patent.legalStatus !== "PENDING")
      patent.transferableNote = reasons.notInForce;
    else if ((exclusiveUntil.get(patent.id)?.getTime() ?? 0) > DEMO_AS_OF.getTime())
      patent.transferableNote = reasons.exclusive;
    else eligible.push(patent);
  }
  if (eligible.length < target)
    throw new Error(`only ${eligible.length} patents can be transferable, ${target} needed`);
  // Patents already taken under an open license are in the pool by definition; the rest by assessed value.
  const ranked = eligible
    .map((patent) => ({ patent, rank: openLicensed.has(patent.id) ? Infinity : patent.valueScore + rng.next() * 40 }))
    .sort((a, b) => b.rank - a.rank);
  ranked.forEach(({ patent }, i) => {
    patent.transferable = i < target;
    patent.transferableNote = i < target ? null : reasons.lowValue;
  });
}

/** What patentText adds to a plan: its composed text, with lists joined the way the Patent table keeps them. */
export type PatentText = Omit<ComposedText, "keywords" | "keywordsEn"> & {
  keywords: string;
  keywordsEn: string;
  inventors: string;
};

/** The text of one patent, from its own random stream: any chunk of the pool can be written on its own. */
export function patentText(seed: string, plan: PatentPlan): PatentText {
  const rng = new Random(`${seed}:patent:${plan.textSourceId}`);
  const text = composePatentText(TECH_AREAS[plan.areaIndex], plan.type, plan.title, rng);
  const inventors = Array.from({ length: rng.int(2, 6) }, () => inventorName(rng));
  return {
    ...text,
    keywords: text.keywords.join("; "),
    keywordsEn: text.keywordsEn.join("; "),
    inventors: [...new Set(inventors)].join("; "),
  };
}
