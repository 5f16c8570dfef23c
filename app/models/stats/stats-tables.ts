// The statistics' tables, built once from the figures: the dashboard renders them and the CSV export writes
// them, so what users see and what they export cannot differ.
import { formatCount, formatPercent } from "~/lib/format";
import { localized, translator, type Language, type MessageKey } from "~/lib/i18n";
import { LICENSE_KINDS, PATENT_TYPES } from "~/models/patent/vocabulary";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";
import type { TransferStatistics } from "./statistics.server";

export const STATS_TABLES = [
  "pool",
  "deals-by-year",
  "deals-by-kind",
  "universities",
  "clusters",
  "fields",
  "funnel",
] as const;
export type StatsTableId = (typeof STATS_TABLES)[number];

/** How a column's values are shown: counts and money formatted for reading, and exported as plain numbers. */
export type ColumnKind = "text" | "count" | "money" | "ratio" | "growth";
export type StatsCell = string | number | null;

export interface StatsTable {
  id: StatsTableId;
  title: string;
  columns: Array<{ label: string; kind: ColumnKind }>;
  rows: StatsCell[][];
}

type Statistics = Pick<
  TransferStatistics,
  "pool" | "byYear" | "byKind" | "universities" | "clusters" | "fields" | "funnel"
>;

/** Money in every table is in 万元 (10,000 yuan) with two decimals, the unit in the column's header: one format
 * per column, so that 1,923,279 元 and 225.2 万元 never stand in one column. */
const WAN_DIGITS = 2;

export function formatWan(fen: number, language: Language): string {
  return (fen / 1_000_000).toLocaleString(language === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: WAN_DIGITS,
    maximumFractionDigits: WAN_DIGITS,
  });
}

/** A sum of money on its own (the dashboard's cards): in 万元, or CNY million in English. */
export function formatStatsMoney(fen: number, language: Language): string {
  if (language === "zh") return `${formatWan(fen, language)} 万元`;
  return `CNY ${(fen / 100_000_000).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} million`;
}

export function buildStatsTables(stats: Statistics, language: Language): Record<StatsTableId, StatsTable> {
  const t = translator(language);
  const col = (key: MessageKey, kind: ColumnKind) => ({ label: t(key), kind });
  const dealColumns = [
    col("stats.col.deals", "count"),
    col("stats.col.value", "money"),
    col("stats.col.rankByValue", "count"),
  ];
  const kindName = (kind: string) =>
    kind === "ASSIGNMENT"
      ? t("deal.kind.ASSIGNMENT")
      : localized(
          language,
          LICENSE_KINDS[kind as keyof typeof LICENSE_KINDS].zh,
          LICENSE_KINDS[kind as keyof typeof LICENSE_KINDS].en,
        );
  const clusterName = (code: string | null) => {
    const cluster = CLUSTERS.find((c) => c.code === code);
    return cluster ? localized(language, cluster.zh, cluster.en) : t("stats.outsideClusters");
  };
  const fieldName = (code: string | null) => {
    const field = FIELDS.find((f) => f.code === code);
    return field ? localized(language, field.zh, field.en) : t("stats.outsideClusters");
  };
  const funnelStages = [stats.funnel.views, stats.funnel.requests, stats.funnel.signed, stats.funnel.paid];
  const yearLabel = (row: { year: number; through: string | null }) =>
    row.through ? t("stats.yearThrough", { year: row.year, through: row.through }) : String(row.year);
  return {
    pool: {
      id: "pool",
      title: t("stats.table.pool"),
      columns: [
        col("stats.col.type", "text"),
        col("stats.col.assessed", "count"),
        col("stats.col.transferable", "count"),
        col("stats.col.underOpenLicense", "count"),
        col("stats.col.declared", "count"),
        col("stats.col.withdrawn", "count"),
      ],
      rows: [
        ...stats.pool.map((row) => [
          localized(language, PATENT_TYPES[row.type].zh, PATENT_TYPES[row.type].en),
          row.assessed,
          row.transferable,
          row.underOpenLicense,
          row.declared,
          row.withdrawn,
        ]),
        [
          t("stats.total"),
          ...(["assessed", "transferable", "underOpenLicense", "declared", "withdrawn"] as const).map((key) =>
            stats.pool.reduce((sum, row) => sum + row[key], 0),
          ),
        ],
      ],
    },
    "deals-by-year": {
      id: "deals-by-year",
      title: t("stats.table.byYear"),
      columns: [
        col("stats.col.year", "text"),
        col("stats.col.licenses", "count"),
        col("stats.col.transfers", "count"),
        col("stats.col.deals", "count"),
        col("stats.col.value", "money"),
        col("stats.col.growth", "growth"),
      ],
      rows: stats.byYear.map((row) => [
        yearLabel(row),
        row.licenses,
        row.transfers,
        row.deals,
        row.valueFen,
        row.growth,
      ]),
    },
    "deals-by-kind": {
      id: "deals-by-kind",
      title: t("stats.table.byKind"),
      columns: [col("stats.col.kind", "text"), col("stats.col.deals", "count"), col("stats.col.value", "money")],
      rows: stats.byKind.map((row) => [kindName(row.kind), row.deals, row.valueFen]),
    },
    universities: {
      id: "universities",
      title: t("stats.table.universities"),
      columns: [
        col("stats.col.rank", "count"),
        col("stats.col.university", "text"),
        col("stats.col.licenses", "count"),
        col("stats.col.transfers", "count"),
        ...dealColumns,
        col("stats.col.grantedInventions", "count"),
        col("stats.col.industrialised", "count"),
        col("stats.col.rate", "ratio"),
      ],
      rows: stats.universities.map((u) => [
        u.rankByDeals,
        localized(language, u.name, u.nameEn),
        u.licenses,
        u.transfers,
        u.deals,
        u.valueFen,
        u.rankByValue,
        u.grantedInventions,
        u.industrialised,
        u.rate,
      ]),
    },
    clusters: {
      id: "clusters",
      title: t("stats.table.clusters"),
      columns: [col("stats.col.rank", "count"), col("stats.col.cluster", "text"), ...dealColumns],
      rows: stats.clusters.map((row) => [
        row.rankByDeals,
        clusterName(row.code),
        row.deals,
        row.valueFen,
        row.rankByValue,
      ]),
    },
    fields: {
      id: "fields",
      title: t("stats.table.fields"),
      columns: [col("stats.col.rank", "count"), col("stats.col.field", "text"), ...dealColumns],
      rows: stats.fields.map((row) => [row.rankByDeals, fieldName(row.code), row.deals, row.valueFen, row.rankByValue]),
    },
    funnel: {
      id: "funnel",
      title: t("stats.table.funnel"),
      columns: [col("stats.col.stage", "text"), col("stats.col.count", "count"), col("stats.col.conversion", "ratio")],
      // Views not recorded in the period show as "not recorded", never as 0 views before 37 requests.
      rows: (["stats.funnel.views", "stats.funnel.requests", "stats.funnel.signed", "stats.funnel.paid"] as const).map(
        (key, i) => {
          const value = funnelStages[i];
          const before = i === 0 ? null : funnelStages[i - 1];
          return [
            t(key),
            value === null ? t("stats.funnel.notRecorded") : value,
            value === null || !before ? null : value / before,
          ];
        },
      ),
    },
  };
}

/** A cell as the dashboard shows it. */
export function formatStatsCell(value: StatsCell, kind: ColumnKind, language: Language): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  if (kind === "money") return formatWan(value, language);
  if (kind === "ratio") return formatPercent(value, 2);
  if (kind === "growth") return `${value > 0 ? "+" : ""}${formatPercent(value, 1)}`;
  return formatCount(value, language);
}

/** A cell as the CSV export writes it: money in yuan (exact, for spreadsheets), ratios in per cent, both as plain
 * numbers; the header names the unit. */
export function exportStatsCell(value: StatsCell, kind: ColumnKind): StatsCell {
  if (typeof value !== "number") return value;
  if (kind === "money") return value / 100;
  if (kind === "ratio" || kind === "growth") return Math.round(value * 10_000) / 100;
  return value;
}

/** The page's column header: money columns name their unit (万元). */
export function columnHeader(column: { label: string; kind: ColumnKind }, language: Language): string {
  return column.kind === "money" ? `${column.label}${language === "zh" ? "（万元）" : " (CNY 10,000)"}` : column.label;
}

/** CSV headers carry the unit the plain numbers are in. */
export function exportHeader(column: { label: string; kind: ColumnKind }, language: Language): string {
  if (column.kind === "money") return `${column.label} (${language === "zh" ? "元" : "CNY"})`;
  if (column.kind === "ratio" || column.kind === "growth") return `${column.label} (%)`;
  return column.label;
}
