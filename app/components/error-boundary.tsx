// A route's error shown in place, inside the layout (header, language switch), in the user's language, with a way
// back: every route module with a loader exports `ErrorBoundary` as this. No stack trace ever reaches the page.
import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { messageIn, parseMessageKey, type MessageKey } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";

/** Headings by the status a loader or action answered (404 unknown id, 403 wrong role or resource, 400 bad input). */
const HEADINGS: Record<number, MessageKey> = { 400: "error.badRequest", 403: "error.forbidden", 404: "error.notFound" };

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t, language } = useLanguage();
  const { pathname } = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A refusal's text is a message key (DomainError, auth.forbidden); other text is for developers, not shown.
  const text = isRouteErrorResponse(error) && status < 500 ? String(error.data?.error ?? error.data ?? "") : "";
  const detail = parseMessageKey(text)
    ? messageIn(language, text)
    : status === 403
      ? t("error.forbiddenText")
      : status >= 500
        ? t("error.generic")
        : null;
  const parent = pathname.replace(/\/[^/]+\/?$/, "");
  return (
    <section aria-labelledby="route-error-heading" className="mx-auto max-w-3xl py-6">
      <h1 id="route-error-heading" className="text-2xl font-bold">
        {t(HEADINGS[status] ?? "error.title")}
      </h1>
      {detail && <p className="mt-3 text-slate-700">{detail}</p>}
      <p className="mt-6 flex flex-wrap gap-4">
        {parent && (
          <Link to={parent} className="text-brand-700 underline">
            {t("error.up")}
          </Link>
        )}
        <Link to="/" className="text-brand-700 underline">
          {t("error.home")}
        </Link>
      </p>
    </section>
  );
}
