import { describe, expect, it } from "vitest";
import {
  addMonths,
  chinaDay,
  chinaMinute,
  chinaToday,
  fromToday,
  isoDay,
  optionalCalendarDate,
  parseCalendarDate,
} from "./calendar-date";

describe("parseCalendarDate", () => {
  it.each(["2027-01-01", "2028-02-29", "2026-12-31"])("reads the real date %s", (text) => {
    expect(parseCalendarDate(text)?.toISOString().slice(0, 10)).toBe(text);
  });

  it.each([
    "2026-13-01",
    "2027-1-1",
    "+275760-09-13",
    "2027-02-30",
    "2027-02-29",
    "2027-04-31",
    "2027-00-10",
    "2027-01-00",
    "0099-01-01x",
    "",
    "２０２７-01-01",
    " 2027-01-01",
    "2027-01-01T00:00:00Z",
  ])("refuses %j", (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });

  it("refuses years below 100 rather than reading them as 19xx", () => {
    expect(parseCalendarDate("0099-01-01")).toBeNull();
  });
});

describe("optionalCalendarDate", () => {
  const schema = optionalCalendarDate(
    { invalid: "bad", tooEarly: "early", tooLate: "late" },
    { min: () => fromToday({ days: 1 }), max: () => fromToday({ years: 10 }) },
  );

  it("refuses each kind of wrong date with its own message, and never passes an invalid date on", () => {
    const message = (value: string) => {
      const result = schema.safeParse(value);
      return result.success ? result.data : result.error.issues.map((issue) => issue.message);
    };
    expect(message("")).toBeNull();
    expect(message("2027-02-30")).toEqual(["bad"]);
    expect(message("9999-12-31")).toEqual(["late"]);
    expect(message(new Date().toISOString().slice(0, 10))).toEqual(["early"]);
    expect(message(fromToday({ days: 1 }).toISOString().slice(0, 10))).toEqual(fromToday({ days: 1 }));
  });
});

describe("addMonths", () => {
  it("moves by whole months of the UTC calendar, keeping the time of day", () => {
    expect(addMonths(new Date("2026-01-15T08:30:00Z"), 1).toISOString()).toBe("2026-02-15T08:30:00.000Z");
    expect(addMonths(new Date("2026-11-30T00:00:00Z"), 36).toISOString()).toBe("2029-11-30T00:00:00.000Z");
  });
});

describe("days as written and shown", () => {
  it("writes a stored day by the UTC calendar", () => {
    expect(isoDay(new Date("2027-03-01T00:00:00Z"))).toBe("2027-03-01");
    expect(isoDay(new Date("2027-03-01T23:59:59Z"))).toBe("2027-03-01");
  });

  it("shows a moment on China's calendar, which turns eight hours before UTC's", () => {
    expect(chinaDay(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
    expect(chinaDay(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(chinaDay("2026-06-01T02:00:00.000Z")).toBe("2026-06-01");
    expect(chinaMinute(new Date("2026-12-31T16:05:30Z"))).toBe("2027-01-01 00:05");
  });

  it("takes today in China as its UTC midnight", () => {
    expect(chinaToday(new Date("2026-12-31T16:30:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(chinaToday(new Date("2026-12-31T15:30:00Z")).toISOString()).toBe("2026-12-31T00:00:00.000Z");
  });
});
