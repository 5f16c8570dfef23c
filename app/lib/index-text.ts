// The text the full-text index stores (docs/decisions/002-bilingual-search.md): FTS5's unicode61 tokenizer would
// take a whole run of Chinese characters as one token, so Chinese is stored as overlapping two-character words
// (锂电池 → 锂电 电池), the CJK bigram scheme of Lucene's CJKAnalyzer. Plain text processing, registered as SQL
// functions on SQLite's connection (app/lib/db.server.ts); what a query means is app/models/search/.

const HAN_RUN = /\p{Script=Han}+/gu;

/** A run of Chinese characters as its overlapping two-character words; a lone character stays as it is. */
export function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

/** The text stored in the FTS index for one column. */
export function segmentForIndex(text: string): string {
  return text
    .replace(HAN_RUN, (run) => ` ${hanBigrams(run).join(" ")} `)
    .replace(/\s+/g, " ")
    .trim();
}

/** SQL functions on SQLite's connection (app/lib/db.server.ts): `index_text(zh, en)` is one FTS5 column's text
 * from a patent's Chinese and English columns, so the index is filled from "Patent" rows in SQL. */
export const INDEX_SQL_FUNCTIONS = {
  index_text: (zh: unknown, en: unknown) =>
    segmentForIndex(typeof en === "string" && en ? `${String(zh ?? "")} ${en}` : String(zh ?? "")),
};
