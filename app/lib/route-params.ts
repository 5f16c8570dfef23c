/** A patent id from a URL: a positive integer, else null (answered as 404: no such patent). */
export function parsePatentId(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
