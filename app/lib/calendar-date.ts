// Dates typed by people (YYYY-MM-DD) are read strictly: a real day of the calendar (no 2027-02-30 rolled over
// to March, no 2026-13-01), four-digit years only (no +275760-09-13), within the range the field allows.
import { z } from "zod";

/** The day's midnight UTC, or null when the text is not a real YYYY-MM-DD date. */
export function parseCalendarDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls over (month 13, day 30 of February) and maps years 0-99 to 1900-1999 (refused): compare back.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

// China keeps UTC+8 all year (no daylight saving), so its calendar is UTC's shifted by eight hours.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A day as YYYY-MM-DD by the UTC calendar: how days stored as their UTC midnight (due dates, terms) are written. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A moment's day as YYYY-MM-DD in China's time zone (Asia/Shanghai), the way dates are shown everywhere. */
export function chinaDay(date: Date | string): string {
  return isoDay(new Date(new Date(date).getTime() + CHINA_OFFSET_MS));
}

/** A moment as YYYY-MM-DD HH:MM in China's time zone. */
export function chinaMinute(date: Date | string): string {
  return new Date(new Date(date).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** Today in China as its UTC midnight, the way a day (a due date, a receipt) is stored. */
export function chinaToday(now = new Date()): Date {
  return new Date(`${chinaDay(now)}T00:00:00Z`);
}

/** Today's date (UTC midnight) moved by whole years and days, for ranges such as "within ten years". */
export function fromToday({ years = 0, days = 0 }: { years?: number; days?: number }, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate() + days));
}

/** The same moment whole months later by the UTC calendar (a license's term, a filing deadline). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

type DateMessages = { invalid: string; tooEarly: string; tooLate: string };
type DateRange = { min: () => Date; max: () => Date };

/**
 * A date field: a real date no earlier than `min()` and no later than `max()` (checked at parse time, so "today"
 * is today), each refusal with its own message key; an invalid date is never passed on.
 */
export function calendarDate(messages: DateMessages, range: DateRange) {
  return z.string().transform((value, context) => {
    const date = parseCalendarDate(value);
    const problem = !date
      ? messages.invalid
      : date < range.min()
        ? messages.tooEarly
        : date > range.max()
          ? messages.tooLate
          : null;
    if (problem) {
      context.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return date!;
  });
}

/** The same, optional: "" (or nothing) is null. */
export function optionalCalendarDate(messages: DateMessages, range: DateRange) {
  const date = calendarDate(messages, range);
  return z
    .string()
    .trim()
    .default("")
    .transform((value, context) => {
      if (value === "") return null;
      const parsed = date.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    });
}
