import { recordAudit } from "~/models/audit.server";
import { consumeLoginToken, findLoginToken, insertLoginToken } from "~/models/login-tokens.server";
import { findActiveContactByEmail, findActiveStaffByEmail } from "~/models/people.server";

import { enqueueEmail } from "../email/outbox.server";
import { env } from "../env.server";
import { isLocale } from "../i18n/config";
import { log, maskEmail } from "../log.server";
import { safeRedirect } from "../safe-redirect";
import { clock, db } from "../services.server";
import { hashToken, looksLikeToken, randomToken } from "./tokens.server";

/** Sign-in links live for 10 minutes (docs/product-policies.md). */
export const SIGN_IN_LINK_MINUTES = 10;

/** Absolute URLs for emails: APP_URL when set, else the origin the request came to. */
export function appUrl(request: Request, path: string): string {
  const base = env().APP_URL ?? new URL(request.url).origin;
  return new URL(path, base).toString();
}

/**
 * Emails a sign-in link to a known, active contact or staff user. The caller
 * answers the same way whether or not the address is known, so the form
 * cannot be used to find out who has an account.
 */
export async function requestSignInLink(request: Request, email: string, redirectTo: string | undefined) {
  const database = db();
  const now = clock().now();
  const contact = await findActiveContactByEmail(database, email);
  const staff = contact ? undefined : await findActiveStaffByEmail(database, email);
  const person = contact ?? staff;
  if (!person) {
    log.info("sign-in link requested for an unknown address", { to: maskEmail(email) });
    return;
  }
  const token = randomToken();
  const target = redirectTo ? safeRedirect(redirectTo, "") || null : null;
  await database.transaction().execute(async (trx) => {
    await insertLoginToken(trx, {
      tokenHash: hashToken(token),
      subject: contact ? { kind: "contact", contactId: contact.id } : { kind: "staff", staffUserId: person.id },
      redirectTo: target,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
      now,
    });
    await enqueueEmail(trx, {
      to: person.email,
      locale: isLocale(person.locale) ? person.locale : "en",
      template: "signInLink",
      params: { name: person.name, url: appUrl(request, `/sign-in/verify/${token}`), minutes: SIGN_IN_LINK_MINUTES },
    });
    await recordAudit(trx, {
      actorKind: contact ? "contact" : "staff",
      actorId: person.id,
      accountId: contact?.accountId ?? null,
      entityType: contact ? "contact" : "staff_user",
      entityId: person.id,
      action: "sign_in_link.requested",
      at: now,
    });
  });
}

export type TokenCheck =
  | { status: "valid"; email: string; name: string; kind: "contact" | "staff" }
  | { status: "expired" | "used"; email: string; kind: "contact" | "staff" }
  | { status: "unknown" };

/** What the confirm page shows for a token, without using it up. */
export async function checkSignInToken(token: string): Promise<TokenCheck> {
  if (!looksLikeToken(token)) return { status: "unknown" };
  const found = await findLoginToken(db(), hashToken(token));
  if (!found) return { status: "unknown" };
  const base = { email: found.email, kind: found.subjectKind } as const;
  if (found.usedAt) return { status: "used", ...base };
  if (found.expiresAt <= clock().now()) return { status: "expired", ...base };
  return { status: "valid", name: found.name, ...base };
}

/** Uses the token up (the confirm page's POST); exactly one caller wins. */
export async function redeemSignInToken(token: string) {
  if (!looksLikeToken(token)) return undefined;
  return consumeLoginToken(db(), hashToken(token), clock().now());
}
