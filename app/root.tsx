import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getUser } from "~/lib/auth.server";
import { languageOf, MESSAGES_ELEMENT_ID, messageIn, messagesForDocument, translator, type Language } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { useNonce } from "~/lib/nonce";
import { unreadCount } from "~/models/notification.server";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // The page being opened reads its own notifications (its loader runs beside this one): they are not counted.
  const unread = user ? await unreadCount(user, new URL(request.url).pathname) : 0;
  return {
    language: languageOf(request),
    user: user && {
      name: user.name,
      isCompany: user.role === "SME",
      isStaff: user.role === "UNIVERSITY_STAFF",
      mayAdminister: user.role === "ADMIN" || user.canInvite,
      unread,
    },
  };
}

// The header's unread count follows the page: opening a deal reads its notifications.
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate, currentUrl, nextUrl }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

function Header() {
  const { t, language } = useLanguage();
  const location = useLocation();
  const user = useRouteLoaderData<typeof loader>("root")?.user;
  const navLink = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-700 text-white" : "text-brand-50 hover:bg-brand-600"}`;
  return (
    <header className="bg-brand-900 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-black"
      >
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/" className="flex items-baseline gap-2">
          <span className="text-lg font-bold">{t("app.name")}</span>
          <span className="hidden text-xs text-brand-100 sm:inline">{t("app.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="flex flex-wrap gap-1">
          <NavLink to="/" end className={navLink}>
            {t("nav.home")}
          </NavLink>
          <NavLink to="/patents" className={navLink}>
            {t("nav.patents")}
          </NavLink>
          <NavLink to="/needs" className={navLink}>
            {t("nav.needs")}
          </NavLink>
          {user && (
            <NavLink to="/dashboard" className={navLink}>
              {t("nav.dashboard")}
            </NavLink>
          )}
          {user && (
            <NavLink to="/licenses" className={navLink}>
              {user.isCompany ? t("licenses.title") : t("licenses.deals")}
            </NavLink>
          )}
          {user?.isStaff && (
            <NavLink to="/university/patents" className={navLink}>
              {t("nav.universityPatents")}
            </NavLink>
          )}
          {user?.mayAdminister && (
            <NavLink to="/admin" className={navLink}>
              {t("nav.admin")}
            </NavLink>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2 text-sm">
          {user ? (
            <>
              <Link to="/notifications" className="rounded px-2 py-1 hover:bg-brand-700">
                {user.unread > 0 ? t("nav.notificationsUnread", { count: user.unread }) : t("nav.notifications")}
              </Link>
              <Link to="/saved-searches" className="hover:underline">
                {t("saved.title")}
              </Link>
              <Link to="/account" className="hover:underline">
                {t("nav.account", { name: user.name })}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded px-3 py-1 hover:bg-brand-700">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              {/* From the home page, signing in lands on the user's workspace; from any other page, back there. */}
              <Link
                to={
                  location.pathname === "/" && !location.search
                    ? "/login"
                    : `/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`
                }
                className="rounded px-3 py-1 hover:bg-brand-700"
              >
                {t("nav.signIn")}
              </Link>
              <Link to="/join" className="rounded px-3 py-1 hover:bg-brand-700">
                {t("nav.join")}
              </Link>
            </>
          )}
        </div>
        {/* A full page load: the browser then fetches the other language's texts (entry.client loads only one). */}
        <Form method="post" action="/lang" reloadDocument>
          <input type="hidden" name="language" value={language === "zh" ? "en" : "zh"} />
          <input type="hidden" name="returnTo" value={location.pathname + location.search} />
          <button
            type="submit"
            aria-label={t("lang.switchLabel")}
            lang={language === "zh" ? "en" : "zh"}
            className="rounded border border-brand-100 px-3 py-1 text-sm hover:bg-brand-700"
          >
            {t("lang.switch")}
          </button>
        </Form>
      </div>
    </header>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const { t } = useLanguage();
  const busy = navigation.state !== "idle";
  return (
    <div
      role="status"
      aria-live="polite"
      className={`fixed inset-x-0 top-0 z-50 h-1 ${busy ? "animate-pulse bg-amber-400" : "bg-transparent"}`}
    >
      <span className="sr-only">{busy ? t("search.loading") : ""}</span>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const language: Language = data?.language ?? "zh";
  const nonce = useNonce();
  return (
    <html lang={language === "zh" ? "zh-CN" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        {/* The page's language's texts, read by entry.client before it hydrates (before <Scripts>, so they are
            parsed by the time the app's module runs): no second request on the way to an interactive page. */}
        <script
          id={MESSAGES_ELEMENT_ID}
          type="application/json"
          dangerouslySetInnerHTML={{ __html: messagesForDocument(language) }}
        />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { t } = useLanguage();
  // Set once the whole page has hydrated (the root's effect runs last): npm run bench:pages times it.
  useEffect(() => void ((window as Window & { __pbHydratedAt?: number }).__pbHydratedAt = performance.now()), []);
  return (
    <>
      <NavigationProgress />
      <Header />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">{t("footer.note")}</footer>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = translator(data?.language ?? "zh");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <title>{`${notFound ? t("error.notFound") : t("error.title")} · ${t("app.name")}`}</title>
      <Header />
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-2xl font-bold">{notFound ? t("error.notFound") : t("error.title")}</h1>
        <p className="mt-3 text-slate-700">
          {isRouteErrorResponse(error) && error.status < 500
            ? messageIn(data?.language ?? "zh", String(error.data?.error ?? error.data ?? error.statusText))
            : t("error.generic")}
        </p>
        <Link to="/" className="mt-6 inline-block text-brand-700 underline">
          {t("error.home")}
        </Link>
      </main>
    </>
  );
}
