/**
 * Turns the story (story.ts) into rows, without touching a database: pure and
 * deterministic, so the same `today` always yields the same rows, ids
 * included. index.ts inserts them.
 */
import type { Insertable } from "kysely";

import { addDays, addYears } from "../../app/lib/dates";
import type { DB } from "../schema";
import {
  FEATURES_BY_PLAN,
  addHours,
  instantOn,
  makeAccount,
  makeCatalogue,
  makeContact,
  makeContract,
  makeIncentiveRules,
  makeStaffUser,
  makeSurveyResponse,
  makeTicket,
  makeUsageHistory,
  pricedLines,
  termStartFor,
  type Catalogue,
  type PlanCode,
  type TicketMessageInput,
  type UsageShape,
} from "./factories";
import { DEMO_STAFF, type DemoStaffKey } from "./identities";
import { createRng, type Rng } from "./random";
import {
  DEMO_ACCOUNTS,
  type AccountSpec,
  type AddonSpec,
  type ContractSpec,
  type SurveySpec,
  type TicketSpec,
} from "./story";

type Rows<T extends keyof DB> = Insertable<DB[T]>[];

export interface DemoRows {
  staffUsers: Rows<"staffUsers">;
  products: Rows<"products">;
  productPrices: Rows<"productPrices">;
  incentiveRules: Rows<"incentiveRules">;
  accounts: Rows<"accounts">;
  contacts: Rows<"contacts">;
  contracts: Rows<"contracts">;
  contractLines: Rows<"contractLines">;
  usageSnapshots: Rows<"usageSnapshots">;
  supportTickets: Rows<"supportTickets">;
  ticketMessages: Rows<"ticketMessages">;
  surveyResponses: Rows<"surveyResponses">;
}

/** Fixed: the demo's ids and choices do not depend on the date it is seeded on. */
export const DEMO_SEED = "customer365-demo-v1";

/*
 * Numbers follow the story's order (account by account, each renewal chain
 * oldest first), not the calendar: they must not change with the seed date,
 * because the demo script and e2e tests name them (Northwind is C365-10001…).
 */
const FIRST_CONTRACT_NUMBER = 10001;
const FIRST_TICKET_NUMBER = 10001;
/** Older terms were sold at the price list of their year: 4 % less per year back. */
const YEARLY_PRICE_RISE = 0.04;

const STAFF_LOCALES: Partial<Record<DemoStaffKey, "zh-Hans">> = { liNa: "zh-Hans" };

/** 10:00 local time, in UTC hours: customers act in office hours. */
const LOCAL_TEN_AM_UTC: Record<string, number> = { US: 15, GB: 10, AU: 0, SG: 2, MY: 2, CN: 2, TW: 2 };

/** One term of a renewal chain, oldest first, with everything needed for its rows. */
interface PlannedTerm {
  termStart: string;
  termEnd: string;
  years: number;
  plan: PlanCode;
  seats: number;
  addons: readonly AddonSpec[];
  /** Fraction off list: negotiated discount and the older price list. */
  discount: number;
  status: "active" | "renewed" | "ended" | "cancelled";
  renewedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  usage: UsageShape;
}

interface Context {
  today: string;
  rng: Rng;
  catalogue: Catalogue;
  staffIds: Record<DemoStaffKey, string>;
  rows: DemoRows;
  /** How many contracts and tickets are numbered so far. */
  numbered: { contracts: number; tickets: number };
}

export function planDemoData(today: string): DemoRows {
  const rng = createRng(DEMO_SEED);
  const rows: DemoRows = {
    staffUsers: [],
    products: [],
    productPrices: [],
    incentiveRules: [],
    accounts: [],
    contacts: [],
    contracts: [],
    contractLines: [],
    usageSnapshots: [],
    supportTickets: [],
    ticketMessages: [],
    surveyResponses: [],
  };

  const staffIds = planStaff(today, rng, rows);
  const catalogueRows = makeCatalogue(rng, instantOn(addYears(today, -5)));
  rows.products.push(...catalogueRows.products);
  rows.productPrices.push(...catalogueRows.prices);
  rows.incentiveRules.push(
    ...makeIncentiveRules(
      { effectiveFrom: addYears(today, -1), updatedByStaffId: staffIds.admin, createdAt: instantOn(addYears(today, -1)) },
      rng,
    ),
  );

  const numbered = { contracts: 0, tickets: 0 };
  const context: Context = { today, rng, catalogue: catalogueRows.catalogue, staffIds, rows, numbered };
  for (const account of DEMO_ACCOUNTS) planAccount(account, context);
  return rows;
}

function planStaff(today: string, rng: Rng, rows: DemoRows): Record<DemoStaffKey, string> {
  const ids = {} as Record<DemoStaffKey, string>;
  for (const [key, staff] of Object.entries(DEMO_STAFF) as Array<[DemoStaffKey, (typeof DEMO_STAFF)[DemoStaffKey]]>) {
    const row = makeStaffUser(
      { ...staff, locale: STAFF_LOCALES[key] ?? "en", createdAt: instantOn(addYears(today, -4)) },
      rng,
    );
    rows.staffUsers.push(row);
    ids[key] = row.id;
  }
  return ids;
}

/** Plans one account with its people, contracts, usage, tickets and surveys. */
function planAccount(account: AccountSpec, context: Context) {
  const { rng, rows, today } = context;
  const hour = LOCAL_TEN_AM_UTC[account.country] ?? 9;
  const accountId = rng.uuid();

  // Terms first: the account was created shortly before its first contract.
  const chains = account.contracts.map((spec) => ({ spec, terms: planChain(spec, today, hour, rng) }));
  const firstContractAt = chains
    .flatMap((chain) => chain.terms.map((term) => term.createdAt))
    .sort()[0];
  const accountCreatedAt = firstContractAt ? addHours(firstContractAt, -72) : instantOn(addDays(today, -12), hour);

  rows.accounts.push(
    makeAccount(
      {
        id: accountId,
        name: account.name,
        segment: account.segment,
        country: account.country,
        currency: account.currency,
        locale: account.locale,
        ownerStaffId: context.staffIds[account.owner],
        createdAt: accountCreatedAt,
      },
      rng,
    ),
  );

  const contactIds = new Map<string, string>();
  account.contacts.forEach((contact, index) => {
    const row = makeContact(
      { ...contact, accountId, locale: contact.locale ?? account.locale, createdAt: addHours(accountCreatedAt, index * 24) },
      rng,
    );
    rows.contacts.push(row);
    contactIds.set(row.email, row.id);
  });

  // Contract handles: "key" is the current term, "key~1" the one before, …
  const contractIds = new Map<string, string>();
  for (const { spec, terms } of chains) {
    let previousId: string | null = null;
    const ids: string[] = [];
    for (const term of terms) {
      const contractRows = makeContract(
        {
          accountId,
          currency: account.currency,
          number: `C365-${FIRST_CONTRACT_NUMBER + context.numbered.contracts++}`,
          termStart: term.termStart,
          termEnd: term.termEnd,
          status: term.status,
          autoRenew: term.status === "active" ? (spec.autoRenew ?? false) : false,
          previousContractId: previousId,
          renewedAt: term.renewedAt,
          cancelledAt: term.cancelledAt,
          createdAt: term.createdAt,
          lines: pricedLines({
            catalogue: context.catalogue,
            currency: account.currency,
            plan: term.plan,
            seats: term.seats,
            addons: term.addons,
            discount: term.discount,
          }),
        },
        rng,
      );
      // Chains are emitted oldest first, so a predecessor is always inserted first.
      rows.contracts.push(contractRows.contract);
      rows.contractLines.push(...contractRows.lines);
      rows.usageSnapshots.push(
        ...makeUsageHistory(
          {
            contractId: contractRows.contract.id,
            termStart: term.termStart,
            termEnd: term.termEnd,
            today,
            until: term.cancelledAt ? term.cancelledAt.slice(0, 10) : undefined,
            seats: term.seats,
            shape: term.usage,
            features: FEATURES_BY_PLAN[term.plan],
            actionsPerSeat: spec.actionsPerSeat,
            recordsPerAction: spec.recordsPerAction,
          },
          rng,
        ),
      );
      previousId = contractRows.contract.id;
      ids.push(previousId);
    }
    ids.reverse().forEach((id, back) => contractIds.set(back === 0 ? spec.key : `${spec.key}~${back}`, id));
  }

  const refs = { accountId, hour, contactIds, contractIds, ownerId: context.staffIds[account.owner] };
  for (const ticket of account.tickets ?? []) planTicket(ticket, refs, context);
  for (const survey of account.surveys ?? []) planSurvey(survey, refs, context);
}

/** The renewal chain of one contract spec, oldest term first. */
function planChain(spec: ContractSpec, today: string, hour: number, rng: Rng): PlannedTerm[] {
  const headYears = spec.years ?? 1;
  const headEnd = addDays(today, spec.endInDays);
  const history = spec.history ?? [];

  // Walk back from the current term: each older term ends the day before the next starts.
  const terms: PlannedTerm[] = [];
  let nextStart = termStartFor(headEnd, headYears);
  terms.unshift({
    termStart: nextStart,
    termEnd: headEnd,
    years: headYears,
    plan: spec.plan,
    seats: spec.seats,
    addons: spec.addons ?? [],
    discount: spec.discount ?? 0,
    status: spec.status ?? "active",
    renewedAt: null,
    cancelledAt:
      spec.status === "cancelled" ? instantOn(addDays(today, -(spec.cancelledDaysAgo ?? 30)), hour + 5) : null,
    createdAt: "",
    usage: spec.usage,
  });
  for (let back = history.length - 1; back >= 0; back--) {
    const past = history[back]!;
    const years = past.years ?? 1;
    const termEnd = addDays(nextStart, -1);
    const termStart = termStartFor(termEnd, years);
    const age = history.length - back;
    terms.unshift({
      termStart,
      termEnd,
      years,
      plan: past.plan ?? spec.plan,
      seats: past.seats,
      addons: past.addons ?? [],
      discount: 1 - (1 - (spec.discount ?? 0)) * (1 - YEARLY_PRICE_RISE * age),
      status: "renewed",
      renewedAt: instantOn(addDays(termEnd, -past.renewedDaysBeforeEnd), hour + 4, rng.int(0, 59)),
      cancelledAt: null,
      createdAt: "",
      usage: past.usage ?? "flat",
    });
    nextStart = termStart;
  }

  // A renewal creates its successor; the first term was signed two weeks before it began.
  terms.forEach((term, index) => {
    const previous = terms[index - 1];
    term.createdAt = previous?.renewedAt ?? instantOn(addDays(term.termStart, -14), hour + 1, rng.int(0, 59));
  });
  return terms;
}

interface AccountRefs {
  accountId: string;
  hour: number;
  contactIds: Map<string, string>;
  contractIds: Map<string, string>;
  ownerId: string;
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Demo story: unknown ${what} "${key}"`);
  return id;
}

function planTicket(spec: TicketSpec, refs: AccountRefs, context: Context): void {
  const contactId = lookup(refs.contactIds, spec.contact, "contact");
  const contractId = spec.contract ? lookup(refs.contractIds, spec.contract, "contract") : null;
  const createdAt = instantOn(addDays(context.today, -spec.openedDaysAgo), refs.hour, context.rng.int(0, 59));
  const firstResponseAt = spec.reply ? addHours(createdAt, spec.reply.afterHours) : null;
  const resolvedAt = spec.resolution ? addHours(createdAt, spec.resolution.afterHours) : null;

  // The owner CSM answers: the success team is the support team in this demo.
  const messages: TicketMessageInput[] = [{ authorKind: "contact", contactId, body: spec.body, createdAt }];
  if (spec.reply && firstResponseAt) {
    messages.push({ authorKind: "staff", staffUserId: refs.ownerId, body: spec.reply.body, createdAt: firstResponseAt });
  }
  if (spec.resolution && resolvedAt) {
    messages.push({ authorKind: "staff", staffUserId: refs.ownerId, body: spec.resolution.body, createdAt: resolvedAt });
  }

  const { ticket, messages: messageRows } = makeTicket(
    {
      accountId: refs.accountId,
      contactId,
      contractId,
      number: `SUP-${FIRST_TICKET_NUMBER + context.numbered.tickets++}`,
      topic: spec.topic,
      subject: spec.subject,
      body: spec.body,
      status: spec.status ?? (resolvedAt ? "resolved" : "open"),
      priority: spec.priority ?? "normal",
      createdAt,
      firstResponseAt,
      resolvedAt,
      messages,
    },
    context.rng,
  );
  context.rows.supportTickets.push(ticket);
  context.rows.ticketMessages.push(...messageRows);

  if (spec.csat !== undefined && resolvedAt) {
    context.rows.surveyResponses.push(
      makeSurveyResponse(
        {
          accountId: refs.accountId,
          contactId,
          contractId,
          ticketId: ticket.id,
          kind: "csat",
          score: spec.csat,
          createdAt: addHours(resolvedAt, 2),
        },
        context.rng,
      ),
    );
  }
}

function planSurvey(spec: SurveySpec, refs: AccountRefs, context: Context): void {
  context.rows.surveyResponses.push(
    makeSurveyResponse(
      {
        accountId: refs.accountId,
        contactId: lookup(refs.contactIds, spec.contact, "contact"),
        contractId: spec.contract ? lookup(refs.contractIds, spec.contract, "contract") : null,
        kind: spec.kind,
        score: spec.kind === "nps" ? (spec.score ?? null) : null,
        reasons: spec.reasons ?? [],
        comment: spec.comment ?? null,
        createdAt: instantOn(addDays(context.today, -spec.daysAgo), refs.hour + 1, context.rng.int(0, 59)),
      },
      context.rng,
    ),
  );
}
