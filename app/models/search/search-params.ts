// The search state, as it stands in the URL of /patents and of GET /api/v1/patents: one schema for both.
// Server-side only (zod stays out of the browser bundle); the URL helpers are in search-url.ts.
import { z } from "zod";
import { messageKey } from "~/lib/i18n";
import {
  FEE_MODEL_CODES,
  IPC_SECTIONS,
  LEGAL_STATUS_CODES,
  PATENT_TYPE_CODES,
  REMAINING_TERM_CODES,
} from "~/models/patent/vocabulary";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";
import { MAX_PAGE, MULTI_VALUE_KEYS, PAGE_SIZES, SORTS } from "./search-url";
import { MAX_QUERY_LENGTH } from "./text-search";

const many = <T extends z.ZodType>(item: T) => z.array(item).max(60, "search.err.tooManyValues");

export const SearchParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, messageKey("search.err.queryTooLong", { max: MAX_QUERY_LENGTH }))
    .default(""),
  university: many(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "search.err.university")).default([]),
  type: many(z.enum(PATENT_TYPE_CODES)).default([]),
  section: many(z.enum(IPC_SECTIONS)).default([]),
  class: many(z.string().regex(/^[A-H]\d{2}$/, "search.err.ipcClass")).default([]),
  cluster: many(z.enum(CLUSTERS.map((c) => c.code) as [string, ...string[]])).default([]),
  field: many(z.enum(FIELDS.map((f) => f.code) as [string, ...string[]])).default([]),
  status: many(z.enum(LEGAL_STATUS_CODES)).default([]),
  open: z.enum(["1"], { message: "search.err.open" }).optional(),
  term: many(z.enum(REMAINING_TERM_CODES)).default([]),
  /** The open license's fee model (FEE_MODELS). */
  fee: many(z.enum(FEE_MODEL_CODES)).default([]),
  sort: z.enum(SORTS).default("relevance"),
  page: z.coerce
    .number({ message: "search.err.pageNumber" })
    .int("search.err.pageNumber")
    .min(1, "search.err.pageNumber")
    .max(MAX_PAGE, messageKey("search.err.pageMax", { max: MAX_PAGE }))
    .default(1),
  size: z.coerce
    .number({ message: "search.err.sizeNumber" })
    .refine(
      (n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n),
      messageKey("search.err.size", { sizes: PAGE_SIZES.join(", ") }),
    )
    .default(20),
});

export type SearchParams = z.infer<typeof SearchParamsSchema>;

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ParsedSearchParams = { ok: true; params: SearchParams } | { ok: false; issues: ValidationIssue[] };

export function parseSearchParams(url: URLSearchParams): ParsedSearchParams {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(SearchParamsSchema.shape)) {
    const values = url.getAll(key).filter((value) => value !== "");
    if (values.length === 0) continue;
    raw[key] = (MULTI_VALUE_KEYS as readonly string[]).includes(key) ? values : values[values.length - 1];
  }
  const result = SearchParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  };
}
