import {
  REUSE_MARGIN_MS,
  SESSION_LIFETIME_MS,
  ChargeMismatchError,
  chargeFor,
  checkoutState,
  type Charge,
  type CheckoutState,
} from "../../domain/payments/checkout";
import { storedQuoteIsIntact } from "../../domain/payments/integrity.server";
import { recordAudit } from "../../models/audit.server";
import {
  attachSession,
  findContractTerm,
  isPlaceholderSessionId,
  latestPaymentForQuote,
  lockQuoteForPayment,
  movePayment,
  reservePaymentAttempt,
  type PaymentRow,
} from "../../models/payments.server";
import { findQuoteById, findQuoteForAccount, type StoredQuote } from "../../models/quotes.server";
import { addDays } from "../dates";
import type { Database } from "../db.server";
import type { Locale } from "../i18n/config";
import { errorFields, log } from "../log.server";
import { PaymentProviderError, type PaymentProvider } from "./provider";
import { applyProviderSession } from "./settle.server";
import { absoluteUrl, paymentPaths } from "./urls";

/** What the checkout page can do for a quote; "stale": it no longer matches its contract or its own lines. */
export type CheckoutPageState = CheckoutState | "stale";

type Db = Parameters<typeof findQuoteById>[0];

/**
 * Whether a quote may still be charged as stored: its lines, totals and
 * term are the ones it was priced with (hash), they add up, and the
 * contract it renews is still active, not renewed, and ends the day before
 * the quote's new term starts.
 */
export async function quoteStillMatchesContract(db: Db, quote: StoredQuote): Promise<boolean> {
  if (!storedQuoteIsIntact(quote)) return false;
  try {
    chargeFor(quote);
  } catch (error) {
    if (error instanceof ChargeMismatchError) return false;
    throw error;
  }
  const contract = await findContractTerm(db, quote.contractId);
  return Boolean(contract && contract.status === "active" && !contract.renewed && addDays(contract.termEnd, 1) === quote.newTermStart);
}

/** The checkout page's data: the quote (only this account's), its latest attempt and what can be done. */
export async function loadCheckout(db: Database, accountId: string, quoteId: string, now: Date) {
  const quote = await findQuoteForAccount(db, accountId, quoteId);
  if (!quote) return null;
  const latestPayment = await latestPaymentForQuote(db, quote.id);
  let state: CheckoutPageState = checkoutState(quote, latestPayment, now);
  if (state === "payable" && !(await quoteStillMatchesContract(db, quote))) state = "stale";
  return { quote, latestPayment, state };
}

export interface StartCheckoutInput {
  quoteId: string;
  /** Who is paying: prefilled on the payment page, and the audit's actor. */
  payer: { email: string | null; actorKind: "contact" | "approver"; actorId: string | null };
  locale: Locale;
  baseUrl: string;
  requestId?: string | null;
}

export type StartCheckoutResult =
  | { ok: true; url: string; sessionId: string; reused: boolean }
  | { ok: false; reason: Exclude<CheckoutPageState, "payable"> | "not_found" | "provider_unavailable" };

export interface CheckoutDeps {
  db: Database;
  provider: PaymentProvider;
  /** The portal's clock (quote expiry, audit). */
  now: () => Date;
}

type Step =
  | { kind: "done"; result: StartCheckoutResult }
  | { kind: "check"; payment: PaymentRow; total: number }
  | { kind: "create"; payment: PaymentRow; quote: StoredQuote; charge: Charge };

/**
 * Opens (or reopens) the payment page for a quote awaiting payment. Under
 * the quote lock it decides: refuse (not payable, stale), look at the open
 * session (reuse it while it has time left; a paid or finished one is
 * applied instead), or reserve the next attempt. The provider is called
 * outside the transaction; its idempotency key is derived from the quote,
 * version and attempt, so two clicks or two instances open one session.
 */
export async function startCheckout(input: StartCheckoutInput, deps: CheckoutDeps): Promise<StartCheckoutResult> {
  const ctx = { now: deps.now(), source: "checkout" as const, baseUrl: input.baseUrl, requestId: input.requestId ?? null };
  for (let round = 0; round < 3; round++) {
    const step = await deps.db.transaction().execute(async (trx): Promise<Step> => {
      const locked = await lockQuoteForPayment(trx, input.quoteId);
      if (!locked) return { kind: "done", result: { ok: false, reason: "not_found" } };
      const latest = await latestPaymentForQuote(trx, locked.id);
      const state = checkoutState(locked, latest, ctx.now);
      if (state !== "payable") return { kind: "done", result: { ok: false, reason: state } };
      const quote = await findQuoteById(trx, locked.id);
      if (!quote || !(await quoteStillMatchesContract(trx, quote))) return { kind: "done", result: { ok: false, reason: "stale" } };
      const charge = chargeFor(quote);
      const providerNow = deps.provider.now().getTime();
      if (latest?.status === "open" && latest.provider === deps.provider.name) {
        if (!isPlaceholderSessionId(latest.providerSessionId)) return { kind: "check", payment: latest, total: quote.total };
        // A reservation whose session was never recorded: create it with the
        // same key and expiry while there is time left (the provider then
        // returns the session it may already have made).
        if ((latest.expiresAt?.getTime() ?? 0) - providerNow > REUSE_MARGIN_MS * 2) return { kind: "create", payment: latest, quote, charge };
        await movePayment(trx, latest.id, "expired", ctx.now);
      } else if (latest?.status === "open") {
        // An attempt with another provider (the configuration changed): it cannot be paid here.
        await movePayment(trx, latest.id, "expired", ctx.now);
      }
      const payment = await reservePaymentAttempt(trx, {
        quoteId: quote.id,
        accountId: quote.accountId,
        provider: deps.provider.name,
        amount: charge.total,
        currency: charge.currency,
        expiresAt: new Date(providerNow + SESSION_LIFETIME_MS),
        now: ctx.now,
      });
      return { kind: "create", payment, quote, charge };
    });

    if (step.kind === "done") return step.result;

    try {
      if (step.kind === "check") {
        const session = await deps.provider.retrieveSession(step.payment.providerSessionId);
        if (session.status === "open") {
          const timeLeft = session.expiresAt.getTime() - deps.provider.now().getTime();
          if (timeLeft > REUSE_MARGIN_MS && session.amountTotal === step.total && session.url) {
            return { ok: true, url: session.url, sessionId: session.id, reused: true };
          }
          // Too little time left to pay: end it, so it cannot be paid beside the next one.
          await deps.provider.expireSession(session.id).catch((error: unknown) => {
            log.warn("could not expire a checkout session before replacing it", { sessionId: session.id, ...errorFields(error) });
          });
          await movePayment(deps.db, step.payment.id, "expired", ctx.now);
          continue;
        }
        const applied = await applyProviderSession(deps.db, session, ctx);
        if (applied.kind === "fulfilment") {
          return { ok: false, reason: applied.outcome.status === "fulfilled" ? "paid" : "stale" };
        }
        if (applied.kind === "processing") return { ok: false, reason: "processing" };
        if (session.status === "complete") return { ok: false, reason: "processing" };
        continue;
      }

      const session = await deps.provider.createCheckoutSession({
        quote: {
          id: step.quote.id,
          number: step.quote.number,
          version: step.quote.version,
          contractId: step.quote.contractId,
          contractNumber: step.quote.contractNumber,
          accountId: step.quote.accountId,
          newTermStart: step.quote.newTermStart,
          newTermEnd: step.quote.newTermEnd,
          poNumber: step.quote.poNumber,
        },
        charge: step.charge,
        attempt: step.payment.attempt,
        customerEmail: input.payer.email,
        receiptEmail: step.quote.billingEmail ?? input.payer.email,
        locale: input.locale,
        successUrl: absoluteUrl(input.baseUrl, paymentPaths.successTemplate(step.quote.id)),
        cancelUrl: absoluteUrl(input.baseUrl, paymentPaths.cancel(step.quote.id)),
        expiresAt: step.payment.expiresAt ?? new Date(deps.provider.now().getTime() + SESSION_LIFETIME_MS),
      });
      if (session.amountTotal !== step.charge.total || session.currency !== step.charge.currency || !session.url) {
        // Never send a customer to pay an amount that is not the quote's.
        log.error("provider session does not charge the quote's total", {
          quoteId: step.quote.id,
          sessionId: session.id,
          amount: session.amountTotal,
          expected: step.charge.total,
          currency: session.currency,
        });
        await deps.provider.expireSession(session.id).catch(() => undefined);
        await movePayment(deps.db, step.payment.id, "expired", ctx.now);
        return { ok: false, reason: "provider_unavailable" };
      }
      await attachSession(deps.db, step.payment.id, session, ctx.now);
      await recordAudit(deps.db, {
        actorKind: input.payer.actorKind,
        actorId: input.payer.actorId,
        accountId: step.quote.accountId,
        entityType: "quote",
        entityId: step.quote.id,
        action: "checkout.started",
        data: { provider: deps.provider.name, sessionId: session.id, attempt: step.payment.attempt, amount: step.charge.total, currency: step.charge.currency },
        requestId: ctx.requestId,
        at: ctx.now,
      });
      return { ok: true, url: session.url, sessionId: session.id, reused: false };
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      log.warn("payment provider unavailable at checkout", { quoteId: input.quoteId, ...errorFields(error) });
      return { ok: false, reason: "provider_unavailable" };
    }
  }
  return { ok: false, reason: "provider_unavailable" };
}
