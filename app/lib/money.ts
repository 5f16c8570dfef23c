import type { Language } from "./i18n";

const FEN_PER_WAN = 1_000_000;

/** The largest amount a declaration, a deal, a sales report or a receipt may name: ¥1,000,000,000.00 (10 亿元), above
 * any single university patent deal on record. Amounts are integer fen in 64-bit columns (BIGINT on both databases);
 * the cap keeps each amount, and any sum the statistics add up, exact as a JavaScript number (below 2^53), and a
 * larger one is refused with its rule, never an overflow (ADR 017). */
export const MAX_AMOUNT_FEN = 100_000_000_000;

/** A money column's value as the integer fen the domain computes with. Prisma reads BIGINT columns as bigint
 * (which JSON cannot carry; a raw query's driver may give a number); every stored amount is capped far below
 * 2^53, so the number is exact. */
export function fenOf(stored: bigint | number): number;
export function fenOf(stored: bigint | number | null): number | null;
export function fenOf(stored: bigint | number | null): number | null {
  return stored === null ? null : Number(stored);
}

/** One money format for a whole block or table, so that amounts compare at a glance: 万元 with two decimals in
 * Chinese ("12.50 万元"), yuan with two decimals in English ("CNY 125,000.00"). A sum too small to show in 万元
 * says so rather than showing 0.00. */
export function formatMoney(fen: number, language: Language): string {
  if (language === "en")
    return `CNY ${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (fen > 0 && fen < FEN_PER_WAN / 200) return "< 0.01 万元";
  return `${(fen / FEN_PER_WAN).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
}

/** A whole or decimal number of yuan as integer fen, rounded to the fen (1234.5 → 123450). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen as the yuan a person would type back into a form: 123450 → "1234.5". */
export function fenToYuan(fen: number): string {
  return String(fen / 100);
}

/** Yuan as people type them ("12,345.67", "400000", "1 234.5") read exactly into fen, without floating point;
 * null for anything else (a sign, an exponent, a third decimal, more than twelve digits, nothing at all). */
export function parseYuan(text: string): number | null {
  const cleaned = text.replace(/[,，\s]/g, "");
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
