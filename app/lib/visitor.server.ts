/**
 * An anonymous visitor id for "one vote per visitor per article": 128 random
 * bits in a long-lived signed cookie, set only when someone votes. The
 * database keeps only its SHA-256, so a stored vote cannot be traced back to
 * a cookie.
 */
import { createHash, randomBytes } from "node:crypto";

import { createCookie, type Cookie } from "@remix-run/node";

import { env } from "./env.server";

// Outside production SESSION_SECRET may be unset (env.server.ts requires it in
// production); a fixed development secret keeps votes working locally.
const DEVELOPMENT_SECRET = "customer365-development-visitor-cookie";
const VISITOR_ID = /^[A-Za-z0-9_-]{22,64}$/;

let cookie: Cookie | undefined;

function visitorCookie(): Cookie {
  if (!cookie) {
    const { SESSION_SECRET, NODE_ENV } = env();
    const secrets = (SESSION_SECRET ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    cookie = createCookie("c365_visitor", {
      path: "/help",
      httpOnly: true,
      sameSite: "lax",
      secure: NODE_ENV === "production",
      maxAge: 60 * 60 * 24 * 365 * 2,
      secrets: secrets.length > 0 ? secrets : [DEVELOPMENT_SECRET],
    });
  }
  return cookie;
}

/** The visitor id from a validly signed cookie, or null. */
export async function readVisitorId(request: Request): Promise<string | null> {
  const value: unknown = await visitorCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && VISITOR_ID.test(value) ? value : null;
}

/** The visitor's id, minting one (and the Set-Cookie header for it) if they have none. */
export async function ensureVisitorId(request: Request): Promise<{ id: string; setCookie: string | null }> {
  const existing = await readVisitorId(request);
  if (existing) return { id: existing, setCookie: null };
  const id = randomBytes(16).toString("base64url");
  return { id, setCookie: await visitorCookie().serialize(id) };
}

export function hashVisitorId(id: string): string {
  return createHash("sha256").update(`kb-visitor:${id}`).digest("hex");
}
