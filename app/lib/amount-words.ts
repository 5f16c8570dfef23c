// Amounts written out in words beside their figures, as contracts and price comparisons state them: in Chinese the
// financial numerals (大写, which cannot be altered by adding a stroke), in English plain words.
import type { Language } from "./i18n";

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const SMALL_UNITS = ["", "拾", "佰", "仟"];
const LARGE_UNITS = ["", "万", "亿", "万亿"];

/** 0–9999 in financial numerals, with the zeros a reader says (1005 → 壹仟零伍), no leading zero. */
function fourDigits(value: number): string {
  let text = "";
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      if (text) pendingZero = true;
      continue;
    }
    if (pendingZero) text += "零";
    pendingZero = false;
    text += DIGITS[digit] + SMALL_UNITS[place];
  }
  return text;
}

/** A whole number of yuan in financial numerals: 50000 → 伍万, 1050000 → 壹佰零伍万. */
function chineseInteger(value: number): string {
  if (value === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let text = "";
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i];
    if (group === 0) {
      if (text) pendingZero = true;
      continue;
    }
    // A gap of zeros between groups, or a group under 1000 after a higher one, is read with one 零.
    if (text && (pendingZero || group < 1000)) text += "零";
    pendingZero = false;
    text += fourDigits(group) + LARGE_UNITS[i];
  }
  return text;
}

/** An amount in fen as a contract writes it: 5,000,000 fen → 人民币伍万元整; 12,345 fen → 人民币壹佰贰拾叁元肆角伍分. */
export function fenInChineseWords(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = yuan > 0 ? `${chineseInteger(yuan)}元` : "";
  if (jiao === 0 && cents === 0) return `人民币${text || "零元"}整`;
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (yuan > 0) text += "零";
  if (cents > 0) text += `${DIGITS[cents]}分`;
  return `人民币${text}`;
}

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES = ["", " thousand", " million", " billion"];

function englishUnderThousand(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ONES[hundreds]} hundred`);
  if (rest > 0)
    parts.push(rest < 20 ? ONES[rest] : TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${ONES[rest % 10]}` : ""));
  return parts.join(" and ");
}

/** A whole number in English words: 1,250,000 → one million two hundred and fifty thousand. */
export function integerInEnglishWords(value: number): string {
  if (value === 0) return "zero";
  const parts: string[] = [];
  for (let scale = 0, rest = value; rest > 0; scale++, rest = Math.floor(rest / 1000)) {
    const group = rest % 1000;
    if (group > 0) parts.unshift(englishUnderThousand(group) + SCALES[scale]);
  }
  return parts.join(" ");
}

/** An amount in fen in English words: 5,000,000 fen → fifty thousand yuan; 12,345 fen → one hundred and twenty-three yuan and forty-five fen. */
export function fenInEnglishWords(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  const yuanText = `${integerInEnglishWords(yuan)} yuan`;
  return cents === 0 ? yuanText : `${yuanText} and ${integerInEnglishWords(cents)} fen`;
}

export function fenInWords(fen: number, language: Language): string {
  return language === "zh" ? fenInChineseWords(fen) : fenInEnglishWords(fen);
}

const PLAIN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Up to 99 in everyday Chinese numerals (12 → 十二, 35 → 三十五). */
function plainChinese(value: number): string {
  if (value < 10) return PLAIN_DIGITS[value];
  const tens = Math.floor(value / 10);
  return `${tens === 1 ? "" : PLAIN_DIGITS[tens]}十${value % 10 ? PLAIN_DIGITS[value % 10] : ""}`;
}

/** A royalty rate in words: 350 basis points → 百分之三点五 / three point five per cent. */
export function basisPointsInWords(basisPoints: number, language: Language): string {
  const whole = Math.floor(basisPoints / 100);
  const decimals = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  if (language === "zh")
    return `百分之${plainChinese(whole)}${decimals ? `点${[...decimals].map((d) => PLAIN_DIGITS[Number(d)]).join("")}` : ""}`;
  return `${integerInEnglishWords(whole)}${decimals ? ` point ${[...decimals].map((d) => ONES[Number(d)]).join(" ")}` : ""} per cent`;
}
