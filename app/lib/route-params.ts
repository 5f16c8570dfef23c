/** A patent id from a URL: a positive integer, else null (answered as 404: no such patent). */
export function parsePatentId(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}

/** A record id from a URL (a cuid, or the demo pool's readable ids): anything else finds nothing, a 404. */
export function recordId(value: string | undefined): string {
  return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : "";
}
