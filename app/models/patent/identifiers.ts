// Chinese patent application numbers and their check character, publication numbers
// (rules in shared DOMAIN.md: CNIPA's numbering since 2003-10-01). A refusal's reason is a message
// (a key with its values, app/lib/i18n.ts; texts in app/lib/messages), shown in the reader's language.
import { messageKey } from "~/lib/i18n";

const APPLICATION_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** Type digit of an application number (the fifth digit). */
export const APPLICATION_TYPE_DIGITS = {
  INVENTION: "1",
  UTILITY_MODEL: "2",
  DESIGN: "3",
  PCT_INVENTION: "8",
  PCT_UTILITY_MODEL: "9",
} as const;

export function applicationCheckCharacter(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error("an application number has 12 digits before its check character");
  const sum = [...twelveDigits].reduce((total, digit, i) => total + Number(digit) * APPLICATION_WEIGHTS[i], 0);
  const check = sum % 11;
  return check === 10 ? "X" : String(check);
}

export type ApplicationNumberResult =
  | { ok: true; normalized: string; year: number; typeDigit: string }
  | { ok: false; /** a message key with its values */ reason: string };

/** Accepts "CN202223220665.2", "ZL 202223220665.2", "202223220665.2" or without the dot; returns "202223220665.2". */
export function parseApplicationNumber(input: string): ApplicationNumberResult {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/^(CN|ZL)/, "");
  const match = /^(\d{12})\.?([\dX])$/.exec(compact);
  if (!match) return { ok: false, reason: messageKey("identifier.appNumber.shape") };
  const [, digits, check] = match;
  const year = Number(digits.slice(0, 4));
  const typeDigit = digits[4];
  if (year < 2003 || year > new Date().getUTCFullYear())
    return { ok: false, reason: messageKey("identifier.appNumber.year", { year }) };
  if (!Object.values(APPLICATION_TYPE_DIGITS).includes(typeDigit as never)) {
    return { ok: false, reason: messageKey("identifier.appNumber.typeDigit", { digit: typeDigit }) };
  }
  const expected = applicationCheckCharacter(digits);
  if (expected !== check)
    return { ok: false, reason: messageKey("identifier.checkCharacter", { given: check, expected }) };
  return { ok: true, normalized: `${digits}.${check}`, year, typeDigit };
}

export function formatApplicationNumber(normalized: string): string {
  return `CN${normalized}`;
}

/** Publication numbers: CN + 9 digits + kind code (A, B, U, S, optionally with a digit). */
export function isPublicationNumber(input: string): boolean {
  return /^CN\d{9}[ABUS]\d?$/.test(input.trim().toUpperCase());
}

/** "H01M10/052", "h01m 10/052" → "H01M 10/052"; null when it is not an IPC group. */
export function normalizeIpc(value: string): string | null {
  const match = /^([A-H]\d{2}[A-Z])\s*(\d{1,4})\s*\/\s*(\d{1,6})$/.exec(value.trim().toUpperCase());
  return match ? `${match[1]} ${Number(match[2])}/${match[3]}` : null;
}
