import { z } from "zod";
import { parseCalendarDate } from "./calendar-date";
import { parsePatentId } from "./route-params";

const PageSchema = z.coerce.number().int().min(1).max(100_000);

/** ?page= of a list page: 1 when absent, a 400 when it is not a page number. */
export function pageParam(request: Request): number {
  const raw = new URL(request.url).searchParams.get("page");
  if (raw === null || raw === "") return 1;
  const parsed = PageSchema.safeParse(raw);
  if (!parsed.success) throw new Response("page must be a whole number from 1", { status: 400 });
  return parsed.data;
}

/** Rows per page of the lists that page on the server. */
export const LIST_PAGE_SIZE = 25;

export type SortDirection = "asc" | "desc";

/** What every list page reads from its URL: the page, the words searched, the column sorted and its direction. */
export interface ListQuery<Sort extends string> {
  page: number;
  q: string;
  sort: Sort;
  dir: SortDirection;
}

/** A list's filters beside page/q/sort/dir: each a zod schema over the URL's text ("" and absent mean none). */
type FilterShape = Record<string, z.ZodType>;

/**
 * Reads ?page=&q=&sort=&dir= and the list's own filters from the URL with zod. Anything else in the URL is
 * ignored; a value a person could not have chosen (page 0, an unknown sort or status) is a 400 whose message
 * is a translation key, shown in the user's language by the error page.
 */
export function parseListQuery<Sort extends string, Filters extends FilterShape>(
  request: Request,
  options: { sorts: readonly [Sort, ...Sort[]]; defaultSort: Sort; defaultDir?: SortDirection; filters?: Filters },
): ListQuery<Sort> & { [K in keyof Filters]: z.output<Filters[K]> } {
  const params = new URL(request.url).searchParams;
  const raw = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : undefined;
  };
  const schema = z.object({
    page: z.coerce
      .number({ error: "list.err.page" })
      .int("list.err.page")
      .min(1, "list.err.page")
      .max(100_000, "list.err.page")
      .default(1),
    q: z.string().max(100, "list.err.q").default(""),
    sort: z.enum(options.sorts, { error: "list.err.sort" }).default(options.defaultSort),
    dir: z.enum(["asc", "desc"], { error: "list.err.sort" }).default(options.defaultDir ?? "desc"),
    ...(options.filters ?? {}),
  });
  const input = Object.fromEntries(
    ["page", "q", "sort", "dir", ...Object.keys(options.filters ?? {})].map((name) => [name, raw(name)]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "list.err.page", { status: 400 });
  return parsed.data as never;
}

/** An optional filter that is one of the given codes. */
export function oneOf<const T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values, { error: "list.err.filter" }).optional();
}

/** An optional ?patent= that narrows a list to one patent: its id. */
export const patentParam = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined) return undefined;
    const id = parsePatentId(value);
    if (id === null) {
      context.addIssue({ code: "custom", message: "list.err.patent" });
      return z.NEVER;
    }
    return id;
  });

/** An optional YYYY-MM-DD day of a date range filter, as its UTC midnight. */
export const dayParam = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined) return undefined;
    const date = parseCalendarDate(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "list.err.date" });
      return z.NEVER;
    }
    return date;
  });

/** skip/take of a page, clamped so that a page past the end shows the last page's rows, never an error. */
export function pageWindow(
  page: number,
  total: number,
  pageSize = LIST_PAGE_SIZE,
): { page: number; skip: number; take: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(page, pages);
  return { page: shown, skip: (shown - 1) * pageSize, take: pageSize, pages };
}

/** One page of a list (LIST_PAGE_SIZE rows unless told): counts its rows, clamps the page to the last one
 * (pageWindow), then reads that page. */
export async function readPage<Row>(
  page: number,
  pageSize: number | undefined,
  count: () => Promise<number>,
  read: (window: { skip: number; take: number }) => Promise<Row[]>,
): Promise<{ total: number; page: number; pages: number; rows: Row[] }> {
  const total = await count();
  const window = pageWindow(page, total, pageSize);
  const rows = await read({ skip: window.skip, take: window.take });
  return { total, page: window.page, pages: window.pages, rows };
}

/** The end of a date range given as its last day: midnight after it, for `lt`. */
export function dayAfter(day: Date): Date {
  return new Date(day.getTime() + 86_400_000);
}
