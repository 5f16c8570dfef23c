import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { addMessages, MESSAGES_ELEMENT_ID, type Messages } from "~/lib/i18n";

// The page's language is the one the server rendered (<html lang>), and the document carries that language's texts
// (root.tsx): they are in place before React hydrates, without a request of their own. Switching language reloads
// the document (root.tsx), so a browser never needs the other language's texts.
const texts = document.getElementById(MESSAGES_ELEMENT_ID)?.textContent;
if (!texts) throw new Error(`The document has no #${MESSAGES_ELEMENT_ID}: it was not rendered by root.tsx`);
addMessages(document.documentElement.lang.startsWith("en") ? "en" : "zh", JSON.parse(texts) as Messages);
startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
