import type { Language } from "./i18n";

/** Money is stored in integer fen; shown in yuan (元), with 万 for round large sums in Chinese. */
export function formatFen(fen: number, language: Language): string {
  const yuan = fen / 100;
  if (language === "zh" && yuan >= 10_000 && yuan % 100 === 0) return `${(yuan / 10_000).toLocaleString("zh-CN")} 万元`;
  return language === "zh" ? `${yuan.toLocaleString("zh-CN")} 元` : `CNY ${yuan.toLocaleString("en-US")}`;
}

export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}

export function formatPercent(ratio: number, digits = 2): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatCount(count: number, language: Language): string {
  return count.toLocaleString(language === "zh" ? "zh-CN" : "en-US");
}

/** Whole years left until an ISO date, never negative. */
export function remainingYears(isoDate: string, now = new Date()): number {
  const years = (new Date(isoDate).getTime() - now.getTime()) / (365.2425 * 86_400_000);
  return Math.max(0, Math.floor(years * 10) / 10);
}
