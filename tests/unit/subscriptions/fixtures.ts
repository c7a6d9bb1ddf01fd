import type { AccountHomeRow, ContractDetail, ContractLineFact, UsageMonth } from "~/domain/subscriptions";
import { addDays, addMonths } from "~/lib/dates";

export const TODAY = "2026-11-25";

let counter = 0;
/** A uuid-shaped id, unique per call and stable across runs. */
export function id(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`;
}

export const PRO_LINES: ContractLineFact[] = [
  { productCode: "professional", kind: "plan", pricingModel: "per_seat", quantity: 120, unitAmount: 24_000 },
  { productCode: "analytics", kind: "addon", pricingModel: "per_seat", quantity: 120, unitAmount: 3_600 },
  { productCode: "premium_support", kind: "addon", pricingModel: "flat", quantity: 1, unitAmount: 450_000 },
];

export function homeRow(daysToEnd: number, extra: Partial<AccountHomeRow> = {}): AccountHomeRow {
  const termEnd = addDays(TODAY, daysToEnd);
  return {
    id: id(),
    number: `C365-${10000 + counter}`,
    status: "active",
    termStart: addDays(addMonths(termEnd, -12), 1),
    termEnd,
    autoRenew: false,
    currency: "USD",
    cancelledAt: null,
    segment: "enterprise",
    lines: PRO_LINES,
    annualValue: 120 * 24_000 + 120 * 3_600 + 450_000,
    recentUsage: [],
    successor: null,
    ...extra,
  };
}

/** Monthly usage from `first` for `count` months, oldest first. */
export function usage(first: string, series: Array<[seats: number, core: number]>): UsageMonth[] {
  return series.map(([seatsActive, coreActions], i) => ({
    periodStart: addMonths(first, i),
    seatsActive,
    logins: seatsActive * 10,
    coreActions,
    recordsProcessed: coreActions * 50,
    featureUsage: { workflows: coreActions / 10, reports: seatsActive, dashboards: 0 },
  }));
}

/** A contract page's data: a year from 2026-01-01 with usage to date and one earlier term. */
export function contractDetail(extra: Partial<ContractDetail> = {}): ContractDetail {
  const contractId = id();
  const previousId = id();
  return {
    contract: {
      id: contractId,
      number: "C365-20001",
      status: "active",
      termStart: "2026-01-01",
      termEnd: "2026-12-31",
      autoRenew: false,
      currency: "USD",
      cancelledAt: null,
      renewedAt: null,
      segment: "mid_market",
    },
    lines: PRO_LINES.map((line) => ({ ...line, productId: id() })),
    successor: null,
    history: [
      {
        id: previousId,
        number: "C365-10001",
        termStart: "2025-01-01",
        termEnd: "2025-12-31",
        status: "renewed",
        currency: "USD",
        renewedAt: new Date("2025-10-01T10:00:00Z"),
        annualValue: 2_500_000,
      },
    ],
    quotes: [
      {
        id: id(),
        number: "Q-20001",
        version: 2,
        status: "awaiting_payment",
        currency: "USD",
        total: 3_500_000,
        termYears: 1,
        newTermStart: "2027-01-01",
        newTermEnd: "2027-12-31",
        createdAt: new Date("2026-11-20T09:00:00Z"),
        expiresAt: new Date("2026-12-20T09:00:00Z"),
      },
      {
        id: id(),
        number: "Q-20000",
        version: 1,
        status: "superseded",
        currency: "USD",
        total: 3_600_000,
        termYears: 1,
        newTermStart: "2027-01-01",
        newTermEnd: "2027-12-31",
        createdAt: new Date("2026-11-10T09:00:00Z"),
        expiresAt: new Date("2026-12-10T09:00:00Z"),
      },
    ],
    payments: [
      {
        id: id(),
        quoteId: id(),
        quoteNumber: "Q-10001",
        status: "succeeded",
        amount: 2_500_000,
        refundedAmount: 0,
        currency: "USD",
        paidAt: new Date("2025-10-02T10:00:00Z"),
        receiptUrl: null,
      },
      {
        id: id(),
        quoteId: id(),
        quoteNumber: "Q-10002",
        status: "failed",
        amount: 2_500_000,
        refundedAmount: 0,
        currency: "USD",
        paidAt: null,
        receiptUrl: null,
      },
    ],
    people: [
      { id: id(), name: "Sofia Alvarez", email: "sofia@example.com", role: "user", jobTitle: null },
      { id: id(), name: "Ben Carter", email: "ben@example.com", role: "approver", jobTitle: "Finance Director" },
      { id: id(), name: "Amelia Hart", email: "amelia@example.com", role: "admin", jobTitle: "Head of Operations" },
    ],
    usage: usage("2026-01-01", [
      [70, 4000],
      [80, 4500],
      [90, 5000],
      [95, 5200],
      [100, 5400],
      [104, 5600],
      [106, 5800],
      [108, 6000],
      [110, 6100],
      [112, 6300],
      [113, 2000],
    ]),
    previousUsage: usage("2025-01-01", Array.from({ length: 12 }, () => [60, 4000] as [number, number])),
    tickets: [],
    ...extra,
  };
}
