import { useRouteLoaderData } from "@remix-run/react";
import { isLanguage, translator, type Language, type Translate } from "./i18n";

/** The UI language and its translator, from the root loader. */
export function useLanguage(): { language: Language; t: Translate } {
  const data = useRouteLoaderData<{ language: Language }>("root");
  const language = data?.language ?? "zh";
  return { language, t: translator(language) };
}

/** The UI language inside a route's meta function, which sees the root's data among the matches. */
export function languageFromMatches(matches: ReadonlyArray<{ id: string; data: unknown }>): Language {
  const data = matches.find((match) => match.id === "root")?.data as { language?: unknown } | undefined;
  return isLanguage(data?.language) ? data.language : "zh";
}
