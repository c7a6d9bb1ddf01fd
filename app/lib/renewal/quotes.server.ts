/**
 * The renewal journey's quote steps: price what the customer chose, save it
 * as a version, and confirm it, recomputing on the server every time. Routes
 * call these; the rules themselves live in app/domain (pricing, renewal).
 */
import type { Transaction } from "kysely";

import { computeQuote, type PricedQuote, type QuoteOptions, type QuoteResult } from "~/domain/pricing";
import { priceHash } from "~/domain/pricing/price-hash.server";
import { confirmRefusal, type ConfirmRefusal } from "~/domain/renewal/confirmation";
import type { ConfirmQuoteInput } from "~/domain/renewal/schemas";
import { recordAudit } from "~/models/audit.server";
import { loadCatalogue, loadIncentiveRules } from "~/models/catalogue.server";
import { lockQuote } from "~/models/approvals.server";
import {
  findQuoteForAccount,
  OPEN_QUOTE_STATUSES,
  saveQuote,
  storedOptions,
  transitionQuote,
  type StoredQuote,
} from "~/models/quotes.server";
import { findRenewalContext, type RenewalContract } from "~/models/renewal-context.server";
import { isSaveOfferUsed, latestQuoteVersion } from "~/models/renewal-quotes.server";

import type { DB } from "../../../db/schema";
import type { Database } from "../db.server";
import type { RenewalActor } from "./access.server";

type Db = Database | Transaction<DB>;

export interface LoadedRenewal {
  renewal: RenewalContract;
  catalogue: Awaited<ReturnType<typeof loadCatalogue>>;
  rules: Awaited<ReturnType<typeof loadIncentiveRules>>;
}

/**
 * What the engine needs to price this contract, scoped by account (null for
 * another account's contract). Rules are those in force on `rulesDay`: today
 * for a new quote, the quote's pricing date when recomputing a saved one (its
 * price lock keeps the incentive it was priced with). `saveOfferUsed` is set
 * here, leaving out `exceptQuoteId` (the quote being recomputed).
 */
export async function loadRenewal(
  db: Db,
  accountId: string,
  contractId: string,
  rulesDay: string,
  options: { exceptQuoteId?: string } = {},
): Promise<LoadedRenewal | null> {
  const renewal = await findRenewalContext(db, accountId, contractId);
  if (!renewal) return null;
  const [catalogue, rules, saveOfferUsed] = await Promise.all([
    loadCatalogue(db, renewal.context.currency),
    loadIncentiveRules(db, renewal.context.segment, rulesDay),
    isSaveOfferUsed(db, contractId, options.exceptQuoteId),
  ]);
  return { renewal: { ...renewal, context: { ...renewal.context, saveOfferUsed } }, catalogue, rules };
}

export function priceRenewal(loaded: LoadedRenewal, options: QuoteOptions, day: string): QuoteResult {
  return computeQuote(loaded.renewal.context, loaded.catalogue, loaded.rules, options, day);
}

export interface SavedVersion {
  id: string;
  number: string;
  version: number;
  /** True when the newest open version already had exactly this price, so no new version was made. */
  reused: boolean;
}

/**
 * Saves what was priced as the contract's next quote version, unless the
 * newest version is still open, unexpired and prices identically (same
 * fingerprint): then that one is used, so clicking twice, or downloading the
 * PDF and then confirming, does not pile up versions.
 */
export async function saveRenewalQuote(
  db: Database,
  input: { accountId: string; contractId: string; quote: PricedQuote; actor: RenewalActor; now: Date; reason: string; requestId?: string | null },
): Promise<SavedVersion> {
  return db.transaction().execute(async (trx) => {
    const latest = await latestQuoteVersion(trx, input.contractId);
    if (latest) {
      const stored = await findQuoteForAccount(trx, input.accountId, latest.id);
      if (
        stored &&
        OPEN_QUOTE_STATUSES.includes(stored.status) &&
        stored.expiresAt.getTime() > input.now.getTime() &&
        priceHash(input.quote, input.quote.options, input.contractId, stored.version) === stored.priceHash
      ) {
        return { id: stored.id, number: stored.number, version: stored.version, reused: true };
      }
    }
    const saved = await saveQuote(trx, {
      accountId: input.accountId,
      contractId: input.contractId,
      quote: input.quote,
      createdBy: input.actor.contactId ? { kind: "contact", id: input.actor.contactId } : null,
      now: input.now,
    });
    await recordAudit(trx, {
      actorKind: input.actor.kind,
      actorId: input.actor.auditId,
      accountId: input.accountId,
      entityType: "quote",
      entityId: saved.id,
      action: "quote.saved",
      data: {
        number: saved.number,
        version: saved.version,
        total: input.quote.total,
        currency: input.quote.currency,
        termYears: input.quote.termYears,
        seats: input.quote.seats,
        planCode: input.quote.planCode,
        saveOffer: input.quote.options.saveOffer === true,
        reason: input.reason,
      },
      requestId: input.requestId ?? null,
      at: input.now,
    });
    return { id: saved.id, number: saved.number, version: saved.version, reused: false };
  });
}

/** Re-prices a saved quote's options today (the "fresh quote" offered when one is refused). */
export async function priceFresh(db: Db, quote: StoredQuote, today: string): Promise<QuoteResult | null> {
  const loaded = await loadRenewal(db, quote.accountId, quote.contractId, today);
  if (!loaded) return null;
  return priceRenewal(loaded, optionsOf(quote), today);
}

/** The options a quote was priced with, without the pricing date stored beside them. */
export function optionsOf(quote: StoredQuote): QuoteOptions {
  const { pricedOn: _pricedOn, ...options } = storedOptions(quote);
  return options;
}

export type ConfirmResult =
  | { ok: true; quoteId: string }
  | { ok: false; reason: ConfirmRefusal; latestQuoteId: string | null };

/**
 * Confirms a quote for payment. The quote row is locked; its price is
 * recomputed with its pricing date and today's catalogue and rules; and the
 * confirmation is refused, changing nothing, when the form was altered, the
 * price moved, the lock expired, a newer version exists or it was already
 * confirmed. Exactly one of two simultaneous submits wins.
 */
export async function confirmRenewalQuote(
  db: Database,
  input: {
    accountId: string;
    contractId: string;
    quoteId: string;
    form: ConfirmQuoteInput;
    actor: RenewalActor;
    now: Date;
    today: string;
    requestId?: string | null;
  },
): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockQuote(trx, input.quoteId);
    if (!locked || locked.accountId !== input.accountId || locked.contractId !== input.contractId) {
      throw new Response("Not found", { status: 404 });
    }
    const quote = (await findQuoteForAccount(trx, input.accountId, input.quoteId))!;
    const latest = await latestQuoteVersion(trx, input.contractId);
    const pricedOn = storedOptions(quote).pricedOn ?? quote.pricedAt.toISOString().slice(0, 10);
    const loaded = await loadRenewal(trx, input.accountId, input.contractId, pricedOn, { exceptQuoteId: quote.id });
    const contractOpen = loaded?.renewal.status === "active";
    const recomputed = loaded && contractOpen ? priceRenewal(loaded, optionsOf(quote), pricedOn) : null;
    const recomputedHash = recomputed?.ok ? priceHash(recomputed.quote, recomputed.quote.options, input.contractId, quote.version) : null;

    const refusal = confirmRefusal({
      stored: { status: quote.status, version: quote.version, priceHash: quote.priceHash, expiresAt: quote.expiresAt },
      latestVersion: latest?.version ?? quote.version,
      submitted: { version: input.form.version, priceHash: input.form.priceHash },
      recomputedHash,
      now: input.now,
    });
    if (refusal) {
      await recordAudit(trx, {
        actorKind: input.actor.kind,
        actorId: input.actor.auditId,
        accountId: input.accountId,
        entityType: "quote",
        entityId: quote.id,
        action: "quote.confirm_refused",
        data: { reason: refusal, version: quote.version, submittedVersion: input.form.version },
        requestId: input.requestId ?? null,
        at: input.now,
      });
      return { ok: false, reason: refusal, latestQuoteId: latest && latest.id !== quote.id ? latest.id : null };
    }

    const moved = await transitionQuote(trx, quote.id, ["draft", "shared", "approved"], "awaiting_payment", input.now, {
      termsAcceptedAt: input.now,
      confirmedAt: input.now,
      confirmedByContactId: input.actor.contactId,
      poNumber: input.form.poNumber,
      billingEmail: input.form.billingEmail,
    });
    if (!moved) return { ok: false, reason: "already_confirmed", latestQuoteId: null };
    await recordAudit(trx, {
      actorKind: input.actor.kind,
      actorId: input.actor.auditId,
      accountId: input.accountId,
      entityType: "quote",
      entityId: quote.id,
      action: "quote.confirmed",
      data: {
        number: quote.number,
        version: quote.version,
        total: quote.total,
        currency: quote.currency,
        poNumber: input.form.poNumber,
        billingEmail: input.form.billingEmail,
      },
      requestId: input.requestId ?? null,
      at: input.now,
    });
    return { ok: true, quoteId: quote.id };
  });
}
