// The search's column store (docs/decisions/002-bilingual-search.md): every patent's filter and sort columns in
// memory, for filters, facet counts and sorting. It catches up from the "PatentChange" log, which triggers fill
// whichever process writes, so it never serves stale filters for long.
import { Prisma } from "~/generated/prisma/client";
import type { PrismaClient } from "~/lib/db.server";
import { fenOf } from "~/lib/money";
import {
  FEE_MODEL_CODES,
  IPC_SECTIONS,
  LEGAL_STATUS_CODES,
  PATENT_TYPE_CODES,
  POOL_LEGAL_STATUSES,
  REMAINING_TERM_BUCKETS,
  REMAINING_TERM_CODES,
  ipcParts,
  type LegalStatus,
  type PatentType,
} from "~/models/patent/vocabulary";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";
import { MULTI_VALUE_KEYS } from "./search-url";

const YEAR_MS = 365.2425 * 86_400_000;
const CATCH_UP_LIMIT = 5000;
const FULL_LOAD_PAGE = 4000;
/** A change-log entry for patent 0 means "reload everything" (written after bulk rewrites such as the seed). */
export const RELOAD_ALL = 0;

/** The filters a search can narrow by, each counted on the results page: the URL's lists, and open-license-only. */
export type Dimension = (typeof MULTI_VALUE_KEYS)[number] | "open";
export const DIMENSIONS: Dimension[] = [...MULTI_VALUE_KEYS, "open"];

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
  type: PatentType;
  ipcMain: string;
  cluster: string | null;
  field: string | null;
  legalStatus: LegalStatus;
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
  return hash32(
    title
      .normalize("NFKC")
      .toLowerCase()
      .replace(/^一种/, "")
      .replace(/[^\p{L}\p{N}]+/gu, ""),
  );
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
export class FacetIndex {
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
   * ROYALTY as 0); -1 without one. Float64 holds every amount exactly: they are 64-bit and capped below 2^53. */
  upfrontFen = new Float64Array(0);
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
    for (const dimension of Object.keys(this.columns) as Array<keyof FacetIndex["columns"]>)
      this.columns[dimension] = grown(this.columns[dimension]);
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
    this.inPool[position] = row.transferable && POOL_LEGAL_STATUSES.includes(row.legalStatus) ? 1 : 0;
    this.expires[position] = row.expiresOn.getTime();
    this.filed[position] = row.filingDate.getTime();
    this.titles[position] = titleKey(row.title);
    this.families[position] = row.familyId ? hash32(row.familyId) || 1 : 0;
    this.columns.fee[position] = this.dictionaries.fee.index(row.feeModel ?? "");
    this.upfrontFen[position] =
      row.feeModel === "LUMP_SUM"
        ? (row.lumpSumFen ?? 0)
        : row.feeModel === "ROYALTY"
          ? 0
          : row.feeModel === "ENTRY_PLUS_ROYALTY"
            ? (row.entryFeeFen ?? 0)
            : -1;
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
    const [fiveYears, tenYears, fifteenYears] = REMAINING_TERM_CODES.slice(1).map(
      (code) => now + REMAINING_TERM_BUCKETS[code].min * YEAR_MS,
    );
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
    const order = Int32Array.from({ length: this.size }, (_, i) => i).sort(
      (a, b) => key[b] - key[a] || this.ids[a] - this.ids[b],
    );
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
    const order = Int32Array.from(positions).sort(
      (a, b) =>
        amount(a) - amount(b) ||
        (by === "royalty" ? this.upfrontFen[a] - this.upfrontFen[b] : 0) ||
        this.filed[b] - this.filed[a] ||
        this.ids[a] - this.ids[b],
    );
    return (this.offers[by] = order);
  }
}

/** Sorts by the open license's price (search-url.ts SORTS). */
export type OfferSort = "lump-sum" | "royalty";

async function loadUniversities(db: PrismaClient, target: FacetIndex) {
  const universities = await db.organization.findMany({
    where: { kind: "UNIVERSITY" },
    select: { id: true, name: true, nameEn: true, shortName: true },
    orderBy: { name: "asc" },
  });
  target.universities = new Map(universities.map((u) => [u.id, u]));
}

/** The facet columns of the patents `where` selects, by id, a page (FULL_LOAD_PAGE) at most; raw SQL, as a
 * model query would be compiled again for each of a full load's hundreds of pages. */
async function facetRows(db: PrismaClient, where: Prisma.Sql): Promise<PatentFacetRow[]> {
  const rows = await db.$queryRaw<
    Array<
      Omit<PatentFacetRow, "id" | "expiresOn" | "filingDate" | "transferable" | "open"> & {
        id: number | bigint;
        expiresOn: Date | string;
        filingDate: Date | string;
        transferable: boolean | number | bigint;
        open: number | bigint;
      } & Record<"lumpSumFen" | "entryFeeFen" | "royaltyBasisPoints", number | bigint | null>
    >
  >`
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
    lumpSumFen: fenOf(row.lumpSumFen),
    entryFeeFen: fenOf(row.entryFeeFen),
    royaltyBasisPoints: row.royaltyBasisPoints === null ? null : Number(row.royaltyBasisPoints),
  }));
}

async function fullLoad(db: PrismaClient): Promise<FacetIndex> {
  const fresh = new FacetIndex();
  const last = await db.patentChange.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  fresh.lastChange = last?.seq ?? 0;
  await loadUniversities(db, fresh);
  // In pages: a million patents at once would need gigabytes of heap.
  for (let after = 0; ;) {
    const rows = await facetRows(db, Prisma.sql`p."id" > ${after}`);
    if (rows.length === 0) break;
    for (const row of rows) fresh.upsert(row);
    after = rows[rows.length - 1].id;
  }
  return fresh;
}

async function catchUp(db: PrismaClient, current: FacetIndex): Promise<FacetIndex> {
  // Raw SQL: this runs before every search, and a model query would be compiled again each time.
  const changes = (
    await db.$queryRaw<Array<{ seq: number | bigint; patentId: number | bigint }>>`
    SELECT "seq", "patentId" FROM "PatentChange" WHERE "seq" > ${current.lastChange} ORDER BY "seq" LIMIT ${CATCH_UP_LIMIT + 1}`
  ).map((change) => ({ seq: Number(change.seq), patentId: Number(change.patentId) }));
  if (changes.length === 0) return current;
  if (changes.length > CATCH_UP_LIMIT || changes.some((change) => change.patentId === RELOAD_ALL)) return fullLoad(db);
  const ids = [...new Set(changes.map((c) => c.patentId))];
  // A statement per few hundred ids: SQLite limits a statement's bound parameters.
  const rows: PatentFacetRow[] = [];
  for (let start = 0; start < ids.length; start += 400)
    rows.push(...(await facetRows(db, Prisma.sql`p."id" IN (${Prisma.join(ids.slice(start, start + 400))})`)));
  if (rows.some((row) => !current.universities.has(row.ownerId))) await loadUniversities(db, current);
  const found = new Set(rows.map((r) => r.id));
  for (const row of rows) current.upsert(row);
  for (const id of ids) if (!found.has(id)) current.remove(id);
  current.lastChange = changes[changes.length - 1].seq;
  return current;
}

/** The facet index of the patents in `db`: each call returns it caught up with every committed change.
 * Concurrent callers share one load. */
export function facetIndexOf(db: PrismaClient): () => Promise<FacetIndex> {
  let index: FacetIndex | null = null;
  let loading: Promise<FacetIndex> | null = null;
  return async function currentIndex(): Promise<FacetIndex> {
    if (!loading) {
      loading = (index ? catchUp(db, index) : fullLoad(db)).finally(() => {
        loading = null;
      });
      index = await loading;
      return index;
    }
    return loading;
  };
}
