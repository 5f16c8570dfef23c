// Links in mail point at PUBLIC_URL, never at the request's Host or X-Forwarded-Host: a forged header must not
// send a user's reset link to another site.

let cached: string | null = null;

/** The site's origin for links in mail (no trailing slash): PUBLIC_URL, required in production; in development
 * and tests http://localhost:<PORT>. Throws with the reason when it is missing or not an http(s) origin. */
export function publicUrl(): string {
  if (cached) return cached;
  const configured = process.env.PUBLIC_URL?.trim();
  if (!configured) {
    if (process.env.NODE_ENV === "production") {
      throw new Error(
        "PUBLIC_URL is not set: in production it must be the site's address, e.g. PUBLIC_URL=https://patentbridge.example.org (links in mail are built from it).",
      );
    }
    return (cached = `http://localhost:${process.env.PORT ?? 3000}`);
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${configured}`);
  }
  if (
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.username ||
    url.password ||
    url.pathname !== "/" ||
    url.search ||
    url.hash
  ) {
    throw new Error(
      `PUBLIC_URL must be an http(s) origin such as https://patentbridge.example.org, without a path: ${configured}`,
    );
  }
  return (cached = url.origin);
}

/** For tests that change PUBLIC_URL. */
export function forgetPublicUrl(): void {
  cached = null;
}
