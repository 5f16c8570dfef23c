// A browser's texts: only the page's language is fetched (a chunk of its own, ~40 KB), the other never.
import { addMessages, type Language } from "../i18n";

export async function loadMessages(language: Language): Promise<void> {
  addMessages(language, language === "en" ? (await import("./en")).en : (await import("./zh")).zh);
}
