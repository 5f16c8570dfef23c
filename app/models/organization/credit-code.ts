// The unified social credit code of an organisation and its check character (GB 32100-2015). A refusal's reason is
// a message (a key with its values, app/lib/i18n.ts; texts in app/lib/messages), shown in the reader's language.
import { messageKey } from "~/lib/i18n";

const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error("a credit code has 17 characters before its check character");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`"${first17[i]}" is not allowed in a credit code`);
    sum += value * CREDIT_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return CREDIT_ALPHABET[check === 31 ? 0 : check];
}

export type CreditCodeResult =
  { ok: true; normalized: string } | { ok: false; /** a message key with its values */ reason: string };

export function parseCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: messageKey("identifier.creditCode.length") };
  const bad = [...code].find((c) => !CREDIT_ALPHABET.includes(c));
  if (bad) return { ok: false, reason: messageKey("identifier.creditCode.character", { character: bad }) };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17])
    return { ok: false, reason: messageKey("identifier.checkCharacter", { given: code[17], expected }) };
  return { ok: true, normalized: code };
}
