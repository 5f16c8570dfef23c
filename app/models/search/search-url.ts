// The search state's URL form: constants and a serializer shared by the server and the browser.
import type { SearchParams } from "./search-params";

/** `lump-sum` and `royalty`: the open license's lump sum, or its royalty rate, lowest first (offers side by side). */
export const SORTS = ["relevance", "newest", "term", "lump-sum", "royalty"] as const;
export const PAGE_SIZES = [10, 20, 50] as const;
export const MAX_PAGE = 500;
export const MULTI_VALUE_KEYS = [
  "university",
  "type",
  "section",
  "class",
  "cluster",
  "field",
  "status",
  "term",
  "fee",
] as const;

/** The URL query string of a search state, without defaults, in a stable order. */
export function searchParamsToQuery(params: Partial<SearchParams>): string {
  const url = new URLSearchParams();
  if (params.q) url.set("q", params.q);
  for (const key of MULTI_VALUE_KEYS) for (const value of params[key] ?? []) url.append(key, value);
  if (params.open) url.set("open", params.open);
  if (params.sort && params.sort !== "relevance") url.set("sort", params.sort);
  if (params.size && params.size !== 20) url.set("size", String(params.size));
  if (params.page && params.page > 1) url.set("page", String(params.page));
  return url.toString();
}
