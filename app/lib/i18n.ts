// The i18n machinery. The UI strings live one file per language in ./messages and are added here: the server adds
// both (./messages/all), a browser only the page's language (in the document: root.tsx, entry.client).
import type { MessageKey } from "./messages/zh";

export type { MessageKey };

export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export type Messages = Record<MessageKey, string>;

const dictionaries: Partial<Record<Language, Messages>> = {};

export function addMessages(language: Language, messages: Messages): void {
  dictionaries[language] = messages;
}

const serialized: Partial<Record<Language, string>> = {};

/** The id of the document's script element holding its language's texts. */
export const MESSAGES_ELEMENT_ID = "pb-messages";

/** A language's texts as the document carries them (root.tsx, read by entry.client before hydrating): JSON with
 * every "<" escaped, so that no text can close the script element that holds it. The same string on the server
 * and in the browser, so hydration finds what the server rendered. */
export function messagesForDocument(language: Language): string {
  return (serialized[language] ??= JSON.stringify(messagesOf(language)).replace(/</g, "\\u003c"));
}

function messagesOf(language: Language): Messages {
  const messages = dictionaries[language];
  if (!messages) throw new Error(`The ${language} messages are not loaded (import ~/lib/messages/all on the server)`);
  return messages;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// "{count, plural, one {# organisation} other {# organisations}}": the form for the count by Intl.PluralRules
// (English has one and other; Chinese only other), # standing for the count as given (formatted or not).
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const pluralRules: Record<Language, Intl.PluralRules> = {
  zh: new Intl.PluralRules("zh-CN"),
  en: new Intl.PluralRules("en-US"),
};

/** A count given as a number or as formatted text ("1,234"). */
function countOf(value: string | number | undefined): number {
  return typeof value === "number" ? value : Number(String(value ?? "").replace(/[,\s\u00a0]/g, ""));
}

/** Fills a message's {name} values, choosing plural forms by the count. */
export function formatMessage(language: Language, text: string, values?: Record<string, string | number>): string {
  const plural = text.replace(PLURAL, (whole, name: string, forms: string) => {
    const value = values?.[name];
    if (value === undefined) return whole;
    const count = countOf(value);
    const byForm = new Map([...forms.matchAll(PLURAL_FORM)].map((m) => [m[1], m[2]]));
    const form =
      byForm.get(`=${count}`) ?? byForm.get(pluralRules[language].select(count)) ?? byForm.get("other") ?? "";
    return form.replace(/#/g, String(value));
  });
  return plural.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
}

export function translator(language: Language): Translate {
  const dictionary = messagesOf(language);
  // A key built at run time (an event kind, a status) that has no text yet shows as itself, never a crash.
  return (key, values) => formatMessage(language, dictionary[key] ?? key, values);
}

/** Whether a text is one of the messages' keys. */
export function isMessageKey(text: string): text is MessageKey {
  // Both languages have the same keys: whichever is loaded answers.
  const loaded = dictionaries.zh ?? dictionaries.en;
  return loaded !== undefined && Object.prototype.hasOwnProperty.call(loaded, text);
}

/** A message key with its values, as one string that travels wherever a message does (a DomainError's message,
 * a form's field error, an API issue) and is translated where it is shown: `key {"json":"values"}`. */
export function messageKey(key: MessageKey, values?: Record<string, string | number>): string {
  return values && Object.keys(values).length ? `${key} ${JSON.stringify(values)}` : key;
}

const KEY_WITH_VALUES = /^([A-Za-z][\w-]*(?:\.[\w-]+)+) (\{.*\})$/s;

/** A message key with its values (see messageKey), or null for other text. */
export function parseMessageKey(message: string): { key: MessageKey; values?: Record<string, string | number> } | null {
  if (isMessageKey(message)) return { key: message };
  const match = KEY_WITH_VALUES.exec(message);
  if (!match || !isMessageKey(match[1])) return null;
  try {
    const values = JSON.parse(match[2]) as unknown;
    if (values && typeof values === "object" && !Array.isArray(values))
      return { key: match[1], values: values as Record<string, string | number> };
  } catch {
    // not values: the text as it is
  }
  return null;
}

export function isLanguage(value: unknown): value is Language {
  return value === "zh" || value === "en";
}

export const LANGUAGE_COOKIE = "lang";

/** The language from the cookie, else the browser's preference, else Chinese. */
export function languageOf(request: Request): Language {
  const cookie = request.headers.get("Cookie") ?? "";
  const chosen = /(?:^|;\s*)lang=(zh|en)(?:;|$)/.exec(cookie)?.[1];
  if (isLanguage(chosen)) return chosen;
  const accept = request.headers.get("Accept-Language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "zh";
}

/** Picks the field in the UI's language, falling back to the other one. */
/** A code's name in both languages, as contracts and recordal forms print it ("普通许可 / Ordinary license"); a code
 * the names do not know (an old snapshot) is printed as it is, and no code as "". */
export function inBothLanguages(
  names: { readonly [code: string]: { readonly zh: string; readonly en: string } },
  code: string | null | undefined,
): string {
  if (!code) return "";
  return Object.hasOwn(names, code) ? `${names[code].zh} / ${names[code].en}` : code;
}

export function localized(
  language: Language,
  zhText: string | null | undefined,
  enText: string | null | undefined,
): string {
  return (language === "en" ? enText || zhText : zhText || enText) ?? "";
}

/** A message key (as domain errors and validation carry) in the given language; other text as it is. */
export function messageIn(language: Language, message: string): string {
  const parsed = parseMessageKey(message);
  if (!parsed) return message;
  // A value may itself be a message (a fee model's name, the reason inside a refusal): it is translated too.
  const values =
    parsed.values &&
    Object.fromEntries(
      Object.entries(parsed.values).map(([name, value]) => [
        name,
        typeof value === "string" && parseMessageKey(value) ? messageIn(language, value) : value,
      ]),
    );
  return translator(language)(parsed.key, values);
}
