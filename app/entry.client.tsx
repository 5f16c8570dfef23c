import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadMessages } from "~/lib/messages/load";

// The page's language is the one the server rendered (<html lang>); its texts arrive before React hydrates.
// Switching language reloads the document (root.tsx), so a browser never needs the other language's texts.
void loadMessages(document.documentElement.lang.startsWith("en") ? "en" : "zh").then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
