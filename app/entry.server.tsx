import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/lib/nonce";
import { publicUrl } from "~/lib/public-url.server";
// Every zod message a schema does not name is a message key, translated where it is shown.
import "~/lib/zod-messages";
// Both languages' texts: a page is rendered in its reader's language, mails and reports in their recipient's.
import "~/lib/messages/all";

// The server's mail dispatcher (scripts/serve.ts) runs this module's copy of the app code.
export { dispatchOutbox } from "~/models/mail.server";
export { runAlerts, sendDailyDigests } from "~/models/alerts.server";
export { mailOverduePayments, scheduleMinimumRoyalties } from "~/models/payment/payment.server";

// The server refuses to start without PUBLIC_URL in production: loading the build fails with the reason.
publicUrl();

const ABORT_DELAY = 5_000;

/**
 * The page's JavaScript modules, as `Link` header entries: Remix lists them at the end of the document (with
 * <Scripts>), so a browser would only start fetching them once the whole page had arrived. Announced in the
 * response's headers, they load while the browser reads the document.
 */
function modulePreloadLinks({ manifest, staticHandlerContext }: EntryContext): string[] {
  const modules = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const match of staticHandlerContext.matches) {
    const route = manifest.routes[match.route.id];
    if (!route) continue;
    modules.add(route.module);
    for (const module of route.imports ?? []) modules.add(module);
  }
  return [...modules].map((module) => `<${module}>; rel=modulepreload`);
}

/**
 * React 18's stream writer (react-dom-server.node, writeStringChunk) sends its whole 2 KB buffer when the next
 * character does not fit at its end, so a page could carry one or two NUL bytes inside Chinese text (无法把文件读
 * NUL 成表格). UTF-8 has no 0 byte but U+0000, which no page text holds: they are dropped on the way out.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // Bots get the whole page at once; browsers get it streamed as soon as the shell is ready.
  const readyEvent =
    isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          for (const link of modulePreloadLinks(remixContext)) responseHeaders.append("Link", link);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell was sent are logged; before it, the promise rejects with them.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
