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

/** Per-position work arrays, kept between searches so that a search allocates no pool-sized memory. */
class ScratchBuffers {
  private scoreBuffer = new Float64Array(0);
  private termBuffer = new Uint8Array(0);
  private resultBuffer = new Uint8Array(0);
  scores(size: number): Float64Array {
    if (this.scoreBuffer.length < size) this.scoreBuffer = new Float64Array(Math.ceil(size * 1.25));
    return this.scoreBuffer;
  }
  term(size: number): Uint8Array {
    if (this.termBuffer.length < size) this.termBuffer = new Uint8Array(Math.ceil(size * 1.25));
    return this.termBuffer;
  }
  /** All zero on return: the caller sets the positions it marks back to 0. */
  inResult(size: number): Uint8Array {
    if (this.resultBuffer.length < size) this.resultBuffer = new Uint8Array(Math.ceil(size * 1.25));
    return this.resultBuffer;
  }
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
  readonly scratch = new ScratchBuffers();
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

  /** Every patent the text query matches, with its bm25 score when ranking needs it. The ids come back as
   * one concatenated string: a row per match would cost more in the driver than the search itself. */
  async function textMatches(match: string, withScores: boolean): Promise<{ ids: number[]; scores: number[] }> {
    try {
      const [row] = withScores
        ? await db.$queryRaw<Array<{ hits: string | null }>>`
            WITH hits AS MATERIALIZED (
              SELECT rowid AS id, bm25("PatentSearch", ${BM25_WEIGHTS}) AS score FROM "PatentSearch" WHERE "PatentSearch" MATCH ${match})
            SELECT group_concat(id || ':' || score) AS hits FROM hits`
        : await db.$queryRaw<Array<{ hits: string | null }>>`
            SELECT group_concat(rowid) AS hits FROM "PatentSearch" WHERE "PatentSearch" MATCH ${match}`;
      const ids: number[] = [];
      const scores: number[] = [];
      for (const hit of row?.hits ? row.hits.split(",") : []) {
        const colon = hit.indexOf(":");
        ids.push(Number(colon < 0 ? hit : hit.slice(0, colon)));
        scores.push(colon < 0 ? 0 : Number(hit.slice(colon + 1)));
      }
      return { ids, scores };
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

    const size = facetIndex.ids.length;
    const sort = params.sort === "relevance" && !query.match ? "newest" : params.sort;
    let candidates: number[];
    let scores: Float64Array | null = null;
    if (query.match) {
      const matches = await textMatches(query.match, sort === "relevance");
      // Scratch buffers are reused across searches: they are filled and read with no await in between.
      scores = facetIndex.scratch.scores(size);
      candidates = [];
      for (let i = 0; i < matches.ids.length; i++) {
        const position = facetIndex.positions.get(matches.ids[i]);
        if (position === undefined || !facetIndex.inPool[position]) continue;
        candidates.push(position);
        scores[position] = matches.scores[i];
      }
    } else {
      candidates = [];
      for (let position = 0; position < size; position++) if (facetIndex.inPool[position]) candidates.push(position);
    }

    // The hot loop works on arrays indexed by dimension number: columns, selection masks and counters.
    const term = facetIndex.scratch.term(size);
    const columns = DIMENSIONS.map((dimension) => (dimension === "term" ? term : facetIndex.columns[dimension]));
    const masks = DIMENSIONS.map((dimension) => {
      const chosen = selected.get(dimension);
      if (!chosen) return null;
      const mask = new Uint8Array(Math.max(...chosen) + 1);
      for (const value of chosen) mask[value] = 1;
      return mask;
    });
    const counters = DIMENSIONS.map((dimension) =>
      new Int32Array(dimension === "term" ? REMAINING_TERM_CODES.length : dimension === "open" ? 2 : d[dimension].values.length));
    const active = DIMENSIONS.flatMap((_, i) => (masks[i] ? [i] : []));
    // Remaining-term buckets start at 5, 10 and 15 years from now.
    const [fiveYears, tenYears, fifteenYears] = REMAINING_TERM_CODES.slice(1).map((code) => now + REMAINING_TERM_BUCKETS[code].min * YEAR_MS);

    // One pass: a row that passes every filter counts in every facet; a row that fails exactly one filter
    // counts only in that filter's facet (what the count would be if the user changed that filter).
    const matched: number[] = [];
    for (const position of candidates) {
      const expires = facetIndex.expires[position];
      term[position] = expires < fiveYears ? 0 : expires < tenYears ? 1 : expires < fifteenYears ? 2 : 3;
      let failed = -1;
      let failures = 0;
      for (let k = 0; k < active.length; k++) {
        const dimension = active[k];
        if (masks[dimension]![columns[dimension][position]] !== 1) {
          failed = dimension;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) {
        matched.push(position);
        for (let dimension = 0; dimension < columns.length; dimension++) counters[dimension][columns[dimension][position]]++;
      } else if (failures === 1) counters[failed][columns[failed][position]]++;
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
        entries.push({ value, ...facetLabels(dimension, value, facetIndex), count, selected: chosen.has(valueIndex) });
      });
      const ordered = dimension === "term" || dimension === "type" || dimension === "status" || dimension === "section"
        ? entries.sort((a, b) => facetOrder(dimension, a.value) - facetOrder(dimension, b.value))
        : entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      facets[dimension] = dimension === "class" ? ordered.filter((entry, rank) => rank < 30 || entry.selected) : ordered;
    });

    const offset = (params.page - 1) * params.size;
    let pagePositions: number[];
    if (sort === "relevance") {
      const relevance = scores!;
      pagePositions = topK(matched, (position) => -relevance[position], offset + params.size).slice(offset);
    } else {
      const inResult = facetIndex.scratch.inResult(size);
      for (const position of matched) inResult[position] = 1;
      pagePositions = [];
      let seen = 0;
      for (const position of facetIndex.order(sort === "newest" ? "filed" : "expires")) {
        if (!inResult[position]) continue;
        if (seen++ >= offset) pagePositions.push(position);
        if (pagePositions.length === params.size) break;
      }
      for (const position of matched) inResult[position] = 0;
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
    const matches = await textMatches(match, true);
    const ids = matches.ids
      .map((id, i) => ({ id, score: matches.scores[i] }))
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
