import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type StatusHandler = (info: { error: unknown }) => ReactNode;

/**
 * The one error boundary every route uses: a localised page per status, with
 * `statusHandlers` to override one (e.g. a 404 that names the missing thing).
 */
export function GeneralErrorBoundary({
  statusHandlers,
  unexpectedErrorHandler,
}: {
  statusHandlers?: Record<number, StatusHandler>;
  unexpectedErrorHandler?: StatusHandler;
}) {
  const error = useRouteError();
  const { t } = useTranslation();
  if (typeof document !== "undefined" && !isRouteErrorResponse(error)) {
    console.error(error);
  }
  if (isRouteErrorResponse(error)) {
    const custom = statusHandlers?.[error.status];
    if (custom) return <>{custom({ error })}</>;
    const known = [400, 403, 404, 405, 429].includes(error.status) ? error.status : "other";
    return (
      <ErrorPage
        title={t(`errors.${known}.title`, { status: error.status })}
        body={t(`errors.${known}.body`, {
          status: error.status,
          retryAfter: (error.data as { retryAfter?: number } | undefined)?.retryAfter ?? 60,
        })}
        status={error.status}
      />
    );
  }
  if (unexpectedErrorHandler) return <>{unexpectedErrorHandler({ error })}</>;
  return <ErrorPage title={t("errors.500.title")} body={t("errors.500.body")} status={500} />;
}

export function ErrorPage({ title, body, status }: { title: string; body: string; status: number }) {
  const { t } = useTranslation();
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code" aria-hidden="true">
        {status}
      </p>
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p className="actions">
        <Link to="/" className="button">
          {t("errors.home")}
        </Link>
        <Link to="/help" className="button button-secondary">
          {t("errors.help")}
        </Link>
      </p>
    </section>
  );
}
