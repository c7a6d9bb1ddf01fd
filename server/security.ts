import { randomBytes } from "node:crypto";

import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

import { carriesSessionId } from "../app/lib/auth/session.server";

/** A fresh nonce per request; the CSP, <Scripts> and inline JSON use it. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/**
 * Security headers on every response: an enforced CSP with a per-request
 * nonce and 'strict-dynamic', no framing, no sniffing, HSTS in production.
 */
export function securityHeaders({ production }: { production: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": [
          (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
          "'strict-dynamic'",
        ],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'", "https://checkout.stripe.com"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        ...(production ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true, preload: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
  });
}

/**
 * Paths that carry a secret in the URL: sign-in links, a success manager's
 * portal links, approver links. Shared with the request log, which redacts them.
 */
export const TOKEN_PATH = /^\/(sign-in\/verify|l|approve|a)\/[^/]+/;

/**
 * A token page must never hand its URL to another site as a Referer. Set here
 * for the whole path rather than in each route's `headers`, so redirects,
 * error pages, PDFs and token pages added later are covered too.
 */
export function noReferrerOnTokenPages(req: Request, res: Response, next: NextFunction) {
  if (TOKEN_PATH.test(req.path)) beforeHeadersAreSent(res, () => res.setHeader("Referrer-Policy", "no-referrer"));
  next();
}

const PRIVATE = "private, no-store";

/**
 * Nothing answered to a signed-in person may be kept by a cache: not the
 * document (root.tsx says so too), but also not the `.data` requests of client
 * navigations (the root loader does not run for those), resource routes such
 * as PDFs, redirects, or a route whose own `headers` asks for public caching
 * while the shell around it shows who is signed in. "Signed in" here means the
 * request carries a session id in our signed cookie (checked without the
 * database). Responses marked immutable are content-addressed (versioned URLs)
 * and the same for everyone, so they keep their caching.
 */
export function noStoreWhenSignedIn(req: Request, res: Response, next: NextFunction) {
  carriesSessionId(req.headers.cookie ?? null).then(
    (signedIn) => {
      if (signedIn) {
        beforeHeadersAreSent(res, () => {
          const current = String(res.getHeader("Cache-Control") ?? "");
          if (!/\bimmutable\b/.test(current)) res.setHeader("Cache-Control", PRIVATE);
        });
      }
      next();
    },
    () => next(),
  );
}

/**
 * Runs `fix` just before the status line and headers go out. Set earlier, a
 * header would be appended to (not replaced by) what the Remix adapter copies
 * from the route's response, giving "no-referrer, no-referrer" or a
 * "private, no-store, public, max-age=300" that says two things at once.
 */
function beforeHeadersAreSent(res: Response, fix: () => void) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    fix();
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;
}
