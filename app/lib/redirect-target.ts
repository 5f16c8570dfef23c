// Where to send the user after signing in or switching language: a path on this site, never an open redirect.
// Browsers forgive a lot in a Location header (they drop tabs and newlines, read "\" as "/", and "/\t/evil.com"
// becomes "//evil.com"), so a target is refused on any control character, backslash or "//" in its path, before
// or after percent-decoding, and what is kept is re-encoded by the URL parser (a Location header is Latin-1:
// "/patents?q=电池" goes out as "/patents?q=%E7%94%B5%E6%B1%A0").

const BASE = "http://this-site.invalid";
const MAX_LENGTH = 2048;

/** Percent-escapes decoded to the characters of their bytes, again and again (double encoding), for checking. */
function decoded(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

// C0 controls, DEL and C1 controls in the text; in decoded bytes only C0 and DEL (0x80-0x9f are UTF-8's
// continuation bytes).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BYTE = /[\u0000-\u001f\u007f]/;

/** The target as an encoded path (with its query and fragment) on this site, or `fallback`. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return fallback;
  if (!target.startsWith("/")) return fallback;
  const plain = decoded(target);
  if (CONTROL.test(target) || CONTROL_BYTE.test(plain) || target.includes("\\") || plain.includes("\\"))
    return fallback;
  const path = (value: string) => value.split(/[?#]/, 1)[0];
  if (path(target).includes("//") || path(plain).includes("//")) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const result = url.pathname + url.search + url.hash;
  return result.startsWith("/") && !result.startsWith("//") ? result : fallback;
}
