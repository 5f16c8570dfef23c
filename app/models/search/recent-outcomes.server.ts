// Recent searches' outcomes (total, facets, the page's ids), valid while no patent or declaration changes: the
// change log that keeps the facet index current also ends them. Popular searches (the home page's clusters,
// common words) then cost only the loading of their page. Items are loaded fresh every time.
import type { FacetIndex } from "./facet-index.server";
import type { Facets } from "./facets.server";

export interface RememberedOutcome {
  total: number;
  exactTotal: number;
  relaxed: boolean;
  partial: boolean;
  facets: Facets;
  ids: number[];
  missing: string[][];
}

const RECENT_LIMIT = 500;

/** The last RECENT_LIMIT outcomes, least recently used first out; with `enabled: false` (the benchmark measures
 * every search's full work) it remembers nothing. */
export class RecentOutcomes {
  private readonly recent = new Map<string, RememberedOutcome>();
  private recentVersion = -1;
  private recentIndex: FacetIndex | null = null;

  constructor(private readonly enabled: boolean) {}

  /** Forgets every outcome if the facet index changed since they were remembered. */
  forgetIfChanged(facetIndex: FacetIndex): void {
    if (this.recentVersion === facetIndex.lastChange && facetIndex === this.recentIndex) return;
    this.recent.clear();
    this.recentVersion = facetIndex.lastChange;
    this.recentIndex = facetIndex;
  }

  /** The outcome remembered under `key`; `use` counts as a use, so that it is kept longest. */
  recall(key: string, { use }: { use: boolean }): RememberedOutcome | undefined {
    const known = this.enabled ? this.recent.get(key) : undefined;
    if (known && use) {
      this.recent.delete(key);
      this.recent.set(key, known);
    }
    return known;
  }

  remember(key: string, outcome: RememberedOutcome): void {
    if (!this.enabled) return;
    this.recent.set(key, outcome);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }
}
