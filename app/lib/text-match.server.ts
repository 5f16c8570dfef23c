// "Contains these words, whatever their case" for the lists' search boxes, on both databases: SQLite's LIKE
// already ignores ASCII case, PostgreSQL needs Prisma's insensitive mode (which SQLite refuses).
import { sqlDialect } from "./sql-dialect.server";

export function containsText(text: string): { contains: string; mode?: "insensitive" } {
  return sqlDialect() === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text };
}

/** The search box's words: each must match somewhere (AND), at most five. */
export function searchWords(q: string): string[] {
  return q.split(/\s+/).filter(Boolean).slice(0, 5);
}
