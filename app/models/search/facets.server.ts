// A search's filters and facet counts over the column store (./facet-index.server.ts): which values each filter
// selects, the pass that filters the candidates and counts every facet, and the facets as the page shows them.
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
  REMAINING_TERM_BUCKETS,
  REMAINING_TERM_CODES,
} from "~/models/patent/vocabulary";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";
import { DIMENSIONS, type Dimension, type FacetIndex } from "./facet-index.server";
import type { SearchParams } from "./search-params";

export interface FacetValue {
  value: string;
  label: string;
  labelEn: string;
  count: number;
  selected: boolean;
}

export type Facets = Record<Dimension, FacetValue[]>;

export type SearchFilters = ReturnType<typeof filtersFor>;

/** The filters of a search as lookup masks over the facet columns; unknown values are a 400. */
export function filtersFor(params: SearchParams, facetIndex: FacetIndex, now: number) {
  // Selected values per dimension, as lookup tables over the dimension's value indexes.
  const selected = new Map<Dimension, Set<number>>();
  const select = (
    dimension: Dimension,
    values: readonly string[],
    resolve: (value: string) => number | undefined,
    unknown: string,
  ) => {
    if (values.length === 0) return;
    const indexes = new Set<number>();
    for (const value of values) {
      const i = resolve(value);
      if (i === undefined)
        throw new DomainError("UNKNOWN_FILTER_VALUE", "search.err.unknownValue", {
          status: 400,
          path: dimension,
          values: { filter: unknown, value },
        });
      indexes.add(i);
    }
    selected.set(dimension, indexes);
  };
  const d = facetIndex.dictionaries;
  select(
    "university",
    params.university,
    (v) => (facetIndex.universities.has(v) ? d.university.index(v) : undefined),
    "facet.university",
  );
  select("type", params.type, (v) => d.type.find(v), "facet.type");
  select("section", params.section, (v) => d.section.find(v), "facet.section");
  select("class", params.class, (v) => (IPC_TITLES[v] ? d.class.index(v) : undefined), "facet.class");
  select("cluster", params.cluster, (v) => d.cluster.find(v), "facet.cluster");
  select("field", params.field, (v) => d.field.find(v), "facet.field");
  select("status", params.status, (v) => d.status.find(v), "facet.status");
  if (params.open) selected.set("open", new Set([1]));
  select(
    "term",
    params.term,
    (v) => {
      const i = REMAINING_TERM_CODES.indexOf(v as never);
      return i < 0 ? undefined : i;
    },
    "facet.term",
  );
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

/** A counter for each value of each dimension, in DIMENSIONS' order, all 0. */
export function facetCounters(facetIndex: FacetIndex): Int32Array[] {
  const d = facetIndex.dictionaries;
  return DIMENSIONS.map(
    (dimension) =>
      new Int32Array(
        dimension === "term" ? REMAINING_TERM_CODES.length : dimension === "open" ? 2 : d[dimension].values.length,
      ),
  );
}

/**
 * The search's hot loop, over arrays indexed by dimension number (columns, selection masks, counters). A row
 * that passes every filter is in the result and counts in every facet; a row that fails exactly one filter
 * counts only in that filter's facet (what the count would be if the user changed that filter). Returns the
 * result's positions in the candidates' order.
 */
export function filterAndCount(
  candidates: Int32Array,
  columns: Uint16Array[],
  masks: Array<Uint8Array | null>,
  active: number[],
  counters: Int32Array[],
): Int32Array {
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

/** The facets of a result from its counters: each value with its label and count (and every selected value, even at
 * 0); the fixed vocabularies in their order, the others by count; the 30 largest IPC classes. */
export function facetsOf(
  counters: Int32Array[],
  selected: Map<Dimension, Set<number>>,
  facetIndex: FacetIndex,
): Facets {
  const d = facetIndex.dictionaries;
  const facets = {} as Facets;
  DIMENSIONS.forEach((dimension, i) => {
    const chosen = selected.get(dimension) ?? new Set<number>();
    const valueName = (valueIndex: number) =>
      dimension === "term"
        ? REMAINING_TERM_CODES[valueIndex]
        : dimension === "open"
          ? String(valueIndex)
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
    const ordered =
      dimension === "term" ||
      dimension === "type" ||
      dimension === "status" ||
      dimension === "section" ||
      dimension === "fee"
        ? entries.sort((a, b) => facetOrder(dimension, a.value) - facetOrder(dimension, b.value))
        : entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    facets[dimension] = dimension === "class" ? ordered.filter((entry, rank) => rank < 30 || entry.selected) : ordered;
  });
  return facets;
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

function vocabularyLabel(
  vocabulary: Record<string, { zh: string; en: string }>,
  value: string,
): { label: string; labelEn: string } {
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
