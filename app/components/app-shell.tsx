import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { LanguageSwitcher } from "./language-switcher";

const NAV = [
  { to: "/account", key: "nav.account" },
  { to: "/help", key: "nav.help" },
  { to: "/support", key: "nav.support" },
] as const;

export interface ShellUser {
  kind: "contact" | "staff" | "portal_link";
  name: string;
  accountName: string | null;
}

export function AppShell({
  children,
  locale,
  user,
  notice,
}: {
  children: ReactNode;
  locale: string;
  user: ShellUser | null;
  notice: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label={t("shell.homeLink")}>
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" focusable="false">
              <circle cx="16" cy="16" r="15" fill="#0b5cad" />
              <path d="M9 17.5l4.5 4.5L23 11" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
            </svg>
            <span>Customer365</span>
          </Link>
          <nav aria-label={t("shell.mainNav")} className="main-nav">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} prefetch="intent">
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-user">
            {user ? (
              <>
                <span className="header-user-name">
                  {user.accountName ? t("shell.signedInAt", { name: user.name, account: user.accountName }) : user.name}
                </span>
                {user.kind === "staff" ? (
                  <Link to="/staff">{t("nav.staff")}</Link>
                ) : null}
                {user.kind === "contact" ? <Link to="/feedback/nps">{t("shell.feedback")}</Link> : null}
                <Form method="post" action="/sign-out">
                  <button type="submit" className="button button-secondary button-small">
                    {t("shell.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/sign-in" className="button button-small">
                {t("shell.signIn")}
              </Link>
            )}
            <LanguageSwitcher locale={locale} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        {notice ? (
          <p className="notice notice-success" role="status">
            {t(`notices.${notice}`)}
          </p>
        ) : null}
        {children}
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p>{t("shell.footer.tagline")}</p>
          <ul className="footer-links">
            <li>
              <Link to="/help">{t("nav.help")}</Link>
            </li>
            <li>
              <Link to="/support">{t("nav.support")}</Link>
            </li>
          </ul>
          <p className="footer-copy">{t("shell.footer.copyright", { year: 2026 })}</p>
        </div>
      </footer>
    </>
  );
}
