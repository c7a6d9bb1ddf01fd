/**
 * What the account home and the contract page show, built from what
 * app/models/contracts.server.ts loads: one call per page, so a route is
 * guard → model → one of these → components. Everything returned is plain
 * data (ISO strings, integers), safe to send to the browser as it is.
 */
import { daysBetween } from "~/lib/dates";

import { adoptionSignals, type AdoptionLevel, type AdoptionMonth, type AdoptionSignals } from "./adoption";
import { attentionOrder } from "./attention";
import { monthSeries } from "./months";
import { nextAction, type NextAction } from "./next-action";
import { EARLY_RENEWAL_MIN_DAYS } from "./policy";
import { valueRecap, seatsBoughtOf, type ValueRecap } from "./recap";
import { contractBadge, type Standing } from "./standing";
import type {
  Badge,
  ContractLineFact,
  ContractStatus,
  EarlyRenewalStep,
  Instant,
  IsoDate,
  Segment,
  Term,
  TicketFact,
  UsageMonth,
} from "./types";
import { instantDate, instantMs } from "./types";

export interface SuccessorTerm extends Term {
  id: string;
  number: string;
}

/** One contract as the account home query returns it. */
export interface AccountHomeRow extends Term {
  id: string;
  number: string;
  status: ContractStatus;
  autoRenew: boolean;
  currency: string;
  cancelledAt: Instant | null;
  segment: Segment;
  /** In position order. */
  lines: ContractLineFact[];
  /** Sum of quantity × unit price: what a year of the contract costs, minor units. */
  annualValue: number;
  /** The latest snapshots, newest first (up to four: enough for the three-month trend). */
  recentUsage: AdoptionMonth[];
  successor: SuccessorTerm | null;
}

export interface ContractCardView extends Term {
  id: string;
  number: string;
  planCode: string | null;
  addonCodes: string[];
  seatsBought: number;
  /** The latest snapshot's head count and its month; null without usage data. */
  seatsActive: { count: number; month: IsoDate } | null;
  badge: Badge;
  daysToEnd: number;
  autoRenew: boolean;
  annualValue: { amount: number; currency: string };
  nextAction: NextAction;
  adoption: AdoptionLevel;
  successor: SuccessorTerm | null;
}

export interface AccountHomeView {
  /** In attention order (see attention.ts). */
  contracts: ContractCardView[];
  /** How many are in grace or have renewal open. */
  needAttention: number;
}

export type IncentiveFor = (contract: { id: string; termEnd: IsoDate; segment: Segment }, today: IsoDate) => EarlyRenewalStep;

/**
 * The account home: one card per subscription, in attention order.
 *
 * A renewal makes a new contract row, so a renewal chain shows as the one
 * term that is running: once the new term has started the old one is history
 * (it is on the new term's page); before that, the old term is shown as
 * "renewed until …" and its successor stays off the home page.
 */
export function buildAccountHome(
  rows: readonly AccountHomeRow[],
  today: IsoDate,
  incentiveFor: IncentiveFor,
): AccountHomeView {
  const waitingSuccessors = new Set(
    rows.filter((row) => row.successor && row.successor.termStart > today).map((row) => row.successor!.id),
  );
  const visible = rows.filter(
    (row) => !(row.successor && row.successor.termStart <= today) && !waitingSuccessors.has(row.id),
  );
  const cards = visible.map((row): ContractCardView => {
    const standing = contractBadge(row, today, row.successor !== null);
    const latest = row.recentUsage[0];
    const seatsBought = seatsBoughtOf(row.lines);
    return {
      id: row.id,
      number: row.number,
      termStart: row.termStart,
      termEnd: row.termEnd,
      planCode: row.lines.find((line) => line.kind === "plan")?.productCode ?? null,
      addonCodes: row.lines.filter((line) => line.kind === "addon").map((line) => line.productCode),
      seatsBought,
      seatsActive: latest ? { count: latest.seatsActive, month: latest.periodStart } : null,
      badge: standing.badge,
      daysToEnd: standing.daysToEnd,
      autoRenew: row.autoRenew,
      annualValue: { amount: row.annualValue, currency: row.currency },
      nextAction: nextAction({ contract: row, standing, successor: row.successor, incentive: incentiveFor(row, today) }),
      adoption: canStillRenew(standing)
        ? adoptionSignals(row.recentUsage, seatsBought, { ...row, today }).level
        : "unknown",
      successor: row.successor,
    };
  });
  const contracts = attentionOrder(cards);
  return {
    contracts,
    needAttention: contracts.filter((c) => c.badge === "in_grace" || c.badge === "renewal_open").length,
  };
}

/** Adoption help only matters while there is still a renewal to win. */
function canStillRenew(standing: Standing): boolean {
  return standing.badge === "active" || standing.badge === "renewal_open" || standing.badge === "in_grace";
}

// ---------------------------------------------------------------------------
// Contract page
// ---------------------------------------------------------------------------

export interface ContractLineDetail extends ContractLineFact {
  productId: string;
}

export interface PastTerm extends Term {
  id: string;
  number: string;
  status: ContractStatus;
  currency: string;
  renewedAt: Instant | null;
  annualValue: number;
}

export interface QuoteDocument {
  id: string;
  number: string;
  version: number;
  status: string;
  currency: string;
  total: number;
  termYears: number;
  newTermStart: IsoDate;
  newTermEnd: IsoDate;
  createdAt: Instant;
  expiresAt: Instant;
}

export interface PaymentDocument {
  id: string;
  quoteId: string;
  quoteNumber: string;
  status: string;
  amount: number;
  refundedAmount: number;
  currency: string;
  paidAt: Instant | null;
  receiptUrl: string | null;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  role: "admin" | "buyer" | "user" | "approver";
  jobTitle: string | null;
}

/** What `findContractForAccount` returns. */
export interface ContractDetail {
  contract: Term & {
    id: string;
    number: string;
    status: ContractStatus;
    autoRenew: boolean;
    currency: string;
    cancelledAt: Instant | null;
    renewedAt: Instant | null;
    segment: Segment;
  };
  lines: ContractLineDetail[];
  successor: SuccessorTerm | null;
  /** Earlier terms of the chain, newest first. */
  history: PastTerm[];
  quotes: QuoteDocument[];
  payments: PaymentDocument[];
  people: Person[];
  /** Snapshots of the current term, oldest first. */
  usage: UsageMonth[];
  /** Snapshots of the term before, for the comparison in the recap. */
  previousUsage: UsageMonth[];
  /** Support requests about this contract opened during the current term. */
  tickets: TicketFact[];
}

export type RenewalTiming = "early" | "on_time" | "late";

export interface TermRow extends Term {
  id: string;
  number: string;
  current: boolean;
  years: number;
  currency: string;
  annualValue: number;
  /** Annual value × years. */
  value: number;
  renewedOn: IsoDate | null;
  timing: RenewalTiming | null;
}

export interface ContractPageView {
  contract: Term & {
    id: string;
    number: string;
    status: ContractStatus;
    autoRenew: boolean;
    currency: string;
    planCode: string | null;
    badge: Badge;
    daysToEnd: number;
    renewalOpensOn: IsoDate;
    graceEndsOn: IsoDate;
    nextAction: NextAction;
  };
  successor: SuccessorTerm | null;
  lines: Array<ContractLineFact & { lineTotal: number }>;
  totals: { annual: number; years: number; term: number };
  /** The current term first, then each earlier one. */
  terms: TermRow[];
  quotes: Array<Omit<QuoteDocument, "createdAt" | "expiresAt"> & { createdOn: IsoDate; expiresOn: IsoDate }>;
  receipts: Array<Omit<PaymentDocument, "paidAt"> & { paidOn: IsoDate | null }>;
  people: Person[];
  usage: {
    seatsBought: number;
    months: Array<{
      month: IsoDate;
      seatsActive: number;
      logins: number;
      coreActions: number;
      recordsProcessed: number;
      partial: boolean;
    }>;
  };
  recap: ValueRecap;
  adoption: AdoptionSignals;
}

/** Whole years a term lasts (a term ends the day before its anniversary). */
export function termYears(term: Term): number {
  return Math.max(1, Math.round((daysBetween(term.termStart, term.termEnd) + 1) / 365.25));
}

/** Early: confirmed 30+ days before the end date; on time: up to the end date; late: in grace. */
export function renewalTiming(renewedAt: Instant, termEnd: IsoDate): RenewalTiming {
  const daysBefore = daysBetween(instantDate(renewedAt), termEnd);
  if (daysBefore >= EARLY_RENEWAL_MIN_DAYS) return "early";
  if (daysBefore >= 0) return "on_time";
  return "late";
}

const ROLE_ORDER: Record<Person["role"], number> = { admin: 0, buyer: 1, approver: 2, user: 3 };
/** Superseded quotes are old versions of a newer one: they would only confuse. */
const HIDDEN_QUOTE_STATUSES = new Set(["superseded"]);
const RECEIPT_STATUSES = new Set(["succeeded", "refunded", "partially_refunded"]);

export function buildContractPage(
  detail: ContractDetail,
  today: IsoDate,
  incentive: EarlyRenewalStep,
): ContractPageView {
  const { contract } = detail;
  const standing = contractBadge(contract, today, detail.successor !== null);
  const lines = detail.lines.map((line) => ({
    productCode: line.productCode,
    kind: line.kind,
    pricingModel: line.pricingModel,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    lineTotal: line.quantity * line.unitAmount,
  }));
  const annual = lines.reduce((total, line) => total + line.lineTotal, 0);
  const years = termYears(contract);
  const seatsBought = seatsBoughtOf(detail.lines);

  // A term's renewal is recorded on the term itself (renewed_at).
  const currentRow: TermRow = {
    id: contract.id,
    number: contract.number,
    termStart: contract.termStart,
    termEnd: contract.termEnd,
    current: true,
    years,
    currency: contract.currency,
    annualValue: annual,
    value: annual * years,
    renewedOn: contract.renewedAt ? instantDate(contract.renewedAt) : null,
    timing: contract.renewedAt ? renewalTiming(contract.renewedAt, contract.termEnd) : null,
  };
  const pastRows = detail.history.map((past): TermRow => {
    const pastYears = termYears(past);
    return {
      id: past.id,
      number: past.number,
      termStart: past.termStart,
      termEnd: past.termEnd,
      current: false,
      years: pastYears,
      currency: past.currency,
      annualValue: past.annualValue,
      value: past.annualValue * pastYears,
      renewedOn: past.renewedAt ? instantDate(past.renewedAt) : null,
      timing: past.renewedAt ? renewalTiming(past.renewedAt, past.termEnd) : null,
    };
  });

  const previous = detail.history[0];
  return {
    contract: {
      id: contract.id,
      number: contract.number,
      status: contract.status,
      termStart: contract.termStart,
      termEnd: contract.termEnd,
      autoRenew: contract.autoRenew,
      currency: contract.currency,
      planCode: lines.find((line) => line.kind === "plan")?.productCode ?? null,
      badge: standing.badge,
      daysToEnd: standing.daysToEnd,
      renewalOpensOn: standing.renewalOpensOn,
      graceEndsOn: standing.graceEndsOn,
      nextAction: nextAction({ contract, standing, successor: detail.successor, incentive }),
    },
    successor: detail.successor,
    lines,
    totals: { annual, years, term: annual * years },
    terms: [currentRow, ...pastRows],
    quotes: detail.quotes
      .filter((quote) => !HIDDEN_QUOTE_STATUSES.has(quote.status))
      .sort((a, b) => instantMs(b.createdAt) - instantMs(a.createdAt))
      .map(({ createdAt, expiresAt, ...quote }) => ({
        ...quote,
        createdOn: instantDate(createdAt),
        expiresOn: instantDate(expiresAt),
      })),
    receipts: detail.payments
      .filter((payment) => RECEIPT_STATUSES.has(payment.status))
      .map(({ paidAt, ...payment }) => ({ ...payment, paidOn: paidAt ? instantDate(paidAt) : null }))
      .sort((a, b) => (b.paidOn ?? "").localeCompare(a.paidOn ?? "")),
    people: [...detail.people].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name)),
    usage: {
      seatsBought,
      months: monthSeries(detail.usage, contract, today).map((m) => ({
        month: m.periodStart,
        seatsActive: m.seatsActive,
        logins: m.logins,
        coreActions: m.coreActions,
        recordsProcessed: m.recordsProcessed,
        partial: m.partial,
      })),
    },
    recap: valueRecap(detail.usage, detail.tickets, detail.lines, contract, today, {
      previous: previous ? { snapshots: detail.previousUsage, term: previous } : null,
    }),
    adoption: adoptionSignals(detail.usage, seatsBought, { ...contract, today }),
  };
}
