// What the server (scripts/serve.ts) gives every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    clientIp?: string | null;
  }
}

export {};
