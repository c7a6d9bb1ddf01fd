/**
 * What a payment provider's word does to a quote, in the caller's
 * transaction: fulfilment (the one function that turns a paid session into
 * a new contract term) and the smaller facts (processing, failed, expired,
 * refunded). The webhook, the success page, the demo checkout and the
 * reconciliation job all come through here. Each function locks the quote
 * row first, so whatever arrives first wins and the rest change nothing.
 */
import { sql, type Transaction } from "kysely";

import {
  FULFILLABLE_QUOTE_STATUSES,
  checkPaidSession,
  contractLinesFromQuote,
  renewalSaving,
  type RefusalReason,
} from "~/domain/payments/fulfilment";
import type { CheckoutSession } from "~/domain/payments/types";
import { isUuid } from "~/lib/auth/guards.server";
import { enqueueEmail } from "~/lib/email/outbox.server";
import { formatDate, formatMoney } from "~/lib/format";
import { isLocale, type Locale } from "~/lib/i18n/config";
import { log } from "~/lib/log.server";
import { alertSuccessTeam } from "~/lib/payments/alerts.server";
import { absoluteUrl, paymentPaths } from "~/lib/payments/urls";

import type { DB } from "../../db/schema";
import { recordAudit } from "./audit.server";
import {
  lockQuoteForPayment,
  markPaymentSucceeded,
  movePayment,
  noteDuplicatePayment,
  paymentForSession,
  recordRefund,
  findPaymentByIntent,
  settledPaymentForQuote,
  type QuoteForCheckout,
} from "./payments.server";
import { transitionQuote } from "./quotes.server";

export interface FulfilmentContext {
  /** The portal's clock (paid_at, renewed_at, audit). */
  now: Date;
  /** Who reported it: the audit trail says which path got there first. */
  source: "webhook" | "success_page" | "demo_checkout" | "reconciliation" | "checkout";
  /** The portal's public origin, for links in emails and notices. */
  baseUrl: string;
  requestId?: string | null;
}

export type FulfilmentOutcome =
  | {
      status: "fulfilled";
      /** True when an earlier call (or another instance) had already done it. */
      alreadyDone: boolean;
      quoteId: string;
      paymentId: string;
      contractId: string;
      contractNumber: string;
    }
  | { status: "refused"; reason: RefusalReason | "duplicate_payment"; quoteId: string | null; paymentId: string | null };

type Tx = Transaction<DB>;

/**
 * Fulfils the quote a provider reports as paid, exactly once. In the
 * caller's transaction: lock the quote; if it is already paid by this
 * session, return that outcome; verify amount, currency and version; record
 * the payment; move the quote to paid then fulfilled; create the new term
 * (the day after the old one ends, for the quote's years) with the quote's
 * product lines; mark the old term renewed; enqueue the confirmation email;
 * tell the success manager; write the audit event. The unique indexes
 * payments_one_success_per_quote and contracts_previous_contract_id_key make
 * a second success or a second term impossible even past these checks.
 */
export async function fulfilQuotePayment(trx: Tx, session: CheckoutSession, ctx: FulfilmentContext): Promise<FulfilmentOutcome> {
  const quote = isUuid(session.quoteId) ? await lockQuoteForPayment(trx, session.quoteId.toLowerCase()) : null;
  if (!quote) return refuse(trx, session, null, "unknown_quote", ctx);

  const settled = await settledPaymentForQuote(trx, quote.id);
  if (settled) {
    if (settled.provider === session.provider && settled.providerSessionId === session.id) {
      const successor = await successorOf(trx, quote.contractId);
      return successor
        ? { status: "fulfilled", alreadyDone: true, quoteId: quote.id, paymentId: settled.id, contractId: successor.id, contractNumber: successor.number }
        : refuse(trx, session, quote, "not_payable", ctx, settled.id);
    }
    // Money taken a second time for a paid quote (two sessions paid): keep
    // the evidence on its own payment row and have a person refund it.
    const duplicate = await paymentForSession(trx, session, quote, ctx.now);
    await noteDuplicatePayment(trx, duplicate.id, session.paymentIntentId, ctx.now);
    return refuse(trx, session, quote, "duplicate_payment", ctx, duplicate.id);
  }

  const contract = await trx
    .selectFrom("contracts")
    .select(["id", "number", "status", "autoRenew", "termEnd"])
    .where("id", "=", quote.contractId)
    .forUpdate()
    .executeTakeFirst();
  const successor = contract ? await successorOf(trx, contract.id) : null;
  const check = checkPaidSession(quote, session, contract ? { status: contract.status, renewed: successor !== null } : null);
  if (!check.ok || !contract || session.amountTotal === null) {
    return refuse(trx, session, quote, check.ok ? "unknown_quote" : check.reason, ctx);
  }

  const payment = await paymentForSession(trx, session, quote, ctx.now);
  await markPaymentSucceeded(trx, payment.id, {
    amount: session.amountTotal,
    currency: quote.currency,
    providerPaymentId: session.paymentIntentId,
    paidAt: ctx.now,
  });
  if (!(await transitionQuote(trx, quote.id, FULFILLABLE_QUOTE_STATUSES, "paid", ctx.now))) {
    throw new Error(`Quote ${quote.number} left ${quote.status} while locked`);
  }

  const lines = await trx
    .selectFrom("quoteLines")
    .select(["position", "kind", "productId", "quantity", "unitAmount", "amount"])
    .where("quoteId", "=", quote.id)
    .orderBy("position")
    .execute();
  const { seq } = await sql<{ seq: number }>`select nextval('contract_number_seq')::int as seq`.execute(trx).then((r) => r.rows[0]!);
  const term = await trx
    .insertInto("contracts")
    .values({
      number: `C365-${seq}`,
      accountId: quote.accountId,
      previousContractId: contract.id,
      termStart: quote.newTermStart,
      termEnd: quote.newTermEnd,
      status: "active",
      autoRenew: contract.autoRenew,
      currency: quote.currency,
      createdAt: ctx.now,
    })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  const termLines = contractLinesFromQuote(lines);
  if (termLines.length > 0) {
    await trx
      .insertInto("contractLines")
      .values(termLines.map((line) => ({ ...line, contractId: term.id })))
      .execute();
  }
  await trx
    .updateTable("contracts")
    .set({ status: "renewed", renewedAt: ctx.now })
    .where("id", "=", contract.id)
    .execute();
  await transitionQuote(trx, quote.id, ["paid"], "fulfilled", ctx.now);

  const saving = renewalSaving(lines);
  await sendConfirmation(trx, quote, {
    previousContract: contract.number,
    newContract: term.number,
    paymentId: payment.id,
    amount: session.amountTotal,
    saving,
    ctx,
  });
  await alertSuccessTeam(trx, {
    accountId: quote.accountId,
    kind: "renewalPaid",
    url: absoluteUrl(ctx.baseUrl, paymentPaths.staff()),
    values: {
      contract: term.number,
      previous: contract.number,
      quote: quote.number,
      amount: formatMoney(session.amountTotal, quote.currency, "en"),
      start: quote.newTermStart,
      end: quote.newTermEnd,
    },
    contractId: term.id,
    quoteId: quote.id,
  });
  await recordAudit(trx, {
    actorKind: "provider",
    actorId: session.provider,
    accountId: quote.accountId,
    entityType: "quote",
    entityId: quote.id,
    action: "quote.fulfilled",
    data: {
      source: ctx.source,
      sessionId: session.id,
      paymentId: payment.id,
      amount: session.amountTotal,
      currency: quote.currency,
      previousContractId: contract.id,
      newContractId: term.id,
      newContractNumber: term.number,
    },
    requestId: ctx.requestId ?? null,
    at: ctx.now,
  });
  log.info("renewal fulfilled", { quoteId: quote.id, paymentId: payment.id, contractId: term.id, source: ctx.source });
  return { status: "fulfilled", alreadyDone: false, quoteId: quote.id, paymentId: payment.id, contractId: term.id, contractNumber: term.number };
}

async function successorOf(trx: Tx, contractId: string) {
  const row = await trx.selectFrom("contracts").select(["id", "number"]).where("previousContractId", "=", contractId).executeTakeFirst();
  return row ?? null;
}

/**
 * A paid session the portal will not fulfil: logged, written to the audit
 * trail and told to the success team once per session (the webhook, the
 * success page and the job may all see it), with no term created. The money
 * needs a person: check it in the provider's dashboard, refund if needed.
 */
async function refuse(
  trx: Tx,
  session: CheckoutSession,
  quote: QuoteForCheckout | null,
  reason: RefusalReason | "duplicate_payment",
  ctx: FulfilmentContext,
  paymentId: string | null = null,
): Promise<FulfilmentOutcome> {
  const entityId = `${session.provider}:${session.id}`;
  const seen = await trx
    .selectFrom("auditEvents")
    .select("id")
    .where("entityType", "=", "payment_session")
    .where("entityId", "=", entityId)
    .where("action", "=", "payment.refused")
    .executeTakeFirst();
  log.error("paid checkout session refused", {
    reason,
    sessionId: session.id,
    quoteId: quote?.id ?? session.quoteId,
    amount: session.amountTotal,
    currency: session.currency,
    expectedAmount: quote?.total,
    expectedCurrency: quote?.currency,
    source: ctx.source,
  });
  if (!seen) {
    await recordAudit(trx, {
      actorKind: "provider",
      actorId: session.provider,
      accountId: quote?.accountId ?? null,
      entityType: "payment_session",
      entityId,
      action: "payment.refused",
      data: {
        reason,
        source: ctx.source,
        quoteId: quote?.id ?? session.quoteId,
        amount: session.amountTotal,
        currency: session.currency,
        expectedAmount: quote?.total ?? null,
        expectedCurrency: quote?.currency ?? null,
      },
      requestId: ctx.requestId ?? null,
      at: ctx.now,
    });
    await alertSuccessTeam(trx, {
      accountId: quote?.accountId ?? null,
      kind: reason === "duplicate_payment" ? "duplicatePayment" : "paymentRefused",
      url: absoluteUrl(ctx.baseUrl, paymentPaths.staff()),
      values: {
        reason,
        session: session.id,
        quote: quote?.number ?? session.quoteId ?? "—",
        amount: session.amountTotal === null ? "—" : formatMoney(session.amountTotal, session.currency ?? "USD", "en"),
        expected: quote ? formatMoney(quote.total, quote.currency, "en") : "—",
      },
      contractId: quote?.contractId ?? null,
      quoteId: quote?.id ?? null,
    });
  }
  return { status: "refused", reason, quoteId: quote?.id ?? null, paymentId };
}

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

/** The contact who confirmed the renewal, else the quote's billing email (in the account's language). */
async function confirmationRecipient(trx: Tx, quote: QuoteForCheckout): Promise<Recipient | null> {
  if (quote.confirmedByContactId) {
    const contact = await trx
      .selectFrom("contacts")
      .select(["email", "name", "locale", "active"])
      .where("id", "=", quote.confirmedByContactId)
      .executeTakeFirst();
    if (contact?.active) return { email: contact.email, name: contact.name, locale: isLocale(contact.locale) ? contact.locale : "en" };
  }
  if (quote.billingEmail) {
    const account = await trx.selectFrom("accounts").select(["name", "locale"]).where("id", "=", quote.accountId).executeTakeFirstOrThrow();
    return { email: quote.billingEmail, name: account.name, locale: isLocale(account.locale) ? account.locale : "en" };
  }
  return null;
}

async function sendConfirmation(
  trx: Tx,
  quote: QuoteForCheckout,
  input: { previousContract: string; newContract: string; paymentId: string; amount: number; saving: number; ctx: FulfilmentContext },
) {
  const to = await confirmationRecipient(trx, quote);
  if (!to) {
    log.warn("renewal confirmed without anyone to email", { quoteId: quote.id });
    return;
  }
  await enqueueEmail(trx, {
    to: to.email,
    locale: to.locale,
    template: "renewalConfirmed",
    params: {
      name: to.name,
      previousContract: input.previousContract,
      newContract: input.newContract,
      start: formatDate(quote.newTermStart, to.locale, "long"),
      end: formatDate(quote.newTermEnd, to.locale, "long"),
      amount: formatMoney(input.amount, quote.currency, to.locale),
      paidOn: formatDate(input.ctx.now.toISOString(), to.locale, "long"),
      saving: input.saving > 0 ? formatMoney(input.saving, quote.currency, to.locale) : null,
      poNumber: quote.poNumber,
      receiptUrl: absoluteUrl(input.ctx.baseUrl, paymentPaths.receipt(input.paymentId)),
    },
  });
}

// ---------------------------------------------------------------------------
// The smaller facts a provider reports
// ---------------------------------------------------------------------------

export type SessionFactOutcome = "processing" | "failed" | "expired" | "stale" | "unknown_quote";

/**
 * The customer finished checkout with a method that settles later (a bank
 * debit): the payment is processing and the quote waits. A session whose
 * amount or currency is not the quote's is refused like a paid one.
 */
export async function recordSessionProcessing(trx: Tx, session: CheckoutSession, ctx: FulfilmentContext): Promise<SessionFactOutcome | FulfilmentOutcome> {
  const quote = isUuid(session.quoteId) ? await lockQuoteForPayment(trx, session.quoteId.toLowerCase()) : null;
  if (!quote) return "unknown_quote";
  if (!FULFILLABLE_QUOTE_STATUSES.includes(quote.status)) return "stale";
  if (session.amountTotal !== quote.total || (session.currency ?? "") !== quote.currency) {
    return refuse(trx, session, quote, session.amountTotal !== quote.total ? "amount_mismatch" : "currency_mismatch", ctx);
  }
  const payment = await paymentForSession(trx, session, quote, ctx.now);
  if (!(await movePayment(trx, payment.id, "processing", ctx.now, { providerPaymentId: session.paymentIntentId }))) return "stale";
  await recordAudit(trx, paymentAudit(quote, payment.id, "payment.processing", session, ctx));
  return "processing";
}

/**
 * A delayed payment failed: the payment is marked failed, the quote stays
 * payable (a new attempt is offered at checkout), and the customer is
 * emailed a link to try again; their success manager is told too.
 */
export async function recordSessionFailed(trx: Tx, session: CheckoutSession, ctx: FulfilmentContext): Promise<SessionFactOutcome> {
  const quote = isUuid(session.quoteId) ? await lockQuoteForPayment(trx, session.quoteId.toLowerCase()) : null;
  if (!quote) return "unknown_quote";
  const payment = await paymentForSession(trx, session, quote, ctx.now);
  if (!(await movePayment(trx, payment.id, "failed", ctx.now))) return "stale";
  await recordAudit(trx, paymentAudit(quote, payment.id, "payment.failed", session, ctx));
  const contract = await trx.selectFrom("contracts").select("number").where("id", "=", quote.contractId).executeTakeFirstOrThrow();
  const to = await confirmationRecipient(trx, quote);
  if (to && FULFILLABLE_QUOTE_STATUSES.includes(quote.status)) {
    await enqueueEmail(trx, {
      to: to.email,
      locale: to.locale,
      template: "paymentFailed",
      params: {
        name: to.name,
        contract: contract.number,
        quote: quote.number,
        amount: formatMoney(payment.amount, payment.currency, to.locale),
        url: absoluteUrl(ctx.baseUrl, paymentPaths.checkout(quote.id)),
      },
    });
  }
  await alertSuccessTeam(trx, {
    accountId: quote.accountId,
    kind: "paymentFailed",
    url: absoluteUrl(ctx.baseUrl, paymentPaths.staff()),
    values: { contract: contract.number, quote: quote.number, amount: formatMoney(payment.amount, payment.currency, "en") },
    contractId: quote.contractId,
    quoteId: quote.id,
  });
  return "failed";
}

/** The session ran out unpaid: its payment is expired and the quote is payable again with a new session. */
export async function recordSessionExpired(trx: Tx, session: CheckoutSession, ctx: FulfilmentContext): Promise<SessionFactOutcome> {
  const quote = isUuid(session.quoteId) ? await lockQuoteForPayment(trx, session.quoteId.toLowerCase()) : null;
  if (!quote) return "unknown_quote";
  const payment = await paymentForSession(trx, session, quote, ctx.now);
  if (!(await movePayment(trx, payment.id, "expired", ctx.now))) return "stale";
  await recordAudit(trx, paymentAudit(quote, payment.id, "payment.expired", session, ctx));
  return "expired";
}

export type RefundOutcome = "refunded" | "partially_refunded" | "unknown_payment" | "stale";

/**
 * A refund made in the provider's dashboard: the payment is marked refunded
 * (or partially), and the success manager is told, since what happens to
 * the term is a person's decision.
 */
export async function recordProviderRefund(
  trx: Tx,
  refund: { provider: "stripe" | "demo"; paymentIntentId: string | null; amountRefunded: number; currency: string },
  ctx: FulfilmentContext,
): Promise<RefundOutcome> {
  if (!refund.paymentIntentId) return "unknown_payment";
  const found = await findPaymentByIntent(trx, refund.provider, refund.paymentIntentId);
  if (!found) return "unknown_payment";
  const quote = await lockQuoteForPayment(trx, found.quoteId);
  const payment = await findPaymentByIntent(trx, refund.provider, refund.paymentIntentId);
  if (!quote || !payment) return "unknown_payment";
  const status = refund.amountRefunded >= payment.amount ? "refunded" : "partially_refunded";
  if (payment.status === status && payment.refundedAmount === refund.amountRefunded) return "stale";
  if (!(await recordRefund(trx, payment.id, { refundedAmount: refund.amountRefunded, status, now: ctx.now }))) return "stale";
  const contract = await trx.selectFrom("contracts").select("number").where("id", "=", quote.contractId).executeTakeFirstOrThrow();
  await recordAudit(trx, {
    ...paymentAudit(quote, payment.id, `payment.${status}`, null, ctx),
    data: { source: ctx.source, paymentId: payment.id, refundedAmount: refund.amountRefunded, amount: payment.amount, currency: payment.currency },
  });
  await alertSuccessTeam(trx, {
    accountId: quote.accountId,
    kind: "paymentRefunded",
    url: absoluteUrl(ctx.baseUrl, paymentPaths.staff()),
    values: {
      contract: contract.number,
      quote: quote.number,
      refunded: formatMoney(refund.amountRefunded, payment.currency, "en"),
      amount: formatMoney(payment.amount, payment.currency, "en"),
    },
    contractId: quote.contractId,
    quoteId: quote.id,
  });
  return status;
}

function paymentAudit(quote: QuoteForCheckout, paymentId: string, action: string, session: CheckoutSession | null, ctx: FulfilmentContext) {
  return {
    actorKind: "provider" as const,
    actorId: session?.provider ?? null,
    accountId: quote.accountId,
    entityType: "payment",
    entityId: paymentId,
    action,
    data: { source: ctx.source, quoteId: quote.id, sessionId: session?.id ?? null },
    requestId: ctx.requestId ?? null,
    at: ctx.now,
  };
}
