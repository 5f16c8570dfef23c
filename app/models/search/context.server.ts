// What a patent search holds for one database (built by ./service.server.ts, read by the search and by
// ./similar.server.ts).
import type { PrismaClient } from "~/lib/db.server";
import type { FacetIndex } from "./facet-index.server";
import type { TextIndex } from "./full-text.server";
import type { RankingBounds } from "./ranking.server";
import type { RecentOutcomes } from "./recent-outcomes.server";

export interface SearchContext {
  db: PrismaClient;
  text: TextIndex;
  /** The facet index, caught up with every committed change. */
  currentIndex: () => Promise<FacetIndex>;
  ranking: RankingBounds;
  outcomes: RecentOutcomes;
  /** What one search may spend (SEARCH_TIME_BUDGET_MS); none: no limit. */
  timeBudgetMs?: number;
}
