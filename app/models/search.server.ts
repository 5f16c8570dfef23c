// Patent search: FTS5 for the text, an in-memory column store for filters, facet counts and sorting
// (docs/decisions/002-bilingual-search.md). The column store catches up from the "PatentChange" log, which
// triggers fill whichever process writes, so it never serves stale filters for long.
import { Prisma } from "~/generated/prisma/client";
import { readPrisma, type PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { IPC_TITLES } from "~/models/patent/ipc-titles";
import {
  FEE_MODELS,
  FEE_MODEL_CODES,
  IPC_SECTIONS,
  LEGAL_STATUSES,
  LEGAL_STATUS_CODES,
  PATENT_TYPES,
  PATENT_TYPE_CODES,
  POOL_LEGAL_STATUSES,
  REMAINING_TERM_BUCKETS,
  REMAINING_TERM_CODES,
  ipcParts,
  type LegalStatus,
  type PatentType,
} from "~/models/patent/vocabulary";
import type { SearchParams } from "~/models/search/search-params";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";
import { snippet, highlight, type ParsedQuery, type TextSegment, type HighlightTerm } from "~/models/search/text-search";
import { fullTextMatches, rankedFullTextMatches } from "./search/full-text.server";
import { arrangePage, bitCount, mergeAscending, minimumWords, tiersOf, type Tier } from "./search/ordering.server";
import { keywordQuery, queryCostIssue, searchQuery, understandQuery, type QueryUnderstanding } from "./search/query.server";

const YEAR_MS = 365.2425 * 86_400_000;
const CATCH_UP_LIMIT = 5000;
const FULL_LOAD_PAGE = 4000;
/**
 * How many of a text query's matches relevance ranking reads (ADR 002). FTS5 computes bm25 for every match
 * a ranking reads, whatever its LIMIT, at about half a microsecond each: a word found in a quarter of a
 * million patents would take longer to rank than a whole search may. Up to `exactUpTo` matches, all of them
 * are ranked. Beyond, the order is an approximation: bm25 among the `newest` most recently added matches
 * first, then bm25 among the rest. Totals and facet counts are exact either way.
 */
export interface RankingBounds {
  exactUpTo: number;
  newest: number;
}
const RANKING_BOUNDS: RankingBounds = { exactUpTo: 50_000, newest: 20_000 };
/**
 * The bounds hold for a query of up to this many index terms. bm25 reads every term's positions in every
 * match it scores, and a thesaurus-expanded query has many (如何降低电机噪音: 16), so such a query ranks
 * proportionally fewer matches: 无人机's five alternatives ranked over 22,000 matches took 100 ms.
 */
const TERMS_AT_FULL_BOUNDS = 3;

/** The ranking bounds for one query: narrower as it has more terms. */
export function boundsFor(ranking: RankingBounds, query: ParsedQuery): RankingBounds {
  const terms = (query.match?.match(/"[^"]*"/g) ?? []).reduce((sum, phrase) => sum + phrase.split(" ").length, 0);
  const share = Math.min(1, TERMS_AT_FULL_BOUNDS / Math.max(1, terms));
  return { exactUpTo: Math.max(1, Math.floor(ranking.exactUpTo * share)), newest: Math.max(1, Math.floor(ranking.newest * share)) };
}
/** Below this many exact results, partial matches follow them (ADR 013); a constant, so that a total does not
 * depend on the page size. */
export const RELAX_BELOW = 20;
/** A change-log entry for patent 0 means "reload everything" (written after bulk rewrites such as the seed). */
export const RELOAD_ALL = 0;

type Dimension = "university" | "type" | "section" | "class" | "cluster" | "field" | "status" | "open" | "fee" | "term";
const DIMENSIONS: Dimension[] = ["university", "type", "section", "class", "cluster", "field", "status", "open", "fee", "term"];

/** A growing list of distinct values, each known by its small integer index. */
class Dictionary {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const value of initial) this.index(value);
  }
  index(value: string): number {
    let i = this.indexes.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.indexes.set(value, i);
    }
    return i;
  }
  find(value: string): number | undefined {
    return this.indexes.get(value);
  }
}

interface PatentFacetRow {
  id: number;
  ownerId: string;
  type: string;
  ipcMain: string;
  cluster: string | null;
  field: string | null;
  legalStatus: string;
  expiresOn: Date;
  filingDate: Date;
  transferable: boolean;
  open: boolean;
  title: string;
  familyId: string | null;
  /** The active open license's fee model and amounts (offers side by side), null without one. */
  feeModel: string | null;
  lumpSumFen: number | null;
  entryFeeFen: number | null;
  royaltyBasisPoints: number | null;
}

/** 32-bit FNV-1a of a string: a title's or a family's key in the column store (a collision at worst
 * interleaves or collapses two cards of one page). */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Titles that differ only in spacing, punctuation or the boilerplate 一种 are near-identical. */
export function titleKey(title: string): number {
  return hash32(title.normalize("NFKC").toLowerCase().replace(/^一种/, "").replace(/[^\p{L}\p{N}]+/gu, ""));
}

interface University {
  id: string;
  name: string;
  nameEn: string | null;
  shortName: string | null;
}

/** Filter and sort columns of every patent, one typed array per column, addressed by position. Typed arrays
 * keep a million patents' columns small enough for the search's pass over them to stay in the CPU caches, and
 * one element type for every filter column (16 bits: no dimension has near 65,536 values) keeps that loop's
 * array accesses monomorphic. */
class FacetIndex {
  /** Position of each patent id (ids are dense integers), -1 where there is none. */
  private positionById = new Int32Array(0).fill(-1);
  /** Number of positions in use; the arrays below have room for more. */
  size = 0;
  ids = new Int32Array(0);
  inPool = new Uint8Array(0);
  expires = new Float64Array(0);
  filed = new Float64Array(0);
  /** titleKey of each patent's title, to interleave near-identical titles on a page. */
  titles = new Int32Array(0);
  /** Hash of each patent's familyId (一案双申), 0 when it has none: one card per family on a page. */
  families = new Int32Array(0);
  readonly columns = {} as Record<Exclude<Dimension, "term">, Uint16Array>;
  readonly dictionaries: Record<Exclude<Dimension, "term" | "open">, Dictionary> = {
    university: new Dictionary(),
    type: new Dictionary(PATENT_TYPE_CODES),
    section: new Dictionary(IPC_SECTIONS),
    class: new Dictionary(),
    cluster: new Dictionary(["", ...CLUSTERS.map((c) => c.code)]),
    field: new Dictionary(["", ...FIELDS.map((f) => f.code)]),
    status: new Dictionary(LEGAL_STATUS_CODES),
    fee: new Dictionary(["", ...FEE_MODEL_CODES]),
  };
  /** The open license's upfront amount in fen: the lump sum (LUMP_SUM) or the entry fee (ENTRY_PLUS_ROYALTY,
   * ROYALTY as 0); -1 without one. */
  upfrontFen = new Int32Array(0);
  /** The open license's royalty in basis points, 0 without one. */
  royaltyBasisPoints = new Uint16Array(0);
  universities = new Map<string, University>();
  lastChange = 0;
  private marks = new Uint8Array(0);
  private pool: Int32Array | null = null;
  private terms: Uint16Array | null = null;
  private termsDay = -1;
  private sortedByFiled: Int32Array | null = null;
  private sortedByExpiry: Int32Array | null = null;
  private offers: Partial<Record<OfferSort, Int32Array>> = {};
  private readonly lumpSumFee = this.dictionaries.fee.find("LUMP_SUM")!;

  constructor() {
    for (const dimension of DIMENSIONS) if (dimension !== "term") this.columns[dimension] = new Uint16Array(0);
  }

  private grow(capacity: number): void {
    const grown = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(array: T): T => {
      const larger = new (array.constructor as new (length: number) => T)(capacity);
      larger.set(array);
      return larger;
    };
    this.ids = grown(this.ids);
    this.inPool = grown(this.inPool);
    this.expires = grown(this.expires);
    this.filed = grown(this.filed);
    this.titles = grown(this.titles);
    this.families = grown(this.families);
    this.upfrontFen = grown(this.upfrontFen);
    this.royaltyBasisPoints = grown(this.royaltyBasisPoints);
    for (const dimension of Object.keys(this.columns) as Array<keyof FacetIndex["columns"]>) this.columns[dimension] = grown(this.columns[dimension]);
  }

  upsert(row: PatentFacetRow): void {
    let position = this.positionOf(row.id);
    if (position < 0) {
      position = this.size++;
      if (position >= this.ids.length) this.grow(Math.max(1024, Math.ceil(this.ids.length * 1.5)));
      if (row.id >= this.positionById.length) {
        const grown = new Int32Array(Math.max(row.id + 1, Math.ceil(this.positionById.length * 1.5))).fill(-1);
        grown.set(this.positionById);
        this.positionById = grown;
      }
      this.positionById[row.id] = position;
      this.ids[position] = row.id;
    }
    const parts = ipcParts(row.ipcMain);
    this.columns.university[position] = this.dictionaries.university.index(row.ownerId);
    this.columns.type[position] = this.dictionaries.type.index(row.type);
    this.columns.section[position] = this.dictionaries.section.index(parts.section);
    this.columns.class[position] = this.dictionaries.class.index(parts.class);
    this.columns.cluster[position] = this.dictionaries.cluster.index(row.cluster ?? "");
    this.columns.field[position] = this.dictionaries.field.index(row.field ?? "");
    this.columns.status[position] = this.dictionaries.status.index(row.legalStatus);
    this.columns.open[position] = row.open ? 1 : 0;
    this.inPool[position] = row.transferable && POOL_LEGAL_STATUSES.includes(row.legalStatus as LegalStatus) ? 1 : 0;
    this.expires[position] = row.expiresOn.getTime();
    this.filed[position] = row.filingDate.getTime();
    this.titles[position] = titleKey(row.title);
    this.families[position] = row.familyId ? hash32(row.familyId) || 1 : 0;
    this.columns.fee[position] = this.dictionaries.fee.index(row.feeModel ?? "");
    this.upfrontFen[position] = row.feeModel === "LUMP_SUM" ? row.lumpSumFen ?? 0 : row.feeModel === "ROYALTY" ? 0 : row.feeModel === "ENTRY_PLUS_ROYALTY" ? row.entryFeeFen ?? 0 : -1;
    this.royaltyBasisPoints[position] = row.royaltyBasisPoints ?? 0;
    this.offers = {};
    this.sortedByFiled = this.sortedByExpiry = null;
    this.pool = null;
    this.terms = null;
  }

  remove(id: number): void {
    const position = this.positionOf(id);
    if (position >= 0) this.inPool[position] = 0;
    this.pool = null;
  }

  /** A reusable all-zero array over positions: the caller marks positions and must set them back to 0 before
   * it next awaits, so that a search allocates no pool-sized memory. */
  resultMarks(): Uint8Array {
    if (this.marks.length < this.size) this.marks = new Uint8Array(Math.ceil(this.size * 1.25));
    return this.marks;
  }

  positionOf(id: number): number {
    return id >= 0 && id < this.positionById.length ? this.positionById[id] : -1;
  }

  /** Positions in the pool of the given patent ids (in their order), skipping unknown ids. */
  poolPositionsOf(ids: ArrayLike<number>): Int32Array {
    const positions = new Int32Array(ids.length);
    let count = 0;
    for (let i = 0; i < ids.length; i++) {
      const position = this.positionOf(ids[i]);
      if (position >= 0 && this.inPool[position] === 1) positions[count++] = position;
    }
    return positions.subarray(0, count);
  }

  /** Remaining-term bucket of every position (0–3: under 5, 5–10, 10–15, 15+ years), recomputed once a day
   * or after a change. */
  termBuckets(now: number): Uint16Array {
    const day = Math.floor(now / 86_400_000);
    if (this.terms && this.termsDay === day && this.terms.length === this.size) return this.terms;
    const [fiveYears, tenYears, fifteenYears] = REMAINING_TERM_CODES.slice(1).map((code) => now + REMAINING_TERM_BUCKETS[code].min * YEAR_MS);
    const terms = new Uint16Array(this.size);
    for (let position = 0; position < terms.length; position++) {
      const expires = this.expires[position];
      terms[position] = expires < fiveYears ? 0 : expires < tenYears ? 1 : expires < fifteenYears ? 2 : 3;
    }
    this.termsDay = day;
    return (this.terms = terms);
  }

  /** Positions of the transferable patents; rebuilt only after a change. Callers must not modify it. */
  poolPositions(): Int32Array {
    if (this.pool) return this.pool;
    const pool = new Int32Array(this.size);
    let count = 0;
    for (let position = 0; position < this.size; position++) if (this.inPool[position] === 1) pool[count++] = position;
    return (this.pool = pool.slice(0, count));
  }

  /** Positions ordered by a sort key, descending; rebuilt only after a change. */
  order(by: "filed" | "expires"): Int32Array {
    const key = by === "filed" ? this.filed : this.expires;
    const cached = by === "filed" ? this.sortedByFiled : this.sortedByExpiry;
    if (cached) return cached;
    const order = Int32Array.from({ length: this.size }, (_, i) => i).sort((a, b) => key[b] - key[a] || this.ids[a] - this.ids[b]);
    if (by === "filed") this.sortedByFiled = order;
    else this.sortedByExpiry = order;
    return order;
  }

  /** Whether the position's open license has what an offer sort orders by: a lump sum, or a royalty. */
  hasOffer(by: OfferSort, position: number): boolean {
    return by === "lump-sum" ? this.columns.fee[position] === this.lumpSumFee : this.royaltyBasisPoints[position] > 0;
  }

  /** Positions whose open license has a lump sum (or a royalty), lowest first: the lump sum; or the royalty rate,
   * then the entry fee (none before some); then newest filing. Rebuilt only after a change; a few thousand
   * positions, not the whole index. */
  offersBy(by: OfferSort): Int32Array {
    const cached = this.offers[by];
    if (cached) return cached;
    const positions: number[] = [];
    for (let position = 0; position < this.size; position++) if (this.hasOffer(by, position)) positions.push(position);
    const amount = by === "lump-sum" ? (p: number) => this.upfrontFen[p] : (p: number) => this.royaltyBasisPoints[p];
    const order = Int32Array.from(positions).sort((a, b) =>
      amount(a) - amount(b) || (by === "royalty" ? this.upfrontFen[a] - this.upfrontFen[b] : 0) || this.filed[b] - this.filed[a] || this.ids[a] - this.ids[b]);
    return (this.offers[by] = order);
  }
}

/** Sorts by the open license's price (search-url.ts SORTS). */
type OfferSort = "lump-sum" | "royalty";

/**
 * The search's hot loop, over arrays indexed by dimension number (columns, selection masks, counters). A row
 * that passes every filter is in the result and counts in every facet; a row that fails exactly one filter
 * counts only in that filter's facet (what the count would be if the user changed that filter). Returns the
 * result's positions in the candidates' order.
 */
function filterAndCount(candidates: Int32Array, columns: Uint16Array[], masks: Array<Uint8Array | null>, active: number[], counters: Int32Array[]): Int32Array {
  let matched = candidates;
  if (active.length > 0) {
    const passed = new Int32Array(candidates.length);
    let count = 0;
    for (let i = 0; i < candidates.length; i++) {
      const position = candidates[i];
      let failed = -1;
      let failures = 0;
      for (let k = 0; k < active.length; k++) {
        const dimension = active[k];
        if (masks[dimension]![columns[dimension][position]] !== 1) {
          failed = dimension;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) passed[count++] = position;
      else if (failures === 1) counters[failed][columns[failed][position]]++;
    }
    matched = passed.subarray(0, count);
  }
  // Column by column: each loop reads a single array, which keeps it in cache.
  for (let dimension = 0; dimension < columns.length; dimension++) {
    const column = columns[dimension];
    const counter = counters[dimension];
    for (let i = 0; i < matched.length; i++) counter[column[matched[i]]]++;
  }
  return matched;
}

export interface FacetValue {
  value: string;
  label: string;
  labelEn: string;
  count: number;
  selected: boolean;
}

export type Facets = Record<Dimension, FacetValue[]>;

export interface OpenLicenseSummary {
  id: string;
  version: number;
  feeModel: string;
  lumpSumFen: number | null;
  entryFeeFen: number | null;
  royaltyBasisPoints: number | null;
  perUnitFen: number | null;
  paymentSchedule: string;
  licenseTermMonths: number;
  declaredAt: string;
}

export interface SearchItem {
  id: number;
  applicationNumber: string;
  title: string;
  titleEn: string | null;
  type: PatentType;
  university: { id: string; name: string; nameEn: string | null };
  ipcMain: string;
  cluster: string | null;
  field: string | null;
  legalStatus: LegalStatus;
  filingDate: string;
  expiresOn: string;
  openLicense: OpenLicenseSummary | null;
  highlights: { title: TextSegment[]; titleEn: TextSegment[]; abstract: TextSegment[]; abstractEn: TextSegment[] };
  /** The query's words this result does not contain (a partial match); [] for an exact one. */
  missing: string[];
  /** The other patents of its family (一案双申: an invention and a utility model), shown on this card. */
  family: Array<{ id: number; applicationNumber: string; type: PatentType }>;
}

export interface SearchResult {
  /** Patents in the list over all pages, and the set the facets count: the exact matches, and when `relaxed`
   * the partial matches too. One card can hold a family's two patents. */
  total: number;
  /** Patents that contain every word of the query (with the filters). */
  exactTotal: number;
  /** Fewer than RELAX_BELOW patents contain every word: patents with most of them follow, each with `missing`. */
  relaxed: boolean;
  /** Finding the matches took half the search's time budget: they are newest first, not ranked by relevance. */
  partial: boolean;
  /** How the query was understood: the words searched, each with its alternatives, and the words left out. */
  understanding: { words: Array<{ word: string; alternatives: string[] }>; ignored: string[] };
  page: number;
  pageSize: number;
  sort: SearchParams["sort"];
  items: SearchItem[];
  facets: Facets;
}

/** Which of a relaxed query's words each position contains (bit i: word i), for the positions that contain at
 * least `minimum` of them. */
interface Coverage {
  bits: Uint16Array;
  minimum: number;
  /** Pool positions with at least `minimum` words, ascending. */
  positions: Int32Array;
  /** Ids of every patent with any of the words (pool or not), ascending: the partial matches' ranking set. */
  anyIds: Int32Array;
}

interface RememberedOutcome {
  total: number;
  exactTotal: number;
  relaxed: boolean;
  partial: boolean;
  facets: Facets;
  ids: number[];
  missing: string[][];
}

interface ItemRow {
  id: number; applicationNumber: string; title: string; titleEn: string | null; type: string; ipcMain: string; cluster: string | null; field: string | null;
  legalStatus: string; filingDate: Date; expiresOn: Date; abstract: string; abstractEn: string | null; familyId: string | null; ownerId: string; ownerName: string; ownerNameEn: string | null;
  declarationId: string | null; version: number | null; feeModel: string | null; lumpSumFen: number | null; entryFeeFen: number | null;
  royaltyBasisPoints: number | null; perUnitFen: number | null; paymentSchedule: string | null; licenseTermMonths: number | null; declaredAt: Date | null;
}

type Ranker = (query: ParsedQuery, limit: number, newest?: number) => Promise<number[]>;

/** `remember: false` makes every search do its full work (the benchmark measures that); `ranking` lets tests
 * reach the approximate ranking of very broad queries with a handful of patents. */
export function createPatentSearch(db: PrismaClient, options: { remember: boolean; ranking?: RankingBounds; timeBudgetMs?: number } = { remember: true }) {
  const ranking = options.ranking ?? RANKING_BOUNDS;
  let index: FacetIndex | null = null;
  let loading: Promise<FacetIndex> | null = null;

  async function loadUniversities(target: FacetIndex) {
    const universities = await db.organization.findMany({
      where: { kind: "UNIVERSITY" },
      select: { id: true, name: true, nameEn: true, shortName: true },
      orderBy: { name: "asc" },
    });
    target.universities = new Map(universities.map((u) => [u.id, u]));
  }

  /** The facet columns of the patents `where` selects, by id, a page (FULL_LOAD_PAGE) at most; raw SQL, as a
   * model query would be compiled again for each of a full load's hundreds of pages. */
  async function facetRows(where: Prisma.Sql): Promise<PatentFacetRow[]> {
    const rows = await db.$queryRaw<Array<Omit<PatentFacetRow, "id" | "expiresOn" | "filingDate" | "transferable" | "open"> & {
      id: number | bigint; expiresOn: Date | string; filingDate: Date | string; transferable: boolean | number | bigint; open: number | bigint;
    } & Record<"lumpSumFen" | "entryFeeFen" | "royaltyBasisPoints", number | bigint | null>>>`
      SELECT p."id", p."ownerId", p."type", p."ipcMain", p."cluster", p."field", p."legalStatus", p."expiresOn", p."filingDate", p."transferable", p."title", p."familyId",
        CASE WHEN d."id" IS NULL THEN 0 ELSE 1 END AS "open", d."feeModel", d."lumpSumFen", d."entryFeeFen", d."royaltyBasisPoints"
      FROM "Patent" p LEFT JOIN "OpenLicenseDeclaration" d ON d."id" = (
        SELECT "id" FROM "OpenLicenseDeclaration" WHERE "patentId" = p."id" AND "status" = 'ACTIVE' ORDER BY "version" DESC LIMIT 1)
      WHERE ${where} ORDER BY p."id" LIMIT ${FULL_LOAD_PAGE}`;
    // Drivers differ in how they hand back booleans, dates and integers.
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      expiresOn: new Date(row.expiresOn),
      filingDate: new Date(row.filingDate),
      transferable: Number(row.transferable) === 1 || row.transferable === true,
      open: Number(row.open) === 1,
      lumpSumFen: row.lumpSumFen === null ? null : Number(row.lumpSumFen),
      entryFeeFen: row.entryFeeFen === null ? null : Number(row.entryFeeFen),
      royaltyBasisPoints: row.royaltyBasisPoints === null ? null : Number(row.royaltyBasisPoints),
    }));
  }

  async function fullLoad(): Promise<FacetIndex> {
    const fresh = new FacetIndex();
    const last = await db.patentChange.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
    fresh.lastChange = last?.seq ?? 0;
    await loadUniversities(fresh);
    // In pages: a million patents at once would need gigabytes of heap.
    for (let after = 0; ; ) {
      const rows = await facetRows(Prisma.sql`p."id" > ${after}`);
      if (rows.length === 0) break;
      for (const row of rows) fresh.upsert(row);
      after = rows[rows.length - 1].id;
    }
    return fresh;
  }

  async function catchUp(current: FacetIndex): Promise<FacetIndex> {
    // Raw SQL: this runs before every search, and a model query would be compiled again each time.
    const changes = (await db.$queryRaw<Array<{ seq: number | bigint; patentId: number | bigint }>>`
      SELECT "seq", "patentId" FROM "PatentChange" WHERE "seq" > ${current.lastChange} ORDER BY "seq" LIMIT ${CATCH_UP_LIMIT + 1}`)
      .map((change) => ({ seq: Number(change.seq), patentId: Number(change.patentId) }));
    if (changes.length === 0) return current;
    if (changes.length > CATCH_UP_LIMIT || changes.some((change) => change.patentId === RELOAD_ALL)) return fullLoad();
    const ids = [...new Set(changes.map((c) => c.patentId))];
    // A statement per few hundred ids: SQLite limits a statement's bound parameters.
    const rows: PatentFacetRow[] = [];
    for (let start = 0; start < ids.length; start += 400) rows.push(...(await facetRows(Prisma.sql`p."id" IN (${Prisma.join(ids.slice(start, start + 400))})`)));
    if (rows.some((row) => !current.universities.has(row.ownerId))) await loadUniversities(current);
    const found = new Set(rows.map((r) => r.id));
    for (const row of rows) current.upsert(row);
    for (const id of ids) if (!found.has(id)) current.remove(id);
    current.lastChange = changes[changes.length - 1].seq;
    return current;
  }

  /** The facet index, caught up with every committed change. Concurrent callers share one load. */
  async function currentIndex(): Promise<FacetIndex> {
    if (!loading) {
      loading = (index ? catchUp(index) : fullLoad()).finally(() => {
        loading = null;
      });
      index = await loading;
      return index;
    }
    return loading;
  }

  /** FTS5 may still refuse a query parseSearchQuery built (it only emits quoted terms): the user gets a 400. */
  async function fullText<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new DomainError("INVALID_QUERY", "search.err.unparsable", { cause: error });
    }
  }

  /** Every patent the text query matches, by ascending id. */
  async function textMatches(query: ParsedQuery): Promise<Int32Array> {
    return fullText(() => fullTextMatches(db, query));
  }

  /** The `limit` best matches by relevance, best first; with `newest`, among the `newest` most recently added
   * matches only (full-text.server.ts). */
  async function rankedMatches(query: ParsedQuery, limit: number, newest?: number): Promise<number[]> {
    return fullText(() => rankedFullTextMatches(db, query, limit, newest));
  }

  /** rankedMatches for one search, which may ask for more of the same order as it fills its page: a longer
   * ranking already read answers a shorter one, and a longer one is read four times as long, so a query is
   * ranked at most two or three times however often the page asks. */
  function rankingsOfOneSearch(): Ranker {
    const read = new Map<string, { limit: number; ids: number[] }>();
    return async (query, limit, newest) => {
      const key = `${newest ?? "all"}:${query.match}`;
      const known = read.get(key);
      if (known && (known.limit >= limit || known.ids.length < known.limit)) return known.ids.slice(0, limit);
      const asked = known ? Math.max(limit, known.limit * 4) : limit;
      const ids = await rankedMatches(query, asked, newest);
      read.set(key, { limit: asked, ids });
      return ids.slice(0, limit);
    };
  }

  /**
   * The `wanted` best of `matched` (positions that passed every filter) in relevance order. `matchIds` are all the
   * text query's matches, ascending; past `ranking.exactUpTo` of them the newest are ranked first (RankingBounds).
   */
  async function rankWithin(facetIndex: FacetIndex, rank: Ranker, query: ParsedQuery, matched: Int32Array, matchIds: Int32Array, wanted: number): Promise<number[]> {
    // Asking for more than there is would rank every match to look for it.
    wanted = Math.min(wanted, matched.length);
    if (wanted <= 0) return [];
    const bounds = boundsFor(ranking, query);
    if (matchIds.length <= bounds.exactUpTo) {
      return bestInResult(facetIndex, matched, wanted, matched.length, matchIds.length, () => true, (limit) => rank(query, limit));
    }
    const newest = Math.min(bounds.newest, matchIds.length);
    const oldestOfNewest = matchIds[matchIds.length - newest];
    let inNewest = 0;
    for (const position of matched) if (facetIndex.ids[position] >= oldestOfNewest) inNewest++;
    const page = await bestInResult(facetIndex, matched, Math.min(wanted, inNewest), inNewest, newest, (id) => id >= oldestOfNewest, (limit) => rank(query, limit, newest));
    // Only pages past the newest matches' results rank the rest (all matches, skipping the newest).
    if (page.length < wanted) {
      page.push(...(await bestInResult(facetIndex, matched, wanted - page.length, matched.length - inNewest, matchIds.length, (id) => id < oldestOfNewest, (limit) => rank(query, limit))));
    }
    return page;
  }

  /** The first `count` positions of the result in its order: tier by tier, each by relevance or by a sort key. */
  async function orderedPrefix(facetIndex: FacetIndex, rank: Ranker, tiers: Tier[], sort: SearchParams["sort"], count: number): Promise<number[]> {
    const ordered: number[] = [];
    for (const tier of tiers) {
      if (ordered.length >= count) break;
      const wanted = Math.min(tier.positions.length, count - ordered.length);
      if (sort === "relevance") {
        ordered.push(...(await rankWithin(facetIndex, rank, tier.query, tier.positions, tier.matchIds, wanted)));
        continue;
      }
      const inTier = facetIndex.resultMarks();
      for (const position of tier.positions) inTier[position] = 1;
      let taken = 0;
      // By price: the offers with that price, lowest first, then the rest of the tier newest first.
      const offerSort = sort === "lump-sum" || sort === "royalty" ? sort : null;
      if (offerSort) {
        for (const position of facetIndex.offersBy(offerSort)) {
          if (taken === wanted) break;
          if (!inTier[position]) continue;
          ordered.push(position);
          taken++;
        }
      }
      for (const position of facetIndex.order(sort === "term" ? "expires" : "filed")) {
        if (taken === wanted) break;
        if (!inTier[position] || (offerSort && facetIndex.hasOffer(offerSort, position))) continue;
        ordered.push(position);
        taken++;
      }
      for (const position of tier.positions) inTier[position] = 0;
    }
    return ordered;
  }

  /**
   * The `wanted` best positions of `matched` that `keep` accepts, by a bm25 ranking over `ranked` matches of which
   * `eligible` are such positions. Computing bm25 costs about half a microsecond a match and sorting all matches
   * more, so FTS5 returns just enough of the best matches to fill the page, estimated from the share of eligible
   * ones; only if that falls short are all of them ranked.
   */
  async function bestInResult(facetIndex: FacetIndex, matched: Int32Array, wanted: number, eligible: number, ranked: number, keep: (id: number) => boolean, rank: (limit: number) => Promise<number[]>): Promise<number[]> {
    if (wanted <= 0) return [];
    const estimate = Math.ceil((wanted / (eligible / ranked)) * 1.5) + 20;
    // Too few matches are eligible for an estimate to pay: rank them all at once.
    for (const limit of estimate < ranked / 2 ? [estimate, ranked] : [ranked]) {
      const best = await rank(limit);
      const inResult = facetIndex.resultMarks();
      for (const position of matched) inResult[position] = 1;
      const page: number[] = [];
      for (const id of best) {
        const position = facetIndex.positionOf(id);
        if (position >= 0 && inResult[position] === 1 && keep(id)) page.push(position);
        if (page.length === wanted) break;
      }
      for (const position of matched) inResult[position] = 0;
      if (page.length === wanted || limit >= ranked || best.length < limit) return page;
    }
    return [];
  }

  function facetLabels(dimension: Dimension, value: string, target: FacetIndex): { label: string; labelEn: string } {
    switch (dimension) {
      case "university": {
        const u = target.universities.get(value);
        return { label: u?.name ?? value, labelEn: u?.nameEn ?? u?.name ?? value };
      }
      case "type":
        return vocabularyLabel(PATENT_TYPES, value);
      case "section":
      case "class": {
        const title = IPC_TITLES[value];
        return { label: title ? `${value} ${title.zh}` : value, labelEn: title ? `${value} ${title.en}` : value };
      }
      case "cluster": {
        const cluster = CLUSTERS.find((c) => c.code === value);
        return { label: cluster?.zh ?? "其他", labelEn: cluster?.en ?? "Other" };
      }
      case "field": {
        const field = FIELDS.find((f) => f.code === value);
        return { label: field?.zh ?? "其他", labelEn: field?.en ?? "Other" };
      }
      case "status":
        return vocabularyLabel(LEGAL_STATUSES, value);
      case "open":
        return { label: "提供开放许可", labelEn: "Open license offered" };
      case "fee":
        return vocabularyLabel(FEE_MODELS, value);
      case "term": {
        const bucket = REMAINING_TERM_BUCKETS[value as keyof typeof REMAINING_TERM_BUCKETS];
        return { label: bucket.zh, labelEn: bucket.en };
      }
    }
  }

  /** The filters of a search as lookup masks over the facet columns; unknown values are a 400. */
  function filtersFor(params: SearchParams, facetIndex: FacetIndex, now: number) {
    // Selected values per dimension, as lookup tables over the dimension's value indexes.
    const selected = new Map<Dimension, Set<number>>();
    const select = (dimension: Dimension, values: readonly string[], resolve: (value: string) => number | undefined, unknown: string) => {
      if (values.length === 0) return;
      const indexes = new Set<number>();
      for (const value of values) {
        const i = resolve(value);
        if (i === undefined) throw new DomainError("UNKNOWN_FILTER_VALUE", "search.err.unknownValue", { status: 400, path: dimension, values: { filter: unknown, value } });
        indexes.add(i);
      }
      selected.set(dimension, indexes);
    };
    const d = facetIndex.dictionaries;
    select("university", params.university, (v) => (facetIndex.universities.has(v) ? d.university.index(v) : undefined), "facet.university");
    select("type", params.type, (v) => d.type.find(v), "facet.type");
    select("section", params.section, (v) => d.section.find(v), "facet.section");
    select("class", params.class, (v) => (IPC_TITLES[v] ? d.class.index(v) : undefined), "facet.class");
    select("cluster", params.cluster, (v) => d.cluster.find(v), "facet.cluster");
    select("field", params.field, (v) => d.field.find(v), "facet.field");
    select("status", params.status, (v) => d.status.find(v), "facet.status");
    if (params.open) selected.set("open", new Set([1]));
    select("term", params.term, (v) => { const i = REMAINING_TERM_CODES.indexOf(v as never); return i < 0 ? undefined : i; }, "facet.term");
    select("fee", params.fee, (v) => d.fee.find(v), "facet.fee");

    const term = facetIndex.termBuckets(now);
    const columns = DIMENSIONS.map((dimension) => (dimension === "term" ? term : facetIndex.columns[dimension]));
    const masks = DIMENSIONS.map((dimension) => {
      const chosen = selected.get(dimension);
      if (!chosen) return null;
      const mask = new Uint8Array(Math.max(...chosen) + 1);
      for (const value of chosen) mask[value] = 1;
      return mask;
    });
    const active = DIMENSIONS.flatMap((_, i) => (masks[i] ? [i] : []));
    return { selected, columns, masks, active, d };
  }

  /** Which of these patents (null: all) a search matches now: in the pool, the text and every filter. Searches
   * checked together share their text matches through `textCache` (many saved searches share their words). */
  async function matchingAmong(params: SearchParams, ids: number[] | null, now = Date.now(), textCache = new Map<string, Set<number>>()): Promise<Set<number>> {
    const facetIndex = await currentIndex();
    const { columns, masks, active } = filtersFor(params, facetIndex, now);
    const query = searchQuery(params.q);
    let candidates = ids ?? Array.from(facetIndex.poolPositions(), (position) => facetIndex.ids[position]);
    if (query.match) {
      let text = textCache.get(query.match);
      if (!text) textCache.set(query.match, (text = new Set(await textMatches(query))));
      candidates = candidates.filter((id) => text.has(id));
    }
    const matched = new Set<number>();
    for (const id of candidates) {
      const position = facetIndex.positionOf(id);
      if (position < 0 || facetIndex.inPool[position] !== 1) continue;
      if (active.every((dimension) => masks[dimension]![columns[dimension][position]] === 1)) matched.add(id);
    }
    return matched;
  }

  // Recent searches' outcomes (total, facets, the page's ids), valid while no patent or declaration changes: the
  // change log that keeps the facet index current also ends them. Popular searches (the home page's clusters,
  // common words) then cost only the loading of their page. Items are loaded fresh every time.
  const recent = new Map<string, RememberedOutcome>();
  let recentVersion = -1;
  let recentIndex: FacetIndex | null = null;
  const RECENT_LIMIT = 500;

  function forgetIfChanged(facetIndex: FacetIndex) {
    if (recentVersion === facetIndex.lastChange && facetIndex === recentIndex) return;
    recent.clear();
    recentVersion = facetIndex.lastChange;
    recentIndex = facetIndex;
  }

  function remember(key: string, outcome: RememberedOutcome) {
    if (!options.remember) return;
    recent.set(key, outcome);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  }

  /** Which of the query's words each pool patent contains, for the patents with most of them (ADR 013). */
  async function coverageOf(facetIndex: FacetIndex, understanding: QueryUnderstanding): Promise<Coverage> {
    const bits = new Uint16Array(facetIndex.size);
    const touched: number[] = [];
    const lists: Int32Array[] = [];
    for (const [word, query] of understanding.each.entries()) {
      const ids = await textMatches(query);
      lists.push(ids);
      for (const position of facetIndex.poolPositionsOf(ids)) {
        if (bits[position] === 0) touched.push(position);
        bits[position] |= 1 << word;
      }
    }
    const minimum = minimumWords(understanding.words.length);
    const positions = Int32Array.from(touched.filter((position) => bitCount(bits[position]) >= minimum)).sort();
    return { bits, minimum, positions, anyIds: mergeAscending(lists) };
  }

  /** `load.items: false` gives the total and facets without loading the page's items (a suggestion's count). */
  async function search(params: SearchParams, now = Date.now(), load: { items: boolean } = { items: true }): Promise<SearchResult> {
    const facetIndex = await currentIndex();
    const understanding = understandQuery(params.q);
    const query = understanding.strict;
    const described = { words: understanding.words.map((word) => ({ word: word.label, alternatives: word.alternatives })), ignored: understanding.ignored };
    forgetIfChanged(facetIndex);
    // Remaining-term buckets move with the day, so the day is part of the key.
    const key = `${Math.floor(now / 86_400_000)}:${JSON.stringify(params)}`;
    const known = options.remember ? recent.get(key) : undefined;
    if (known) {
      recent.delete(key);
      recent.set(key, known);
      const items = load.items ? await loadItems(known.ids, understanding.highlight, known.missing) : [];
      return { total: known.total, exactTotal: known.exactTotal, relaxed: known.relaxed, partial: known.partial, understanding: described, page: params.page, pageSize: params.size, sort: params.sort, items, facets: known.facets };
    }
    const costIssue = queryCostIssue(understanding);
    if (costIssue) throw new DomainError("QUERY_TOO_COSTLY", costIssue.key, { path: "q", values: costIssue.values });
    const started = performance.now();
    // Past half the budget after finding the matches, the optional work is left out: partial matches, and
    // bm25, whose cost grows with the query's terms and their frequency in the whole pool. Only in a pool larger
    // than the ranking's exact bound: a smaller one searches well within the budget (the demo pool's slowest
    // search took 23.5 ms), and its answers must not depend on how busy the machine is.
    const overBudget = () =>
      options.timeBudgetMs !== undefined && facetIndex.size > ranking.exactUpTo && performance.now() - started > options.timeBudgetMs / 2;
    const { selected, columns, masks, active, d } = filtersFor(params, facetIndex, now);
    let sort = params.sort === "relevance" && !query.match ? "newest" : params.sort;
    let candidates: Int32Array;
    let matchIds: Int32Array = new Int32Array(0);
    if (query.match) {
      matchIds = await textMatches(query);
      candidates = facetIndex.poolPositionsOf(matchIds);
    } else {
      candidates = facetIndex.poolPositions();
    }
    const newCounters = () => DIMENSIONS.map((dimension) =>
      new Int32Array(dimension === "term" ? REMAINING_TERM_CODES.length : dimension === "open" ? 2 : d[dimension].values.length));
    let counters = newCounters();
    let matched = filterAndCount(candidates, columns, masks, active, counters);
    const exactTotal = matched.length;

    // Too few patents hold every word: those holding most of them follow (with the same filters).
    let coverage: Coverage | null = null;
    if (query.match && exactTotal < RELAX_BELOW && understanding.words.length >= 2 && !overBudget()) {
      const found = await coverageOf(facetIndex, understanding);
      if (found.positions.length > candidates.length) {
        const relaxedCounters = newCounters();
        const relaxedMatched = filterAndCount(found.positions, columns, masks, active, relaxedCounters);
        if (relaxedMatched.length > exactTotal) {
          coverage = found;
          counters = relaxedCounters;
          matched = relaxedMatched;
        }
      }
    }

    const facets = {} as Facets;
    DIMENSIONS.forEach((dimension, i) => {
      const chosen = selected.get(dimension) ?? new Set<number>();
      const valueName = (valueIndex: number) =>
        dimension === "term" ? REMAINING_TERM_CODES[valueIndex]
        : dimension === "open" ? String(valueIndex)
        : d[dimension].values[valueIndex];
      const entries: FacetValue[] = [];
      counters[i].forEach((count, valueIndex) => {
        // Selected values stay visible with a zero count, so they can be unticked.
        if (count === 0 && !chosen.has(valueIndex)) return;
        const value = valueName(valueIndex);
        if (dimension === "open" && value !== "1") return;
        if (dimension === "fee" && value === "") return;
        entries.push({ value, ...facetLabels(dimension, value, facetIndex), count, selected: chosen.has(valueIndex) });
      });
      const ordered = dimension === "term" || dimension === "type" || dimension === "status" || dimension === "section" || dimension === "fee"
        ? entries.sort((a, b) => facetOrder(dimension, a.value) - facetOrder(dimension, b.value))
        : entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      facets[dimension] = dimension === "class" ? ordered.filter((entry, rank) => rank < 30 || entry.selected) : ordered;
    });

    const partial = sort === "relevance" && overBudget();
    if (partial) sort = "newest";
    const wordCount = understanding.words.length;
    const missingOf = (position: number) => (coverage ? wordCount - bitCount(coverage.bits[position]) : 0);
    const design = sort === "relevance" && !understanding.aboutAppearance ? d.type.find("DESIGN") : undefined;
    const types = facetIndex.columns.type;
    const tierOf = (position: number) => missingOf(position) * 2 + (design !== undefined && types[position] === design ? 1 : 0);
    const tiered = coverage !== null || (design !== undefined && facets.type.some((value) => value.value === "DESIGN" && value.count > 0));
    const tiers = tiersOf(matched, tiered ? tierOf : null, (missing) => (missing === 0 ? { query, matchIds } : { query: understanding.any, matchIds: coverage!.anyIds }));
    const offset = (params.page - 1) * params.size;
    let pagePositions: number[] = [];
    if (offset < matched.length) {
      // Enough of the order for the page, with room for collapsed families and interleaved titles.
      const rank = rankingsOfOneSearch();
      for (let count = Math.min(matched.length, 2 * (offset + params.size) + 10); ; count = Math.min(matched.length, count * 2)) {
        const ordered = await orderedPrefix(facetIndex, rank, tiers, sort, count);
        const page = arrangePage(ordered, { titles: facetIndex.titles, families: facetIndex.families, groupOf: tierOf }, count >= matched.length, sort === "relevance" && query.match !== null, offset, params.size);
        if (page) {
          pagePositions = page;
          break;
        }
      }
    }

    const pageIds = pagePositions.map((p) => facetIndex.ids[p]);
    const missing = pagePositions.map((position) =>
      coverage ? understanding.words.filter((_, word) => (coverage!.bits[position] & (1 << word)) === 0).map((word) => word.label) : []);
    remember(key, { total: matched.length, exactTotal, relaxed: coverage !== null, partial, facets, ids: pageIds, missing });
    const items = load.items ? await loadItems(pageIds, understanding.highlight, missing) : [];
    return { total: matched.length, exactTotal, relaxed: coverage !== null, partial, understanding: described, page: params.page, pageSize: params.size, sort: params.sort, items, facets };
  }

  async function loadItems(ids: number[], terms: HighlightTerm[], missing: string[][] = []): Promise<SearchItem[]> {
    if (ids.length === 0) return [];
    // One raw statement: this runs on every search, and Prisma would compile three model queries each time.
    const rows = await db.$queryRaw<ItemRow[]>`
      SELECT p."id", p."applicationNumber", p."title", p."titleEn", p."type", p."ipcMain", p."cluster", p."field", p."legalStatus",
        p."filingDate", p."expiresOn", p."abstract", p."abstractEn", p."familyId", o."id" AS "ownerId", o."name" AS "ownerName", o."nameEn" AS "ownerNameEn",
        d."id" AS "declarationId", d."version", d."feeModel", d."lumpSumFen", d."entryFeeFen", d."royaltyBasisPoints", d."perUnitFen",
        d."paymentSchedule", d."licenseTermMonths", d."declaredAt"
      FROM "Patent" p JOIN "Organization" o ON o."id" = p."ownerId"
      LEFT JOIN "OpenLicenseDeclaration" d ON d."id" = (
        SELECT "id" FROM "OpenLicenseDeclaration" WHERE "patentId" = p."id" AND "status" = 'ACTIVE' ORDER BY "version" DESC LIMIT 1)
      WHERE p."id" IN (${Prisma.join(ids)})`;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const familyIds = [...new Set(rows.flatMap((row) => (row.familyId ? [row.familyId] : [])))];
    const relatives = familyIds.length === 0 ? [] : await db.$queryRaw<Array<{ id: number; applicationNumber: string; type: string; familyId: string }>>`
      SELECT "id", "applicationNumber", "type", "familyId" FROM "Patent" WHERE "familyId" IN (${Prisma.join(familyIds)}) ORDER BY "id"`;
    return ids.flatMap((id, i) => {
      const row = byId.get(id);
      if (!row) return [];
      return [{
        id: row.id,
        applicationNumber: row.applicationNumber,
        title: row.title,
        titleEn: row.titleEn,
        type: row.type as PatentType,
        university: { id: row.ownerId, name: row.ownerName, nameEn: row.ownerNameEn },
        ipcMain: row.ipcMain,
        cluster: row.cluster,
        field: row.field,
        legalStatus: row.legalStatus as LegalStatus,
        filingDate: row.filingDate.toISOString().slice(0, 10),
        expiresOn: row.expiresOn.toISOString().slice(0, 10),
        openLicense: row.declarationId ? openLicenseSummary({ ...row, id: row.declarationId, version: row.version!, feeModel: row.feeModel!, paymentSchedule: row.paymentSchedule!, licenseTermMonths: row.licenseTermMonths!, declaredAt: row.declaredAt! }) : null,
        highlights: {
          title: highlight(row.title, terms),
          titleEn: highlight(row.titleEn ?? "", terms),
          abstract: snippet(row.abstract, terms, 140).segments,
          abstractEn: snippet(row.abstractEn ?? "", terms, 260).segments,
        },
        missing: missing[i] ?? [],
        family: relatives.filter((other) => other.familyId === row.familyId && Number(other.id) !== row.id)
          .map((other) => ({ id: Number(other.id), applicationNumber: other.applicationNumber, type: other.type as PatentType })),
      }];
    });
  }

  /** Patents whose text is closest to this one's keywords and title, within the transferable pool. Remembered
   * like searches are (ranking every patent sharing a keyword costs milliseconds on every patent page). */
  async function similar(patentId: number, limit = 5): Promise<SearchItem[]> {
    const facetIndex = await currentIndex();
    forgetIfChanged(facetIndex);
    const key = `similar:${patentId}:${limit}`;
    const known = options.remember ? recent.get(key) : undefined;
    if (known) return loadItems(known.ids, []);
    const patent = await db.patent.findUnique({ where: { id: patentId }, select: { keywords: true, keywordsEn: true } });
    if (!patent) return [];
    const words = [...patent.keywords.split("; "), ...patent.keywordsEn.split("; ")].filter(Boolean);
    const { query } = keywordQuery(words);
    if (!query.match) return [];
    const ids: number[] = [];
    // Its own family (the same invention filed as a utility model) is not "similar", and a family is one entry.
    const sourcePosition = facetIndex.positionOf(patentId);
    const families = new Set(sourcePosition >= 0 && facetIndex.families[sourcePosition] !== 0 ? [facetIndex.families[sourcePosition]] : []);
    for (const id of await rankedMatches(query, limit * 10, windowFor(facetIndex, query))) {
      const position = facetIndex.positionOf(id);
      if (id === patentId || position < 0 || facetIndex.inPool[position] !== 1) continue;
      const family = facetIndex.families[position];
      if (family !== 0) {
        if (families.has(family)) continue;
        families.add(family);
      }
      ids.push(id);
      if (ids.length === limit) break;
    }
    remember(key, { total: ids.length, exactTotal: ids.length, relaxed: false, partial: false, facets: {} as Facets, ids, missing: [] });
    return loadItems(ids, []);
  }

  /** How many of the newest matches a query that only needs its best few ranks (similar patents, a need's
   * candidates): in a pool of up to `ranking.exactUpTo` patents every match, in a larger one the `newest`, so a
   * patent page or a need never scores every patent sharing a common word (at a million patents a patent's
   * keywords match 260,000 of them: 125 ms ranked in full, 65 ms in the window). */
  function windowFor(facetIndex: FacetIndex, query: ParsedQuery): number | undefined {
    const bounds = boundsFor(ranking, query);
    return facetIndex.size <= bounds.exactUpTo ? undefined : bounds.newest;
  }

  /** The `limit` best matches of such a query, best first. */
  async function bestMatches(query: ParsedQuery, limit: number): Promise<number[]> {
    return rankedMatches(query, limit, windowFor(await currentIndex(), query));
  }

  /**
   * The pool patents holding the most weight of these words (`weights[i]` for word i's query `words[i]`, at most
   * 32 words), best first, `limit` of them; ties by newest. Each with the bit mask of the words it holds. A need
   * is ranked this way (ADR 013): by what it is about, over the whole pool, not among one ranking's best.
   */
  async function byWordWeight(words: ParsedQuery[], weights: number[], limit: number): Promise<Array<{ id: number; weight: number; words: number }>> {
    const facetIndex = await currentIndex();
    const weight = new Float64Array(facetIndex.size);
    const held = new Uint32Array(facetIndex.size);
    const touched: number[] = [];
    for (const [word, query] of words.slice(0, 32).entries()) {
      for (const position of facetIndex.poolPositionsOf(await textMatches(query))) {
        if (held[position] === 0) touched.push(position);
        held[position] |= 1 << word;
        weight[position] += weights[word];
      }
    }
    const { ids } = facetIndex;
    touched.sort((a, b) => weight[b] - weight[a] || ids[b] - ids[a]);
    return touched.slice(0, limit).map((position) => ({ id: ids[position], weight: weight[position], words: held[position] }));
  }

  return { search, similar, matchingAmong, bestMatches, byWordWeight, refresh: currentIndex };
}

function vocabularyLabel(vocabulary: Record<string, { zh: string; en: string }>, value: string): { label: string; labelEn: string } {
  const entry = vocabulary[value];
  return { label: entry?.zh ?? value, labelEn: entry?.en ?? value };
}

function facetOrder(dimension: Dimension, value: string): number {
  const orders: Partial<Record<Dimension, readonly string[]>> = {
    term: REMAINING_TERM_CODES,
    type: PATENT_TYPE_CODES,
    status: LEGAL_STATUS_CODES,
    section: IPC_SECTIONS,
    fee: FEE_MODEL_CODES,
  };
  return orders[dimension]?.indexOf(value) ?? 0;
}

export function openLicenseSummary(declaration: {
  id: string; version: number; feeModel: string; lumpSumFen: number | null; entryFeeFen: number | null;
  royaltyBasisPoints: number | null; perUnitFen: number | null; paymentSchedule: string; licenseTermMonths: number; declaredAt: Date;
}): OpenLicenseSummary {
  return {
    id: declaration.id,
    version: declaration.version,
    feeModel: declaration.feeModel,
    lumpSumFen: declaration.lumpSumFen,
    entryFeeFen: declaration.entryFeeFen,
    royaltyBasisPoints: declaration.royaltyBasisPoints,
    perUnitFen: declaration.perUnitFen,
    paymentSchedule: declaration.paymentSchedule,
    licenseTermMonths: declaration.licenseTermMonths,
    declaredAt: declaration.declaredAt.toISOString().slice(0, 10),
  };
}

let defaultSearch: ReturnType<typeof createPatentSearch> | null = null;

/** What one search may spend (issue 17): past half of it after finding the matches, it answers newest first. */
export const SEARCH_TIME_BUDGET_MS = 200;

/** The process's search, on the read replica if there is one (DATABASE_READ_URL). */
export function patentSearch() {
  return (defaultSearch ??= createPatentSearch(readPrisma, { remember: true, timeBudgetMs: SEARCH_TIME_BUDGET_MS }));
}
