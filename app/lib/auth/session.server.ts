import { createCookieSessionStorage, redirect } from "@remix-run/node";

import { findSessionByHash, insertSession, revokeSession, touchSession, type SessionRow, type SessionSubject } from "~/models/sessions.server";

import type { Locale } from "../../../db/schema";
import { CLIENT_IP_HEADER } from "../client-ip";
import { env } from "../env.server";
import { oncePerRequest } from "../request-scope.server";
import { clock, db } from "../services.server";
import { hashToken, randomToken } from "./tokens.server";

/**
 * Session lifetimes (issue 3). Idle: time since the last request; absolute:
 * time since sign-in. A portal-link session also ends with its link.
 */
export const SESSION_POLICY = {
  contact: { idleMs: 30 * 60_000, absoluteMs: 7 * 24 * 3_600_000 },
  staff: { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000 },
  portal_link: { idleMs: 30 * 60_000, absoluteMs: 7 * 24 * 3_600_000 },
} as const;

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

// Development and tests get a fixed secret so sessions survive restarts;
// production refuses to start without SESSION_SECRET (env.server.ts).
const DEV_SECRET = "customer365-development-only-secret-not-for-production";

let storage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  const config = env();
  const secrets = (config.SESSION_SECRET ?? DEV_SECRET)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return createCookieSessionStorage<{ sid: string }, { notice: string }>({
    cookie: {
      name: "__c365",
      httpOnly: true,
      sameSite: "lax",
      secure: config.NODE_ENV === "production",
      path: "/",
      secrets,
    },
  });
}

export function sessionStorage() {
  storage ??= createStorage();
  return storage;
}

export type Identity =
  | {
      kind: "contact";
      sessionHash: string;
      contactId: string;
      accountId: string;
      accountName: string;
      /** Changes whenever what the account home shows changes (see dataVersionOf). */
      dataVersion: string;
      email: string;
      name: string;
      role: string;
      locale: Locale;
    }
  | {
      kind: "staff";
      sessionHash: string;
      staffUserId: string;
      email: string;
      name: string;
      role: "csm" | "renewals" | "admin";
    }
  | {
      kind: "portal_link";
      sessionHash: string;
      portalLinkId: string;
      accountId: string;
      accountName: string;
      contractId: string;
      quoteId: string | null;
      contactId: string | null;
      email: string | null;
      name: string | null;
      locale: Locale | null;
    };

function clientInfo(request: Request) {
  return {
    ip: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
  };
}

/**
 * Starts a new session (always a new id: sign-in never reuses an old one) and
 * returns the Set-Cookie header that carries it.
 */
export async function startSession(
  request: Request,
  subject: SessionSubject,
  options: { notAfter?: Date } = {},
): Promise<string> {
  const now = clock().now();
  const policy = SESSION_POLICY[subject.kind];
  let expiresAt = new Date(now.getTime() + policy.absoluteMs);
  if (options.notAfter && options.notAfter < expiresAt) expiresAt = options.notAfter;
  const sid = randomToken();
  const { ip, userAgent } = clientInfo(request);
  await insertSession(db(), { idHash: hashToken(sid), subject, expiresAt, ip, userAgent, now });
  const session = await sessionStorage().getSession();
  session.set("sid", sid);
  // Max-Age, not Expires: the browser counts it from its own clock, so a
  // browser whose clock differs from ours (or a server whose date is pinned
  // by APP_TODAY) still keeps the cookie exactly as long as the session lives.
  const maxAge = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return sessionStorage().commitSession(session, { maxAge });
}

/**
 * Does this Cookie header carry a session id in our signed cookie? No database
 * lookup: the server uses it to keep anything answered to a signed-in person
 * out of caches (server/security.ts), where a revoked session erring on the
 * private side costs nothing.
 */
export async function carriesSessionId(cookieHeader: string | null): Promise<boolean> {
  return (await cookieContents(cookieHeader)).sid !== null;
}

/**
 * What our signed cookie carries, signature checked and nothing looked up:
 * the session id and whether a one-time notice waits. Parsed (and its
 * signature verified) once per request, though the cache middleware, the
 * root loader and getIdentity all ask.
 */
function cookieContents(cookieHeader: string | null): Promise<{ sid: string | null; hasNotice: boolean }> {
  if (!cookieHeader?.includes("__c365=")) return Promise.resolve({ sid: null, hasNotice: false });
  return oncePerRequest(`cookie\u0000${cookieHeader}`, async () => {
    const session = await sessionStorage().getSession(cookieHeader);
    const sid: unknown = session.get("sid");
    return { sid: typeof sid === "string" && sid.length > 0 ? sid : null, hasNotice: session.has("notice") };
  });
}

const identities = new WeakMap<Request, Promise<Identity | null>>();

/**
 * Who is making this request, or null. Looked up once per HTTP request (the
 * root loader and the page's loader both ask, each with its own copy of the
 * Request: see oncePerRequest), and once per Request object outside one.
 */
export function getIdentity(request: Request): Promise<Identity | null> {
  let found = identities.get(request);
  if (!found) {
    found = oncePerRequest(`identity\u0000${request.headers.get("Cookie") ?? ""}`, () => resolveIdentity(request));
    identities.set(request, found);
  }
  return found;
}

async function resolveIdentity(request: Request): Promise<Identity | null> {
  const { sid } = await cookieContents(request.headers.get("Cookie"));
  if (sid === null) return null;
  const idHash = hashToken(sid);
  const row = await findSessionByHash(db(), idHash);
  const now = clock().now();
  if (!row || !isLive(row, now)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db(), idHash, now);
  return toIdentity(row);
}

function isLive(row: SessionRow, now: Date): boolean {
  if (row.revokedAt || row.expiresAt <= now) return false;
  const policy = SESSION_POLICY[row.subjectKind];
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMs) return false;
  if (row.subjectKind === "contact" && row.contactActive === false) return false;
  if (row.subjectKind === "staff" && row.staffActive === false) return false;
  if (row.subjectKind === "portal_link" && (row.linkRevokedAt || (row.linkExpiresAt && row.linkExpiresAt <= now))) {
    return false;
  }
  return true;
}

function toIdentity(row: SessionRow): Identity | null {
  switch (row.subjectKind) {
    case "contact":
      if (!row.contactId || !row.accountId || !row.contactEmail) return null;
      return {
        kind: "contact",
        sessionHash: row.idHash,
        contactId: row.contactId,
        accountId: row.accountId,
        accountName: row.accountName ?? "",
        dataVersion: dataVersionOf(row),
        email: row.contactEmail,
        name: row.contactName ?? row.contactEmail,
        role: row.contactRole ?? "user",
        locale: row.contactLocale ?? "en",
      };
    case "staff":
      if (!row.staffUserId || !row.staffEmail || !row.staffRole) return null;
      return {
        kind: "staff",
        sessionHash: row.idHash,
        staffUserId: row.staffUserId,
        email: row.staffEmail,
        name: row.staffName ?? row.staffEmail,
        role: row.staffRole,
      };
    case "portal_link":
      if (!row.portalLinkId || !row.accountId || !row.linkContractId) return null;
      return {
        kind: "portal_link",
        sessionHash: row.idHash,
        portalLinkId: row.portalLinkId,
        accountId: row.accountId,
        accountName: row.accountName ?? "",
        contractId: row.linkContractId,
        quoteId: row.linkQuoteId,
        contactId: row.contactId,
        email: row.contactEmail,
        name: row.contactName,
        locale: row.contactLocale,
      };
  }
}

/**
 * The account's data version and the catalogue's as one string: equal
 * strings mean nothing the account home shows has changed in between
 * (triggers of migration 2026_12_06_1600 move the counters).
 */
function dataVersionOf(row: SessionRow): string {
  return `${row.accountDataVersion ?? 0}.${row.catalogueVersion ?? 0}`;
}

/**
 * Ends this browser's session (the row is revoked, not just forgotten) and
 * returns the Set-Cookie header: a cookie without a session id, carrying an
 * optional one-time notice for the next page.
 */
export async function endSession(request: Request, notice?: string): Promise<string> {
  const cookieSession = await sessionStorage().getSession(request.headers.get("Cookie"));
  const sid = cookieSession.get("sid");
  if (typeof sid === "string" && sid) await revokeSession(db(), hashToken(sid), clock().now());
  cookieSession.unset("sid");
  if (notice) cookieSession.flash("notice", notice);
  return sessionStorage().commitSession(cookieSession);
}

/** A one-time notice shown on the next page (e.g. "You have been signed out"). */
export async function flashNotice(request: Request, notice: string): Promise<string> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  session.flash("notice", notice);
  return sessionStorage().commitSession(session);
}

export async function readNotice(request: Request): Promise<{ notice: string | null; setCookie: string | null }> {
  // Most requests carry no notice: no second parse for them.
  if (!(await cookieContents(request.headers.get("Cookie"))).hasNotice) return { notice: null, setCookie: null };
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const notice = session.get("notice") ?? null;
  return { notice, setCookie: notice ? await sessionStorage().commitSession(session) : null };
}

export function signInRedirect(request: Request, extra: { email?: string | null } = {}): never {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (extra.email) params.set("email", extra.email);
  throw redirect(`/sign-in?${params.toString()}`);
}
