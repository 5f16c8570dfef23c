// Bilingual full-text search over SQLite FTS5 (docs/decisions/002-bilingual-search.md).
// Chinese text is indexed as overlapping two-character words (app/lib/index-text.ts): every word of two or
// more characters is then found as a phrase of its bigrams. English words go through FTS5's porter stemmer
// (batteries → batteri ← battery). What a user's words mean (segmentation, stop words, the thesaurus) is
// ./query.server.ts; this module is PostgreSQL's index document, the query syntax of both databases and
// highlighting.
import { stemmer } from "stemmer";
import { hanBigrams, segmentForIndex } from "~/lib/index-text";

const HAN_CHAR = /\p{Script=Han}/u;
/** Word characters other than Chinese, as unicode61 splits them (CT in CT图像 is a word of its own, as the index
 * holds it). */
const WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export const MAX_QUERY_LENGTH = 200;

/** An English word as both indexes hold it: lower case, without diacritics (FTS5's remove_diacritics). */
function fold(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

const INDEX_TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
/** PostgreSQL keeps positions up to 16,383, 256 of them a lexeme, and refuses lexemes over 2 KB; nobody
 * searches for such a word. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_LEXEME_LENGTH = 200;
export type DocumentWeight = "A" | "B" | "C" | "D";

/**
 * One patent's PostgreSQL tsvector, as a literal: the tokens FTS5 indexes (two-character words for Chinese,
 * porter stems for English), each at its position so phrases match, with its column's weight. Columns are a
 * position apart, so a phrase never spans two, as in FTS5.
 */
export function postgresDocument(columns: Array<{ text: string; weight: DocumentWeight }>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { text, weight } of columns) {
    for (const [token] of segmentForIndex(text).matchAll(INDEX_TOKEN)) {
      position = Math.min(position + 1, MAX_POSITION);
      if (token.length > MAX_LEXEME_LENGTH) continue;
      const lexeme = HAN_CHAR.test(token) ? token : stemmer(fold(token));
      if (!lexeme) continue;
      let at = positions.get(lexeme);
      if (!at) positions.set(lexeme, (at = []));
      if (at.length < MAX_POSITIONS_PER_LEXEME) at.push(`${position}${weight}`);
    }
    position = Math.min(position + 1, MAX_POSITION);
  }
  return [...positions].map(([lexeme, at]) => `'${lexeme}':${at.join(",")}`).join(" ");
}

export type HighlightTerm = { kind: "han"; text: string } | { kind: "word"; stem: string; prefix: boolean };

/** One piece of a query: a Chinese run or a Latin/number word, as the index tokens it must match. */
export interface Piece {
  /** As FTS5 reads them: its porter tokenizer stems English words itself. */
  tokens: string[];
  /** As stored in PostgreSQL's index, stemmed here (a prefix is never stemmed, as in FTS5). */
  stems: string[];
  prefix: boolean;
  highlight: HighlightTerm;
}

/** The index pieces of a text: its Chinese runs (as bigrams) and its other words. */
export function piecesOf(text: string, allowPrefix: boolean): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)(\*?)/gu;
  for (const match of text.matchAll(pattern)) {
    const [, han, word, star] = match;
    if (han) {
      const single = [...han].length === 1;
      // A lone character can only be found as the start of a two-character word.
      const bigrams = hanBigrams(han);
      pieces.push({ tokens: bigrams, stems: bigrams, prefix: single, highlight: { kind: "han", text: han } });
    } else if (word && !HAN_CHAR.test(word)) {
      const lower = word.toLowerCase();
      const prefix = allowPrefix && star === "*";
      pieces.push({
        tokens: [lower],
        stems: [prefix ? fold(word) : stemmer(fold(word))],
        prefix,
        highlight: { kind: "word", stem: prefix ? lower : stemmer(lower), prefix },
      });
    }
  }
  return pieces;
}

/** The Porter stem of an English word as the index holds it (lower case, no diacritics). */
export function englishStem(word: string): string {
  return stemmer(fold(word));
}

/**
 * A full-text query as a tree, rendered to FTS5's MATCH syntax and to a PostgreSQL tsquery. A phrase is index
 * tokens in a row (a Chinese word is the phrase of its bigrams); the last token of a prefix phrase is a prefix.
 */
export type TextExpression =
  | { kind: "phrase"; pieces: Piece[]; prefix: boolean }
  | { kind: "all" | "any"; of: TextExpression[] }
  | { kind: "except"; match: TextExpression; excluded: TextExpression };

interface FullTextSyntax {
  phrase(pieces: Piece[], prefix: boolean): string;
  all: string;
  any: string;
  except(match: string, excluded: string): string;
}

/** FTS5: every token is quoted, so NEAR, AND, OR, NOT, column filters and * in the user's text are never
 * operators. */
const FTS5: FullTextSyntax = {
  phrase: (pieces, prefix) =>
    `"${pieces
      .flatMap((piece) => piece.tokens)
      .join(" ")
      .replace(/"/g, '""')}"${prefix ? " *" : ""}`,
  all: " AND ",
  any: " OR ",
  except: (match, excluded) => `(${match}) NOT (${excluded})`,
};

/** PostgreSQL tsquery: stems are letters and digits only, each quoted as a lexeme; a phrase is stems in a
 * row (<->), as FTS5's phrase is tokens in a row. */
const TSQUERY: FullTextSyntax = {
  phrase: (pieces, prefix) => {
    const stems = pieces.flatMap((piece) => piece.stems);
    return stems.map((stem, i) => `'${stem}'${prefix && i === stems.length - 1 ? ":*" : ""}`).join(" <-> ");
  },
  all: " & ",
  any: " | ",
  except: (match, excluded) => `(${match}) & !(${excluded})`,
};

function render(expression: TextExpression, syntax: FullTextSyntax, nested: boolean): string {
  switch (expression.kind) {
    case "phrase":
      return syntax.phrase(expression.pieces, expression.prefix);
    case "all":
    case "any": {
      if (expression.of.length === 1) return render(expression.of[0], syntax, nested);
      const joined = expression.of
        .map((child) => render(child, syntax, true))
        .join(expression.kind === "all" ? syntax.all : syntax.any);
      return nested ? `(${joined})` : joined;
    }
    case "except":
      return syntax.except(render(expression.match, syntax, false), render(expression.excluded, syntax, false));
  }
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when the query has nothing to search for. */
  match: string | null;
  /** The same query as a PostgreSQL tsquery over the index postgresDocument writes. */
  tsQuery: string | null;
  highlight: HighlightTerm[];
}

export const NO_QUERY: ParsedQuery = { match: null, tsQuery: null, highlight: [] };

/** A query tree as both databases' syntax. */
export function compileQuery(expression: TextExpression | null, highlight: HighlightTerm[]): ParsedQuery {
  if (!expression) return NO_QUERY;
  return { match: render(expression, FTS5, false), tsQuery: render(expression, TSQUERY, false), highlight };
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

function hitRanges(text: string, terms: HighlightTerm[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.kind !== "han") continue;
    for (let at = text.indexOf(term.text); at >= 0; at = text.indexOf(term.text, at + term.text.length)) {
      ranges.push([at, at + term.text.length]);
    }
  }
  const words = terms.filter((t): t is Extract<HighlightTerm, { kind: "word" }> => t.kind === "word");
  if (words.length > 0) {
    for (const match of text.matchAll(WORD)) {
      if (HAN_CHAR.test(match[0])) continue;
      const lower = match[0].toLowerCase();
      const stem = stemmer(lower);
      if (words.some((w) => (w.prefix ? lower.startsWith(w.stem) : stem === w.stem))) {
        ranges.push([match.index, match.index + match[0].length]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function toSegments(text: string, ranges: Array<[number, number]>, from: number, to: number): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(Math.max(start, at), Math.min(end, to)), hit: true });
    at = Math.min(end, to);
  }
  if (at < to) segments.push({ text: text.slice(at, to), hit: false });
  return segments;
}

/** The whole text with its matches marked. */
export function highlight(text: string, terms: HighlightTerm[]): TextSegment[] {
  return toSegments(text, hitRanges(text, terms), 0, text.length);
}

/** A window of about `length` characters around the first match, with its matches marked. */
export function snippet(text: string, terms: HighlightTerm[], length = 120): { segments: TextSegment[]; hit: boolean } {
  const ranges = hitRanges(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
  const end = Math.min(text.length, start + length);
  const segments = toSegments(text, ranges, start, end);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (end < text.length) segments.push({ text: "…", hit: false });
  return { segments, hit: ranges.length > 0 };
}
