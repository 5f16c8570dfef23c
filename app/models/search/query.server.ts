// Query understanding (docs/decisions/013-query-understanding.md), the one place that decides what a user's or a
// need's words mean for the search page, the JSON API, saved searches, similar patents and needs:
// - Chinese runs are cut into words by jieba (its dictionary plus the thesaurus's words); each word is then
//   found as the phrase of the index's two-character words (ADR 002), so 柑橘保鲜 finds 柑橘的保鲜;
// - words that carry no subject (如何, 基于, 的, how, for, method…) need not match; weak verbs (降低, 提高,
//   reduce…) need not either, unless the query has nothing else;
// - every word is searched with its thesaurus alternatives (噪音 → 噪音|噪声|降噪|noise…);
// - "quotes", -exclusion, OR and therm* keep their meaning, and a quoted phrase is searched exactly as typed.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import {
  compileQuery,
  NO_QUERY,
  piecesOf,
  type HighlightTerm,
  type ParsedQuery,
  type TextExpression,
} from "./text-search";
import { LONGEST_ENGLISH_ENTRY, thesaurus, thesaurusKey } from "./thesaurus.server";

/** Words that never carry a query's subject: question words, particles, patent boilerplate, generic nouns. */
export const STOP_WORDS = new Set([
  // Chinese
  "如何",
  "怎样",
  "怎么",
  "怎么样",
  "什么",
  "哪些",
  "哪种",
  "是否",
  "能否",
  "可以",
  "能够",
  "可",
  "求",
  "基于",
  "一种",
  "一类",
  "一个",
  "这种",
  "该",
  "其",
  "及其",
  "所述",
  "用于",
  "用",
  "对于",
  "对",
  "关于",
  "通过",
  "利用",
  "采用",
  "使用",
  "以及",
  "或者",
  "和",
  "与",
  "及",
  "或",
  "并",
  "且",
  "在",
  "中",
  "上",
  "下",
  "内",
  "等",
  "之",
  "为",
  "把",
  "被",
  "将",
  "从",
  "由",
  "以",
  "于",
  "是",
  "有",
  "的",
  "地",
  "得",
  "了",
  "着",
  "过",
  "吗",
  "呢",
  "吧",
  "啊",
  "个",
  "种",
  "些",
  "一",
  "时",
  "后",
  "前",
  "里",
  "处",
  "者",
  "们",
  "各",
  "每",
  "此",
  "即",
  "所",
  "而",
  "则",
  "就",
  "也",
  "都",
  "还",
  "又",
  "很",
  "我",
  "你",
  "您",
  "想",
  "找",
  "要",
  "请",
  "帮",
  "会",
  "应",
  "能",
  "我想",
  "想要",
  "希望",
  "请问",
  "有没有",
  "哪里",
  "哪个",
  "方法",
  "装置",
  "系统",
  "设备",
  "工艺",
  "技术",
  "方案",
  "问题",
  "我们",
  "我司",
  "需要",
  "寻找",
  "寻求",
  "相关",
  "有关",
  // English
  "how",
  "what",
  "which",
  "who",
  "why",
  "is",
  "are",
  "be",
  "can",
  "could",
  "do",
  "does",
  "to",
  "for",
  "the",
  "a",
  "an",
  "of",
  "and",
  "or",
  "in",
  "on",
  "at",
  "by",
  "with",
  "from",
  "into",
  "onto",
  "using",
  "use",
  "used",
  "based",
  "via",
  "its",
  "it",
  "that",
  "this",
  "these",
  "those",
  "my",
  "our",
  "we",
  "i",
  "need",
  "want",
  "find",
  "looking",
  "way",
  "ways",
  "method",
  "methods",
  "system",
  "systems",
  "device",
  "devices",
  "apparatus",
  "equipment",
  "technology",
  "technique",
  "solution",
  "process",
]);

/**
 * Verbs of intent. They say what the user wants done (降低电机噪音: less noise) but patents word the same aim
 * in many ways (低噪声, 降噪, 减小噪声, noise suppression), so requiring the verb would lose most answers: they
 * need not match. A query of weak words only (降低) searches them.
 */
export const WEAK_WORDS = new Set([
  "降低",
  "减少",
  "减小",
  "减轻",
  "降",
  "提高",
  "提升",
  "增加",
  "增强",
  "加强",
  "改善",
  "改进",
  "优化",
  "解决",
  "实现",
  "避免",
  "防止",
  "reduce",
  "reducing",
  "reduction",
  "lower",
  "lowering",
  "decrease",
  "improve",
  "improving",
  "improvement",
  "increase",
  "increasing",
  "enhance",
  "enhancing",
  "enhancement",
  "optimize",
  "optimise",
  "optimization",
  "optimisation",
  "avoid",
  "prevent",
]);

/** Words a technology need is full of that say nothing about its subject; never a need's reason either. */
const NEED_FILLER = new Set([
  "控制",
  "工作",
  "产品",
  "公司",
  "企业",
  "客户",
  "目前",
  "现有",
  "进行",
  "开发",
  "研发",
  "合作",
  "应用",
  "提供",
  "希望",
  "要求",
  "能力",
  "效果",
  "性能",
  "质量",
  "成本",
  "效率",
  "生产",
  "项目",
  "领域",
  "行业",
  "市场",
  "服务",
  "具有",
  "包括",
  "存在",
  "较大",
  "较高",
  "较低",
  "更好",
  "明显",
  "主要",
  "相应",
  "实际",
  "同时",
  "以上",
  "以下",
  "左右",
  "之间",
  "研究",
  "设计",
  "制造",
  "制备",
  "control",
  "product",
  "company",
  "customer",
  "current",
  "develop",
  "development",
  "research",
  "provide",
  "performance",
  "quality",
  "cost",
  "efficiency",
  "production",
  "project",
  "field",
  "industry",
  "market",
]);

/** A query about how a product looks: only then may design patents rank with inventions. */
const APPEARANCE_WORDS = new Set([
  "外观",
  "造型",
  "外形",
  "外观设计",
  "形状",
  "图案",
  "款式",
  "装饰",
  "appearance",
  "design",
  "designs",
  "shape",
  "ornamental",
  "look",
]);

/** Concepts a search looks for at most; the rest of a long query is listed as not searched. */
export const MAX_QUERY_WORDS = 10;
const MAX_NEED_WORDS = 24;
/** Frequency given to thesaurus words the segmenter's dictionary lacks: that of a common noun. */
const ADDED_WORD_FREQUENCY = 2000;

let jieba: Jieba | null = null;
const timing = { understood: 0, understandMs: 0, segmentMs: 0, loadMs: 0 };

/** jieba with its dictionary, loaded once per process (about 0.4 s), and the thesaurus's words it lacks. */
function segmenter(): Jieba {
  if (jieba) return jieba;
  const started = performance.now();
  const loaded = Jieba.withDict(dict);
  const missing = thesaurus.chineseEntries.filter((word) => loaded.cut(word, false).length > 1);
  if (missing.length > 0)
    loaded.loadDict(Buffer.from(missing.map((word) => `${word} ${ADDED_WORD_FREQUENCY} n`).join("\n")));
  timing.loadMs += performance.now() - started;
  return (jieba = loaded);
}

/** Time spent understanding queries and, within it, segmenting them (bench:search prints its share), apart
 * from loading the segmenter's dictionary once. */
export function queryUnderstandingTime(): { queries: number; ms: number; segmentMs: number; dictionaryLoadMs: number } {
  return {
    queries: timing.understood,
    ms: timing.understandMs - timing.loadMs,
    segmentMs: timing.segmentMs,
    dictionaryLoadMs: timing.loadMs,
  };
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const isHan = (word: string) => HAN_ONLY.test(word);

/**
 * A Chinese run cut into words. Characters jieba leaves alone are joined to their neighbours (热|管理 → 热管理,
 * 智能网|联 → 智能网联), since a single character matches too much, unless they are particles (的, 与).
 */
export function segmentChinese(run: string): string[] {
  const loaded = segmenter();
  const started = performance.now();
  const cut = loaded.cut(run, false);
  timing.segmentMs += performance.now() - started;
  const words: string[] = [];
  // Runs of lone characters first become one word (unknown names: 梯|次 → 梯次).
  for (const word of cut) {
    const previous = words.at(-1);
    if (
      [...word].length === 1 &&
      !STOP_WORDS.has(word) &&
      previous &&
      [...previous].length === 1 &&
      !STOP_WORDS.has(previous)
    ) {
      words[words.length - 1] = previous + word;
    } else words.push(word);
  }
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if ([...word].length > 1 || STOP_WORDS.has(word)) {
      merged.push(word);
      continue;
    }
    const previous = merged.at(-1);
    const next = words[i + 1];
    const backward = previous !== undefined && !STOP_WORDS.has(previous);
    const forward = next !== undefined && !STOP_WORDS.has(next);
    // The dictionary knows the joined word (智能网联), else a suffix (稳定性, 折叠式) joins what precedes it, and
    // any other character what follows it, which it most often qualifies (肺|结节, 热|管理).
    const known = (joined: string) => loaded.cut(joined, false).length === 1;
    const joinBackward =
      backward && (!forward || known(previous + word) || (!known(word + next) && SUFFIXES.has(word)));
    if (joinBackward) merged[merged.length - 1] = previous + word;
    else if (forward) {
      merged.push(word + next);
      i++;
    } else merged.push(word);
  }
  return merged;
}

/** Characters that end a word (稳定性, 智能化, 折叠式, 新型, 效率, 温度, 传感器, 催化剂…). */
const SUFFIXES = new Set([..."性化式型率度器机剂法品物体件仪线网联量值"]);

/** One concept of a query: a word as the user typed it, searched as any of its alternatives. */
export interface QueryWord {
  label: string;
  /** What is searched for it: the thesaurus group(s) holding the word, the word itself first. */
  alternatives: string[];
  expression: TextExpression;
  highlight: HighlightTerm[];
}

function phraseOf(
  text: string,
  allowPrefix = false,
): { expression: TextExpression; highlight: HighlightTerm[] } | null {
  const pieces = piecesOf(text, allowPrefix);
  if (pieces.length === 0) return null;
  const prefix = pieces.length === 1 && pieces[0].prefix;
  return { expression: { kind: "phrase", pieces, prefix }, highlight: pieces.map((piece) => piece.highlight) };
}

/** Whether every text that contains `word` contains `part` too, as the index matches them. */
function contains(word: string, part: string): boolean {
  if (isHan(word) && isHan(part)) return part.length >= 2 && word.includes(part);
  if (isHan(word) || isHan(part)) return false;
  return ` ${thesaurusKey(word)} `.includes(` ${thesaurusKey(part)} `);
}

/** An English prefix (therm*): searched as typed, never expanded. */
function prefixWord(text: string): QueryWord | null {
  const phrase = phraseOf(`${text}*`, true);
  return phrase ? { label: `${text}*`, alternatives: [`${text}*`], ...phrase } : null;
}

/** A word with its thesaurus alternatives. */
function wordOf(label: string, expand: boolean): QueryWord | null {
  const alternatives = [label];
  const keys = new Set([thesaurusKey(label)]);
  for (const alternative of expand ? thesaurus.alternativesOf(label) : []) {
    const key = thesaurusKey(alternative);
    if (!keys.has(key)) {
      alternatives.push(alternative);
      keys.add(key);
    }
  }
  // An alternative containing another one finds nothing more (蓄电池 beside 电池, noise reduction beside noise):
  // left out of the query, which costs FTS5 a doclist a phrase.
  const searched = alternatives.filter(
    (alternative) => !alternatives.some((other) => other !== alternative && contains(alternative, other)),
  );
  const phrases = searched.flatMap((alternative) => phraseOf(alternative) ?? []);
  if (phrases.length === 0) return null;
  return {
    label,
    alternatives,
    expression:
      phrases.length === 1 ? phrases[0].expression : { kind: "any", of: phrases.map((phrase) => phrase.expression) },
    highlight: phrases.flatMap((phrase) => phrase.highlight),
  };
}

type WordKind = "subject" | "weak" | "stop";
interface RawWord {
  text: string;
  kind: WordKind;
  /** An English word with a trailing *: searched as a prefix, never expanded. */
  prefix: boolean;
}

function kindOf(word: string): WordKind {
  const key = isHan(word) ? word : word.toLowerCase();
  if (STOP_WORDS.has(key)) return "stop";
  if (WEAK_WORDS.has(key)) return "weak";
  return "subject";
}

/** A bare (unquoted) piece of text as words: Chinese runs segmented, English words kept, in order. */
function wordsOf(text: string, allowPrefix: boolean): RawWord[] {
  const words: RawWord[] = [];
  for (const match of text.matchAll(/(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)(\*?)/gu)) {
    const [, han, word, star] = match;
    if (han)
      for (const segment of segmentChinese(han)) words.push({ text: segment, kind: kindOf(segment), prefix: false });
    else if (word) words.push({ text: word, kind: kindOf(word), prefix: allowPrefix && star === "*" });
  }
  return words;
}

/** Consecutive English words that form a thesaurus phrase (electric motors, noise reduction) become one word. */
function joinEnglishPhrases(words: RawWord[]): RawWord[] {
  const joined: RawWord[] = [];
  for (let i = 0; i < words.length; i++) {
    let taken = 1;
    for (let length = Math.min(LONGEST_ENGLISH_ENTRY, words.length - i); length >= 2; length--) {
      const run = words.slice(i, i + length);
      if (run.some((word) => isHan(word.text) || word.prefix)) continue;
      if (thesaurus.hasEnglishEntry(thesaurusKey(run.map((word) => word.text).join(" ")))) {
        joined.push({ text: run.map((word) => word.text).join(" "), kind: "subject", prefix: false });
        taken = length;
        break;
      }
    }
    if (taken === 1) joined.push(words[i]);
    i += taken - 1;
  }
  return joined;
}

/** The words to search among these: the subject words, else the weak ones, else all (a search for 方法). */
function searchedWords(words: RawWord[]): { searched: RawWord[]; ignored: RawWord[] } {
  const subject = words.filter((word) => word.kind === "subject");
  if (subject.length > 0) return { searched: subject, ignored: words.filter((word) => word.kind !== "subject") };
  const weak = words.filter((word) => word.kind === "weak");
  if (weak.length > 0) return { searched: weak, ignored: words.filter((word) => word.kind === "stop") };
  return { searched: words, ignored: [] };
}

export interface QueryUnderstanding {
  /** The concepts every exact result contains, in the query's order. */
  words: QueryWord[];
  /** Words not searched: stop words, weak verbs, words past MAX_QUERY_WORDS. */
  ignored: string[];
  /** All the words (and none of the excluded): the exact results. */
  strict: ParsedQuery;
  /** Each word alone, without the excluded: how much of the query a patent covers. */
  each: ParsedQuery[];
  /** Any of the words, without the excluded: ranks partial matches. */
  any: ParsedQuery;
  highlight: HighlightTerm[];
  /** The query is about how a product looks (外观, design): design patents rank with the others. */
  aboutAppearance: boolean;
}

const NOTHING: QueryUnderstanding = {
  words: [],
  ignored: [],
  strict: NO_QUERY,
  each: [],
  any: NO_QUERY,
  highlight: [],
  aboutAppearance: false,
};

interface LexedTerm {
  text: string;
  quoted: boolean;
  negated: boolean;
  orWithPrevious: boolean;
}

/** The user's text as terms: words, "quoted phrases", -exclusions, OR between two terms. */
function lex(input: string): LexedTerm[] {
  const terms: LexedTerm[] = [];
  let pendingOr = false;
  for (const match of input.normalize("NFKC").matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const [, quotedMinus, quoted, bare] = match;
    if (bare === "OR") {
      pendingOr = terms.length > 0;
      continue;
    }
    const negated = quoted !== undefined ? quotedMinus === "-" : bare.startsWith("-") && bare.length > 1;
    const text = quoted ?? (negated ? bare.slice(1) : bare);
    if (piecesOf(text, false).length === 0) continue;
    terms.push({ text, quoted: quoted !== undefined, negated, orWithPrevious: pendingOr && !negated });
    pendingOr = false;
  }
  return terms;
}

function understand(input: string): QueryUnderstanding {
  const terms = lex(input);
  const words: QueryWord[] = [];
  const ignored: string[] = [];
  const excluded: TextExpression[] = [];
  let aboutAppearance = false;
  const noteAppearance = (raw: RawWord[]) => {
    if (raw.some((word) => APPEARANCE_WORDS.has(word.text.toLowerCase()))) aboutAppearance = true;
  };
  const add = (word: QueryWord | null, label: string) => {
    if (!word) return;
    if (words.length >= MAX_QUERY_WORDS) ignored.push(label);
    else if (!words.some((known) => known.label === word.label)) words.push(word);
  };

  // Plain words of consecutive terms are read together, so English phrases can span spaces.
  let run: RawWord[] = [];
  const flush = () => {
    const { searched, ignored: dropped } = searchedWords(joinEnglishPhrases(run));
    noteAppearance(run);
    ignored.push(...dropped.map((word) => word.text));
    for (const word of searched)
      add(word.prefix ? prefixWord(word.text) : searchWordOf(word.text), word.prefix ? `${word.text}*` : word.text);
    run = [];
  };

  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    if (term.negated) {
      // An exclusion is taken literally: the user named what to leave out.
      const phrase = term.quoted ? phraseOf(term.text) : null;
      const parts = term.quoted
        ? []
        : piecesOf(term.text, false).map(
            (piece) => ({ kind: "phrase", pieces: [piece], prefix: piece.prefix }) as TextExpression,
          );
      excluded.push(phrase ? phrase.expression : parts.length === 1 ? parts[0] : { kind: "all", of: parts });
      continue;
    }
    const group = [term];
    while (terms[i + 1]?.orWithPrevious) group.push(terms[++i]);
    if (group.length === 1 && !term.quoted) {
      run.push(...wordsOf(term.text, true));
      continue;
    }
    flush();
    if (group.length === 1) {
      // A quoted phrase: exactly these words in this order, as typed.
      const phrase = phraseOf(term.text);
      if (phrase) add({ label: `"${term.text}"`, alternatives: [term.text], ...phrase }, `"${term.text}"`);
      continue;
    }
    // Explicit OR: one concept, any of the terms (each with all of its words).
    const clauses: TextExpression[] = [];
    const highlight: HighlightTerm[] = [];
    const alternatives: string[] = [];
    for (const member of group) {
      if (member.quoted) {
        const phrase = phraseOf(member.text);
        if (phrase) {
          clauses.push(phrase.expression);
          highlight.push(...phrase.highlight);
          alternatives.push(member.text);
        }
        continue;
      }
      const raw = joinEnglishPhrases(wordsOf(member.text, true));
      noteAppearance(raw);
      const memberWords = searchedWords(raw).searched.flatMap(
        (word) => (word.prefix ? prefixWord(word.text) : searchWordOf(word.text)) ?? [],
      );
      if (memberWords.length === 0) continue;
      clauses.push(
        memberWords.length === 1
          ? memberWords[0].expression
          : { kind: "all", of: memberWords.map((word) => word.expression) },
      );
      highlight.push(...memberWords.flatMap((word) => word.highlight));
      alternatives.push(...memberWords.flatMap((word) => word.alternatives));
    }
    const label = group.map((member) => (member.quoted ? `"${member.text}"` : member.text)).join(" OR ");
    if (clauses.length > 0)
      add(
        {
          label,
          alternatives,
          expression: clauses.length === 1 ? clauses[0] : { kind: "any", of: clauses },
          highlight,
        },
        label,
      );
  }
  flush();

  if (words.length === 0) return { ...NOTHING, ignored };
  const exclusion: TextExpression | null =
    excluded.length === 0 ? null : excluded.length === 1 ? excluded[0] : { kind: "any", of: excluded };
  const without = (expression: TextExpression): TextExpression =>
    exclusion ? { kind: "except", match: expression, excluded: exclusion } : expression;
  const highlight = words.flatMap((word) => word.highlight);
  return {
    words,
    ignored: [...new Set(ignored)],
    strict: compileQuery(without({ kind: "all", of: words.map((word) => word.expression) }), highlight),
    each: words.map((word) => compileQuery(without(word.expression), word.highlight)),
    any: compileQuery(without({ kind: "any", of: words.map((word) => word.expression) }), highlight),
    highlight,
    aboutAppearance,
  };
}

const UNDERSTOOD_LIMIT = 1000;
const understood = new Map<string, QueryUnderstanding>();

/**
 * What a search's text means. Remembered per text (the last thousand), so a popular query is segmented once.
 * Supported: words (all must match), "quoted phrases", -exclusion, OR between two terms, a trailing * for an
 * English prefix.
 */
export function understandQuery(input: string): QueryUnderstanding {
  const known = understood.get(input);
  if (known) return known;
  const started = performance.now();
  const result = understand(input);
  timing.understood++;
  timing.understandMs += performance.now() - started;
  understood.set(input, result);
  if (understood.size > UNDERSTOOD_LIMIT) understood.delete(understood.keys().next().value!);
  return result;
}

/** Prefix terms (therm*) a query may hold, and the letters each needs. FTS5 answers a prefix by merging every
 * indexed word it begins, so its cost grows with the rows those words are in: at the default pool con* reads
 * 29,000 rows, a* every patent; in the scale-36 pool comp* reads a million (ADR 011). */
export const MAX_PREFIX_TERMS = 2;
export const MIN_PREFIX_LETTERS = 3;

/** Why a query would cost more than a search may spend (a 400 with this message), or null. */
export function queryCostIssue(
  understanding: QueryUnderstanding,
): { key: "search.tooManyPrefixes" | "search.prefixTooShort"; values: Record<string, number> } | null {
  // A lone Chinese character is searched as the prefix of the index's two-character words, which are few: it
  // is not a typed prefix and costs what a word does.
  const prefixes = [...(understanding.strict.match ?? "").matchAll(/"([^"]*)" \*/g)]
    .map((match) => match[1].split(" ").at(-1) ?? "")
    .filter((prefix) => !/\p{Script=Han}/u.test(prefix));
  if (prefixes.length > MAX_PREFIX_TERMS) return { key: "search.tooManyPrefixes", values: { max: MAX_PREFIX_TERMS } };
  if (prefixes.some((prefix) => [...prefix].length < MIN_PREFIX_LETTERS)) {
    return { key: "search.prefixTooShort", values: { min: MIN_PREFIX_LETTERS } };
  }
  return null;
}

/** A search's text as the query every exact result matches (saved searches, alerts). */
export function searchQuery(input: string): ParsedQuery {
  return understandQuery(input).strict;
}

export interface SubjectQuery {
  /** Any of the subject words: bm25 ranks patents by how many (and how rare) they share. */
  query: ParsedQuery;
  words: QueryWord[];
}

function anyOfWords(words: QueryWord[]): SubjectQuery {
  if (words.length === 0) return { query: NO_QUERY, words };
  return {
    query: compileQuery(
      { kind: "any", of: words.map((word) => word.expression) },
      words.flatMap((word) => word.highlight),
    ),
    words,
  };
}

/**
 * A technology need's subject: its words, segmented, without stop words, weak verbs and a need's filler
 * (控制, 需要, 产品…), each with its thesaurus alternatives. A sentence is not a phrase to find: no patent
 * repeats a company's wording.
 */
export function subjectWords(text: string, limit = MAX_NEED_WORDS): QueryWord[] {
  const raw = joinEnglishPhrases(wordsOf(text.normalize("NFKC"), false));
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const word of raw) {
    const key = thesaurusKey(word.text);
    if (
      word.kind !== "subject" ||
      NEED_FILLER.has(isHan(word.text) ? word.text : word.text.toLowerCase()) ||
      seen.has(key)
    )
      continue;
    // A lone Latin letter or a short number says nothing.
    if (!isHan(word.text) && word.text.length < 3 && !thesaurus.alternativesOf(word.text).length) continue;
    seen.add(key);
    const understoodWord = wordOf(word.text, true);
    if (understoodWord) words.push(understoodWord);
    if (words.length >= limit) break;
  }
  return words;
}

/**
 * The head of a compound word, the thing it names (轮毂电机 → 电机, 锂离子电池 → 电池, 工业机器人 → 机器人): the
 * last of the dictionary words that tile it exactly. Null when the word has none (摩托车: 摩托|托车 overlap).
 */
export function compoundHead(word: string): string | null {
  return compoundParts(word)?.at(-1) ?? null;
}

/** The dictionary words that tile a compound exactly (自动识别 → 自动, 识别), or null. */
function compoundParts(word: string): string[] | null {
  if (!isHan(word) || word.length < 3) return null;
  const parts = segmenter()
    .cutForSearch(word, false)
    .filter((part) => part !== word && part.length >= 2);
  // Walk from the start, always taking the longest part that begins where the last one ended.
  const tiles: string[] = [];
  for (let at = 0; at < word.length;) {
    const next = parts.filter((part) => word.startsWith(part, at)).sort((a, b) => b.length - a.length)[0];
    if (!next) return null;
    tiles.push(next);
    at += next.length;
  }
  return tiles;
}

/**
 * A query word as searched: with its thesaurus alternatives; a long compound the thesaurus does not know
 * (自动识别, 表面处理) as all of its parts, each with its alternatives, since patents split such compounds (自动
 * 进行识别) more often than they repeat them.
 */
function searchWordOf(label: string): QueryWord | null {
  const parts = label.length >= 4 && thesaurus.alternativesOf(label).length === 0 ? compoundParts(label) : null;
  if (!parts) return wordOf(label, true);
  const words = parts.flatMap((part) => wordOf(part, true) ?? []);
  return {
    label,
    alternatives: [label],
    expression: { kind: "all", of: words.map((word) => word.expression) },
    highlight: words.flatMap((word) => word.highlight),
  };
}

/**
 * Which alternative of a word a text contains, as the index would match it (a Chinese word as a substring, an
 * English word or phrase by its stems in a row), or null: the whole word, never a fragment of it. For reasons
 * and for scoring a few texts; make one finder per text.
 */
export function wordFinder(text: string): (word: QueryWord) => string | null {
  const folded = text.normalize("NFKC");
  let stems: string | null = null;
  return (word) => {
    for (const alternative of word.alternatives) {
      if (HAN_ANYWHERE.test(alternative)) {
        if (folded.includes(alternative)) return alternative;
        continue;
      }
      stems ??= ` ${thesaurusKey(folded.replace(/\p{Script=Han}+/gu, " "))} `;
      if (stems.includes(` ${thesaurusKey(alternative)} `)) return alternative;
    }
    return null;
  };
}
const HAN_ANYWHERE = /\p{Script=Han}/u;

/** A need's text as a query of alternatives (see subjectWords). */
export function subjectQuery(text: string): SubjectQuery {
  return anyOfWords(subjectWords(text));
}

/** A patent's keywords (each a whole word or phrase, with its alternatives): its similar patents' query. */
export function keywordQuery(keywords: string[]): SubjectQuery {
  const words: QueryWord[] = [];
  for (const keyword of keywords) {
    const word = wordOf(keyword.replace(/"/g, "").trim(), true);
    if (word && !words.some((known) => known.label === word.label)) words.push(word);
  }
  return anyOfWords(words);
}
