/**
 * Signing in the benchmark's users, for targets with `auth`.
 *
 * The customer is the admin of the heavy account (50 contracts); the staff
 * user is that account's success manager. Before the server starts (PGlite
 * allows one process at a time), `mintSessions` writes a real session row for
 * each through the session model and signs its cookie with the secret the
 * bench server is given, exactly as sign-in does; every request of a target
 * then carries that cookie.
 */
import { createCookieSessionStorage } from "@remix-run/node";

import { hashToken, randomToken } from "../app/lib/auth/tokens.server";
import type { Database } from "../app/lib/db.server";
import { insertSession, type SessionSubject } from "../app/models/sessions.server";
import type { BenchContext } from "./lib/context";

export type AuthKind = "customer" | "staff";

export interface BenchSession {
  /** The value of the Cookie request header. */
  cookie: string;
}

/** The secret bench/lib/server.ts gives the bench server. */
export const BENCH_SESSION_SECRET = "bench-only-session-secret-not-for-production-0123456789";

export class AuthNotAvailableError extends Error {
  override name = "AuthNotAvailableError";
  constructor(readonly kind: AuthKind) {
    super(`bench/auth.ts: no ${kind} session was minted for this run (call mintSessions before the server starts)`);
  }
}

const minted = new Map<AuthKind, BenchSession>();

/**
 * Writes a real session row for `subject` through the session model and
 * returns the Cookie header value that carries it, signed with the secret the
 * bench servers are given (bench/lib/server.ts), exactly as sign-in does.
 */
export async function mintSessionCookie(db: Database, subject: SessionSubject, now = new Date()): Promise<string> {
  const storage = createCookieSessionStorage<{ sid: string }>({
    cookie: { name: "__c365", httpOnly: true, sameSite: "lax", secure: false, path: "/", secrets: [BENCH_SESSION_SECRET] },
  });
  const sid = randomToken();
  await insertSession(db, {
    idHash: hashToken(sid),
    subject,
    expiresAt: new Date(now.getTime() + 12 * 3_600_000),
    ip: "127.0.0.1",
    userAgent: "customer365-bench",
    now,
  });
  const session = await storage.getSession();
  session.set("sid", sid);
  return (await storage.commitSession(session)).split(";")[0]!;
}

export async function mintSessions(db: Database, ctx: Omit<BenchContext, "baseUrl">, now = new Date()): Promise<void> {
  const subjects: Record<AuthKind, SessionSubject> = {
    customer: { kind: "contact", contactId: ctx.heavyAccount.admin.id, accountId: ctx.heavyAccount.id },
    staff: { kind: "staff", staffUserId: ctx.staff.id },
  };
  for (const [kind, subject] of Object.entries(subjects) as [AuthKind, SessionSubject][]) {
    minted.set(kind, { cookie: await mintSessionCookie(db, subject, now) });
  }
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the context is part of the contract for other sign-in strategies
export async function authenticate(kind: AuthKind, ctx: BenchContext): Promise<BenchSession> {
  const session = minted.get(kind);
  if (!session) throw new AuthNotAvailableError(kind);
  return session;
}
