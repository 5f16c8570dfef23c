// The patents of /compare, as they stand in its URL: `ids=12,40,7` (or `ids` repeated, as a form sends it).
// Shared by the page and the search page's compare checkboxes.
export const MAX_COMPARED = 4;

export type ComparedIds =
  { ok: true; ids: number[] } | { ok: false; reason: "invalid"; value: string } | { ok: false; reason: "tooMany" };

/** Patent ids in the order given, without repeats: at most MAX_COMPARED, each a positive integer. */
export function parseComparedIds(values: string[]): ComparedIds {
  const ids: number[] = [];
  for (const value of values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)) {
    if (!/^\d{1,9}$/.test(value) || Number(value) === 0)
      return { ok: false, reason: "invalid", value: value.slice(0, 40) };
    if (!ids.includes(Number(value))) ids.push(Number(value));
    if (ids.length > MAX_COMPARED) return { ok: false, reason: "tooMany" };
  }
  return { ok: true, ids };
}

/** The URL of the comparison of these patents. */
export function compareHref(ids: readonly number[]): string {
  return ids.length === 0 ? "/compare" : `/compare?ids=${ids.join(",")}`;
}

/** The search page keeps the patents chosen for comparison in its URL as `compare=12&compare=40`: this query
 * string (empty for none), to append to the page's other links. */
export function selectionQuery(ids: readonly number[]): string {
  return ids.map((id) => `compare=${id}`).join("&");
}

/** A search-page href with the selection kept. */
export function withSelection(href: string, ids: readonly number[]): string {
  const selection = selectionQuery(ids);
  if (!selection) return href;
  return `${href}${href.includes("?") ? (href.endsWith("?") ? "" : "&") : "?"}${selection}`;
}

/** The 400 message for a selection the search page cannot keep, in the words of its other parameters' messages. */
export function comparedIdsIssue(parsed: Exclude<ComparedIds, { ok: true }>): string {
  return parsed.reason === "tooMany"
    ? `at most ${MAX_COMPARED} patents can be compared`
    : `not a patent id: ${parsed.value}`;
}
