import type { NextFunction, Request, Response } from "express";

import { LIMITS } from "../app/lib/auth/rate-limit.server";
import { hashToken } from "../app/lib/auth/tokens.server";
import { env } from "../app/lib/env.server";
import { getFixedT, localeCookie } from "../app/lib/i18n/i18n.server";
import { isLocale, localeFromAcceptLanguage, type Locale } from "../app/lib/i18n/config";
import { escapeHtml } from "../app/lib/email/render.server";
import { errorFields, log } from "../app/lib/log.server";
import { clock, db } from "../app/lib/services.server";
import { hitRateLimit } from "../app/models/rate-limits.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Machine callers that sign their requests instead (Stripe's webhooks). */
const EXEMPT = [/^\/webhooks\//];

async function locale(req: Request): Promise<Locale> {
  const fromCookie: unknown = await localeCookie.parse(req.headers.cookie ?? null).catch(() => null);
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(req.get("accept-language")) ?? "en";
}

async function page(req: Request, res: Response, status: number, key: "403" | "429", retryAfter?: number) {
  const lng = await locale(req);
  const t = getFixedT(lng, "common");
  const title = t(`errors.${key}.title`);
  const body = t(`errors.${key}.body`, { retryAfter: retryAfter ?? 60 });
  res
    .status(status)
    .type("html")
    .set("Cache-Control", "no-store")
    .send(
      `<!doctype html><html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(t("errors.home"))}</a></p></main></body></html>`,
    );
}

/**
 * Cross-site request forgery: a state-changing request from a browser must
 * come from our own pages. Browsers send Sec-Fetch-Site (or at least Origin)
 * with every POST; a cross-site one is refused with 403.
 */
export async function rejectCrossSite(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || EXEMPT.some((r) => r.test(req.path))) return next();
  const site = req.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    log.warn("cross-site request refused", { path: req.path, site });
    return page(req, res, 403, "403");
  }
  const origin = req.get("origin");
  if (origin && !isOwnOrigin(req, origin)) {
    log.warn("cross-origin request refused", { path: req.path });
    return page(req, res, 403, "403");
  }
  next();
}

function isOwnOrigin(req: Request, origin: string): boolean {
  if (origin === "null") return false;
  const configured = env().APP_URL;
  if (configured && new URL(configured).origin === origin) return true;
  try {
    return new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

/** Every other mutation: at most 100 a minute per client address, shared by all instances. */
export async function limitMutations(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || EXEMPT.some((r) => r.test(req.path))) return next();
  const { limit, windowSeconds } = LIMITS.mutationPerIp;
  try {
    const key = `mutationPerIp:${hashToken(req.ip ?? "unknown").slice(0, 32)}`;
    const result = await hitRateLimit(db(), key, limit, windowSeconds, clock().now());
    if (!result.allowed) {
      res.set("Retry-After", String(result.retryAfter));
      return page(req, res, 429, "429", result.retryAfter);
    }
  } catch (error) {
    // The limiter must not take the site down with the database: the request
    // goes on and fails (or not) on its own.
    log.warn("rate limiter unavailable", errorFields(error));
  }
  next();
}
