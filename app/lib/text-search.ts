// Bilingual full-text search over SQLite FTS5 (docs/decisions/002-bilingual-search.md).
// FTS5's unicode61 tokenizer would take a whole run of Chinese characters as one token, so Chinese text
// is indexed as overlapping two-character words (锂电池 → 锂电 电池), the CJK bigram scheme of Lucene's
// CJKAnalyzer: every word of two or more characters is then found as a phrase of its bigrams. English
// words go through FTS5's porter stemmer (batteries → batteri ← battery).
import { stemmer } from "stemmer";

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_CHAR = /\p{Script=Han}/u;
/** Word characters other than Chinese, as unicode61 splits them. */
const WORD = /[\p{L}\p{N}]+/gu;

export const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TERMS = 32;

function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

/** The text stored in the FTS index for one column. */
export function segmentForIndex(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${hanBigrams(run).join(" ")} `).replace(/\s+/g, " ").trim();
}

export type HighlightTerm = { kind: "han"; text: string } | { kind: "word"; stem: string; prefix: boolean };

/** One piece of a query: a Chinese run or a Latin/number word, as the FTS tokens it must match. */
interface Piece {
  tokens: string[];
  prefix: boolean;
  highlight: HighlightTerm;
}

function piecesOf(text: string, allowPrefix: boolean): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /(\p{Script=Han}+)|([\p{L}\p{N}]+)(\*?)/gu;
  for (const match of text.matchAll(pattern)) {
    const [, han, word, star] = match;
    if (han) {
      const single = [...han].length === 1;
      // A lone character can only be found as the start of a two-character word.
      pieces.push({ tokens: hanBigrams(han), prefix: single, highlight: { kind: "han", text: han } });
    } else if (word && !HAN_CHAR.test(word)) {
      const lower = word.toLowerCase();
      const prefix = allowPrefix && star === "*";
      pieces.push({ tokens: [lower], prefix, highlight: { kind: "word", stem: prefix ? lower : stemmer(lower), prefix } });
    }
  }
  return pieces;
}

/** FTS5 string literal: every token is quoted, so NEAR, AND, OR, NOT, column filters and * in the user's
 * text are never operators. */
function phrase(tokens: string[], prefix: boolean): string {
  return `"${tokens.join(" ").replace(/"/g, '""')}"${prefix ? " *" : ""}`;
}

interface QueryTerm {
  expression: string;
  negated: boolean;
  orWithPrevious: boolean;
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when the query has nothing to search for. */
  match: string | null;
  highlight: HighlightTerm[];
}

/**
 * Turns what a user typed into a safe FTS5 expression. Supported: words (all must match), "quoted
 * phrases", -exclusion, OR between two terms, and a trailing * for an English prefix.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const highlight: HighlightTerm[] = [];
  const tokenPattern = /(-?)"([^"]*)"?|(\S+)/g;
  let pendingOr = false;
  for (const match of input.normalize("NFKC").matchAll(tokenPattern)) {
    if (terms.length >= MAX_QUERY_TERMS) break;
    const [, quotedMinus, quoted, bare] = match;
    if (bare === "OR") {
      pendingOr = terms.length > 0;
      continue;
    }
    const negated = quoted !== undefined ? quotedMinus === "-" : bare.startsWith("-") && bare.length > 1;
    const text = quoted ?? (negated ? bare.slice(1) : bare);
    const pieces = piecesOf(text, quoted === undefined);
    if (pieces.length === 0) continue;
    const expression =
      quoted !== undefined
        ? phrase(pieces.flatMap((piece) => piece.tokens), false)
        : pieces.map((piece) => phrase(piece.tokens, piece.prefix)).join(" AND ");
    terms.push({ expression: pieces.length > 1 && quoted === undefined ? `(${expression})` : expression, negated, orWithPrevious: pendingOr && !negated });
    if (!negated) highlight.push(...pieces.map((piece) => piece.highlight));
    pendingOr = false;
  }

  const groups: string[][] = [];
  for (const term of terms.filter((t) => !t.negated)) {
    if (term.orWithPrevious && groups.length > 0) groups.at(-1)!.push(term.expression);
    else groups.push([term.expression]);
  }
  if (groups.length === 0) return { match: null, highlight: [] };
  const positive = groups.map((group) => (group.length > 1 ? `(${group.join(" OR ")})` : group[0])).join(" AND ");
  const negatives = terms.filter((t) => t.negated).map((t) => t.expression);
  const match = negatives.length > 0 ? `(${positive}) NOT (${negatives.join(" OR ")})` : positive;
  return { match, highlight };
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

const ENGLISH_STOPWORDS = new Set(["the", "and", "for", "with", "that", "this", "our", "are", "from", "into", "can", "need", "want", "which", "have", "has", "not", "its", "use", "using"]);
const MAX_NEED_TERMS = 64;

/**
 * A need's description as an FTS5 expression of alternatives: every two-character Chinese word and every
 * English word it contains, OR-ed, so bm25 ranks patents by how many of them (and how rare) they share.
 * A sentence is not a phrase to find, as a search is: no patent repeats a company's wording.
 */
export function needQuery(text: string): ParsedQuery {
  const tokens = new Map<string, HighlightTerm>();
  for (const piece of piecesOf(text.normalize("NFKC"), false)) {
    if (piece.highlight.kind === "han") for (const bigram of piece.tokens) tokens.set(bigram, { kind: "han", text: bigram });
    else if (piece.tokens[0].length >= 3 && !ENGLISH_STOPWORDS.has(piece.tokens[0])) tokens.set(piece.tokens[0], piece.highlight);
    if (tokens.size >= MAX_NEED_TERMS) break;
  }
  if (tokens.size === 0) return { match: null, highlight: [] };
  return { match: [...tokens.keys()].map((token) => phrase([token], false)).join(" OR "), highlight: [...tokens.values()] };
}
