// Full-text queries over "PatentSearch" (./patent-index.server.ts): FTS5 with bm25 on SQLite, tsvector with
// ts_rank on PostgreSQL. Both take the same parsed query (./query.server.ts, rendered by ./text-search.ts).
import { Prisma } from "~/generated/prisma/client";
import { sideReaderOf, type PrismaClient } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { sqlDialect } from "~/lib/sql-dialect.server";
import type { ParsedQuery } from "./text-search";

type Db = PrismaClient | Prisma.TransactionClient;

/** Column weights for bm25: title, abstract, claim, keywords. The title and the claim say what is protected;
 * an abstract is mostly boilerplate (本发明公开了…, 立体图), and keywords are a loose list that repeats a
 * subject's synonyms (柑橘; 柑桔; 脐橙), each of which the thesaurus searches: both weigh least (ADR 013). */
const BM25_WEIGHTS = "10.0, 2.0, 3.0, 2.0";
/** The same weights for ts_rank, in its order D (claim), C (abstract), B (keywords), A (title), scaled to 1. */
const TS_RANK_WEIGHTS = Prisma.raw("'{0.3, 0.2, 0.2, 1.0}'");

/** SQLite's ranking among the newest matches; parameters: the MATCH expression, how many of the newest, how many
 * of their best. A statement of its own so that the side reader (rankedAlongside) can run it too. */
const SQLITE_RANKED_NEWEST = `
  WITH newest AS MATERIALIZED (
    SELECT rowid AS id, bm25("PatentSearch", ${BM25_WEIGHTS}) AS score FROM "PatentSearch" WHERE "PatentSearch" MATCH ?
    ORDER BY rowid DESC LIMIT ?),
  ranked AS MATERIALIZED (SELECT id FROM newest ORDER BY score, id LIMIT ?)
  SELECT group_concat(id) AS hits FROM ranked`;

/** The ids of a comma-separated list, parsed by hand: `split(",").map(Number)` takes ten times as long on
 * the hundreds of thousands of ids a common word matches. */
function parseIdList(hits: string | null | undefined): Int32Array {
  if (!hits) return new Int32Array(0);
  const ids = new Int32Array((hits.length >> 1) + 1);
  let count = 0;
  let id = 0;
  for (let i = 0; i < hits.length; i++) {
    const char = hits.charCodeAt(i);
    if (char === 44 /* , */) {
      ids[count++] = id;
      id = 0;
    } else id = id * 10 + char - 48;
  }
  ids[count++] = id;
  return ids.subarray(0, count);
}

/** Every patent the query matches, by ascending id. The ids come back as one concatenated string: a row per
 * match would cost more in the driver than the search itself. */
export async function fullTextMatches(db: Db, query: ParsedQuery): Promise<Int32Array> {
  if (!query.match) return new Int32Array(0);
  const [row] =
    sqlDialect() === "postgresql"
      ? await db.$queryRaw<Array<{ hits: string | null }>>`
          SELECT string_agg("id"::text, ',' ORDER BY "id") AS hits FROM "PatentSearch" WHERE "document" @@ CAST(${query.tsQuery} AS tsquery)`
      : await db.$queryRaw<Array<{ hits: string | null }>>`
          SELECT group_concat(rowid) AS hits FROM "PatentSearch" WHERE "PatentSearch" MATCH ${query.match}`;
  return parseIdList(row?.hits);
}

/** The `limit` best matches, best first (ties by id); with `newest`, among the `newest` most recently added
 * matches only (highest ids: FTS5 walks the matches by descending rowid and stops there, so it scores no
 * others). */
export async function rankedFullTextMatches(
  db: Db,
  query: ParsedQuery,
  limit: number,
  newest?: number,
): Promise<number[]> {
  if (!query.match) return [];
  const [row] =
    sqlDialect() === "postgresql"
      ? await db.$queryRaw<Array<{ hits: string | null }>>`
          WITH matches AS MATERIALIZED (
            SELECT "id", ts_rank(${TS_RANK_WEIGHTS}, "document", q) AS "rank"
            FROM "PatentSearch", CAST(${query.tsQuery} AS tsquery) q WHERE "document" @@ q
            ORDER BY "id" DESC LIMIT ${newest ?? null}),
          ranked AS MATERIALIZED (SELECT "id", "rank" FROM matches ORDER BY "rank" DESC, "id" LIMIT ${limit})
          SELECT string_agg("id"::text, ',' ORDER BY "rank" DESC, "id") AS hits FROM ranked`
      : newest === undefined
        ? await db.$queryRaw<Array<{ hits: string | null }>>`
            WITH ranked AS MATERIALIZED (
              SELECT rowid AS id FROM "PatentSearch" WHERE "PatentSearch" MATCH ${query.match}
              ORDER BY bm25("PatentSearch", ${Prisma.raw(BM25_WEIGHTS)}), rowid LIMIT ${limit})
            SELECT group_concat(id) AS hits FROM ranked`
        : await db.$queryRawUnsafe<Array<{ hits: string | null }>>(SQLITE_RANKED_NEWEST, query.match, newest, limit);
  return Array.from(parseIdList(row?.hits));
}

/** The full-text queries as a search asks them of one database. */
export interface TextIndex {
  /** Every patent the text query matches, by ascending id. */
  matches(query: ParsedQuery): Promise<Int32Array>;
  /** The `limit` best matches by relevance, best first; with `newest`, among the `newest` most recently added
   * matches only. */
  ranked(query: ParsedQuery, limit: number, newest?: number): Promise<number[]>;
  /** `ranked` on a connection of its own, to run while this one finds the matches: SQLite's side reader or
   * another of PostgreSQL's pooled connections. null when none is ready: the caller ranks afterwards instead.
   * Its errors are the driver's own (the caller that needs the ranking asks `ranked` again). */
  rankedAlongside(query: ParsedQuery, limit: number, newest: number): Promise<number[]> | null;
}

export function textIndexOf(db: PrismaClient): TextIndex {
  return {
    matches: (query) => refusingUnparsable(() => fullTextMatches(db, query)),
    ranked: (query, limit, newest) => refusingUnparsable(() => rankedFullTextMatches(db, query, limit, newest)),
    rankedAlongside: (query, limit, newest) => {
      if (!query.match) return null;
      if (sqlDialect() === "postgresql") return rankedFullTextMatches(db, query, limit, newest);
      const row = sideReaderOf(db)?.get(SQLITE_RANKED_NEWEST, [query.match, newest, limit]);
      return row ? row.then((found) => Array.from(parseIdList(found?.hits as string | null | undefined))) : null;
    },
  };
}

/** FTS5 may still refuse a query parseSearchQuery built (it only emits quoted terms): the user gets a 400. */
async function refusingUnparsable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new DomainError("INVALID_QUERY", "search.err.unparsable", { cause: error });
  }
}
