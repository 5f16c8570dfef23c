// The production server: Express in front of the Remix build, adding what every response needs (security
// headers, a CSP nonce, compression, cached static assets) and passing the client's address to the app.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { SERVER_ENTRY } from "./build";

const build = (await import(path.resolve(SERVER_ENTRY))) as ServerBuild;
const app = express();
app.disable("x-powered-by");
// Behind a load balancer set TRUST_PROXY (e.g. 1) so that req.ip is the client's, not the balancer's.
app.set("trust proxy", process.env.TRUST_PROXY ? Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY : false);
app.use(compression());

app.use((_request, response, next) => {
  const nonce = randomBytes(16).toString("base64");
  response.locals.cspNonce = nonce;
  response.set({
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  });
  next();
});

// A write from a page on another site is refused before it reaches the app (CSRF): browsers always send
// Origin with such requests. The app checks again in its actions (app/lib/http.server.ts).
app.use((request, response, next) => {
  const origin = request.get("Origin");
  if (request.method === "GET" || request.method === "HEAD" || !origin) return next();
  let originHost = "";
  try {
    originHost = new URL(origin).host;
  } catch {
    // a malformed Origin is foreign
  }
  if (originHost === (request.get("X-Forwarded-Host") ?? request.get("Host"))) return next();
  response.status(403).json({ error: "The request came from a page on another site." });
});

// Fingerprinted build assets never change; everything else in public/ is revalidated after an hour.
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (request, response) => ({ cspNonce: response.locals.cspNonce, clientIp: request.ip ?? null }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const server = host ? app.listen(port, host) : app.listen(port);
server.on("listening", () => console.log(`PatentBridge listening on http://${host ?? "localhost"}:${port}`));
if (process.env.SMTP_URL) {
  // Taken from the build (app/entry.server.tsx) so that the process keeps one Prisma client.
  const { dispatchOutbox } = build.entry.module as unknown as { dispatchOutbox: () => Promise<number> };
  setInterval(
    () => void dispatchOutbox().catch((error: unknown) => console.error("mail dispatch failed:", error)),
    10_000,
  ).unref();
}
// Alerts follow the database's change log; the digest goes out once a day (the job remembers when).
const jobs = build.entry.module as unknown as {
  runAlerts: () => Promise<unknown>;
  sendDailyDigests: () => Promise<number>;
};
setInterval(
  () => void jobs.runAlerts().catch((error: unknown) => console.error("alerts failed:", error)),
  30_000,
).unref();
setInterval(
  () => void jobs.sendDailyDigests().catch((error: unknown) => console.error("daily digest failed:", error)),
  3_600_000,
).unref();
// Overdue payments: both sides are mailed once per payment (the payment remembers it), so every server may run it.
const { mailOverduePayments } = build.entry.module as unknown as { mailOverduePayments: () => Promise<number> };
setInterval(
  () => void mailOverduePayments().catch((error: unknown) => console.error("overdue-payment mail failed:", error)),
  600_000,
).unref();
// Minimum annual royalties: a shortfall is scheduled once per license and year (the patent's turn), so every server may run it.
const { scheduleMinimumRoyalties } = build.entry.module as unknown as {
  scheduleMinimumRoyalties: () => Promise<unknown[]>;
};
setInterval(
  () => void scheduleMinimumRoyalties().catch((error: unknown) => console.error("minimum royalties failed:", error)),
  3_600_000,
).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
