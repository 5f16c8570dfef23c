import { createContext, useContext } from "react";

// The per-request nonce of the Content-Security-Policy (scripts/serve.ts), for the inline scripts Remix
// renders. Only the server render has one; after hydration no inline script is added.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
