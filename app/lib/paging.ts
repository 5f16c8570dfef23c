import { z } from "zod";

const PageSchema = z.coerce.number().int().min(1).max(100_000);

/** ?page= of a list page: 1 when absent, a 400 when it is not a page number. */
export function pageParam(request: Request): number {
  const raw = new URL(request.url).searchParams.get("page");
  if (raw === null || raw === "") return 1;
  const parsed = PageSchema.safeParse(raw);
  if (!parsed.success) throw new Response("page must be a whole number from 1", { status: 400 });
  return parsed.data;
}
