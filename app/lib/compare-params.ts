// The patents of /compare, as they stand in its URL: `ids=12,40,7` (or `ids` repeated, as a form sends it).
// Shared by the page and the search page's compare checkboxes.
export const MAX_COMPARED = 4;

export type ComparedIds =
  | { ok: true; ids: number[] }
  | { ok: false; reason: "invalid"; value: string }
  | { ok: false; reason: "tooMany" };

/** Patent ids in the order given, without repeats: at most MAX_COMPARED, each a positive integer. */
export function parseComparedIds(values: string[]): ComparedIds {
  const ids: number[] = [];
  for (const value of values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)) {
    if (!/^\d{1,9}$/.test(value) || Number(value) === 0) return { ok: false, reason: "invalid", value: value.slice(0, 40) };
    if (!ids.includes(Number(value))) ids.push(Number(value));
    if (ids.length > MAX_COMPARED) return { ok: false, reason: "tooMany" };
  }
  return { ok: true, ids };
}

/** The URL of the comparison of these patents. */
export function compareHref(ids: readonly number[]): string {
  return ids.length === 0 ? "/compare" : `/compare?ids=${ids.join(",")}`;
}
