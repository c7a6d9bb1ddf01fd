import { data } from "@remix-run/node";

import { hitRateLimit } from "~/models/rate-limits.server";

import { clock, db } from "../services.server";
import { hashToken } from "./tokens.server";

/** The limits of issue 3; each names its key and window. */
export const LIMITS = {
  signInPerEmail: { limit: 3, windowSeconds: 15 * 60 },
  signInPerIp: { limit: 10, windowSeconds: 60 },
  confirmPerIp: { limit: 10, windowSeconds: 60 },
  mutationPerIp: { limit: 100, windowSeconds: 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * Counts one hit of `name` for `subject` (an IP or an email; hashed so the
 * table never holds a full address) and throws a 429 with Retry-After when the
 * limit is passed. The error boundary renders the localised "try again in N
 * seconds" page from `retryAfter`.
 */
export async function enforceRateLimit(name: LimitName, subject: string): Promise<void> {
  const { limit, windowSeconds } = LIMITS[name];
  const key = `${name}:${hashToken(subject.toLowerCase()).slice(0, 32)}`;
  const result = await hitRateLimit(db(), key, limit, windowSeconds, clock().now());
  if (!result.allowed) {
    throw data(
      { retryAfter: result.retryAfter },
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
}
