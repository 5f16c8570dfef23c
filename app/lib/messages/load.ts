// A browser's texts: only the page's language is fetched (its own chunk: ~70 KB, ~22 KB gzipped), the other never.
import { addMessages, type Language } from "../i18n";

export async function loadMessages(language: Language): Promise<void> {
  addMessages(language, language === "en" ? (await import("./en")).en : (await import("./zh")).zh);
}
