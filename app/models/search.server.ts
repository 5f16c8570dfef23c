// Patent search: FTS5 for the text, an in-memory column store for filters, facet counts and sorting
// (docs/decisions/002-bilingual-search.md). The column store catches up from the "PatentChange" log, which
// triggers fill whichever process writes, so it never serves stale filters for long.
import { Prisma } from "~/generated/prisma/client";
import { prisma as defaultPrisma, type PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { IPC_TITLES } from "~/lib/ipc-titles";
import {
  IPC_SECTIONS,
  LEGAL_STATUSES,
  LEGAL_STATUS_CODES,
  PATENT_TYPES,
  PATENT_TYPE_CODES,
  REMAINING_TERM_BUCKETS,
  REMAINING_TERM_CODES,
  ipcParts,
  type LegalStatus,
  type PatentType,
} from "~/lib/patent-vocabulary";
import type { SearchParams } from "~/lib/search-params";
import { CLUSTERS, FIELDS } from "~/lib/taxonomy";
import { parseSearchQuery, snippet, highlight, type TextSegment, type HighlightTerm } from "~/lib/text-search";

const YEAR_MS = 365.2425 * 86_400_000;
/** Column weights for bm25: title, abstract, claim, keywords. */
const BM25_WEIGHTS = Prisma.raw("10.0, 3.0, 1.5, 5.0");
const CATCH_UP_LIMIT = 5000;
/** A change-log entry for patent 0 means "reload everything" (written after bulk rewrites such as the seed). */
export const RELOAD_ALL = 0;

type Dimension = "university" | "type" | "section" | "class" | "cluster" | "field" | "status" | "open" | "term";
const DIMENSIONS: Dimension[] = ["university", "type", "section", "class", "cluster", "field", "status", "open", "term"];

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
}

interface University {
  id: string;
  name: string;
  nameEn: string | null;
  shortName: string | null;
}

/** Filter and sort columns of every patent, one array per column, addressed by position. */
class FacetIndex {
  readonly positions = new Map<number, number>();
  readonly ids: number[] = [];
  readonly inPool: boolean[] = [];
  readonly expires: number[] = [];
  readonly filed: number[] = [];
  readonly columns: Record<Exclude<Dimension, "term">, number[]> = {
    university: [], type: [], section: [], class: [], cluster: [], field: [], status: [], open: [],
  };
  readonly dictionaries: Record<Exclude<Dimension, "term" | "open">, Dictionary> = {
    university: new Dictionary(),
    type: new Dictionary(PATENT_TYPE_CODES),
    section: new Dictionary(IPC_SECTIONS),
    class: new Dictionary(),
    cluster: new Dictionary(["", ...CLUSTERS.map((c) => c.code)]),
    field: new Dictionary(["", ...FIELDS.map((f) => f.code)]),
    status: new Dictionary(LEGAL_STATUS_CODES),
  };
  universities = new Map<string, University>();
  lastChange = 0;
  private sortedByFiled: number[] | null = null;
  private sortedByExpiry: number[] | null = null;

  upsert(row: PatentFacetRow): void {
    let position = this.positions.get(row.id);
    if (position === undefined) {
      position = this.ids.length;
      this.positions.set(row.id, position);
      this.ids.push(row.id);
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
    this.inPool[position] = row.transferable;
    this.expires[position] = row.expiresOn.getTime();
    this.filed[position] = row.filingDate.getTime();
    this.sortedByFiled = this.sortedByExpiry = null;
  }

  remove(id: number): void {
    const position = this.positions.get(id);
    if (position !== undefined) this.inPool[position] = false;
  }

  /** Positions ordered by a sort key, descending; rebuilt only after a change. */
  order(by: "filed" | "expires"): number[] {
    const key = by === "filed" ? this.filed : this.expires;
    const cached = by === "filed" ? this.sortedByFiled : this.sortedByExpiry;
    if (cached) return cached;
    const order = this.ids.map((_, i) => i).sort((a, b) => key[b] - key[a] || this.ids[a] - this.ids[b]);
    if (by === "filed") this.sortedByFiled = order;
    else this.sortedByExpiry = order;
    return order;
  }
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
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  sort: SearchParams["sort"];
  items: SearchItem[];
  facets: Facets;
}

function termBucketIndex(expires: number, now: number): number {
  const years = (expires - now) / YEAR_MS;
  for (let i = REMAINING_TERM_CODES.length - 1; i >= 0; i--) {
    if (years >= REMAINING_TERM_BUCKETS[REMAINING_TERM_CODES[i]].min) return i;
  }
  return 0;
}

/** Indexes of the largest `k` keys, in descending order (ties by position), without sorting everything. */
function topK(positions: number[], key: (position: number) => number, k: number): number[] {
  if (positions.length <= k * 4) return positions.slice().sort((a, b) => key(b) - key(a) || a - b).slice(0, k);
  // Min-heap of the best k seen so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => key(a) < key(b) || (key(a) === key(b) && a > b);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const position of positions) {
    if (heap.length < k) {
      heap.push(position);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (worse(heap[0], position)) {
      heap[0] = position;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => key(b) - key(a) || a - b);
}

export function createPatentSearch(db: PrismaClient) {
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

  async function facetRows(where: Prisma.PatentWhereInput): Promise<PatentFacetRow[]> {
    const [patents, open] = await Promise.all([
      db.patent.findMany({
        where,
        select: { id: true, ownerId: true, type: true, ipcMain: true, cluster: true, field: true, legalStatus: true, expiresOn: true, filingDate: true, transferable: true },
      }),
      db.openLicenseDeclaration.findMany({ where: { status: "ACTIVE", patent: where }, select: { patentId: true } }),
    ]);
    const openIds = new Set(open.map((d) => d.patentId));
    return patents.map((p) => ({ ...p, open: openIds.has(p.id) }));
  }

  async function fullLoad(): Promise<FacetIndex> {
    const fresh = new FacetIndex();
    const last = await db.patentChange.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
    fresh.lastChange = last?.seq ?? 0;
    await loadUniversities(fresh);
    for (const row of await facetRows({})) fresh.upsert(row);
    return fresh;
  }

  async function catchUp(current: FacetIndex): Promise<FacetIndex> {
    const changes = await db.patentChange.findMany({
      where: { seq: { gt: current.lastChange } },
      orderBy: { seq: "asc" },
      take: CATCH_UP_LIMIT + 1,
      select: { seq: true, patentId: true },
    });
    if (changes.length === 0) return current;
    if (changes.length > CATCH_UP_LIMIT || changes.some((change) => change.patentId === RELOAD_ALL)) return fullLoad();
    const ids = [...new Set(changes.map((c) => c.patentId))];
    const rows = await facetRows({ id: { in: ids } });
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

  async function textMatches(match: string): Promise<Array<{ id: number; score: number }>> {
    try {
      const rows = await db.$queryRaw<Array<{ id: bigint | number; score: number }>>`
        SELECT rowid AS id, bm25("PatentSearch", ${BM25_WEIGHTS}) AS score
        FROM "PatentSearch" WHERE "PatentSearch" MATCH ${match}`;
      return rows.map((row) => ({ id: Number(row.id), score: row.score }));
    } catch (error) {
      // parseSearchQuery only emits quoted terms; should FTS5 still refuse one, the user gets a 400.
      throw new DomainError("INVALID_QUERY", "The search text could not be understood; try plain words.", { cause: error });
    }
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
      case "term": {
        const bucket = REMAINING_TERM_BUCKETS[value as keyof typeof REMAINING_TERM_BUCKETS];
        return { label: bucket.zh, labelEn: bucket.en };
      }
    }
  }

  async function search(params: SearchParams, now = Date.now()): Promise<SearchResult> {
    const facetIndex = await currentIndex();
    const query = parseSearchQuery(params.q);

    // Selected values per dimension, as lookup tables over the dimension's value indexes.
    const selected = new Map<Dimension, Set<number>>();
    const select = (dimension: Dimension, values: readonly string[], resolve: (value: string) => number | undefined, unknown: string) => {
      if (values.length === 0) return;
      const indexes = new Set<number>();
      for (const value of values) {
        const i = resolve(value);
        if (i === undefined) throw new DomainError("UNKNOWN_FILTER_VALUE", `${unknown}: ${value}`, { status: 400, path: dimension });
        indexes.add(i);
      }
      selected.set(dimension, indexes);
    };
    const d = facetIndex.dictionaries;
    select("university", params.university, (v) => (facetIndex.universities.has(v) ? d.university.index(v) : undefined), "unknown university");
    select("type", params.type, (v) => d.type.find(v), "unknown patent type");
    select("section", params.section, (v) => d.section.find(v), "unknown IPC section");
    select("class", params.class, (v) => (IPC_TITLES[v] ? d.class.index(v) : undefined), "unknown IPC class");
    select("cluster", params.cluster, (v) => d.cluster.find(v), "unknown cluster");
    select("field", params.field, (v) => d.field.find(v), "unknown field");
    select("status", params.status, (v) => d.status.find(v), "unknown legal status");
    if (params.open) selected.set("open", new Set([1]));
    select("term", params.term, (v) => { const i = REMAINING_TERM_CODES.indexOf(v as never); return i < 0 ? undefined : i; }, "unknown remaining term");

    let candidates: number[];
    let scores: Map<number, number> | null = null;
    if (query.match) {
      const matches = await textMatches(query.match);
      scores = new Map();
      candidates = [];
      for (const { id, score } of matches) {
        const position = facetIndex.positions.get(id);
        if (position === undefined || !facetIndex.inPool[position]) continue;
        candidates.push(position);
        scores.set(position, score);
      }
    } else {
      candidates = [];
      for (let position = 0; position < facetIndex.ids.length; position++) if (facetIndex.inPool[position]) candidates.push(position);
    }

    // One pass: a row that passes every filter counts in every facet; a row that fails exactly one filter
    // counts only in that filter's facet (what the count would be if the user changed that filter).
    const active = DIMENSIONS.filter((dimension) => selected.has(dimension));
    const valueOf = (dimension: Dimension, position: number) =>
      dimension === "term" ? termBucketIndex(facetIndex.expires[position], now) : facetIndex.columns[dimension][position];
    const counts = new Map<Dimension, Map<number, number>>(DIMENSIONS.map((dimension) => [dimension, new Map()]));
    const bump = (dimension: Dimension, position: number) => {
      const value = valueOf(dimension, position);
      const map = counts.get(dimension)!;
      map.set(value, (map.get(value) ?? 0) + 1);
    };
    const matched: number[] = [];
    for (const position of candidates) {
      let failed: Dimension | null = null;
      let failures = 0;
      for (const dimension of active) {
        if (!selected.get(dimension)!.has(valueOf(dimension, position))) {
          failed = dimension;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) {
        matched.push(position);
        for (const dimension of DIMENSIONS) bump(dimension, position);
      } else if (failures === 1) bump(failed!, position);
    }

    const facets = {} as Facets;
    for (const dimension of DIMENSIONS) {
      const chosen = selected.get(dimension) ?? new Set<number>();
      const entries: FacetValue[] = [];
      for (const [valueIndex, count] of counts.get(dimension)!) {
        const value =
          dimension === "term" ? REMAINING_TERM_CODES[valueIndex]
          : dimension === "open" ? String(valueIndex)
          : d[dimension].values[valueIndex];
        if (dimension === "open" && value !== "1") continue;
        entries.push({ value, ...facetLabels(dimension, value, facetIndex), count, selected: chosen.has(valueIndex) });
      }
      // Selected values stay visible with a zero count, so they can be unticked.
      for (const valueIndex of chosen) {
        if (counts.get(dimension)!.has(valueIndex)) continue;
        const value = dimension === "term" ? REMAINING_TERM_CODES[valueIndex] : dimension === "open" ? "1" : d[dimension as Exclude<Dimension, "term" | "open">].values[valueIndex];
        entries.push({ value, ...facetLabels(dimension, value, facetIndex), count: 0, selected: true });
      }
      const ordered = dimension === "term" || dimension === "type" || dimension === "status" || dimension === "section"
        ? entries.sort((a, b) => facetOrder(dimension, a.value) - facetOrder(dimension, b.value))
        : entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      facets[dimension] = dimension === "class" ? ordered.filter((entry, i) => i < 30 || entry.selected) : ordered;
    }

    const sort = params.sort === "relevance" && !scores ? "newest" : params.sort;
    const offset = (params.page - 1) * params.size;
    let pagePositions: number[];
    if (sort === "relevance") {
      pagePositions = topK(matched, (position) => -scores!.get(position)!, offset + params.size).slice(offset);
    } else {
      const inResult = new Uint8Array(facetIndex.ids.length);
      for (const position of matched) inResult[position] = 1;
      pagePositions = [];
      let seen = 0;
      for (const position of facetIndex.order(sort === "newest" ? "filed" : "expires")) {
        if (!inResult[position]) continue;
        if (seen++ >= offset) pagePositions.push(position);
        if (pagePositions.length === params.size) break;
      }
    }

    const items = await loadItems(pagePositions.map((p) => facetIndex.ids[p]), query.highlight);
    return { total: matched.length, page: params.page, pageSize: params.size, sort: params.sort, items, facets };
  }

  async function loadItems(ids: number[], terms: HighlightTerm[]): Promise<SearchItem[]> {
    if (ids.length === 0) return [];
    const rows = await db.patent.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, applicationNumber: true, title: true, titleEn: true, type: true, ipcMain: true, cluster: true, field: true,
        legalStatus: true, filingDate: true, expiresOn: true, abstract: true, abstractEn: true,
        owner: { select: { id: true, name: true, nameEn: true } },
        declarations: { where: { status: "ACTIVE" }, take: 1, orderBy: { version: "desc" } },
      },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const declaration = row.declarations[0];
      return [{
        id: row.id,
        applicationNumber: row.applicationNumber,
        title: row.title,
        titleEn: row.titleEn,
        type: row.type as PatentType,
        university: row.owner,
        ipcMain: row.ipcMain,
        cluster: row.cluster,
        field: row.field,
        legalStatus: row.legalStatus as LegalStatus,
        filingDate: row.filingDate.toISOString().slice(0, 10),
        expiresOn: row.expiresOn.toISOString().slice(0, 10),
        openLicense: declaration ? openLicenseSummary(declaration) : null,
        highlights: {
          title: highlight(row.title, terms),
          titleEn: highlight(row.titleEn ?? "", terms),
          abstract: snippet(row.abstract, terms, 140).segments,
          abstractEn: snippet(row.abstractEn ?? "", terms, 260).segments,
        },
      }];
    });
  }

  /** Patents whose text is closest to this one's keywords and title, within the transferable pool. */
  async function similar(patentId: number, limit = 5): Promise<SearchItem[]> {
    const patent = await db.patent.findUnique({ where: { id: patentId }, select: { keywords: true, keywordsEn: true } });
    if (!patent) return [];
    const words = [...patent.keywords.split("; "), ...patent.keywordsEn.split("; ")].filter(Boolean);
    const match = words.map((word) => parseSearchQuery(`"${word.replace(/"/g, "")}"`).match).filter(Boolean).join(" OR ");
    if (!match) return [];
    const facetIndex = await currentIndex();
    const ids = (await textMatches(match))
      .filter(({ id }) => id !== patentId && facetIndex.inPool[facetIndex.positions.get(id) ?? -1])
      .sort((a, b) => a.score - b.score || a.id - b.id)
      .slice(0, limit)
      .map(({ id }) => id);
    return loadItems(ids, []);
  }

  return { search, similar, refresh: currentIndex };
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

/** The process's search over the app's database. */
export function patentSearch() {
  return (defaultSearch ??= createPatentSearch(defaultPrisma));
}
