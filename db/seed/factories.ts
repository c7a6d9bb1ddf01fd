/**
 * Row builders shared by the demo seed and the tests.
 *
 * Each entity has two forms:
 * - `make*(input, rng)`: a pure function returning the row(s) with sensible
 *   defaults and a pre-generated id. The seed collects these and inserts them
 *   set-based (multi-row INSERTs), so ids are known before insertion and never
 *   depend on the order rows come back in.
 * - `build*(db, input, rng)`: inserts what `make*` returns and returns the ids.
 *   Tests use these; `db` may be a Kysely instance or a transaction.
 *
 * Everything is deterministic for a given Rng. Without one, a module-wide Rng
 * with its own seed is used: still reproducible per process, and its
 * sequence-numbered emails and numbers never collide with the demo seed's.
 */
import type { InsertObject, Insertable, Kysely } from "kysely";

import { addDays, addYears, daysBetween, startOfMonth, addMonths } from "../../app/lib/dates";
import type {
  AccountsTable,
  ContactRole,
  ContactsTable,
  ContractLinesTable,
  ContractStatus,
  ContractsTable,
  DB,
  IncentiveRulesTable,
  Locale,
  ProductPricesTable,
  ProductsTable,
  Segment,
  StaffRole,
  StaffUsersTable,
  SupportTicketsTable,
  SurveyResponsesTable,
  TicketMessagesTable,
  TicketStatus,
  TicketTopic,
  UsageSnapshotsTable,
} from "../schema";
import { createRng, type Rng } from "./random";

/** A Kysely handle: the database or an open transaction (which is one too). */
export type Db = Kysely<DB>;

const defaultRng = createRng("customer365-test-factories");

type WithId<T> = T & { id: string };

/** Postgres caps a statement at 65,535 bind parameters; 1,000 rows stays well below. */
export const MAX_ROWS_PER_INSERT = 1000;

/** Set-based insert in chunks of at most `MAX_ROWS_PER_INSERT` rows. */
export async function insertRows<T extends keyof DB & string>(
  db: Db,
  table: T,
  rows: readonly InsertObject<DB, T>[],
): Promise<number> {
  for (let start = 0; start < rows.length; start += MAX_ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + MAX_ROWS_PER_INSERT))
      .execute();
  }
  return rows.length;
}

// ---------------------------------------------------------------------------
// Time helpers
// ---------------------------------------------------------------------------

/** An instant on a calendar date, in UTC (ISO string, accepted by timestamptz). */
export function instantOn(date: string, hour = 9, minute = 0): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000).toISOString();
}

/** `instant` plus some hours (fractions allowed), as an ISO string. */
export function addHours(instant: string, hours: number): string {
  return new Date(Date.parse(instant) + Math.round(hours * 3_600_000)).toISOString();
}

/** First day of a term that ends on `termEnd` and lasts `years` (end date inclusive). */
export function termStartFor(termEnd: string, years: number): string {
  return addDays(addYears(termEnd, -years), 1);
}

/** Last day of a term that starts on `termStart` and lasts `years` (end date inclusive). */
export function termEndFor(termStart: string, years: number): string {
  return addDays(addYears(termStart, years), -1);
}

// ---------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------

export const CURRENCIES = ["USD", "MYR", "CNY", "TWD"] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

export const PLAN_CODES = ["starter", "professional", "enterprise"] as const;
export const ADDON_CODES = ["analytics", "premium_support", "sso_audit", "sandbox", "api_boost", "storage_1tb"] as const;
export type PlanCode = (typeof PLAN_CODES)[number];
export type AddonCode = (typeof ADDON_CODES)[number];
export type ProductCode = PlanCode | AddonCode;

interface CatalogueEntry {
  code: ProductCode;
  kind: "plan" | "addon";
  name: string;
  tier: number | null;
  pricingModel: "per_seat" | "flat";
  minQuantity: number;
  maxQuantity: number;
  /** Per year, minor units, per seat for per_seat products. */
  prices: Record<CurrencyCode, number>;
}

/*
 * The price list (docs/product-policies.md). USD is the reference; MYR ≈ ×4.5,
 * CNY ≈ ×7, TWD ≈ ×31, each rounded to a whole major unit — TWD has no coins
 * in practice, so its amounts are multiples of 100 minor units.
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { code: "starter", kind: "plan", name: "Starter", tier: 1, pricingModel: "per_seat", minQuantity: 1, maxQuantity: 100_000,
    prices: { USD: 12_000, MYR: 54_000, CNY: 84_000, TWD: 372_000 } },
  { code: "professional", kind: "plan", name: "Professional", tier: 2, pricingModel: "per_seat", minQuantity: 1, maxQuantity: 100_000,
    prices: { USD: 24_000, MYR: 108_000, CNY: 168_000, TWD: 744_000 } },
  { code: "enterprise", kind: "plan", name: "Enterprise", tier: 3, pricingModel: "per_seat", minQuantity: 1, maxQuantity: 100_000,
    prices: { USD: 42_000, MYR: 189_000, CNY: 294_000, TWD: 1_302_000 } },
  { code: "analytics", kind: "addon", name: "Advanced Analytics", tier: null, pricingModel: "per_seat", minQuantity: 1, maxQuantity: 100_000,
    prices: { USD: 3_600, MYR: 16_200, CNY: 25_200, TWD: 111_600 } },
  { code: "premium_support", kind: "addon", name: "Premium Support", tier: null, pricingModel: "flat", minQuantity: 1, maxQuantity: 1,
    prices: { USD: 450_000, MYR: 2_025_000, CNY: 3_150_000, TWD: 13_950_000 } },
  { code: "sso_audit", kind: "addon", name: "Single Sign-On & Audit Log", tier: null, pricingModel: "flat", minQuantity: 1, maxQuantity: 1,
    prices: { USD: 300_000, MYR: 1_350_000, CNY: 2_100_000, TWD: 9_300_000 } },
  { code: "sandbox", kind: "addon", name: "Sandbox Environment", tier: null, pricingModel: "flat", minQuantity: 1, maxQuantity: 5,
    prices: { USD: 180_000, MYR: 810_000, CNY: 1_260_000, TWD: 5_580_000 } },
  { code: "api_boost", kind: "addon", name: "API Boost", tier: null, pricingModel: "flat", minQuantity: 1, maxQuantity: 1,
    prices: { USD: 240_000, MYR: 1_080_000, CNY: 1_680_000, TWD: 7_440_000 } },
  // Flat per unit: quantity is the number of terabytes.
  { code: "storage_1tb", kind: "addon", name: "Extra Storage 1 TB", tier: null, pricingModel: "flat", minQuantity: 1, maxQuantity: 100,
    prices: { USD: 60_000, MYR: 270_000, CNY: 420_000, TWD: 1_860_000 } },
];

export interface CatalogueProduct {
  id: string;
  code: ProductCode;
  kind: "plan" | "addon";
  pricingModel: "per_seat" | "flat";
  prices: Record<CurrencyCode, number>;
}
export type Catalogue = Record<ProductCode, CatalogueProduct>;

export interface CatalogueRows {
  products: WithId<Insertable<ProductsTable>>[];
  prices: Insertable<ProductPricesTable>[];
  catalogue: Catalogue;
}

export function makeCatalogue(rng: Rng = defaultRng, createdAt?: string): CatalogueRows {
  const products: WithId<Insertable<ProductsTable>>[] = [];
  const prices: Insertable<ProductPricesTable>[] = [];
  const catalogue = {} as Catalogue;
  for (const entry of CATALOGUE) {
    const id = rng.uuid();
    products.push({
      id,
      code: entry.code,
      kind: entry.kind,
      name: entry.name,
      tier: entry.tier,
      pricingModel: entry.pricingModel,
      minQuantity: entry.minQuantity,
      maxQuantity: entry.maxQuantity,
      ...(createdAt ? { createdAt } : {}),
    });
    for (const currency of CURRENCIES) {
      prices.push({ productId: id, currency, unitAmount: entry.prices[currency] });
    }
    catalogue[entry.code] = { id, code: entry.code, kind: entry.kind, pricingModel: entry.pricingModel, prices: entry.prices };
  }
  return { products, prices, catalogue };
}

/** Inserts the standard catalogue (products are unique by code: once per database). */
export async function buildCatalogue(db: Db, rng: Rng = defaultRng): Promise<Catalogue> {
  const rows = makeCatalogue(rng);
  await insertRows(db, "products", rows.products);
  await insertRows(db, "productPrices", rows.prices);
  return rows.catalogue;
}

/** The catalogue as stored (e.g. after the seed ran), in the same shape. */
export async function loadCatalogue(db: Db): Promise<Catalogue> {
  const rows = await db
    .selectFrom("products")
    .innerJoin("productPrices", "productPrices.productId", "products.id")
    .select(["products.id", "products.code", "products.kind", "products.pricingModel", "productPrices.currency", "productPrices.unitAmount"])
    .execute();
  const catalogue = {} as Catalogue;
  for (const row of rows) {
    const code = row.code as ProductCode;
    const product = (catalogue[code] ??= {
      id: row.id,
      code,
      kind: row.kind,
      pricingModel: row.pricingModel,
      prices: {} as Record<CurrencyCode, number>,
    });
    product.prices[row.currency as CurrencyCode] = row.unitAmount;
  }
  return catalogue;
}

// ---------------------------------------------------------------------------
// People and accounts
// ---------------------------------------------------------------------------

/** A short random tag: keeps default emails unique even across different Rngs. */
function tag(rng: Rng): string {
  return rng.int(0, 36 ** 4 - 1).toString(36).padStart(4, "0");
}

export interface StaffUserInput {
  id?: string;
  email?: string;
  name?: string;
  role?: StaffRole;
  locale?: Locale;
  createdAt?: string;
}

export function makeStaffUser(input: StaffUserInput = {}, rng: Rng = defaultRng): WithId<Insertable<StaffUsersTable>> {
  const n = rng.sequence("staff");
  return {
    id: input.id ?? rng.uuid(),
    email: input.email ?? `staff-${n}-${tag(rng)}@customer365.example`,
    name: input.name ?? `Staff Member ${n}`,
    role: input.role ?? "csm",
    locale: input.locale ?? "en",
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

export async function buildStaffUser(db: Db, input: StaffUserInput = {}, rng: Rng = defaultRng) {
  const row = makeStaffUser(input, rng);
  await insertRows(db, "staffUsers", [row]);
  return { id: row.id, email: row.email };
}

export interface AccountInput {
  id?: string;
  name?: string;
  segment?: Segment;
  country?: string;
  currency?: CurrencyCode;
  locale?: Locale;
  ownerStaffId?: string | null;
  createdAt?: string;
}

export function makeAccount(input: AccountInput = {}, rng: Rng = defaultRng): WithId<Insertable<AccountsTable>> {
  const n = rng.sequence("account");
  return {
    id: input.id ?? rng.uuid(),
    name: input.name ?? `Test Account ${n} ${tag(rng)}`,
    segment: input.segment ?? "smb",
    country: input.country ?? "US",
    currency: input.currency ?? "USD",
    locale: input.locale ?? "en",
    ownerStaffId: input.ownerStaffId ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

export async function buildAccount(db: Db, input: AccountInput = {}, rng: Rng = defaultRng) {
  const row = makeAccount(input, rng);
  await insertRows(db, "accounts", [row]);
  return { id: row.id, currency: row.currency as CurrencyCode, segment: row.segment };
}

export interface ContactInput {
  accountId: string;
  id?: string;
  email?: string;
  name?: string;
  role?: ContactRole;
  locale?: Locale;
  jobTitle?: string | null;
  phone?: string | null;
  createdAt?: string;
}

export function makeContact(input: ContactInput, rng: Rng = defaultRng): WithId<Insertable<ContactsTable>> {
  const n = rng.sequence("contact");
  return {
    id: input.id ?? rng.uuid(),
    accountId: input.accountId,
    // The schema requires lowercase emails; normalise what callers pass.
    email: (input.email ?? `contact-${n}-${tag(rng)}@test-customer.example`).toLowerCase(),
    name: input.name ?? `Test Contact ${n}`,
    role: input.role ?? "admin",
    locale: input.locale ?? "en",
    jobTitle: input.jobTitle ?? null,
    phone: input.phone ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

export async function buildContact(db: Db, input: ContactInput, rng: Rng = defaultRng) {
  const row = makeContact(input, rng);
  await insertRows(db, "contacts", [row]);
  return { id: row.id, email: row.email };
}

// ---------------------------------------------------------------------------
// Contracts and lines
// ---------------------------------------------------------------------------

export interface LineInput {
  productId: string;
  quantity: number;
  unitAmount: number;
}

/** Rounds to a whole major unit (100 minor units): negotiated prices are round numbers, and TWD must be. */
export function roundToMajorUnit(minor: number): number {
  return Math.round(minor / 100) * 100;
}

export interface PricedLinesInput {
  catalogue: Catalogue;
  currency: CurrencyCode;
  plan: PlanCode;
  seats: number;
  addons?: ReadonlyArray<{ code: AddonCode; quantity?: number }>;
  /** Negotiated discount off list, as a fraction (0.05 = 5 % off). */
  discount?: number;
}

/**
 * Contract lines at list price (less a negotiated discount): the plan first,
 * per-seat add-ons at the seat count, flat ones at 1 unless given.
 */
export function pricedLines(input: PricedLinesInput): LineInput[] {
  const discount = input.discount ?? 0;
  const price = (code: ProductCode) =>
    roundToMajorUnit(input.catalogue[code].prices[input.currency] * (1 - discount));
  const lines: LineInput[] = [
    { productId: input.catalogue[input.plan].id, quantity: input.seats, unitAmount: price(input.plan) },
  ];
  for (const addon of input.addons ?? []) {
    const product = input.catalogue[addon.code];
    const quantity = addon.quantity ?? (product.pricingModel === "per_seat" ? input.seats : 1);
    lines.push({ productId: product.id, quantity, unitAmount: price(addon.code) });
  }
  return lines;
}

export interface ContractInput {
  accountId: string;
  currency: CurrencyCode;
  lines: readonly LineInput[];
  id?: string;
  number?: string;
  /** Give termEnd (and years), or termStart (and years); default: a year ending in 90 days from 2026-01-01. */
  termStart?: string;
  termEnd?: string;
  years?: number;
  status?: ContractStatus;
  autoRenew?: boolean;
  previousContractId?: string | null;
  renewedAt?: string | null;
  cancelledAt?: string | null;
  createdAt?: string;
}

export interface ContractRows {
  contract: WithId<Insertable<ContractsTable>> & { termStart: string; termEnd: string; number: string };
  lines: WithId<Insertable<ContractLinesTable>>[];
}

function resolveTerm(input: ContractInput): { termStart: string; termEnd: string } {
  const years = input.years ?? 1;
  if (input.termStart && input.termEnd) return { termStart: input.termStart, termEnd: input.termEnd };
  if (input.termEnd) return { termStart: termStartFor(input.termEnd, years), termEnd: input.termEnd };
  if (input.termStart) return { termStart: input.termStart, termEnd: termEndFor(input.termStart, years) };
  const termStart = "2026-01-01";
  return { termStart, termEnd: termEndFor(termStart, years) };
}

export function makeContract(input: ContractInput, rng: Rng = defaultRng): ContractRows {
  const id = input.id ?? rng.uuid();
  const { termStart, termEnd } = resolveTerm(input);
  // Factory numbers start with "TEST-" so they never collide with the seed's "C365-".
  const number = input.number ?? `TEST-${String(rng.sequence("contract")).padStart(5, "0")}-${tag(rng)}`;
  const contract = {
    id,
    number,
    accountId: input.accountId,
    previousContractId: input.previousContractId ?? null,
    termStart,
    termEnd,
    status: input.status ?? "active",
    autoRenew: input.autoRenew ?? false,
    currency: input.currency,
    renewedAt: input.renewedAt ?? null,
    cancelledAt: input.cancelledAt ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
  const lines = input.lines.map((line, position) => ({ id: rng.uuid(), contractId: id, position, ...line }));
  return { contract, lines };
}

export async function buildContract(db: Db, input: ContractInput, rng: Rng = defaultRng) {
  const rows = makeContract(input, rng);
  await insertRows(db, "contracts", [rows.contract]);
  await insertRows(db, "contractLines", rows.lines);
  return {
    id: rows.contract.id,
    number: rows.contract.number,
    termStart: rows.contract.termStart,
    termEnd: rows.contract.termEnd,
    lineIds: rows.lines.map((line) => line.id),
  };
}

// ---------------------------------------------------------------------------
// Usage history
// ---------------------------------------------------------------------------

/**
 * The stories usage can tell: adoption growing, steady, dropping in the last
 * months (the at-risk story), growing past the seats bought (expansion), or no
 * data at all (usage feed not connected).
 */
export type UsageShape = "rising" | "flat" | "falling" | "expansion" | "none";

export const FEATURES_BY_PLAN: Record<PlanCode, readonly string[]> = {
  starter: ["workflows", "reports", "dashboards"],
  professional: ["workflows", "reports", "dashboards", "automations", "integrations"],
  enterprise: ["workflows", "reports", "dashboards", "automations", "integrations"],
};

export interface UsageInput {
  contractId: string;
  termStart: string;
  termEnd: string;
  /** Snapshots stop at min(today, termEnd, until). */
  today: string;
  /** Last day of use when the contract stopped early (cancellation). */
  until?: string;
  seats: number;
  shape: UsageShape;
  features?: readonly string[];
  /** Core actions per active seat in a full month at steady state. */
  actionsPerSeat?: number;
  /** Records processed per core action (data-heavy customers move more). */
  recordsPerAction?: number;
}

/** Adoption in one month of a usage shape. */
interface ShapePoint {
  /** Active seats as a share of the seats bought. */
  seatShare: number;
  /** Activity per active seat, relative to steady state. */
  intensity: number;
  /** Share of the plan's features in use (adoption depth). */
  depth: number;
}

/** Months from the end over which "falling" usage drops. */
const FALL_MONTHS = 4;

function shapeAt(shape: UsageShape, index: number, count: number): ShapePoint {
  const progress = count > 1 ? index / (count - 1) : 1;
  const fromEnd = count - 1 - index;
  switch (shape) {
    case "rising":
      return { seatShare: 0.55 + 0.32 * progress, intensity: 0.65 + 0.45 * progress, depth: 0.4 + 0.6 * progress };
    case "expansion":
      return { seatShare: 0.72 + 0.3 * progress, intensity: 0.8 + 0.5 * progress, depth: 0.6 + 0.4 * progress };
    case "falling": {
      if (fromEnd >= FALL_MONTHS) return { seatShare: 0.84, intensity: 1, depth: 1 };
      const left = fromEnd / FALL_MONTHS; // 0 in the last month
      return { seatShare: 0.4 + 0.44 * left, intensity: 0.3 + 0.7 * left, depth: 0.4 + 0.6 * left };
    }
    case "flat":
    case "none":
      return { seatShare: 0.78, intensity: 1, depth: 0.8 };
  }
}

function daysInMonth(periodStart: string): number {
  return daysBetween(periodStart, addMonths(periodStart, 1));
}

/**
 * One snapshot per calendar month (period_start = the 1st) from the term's
 * first month to the month of min(today, term end). Counts (logins, actions,
 * records, features) are for the part of the month the term covers up to
 * today, so the current month is month-to-date and a term's first and last
 * months are partial; seats_active is a head count and is not prorated.
 */
export function makeUsageHistory(input: UsageInput, rng: Rng = defaultRng): Insertable<UsageSnapshotsTable>[] {
  if (input.shape === "none") return [];
  const last = [input.today, input.termEnd, input.until ?? input.termEnd].sort()[0] as string;
  if (last < input.termStart) return [];

  const months: string[] = [];
  for (let month = startOfMonth(input.termStart); month <= last; month = addMonths(month, 1)) months.push(month);

  const features = input.features ?? FEATURES_BY_PLAN.professional;
  const actionsPerSeat = input.actionsPerSeat ?? 45;
  const recordsPerAction = input.recordsPerAction ?? 40;
  const wobble = () => rng.float(0.94, 1.06);

  return months.map((periodStart, index) => {
    const point = shapeAt(input.shape, index, months.length);
    const periodEnd = addDays(addMonths(periodStart, 1), -1);
    const from = periodStart < input.termStart ? input.termStart : periodStart;
    const to = periodEnd > last ? last : periodEnd;
    const coverage = (daysBetween(from, to) + 1) / daysInMonth(periodStart);

    // "A few" over the seats bought at most: people share logins during roll-outs.
    const seatsActive = Math.max(
      0,
      Math.min(input.seats + 3, Math.round(input.seats * point.seatShare * rng.float(0.97, 1.03))),
    );
    const logins = Math.round(seatsActive * 16 * (0.5 + 0.5 * point.intensity) * coverage * wobble());
    const coreActions = Math.round(seatsActive * actionsPerSeat * point.intensity * coverage * wobble());
    const recordsProcessed = Math.round(coreActions * recordsPerAction * wobble());

    return {
      contractId: input.contractId,
      periodStart,
      seatsActive,
      logins,
      coreActions,
      recordsProcessed,
      featureUsage: featureCounts(features, point, coreActions, seatsActive * coverage, rng),
    };
  });
}

/**
 * Per-feature counts; deeper adoption lights up more of the plan's features.
 * `seatMonths` is active seats × the share of the month covered, so seat-based
 * counts are prorated like the action-based ones.
 */
function featureCounts(
  features: readonly string[],
  point: ShapePoint,
  coreActions: number,
  seatMonths: number,
  rng: Rng,
): Record<string, number> {
  const inUse = Math.max(1, Math.round(features.length * point.depth));
  const perFeature: Record<string, number> = {
    workflows: coreActions * 0.06,
    reports: seatMonths * 1.4 * point.intensity,
    dashboards: seatMonths * 0.35,
    automations: coreActions * 0.025,
    integrations: 2 + seatMonths * 0.05,
  };
  const counts: Record<string, number> = {};
  features.forEach((feature, index) => {
    const base = index < inUse ? (perFeature[feature] ?? coreActions * 0.01) : 0;
    counts[feature] = Math.max(0, Math.round(base * rng.float(0.9, 1.1)));
  });
  return counts;
}

export async function buildUsageHistory(db: Db, input: UsageInput, rng: Rng = defaultRng): Promise<number> {
  return insertRows(db, "usageSnapshots", makeUsageHistory(input, rng));
}

// ---------------------------------------------------------------------------
// Incentive rules
// ---------------------------------------------------------------------------

/*
 * The seeded incentive rules (docs/product-policies.md).
 *
 * Lookup rule for early renewal: take the active rules effective on the day
 * (effective_from <= day and (effective_to is null or effective_to >= day)).
 * If any of them has the account's segment, use only those; otherwise use the
 * segment-NULL default set. Segment-specific rules override the default as a
 * set, not one window at a time. Then the rule with the largest
 * min_days_before_end that is <= the days left before the term end wins; none
 * qualifies → no early-renewal incentive. Multi-year and save-offer rules
 * follow the same segment-then-default lookup.
 */
export const INCENTIVE_POLICY = {
  earlyRenewal: {
    default: [
      { minDaysBeforeEnd: 90, discountBps: 1000 },
      { minDaysBeforeEnd: 60, discountBps: 700 },
      { minDaysBeforeEnd: 30, discountBps: 400 },
    ],
    // Public sector approvals take longer, so every window opens 30 days earlier.
    public_sector: [
      { minDaysBeforeEnd: 120, discountBps: 1000 },
      { minDaysBeforeEnd: 90, discountBps: 700 },
      { minDaysBeforeEnd: 60, discountBps: 400 },
    ],
  },
  multiYear: [
    { termYears: 2, discountBps: 500 },
    { termYears: 3, discountBps: 1000 },
  ],
  saveOfferBps: 1500,
} as const;

export interface IncentiveRulesInput {
  effectiveFrom: string;
  updatedByStaffId?: string | null;
  createdAt?: string;
}

export function makeIncentiveRules(
  input: IncentiveRulesInput,
  rng: Rng = defaultRng,
): WithId<Insertable<IncentiveRulesTable>>[] {
  const common = {
    effectiveFrom: input.effectiveFrom,
    effectiveTo: null,
    updatedByStaffId: input.updatedByStaffId ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
  };
  const early = (segment: Segment | null, windows: ReadonlyArray<{ minDaysBeforeEnd: number; discountBps: number }>) =>
    windows.map((window) => ({
      id: rng.uuid(),
      kind: "early_renewal" as const,
      segment,
      minDaysBeforeEnd: window.minDaysBeforeEnd,
      termYears: null,
      discountBps: window.discountBps,
      bonusFeature: null,
      ...common,
    }));
  return [
    ...early(null, INCENTIVE_POLICY.earlyRenewal.default),
    ...early("public_sector", INCENTIVE_POLICY.earlyRenewal.public_sector),
    ...INCENTIVE_POLICY.multiYear.map((rule) => ({
      id: rng.uuid(),
      kind: "multi_year" as const,
      segment: null,
      minDaysBeforeEnd: null,
      termYears: rule.termYears,
      discountBps: rule.discountBps,
      bonusFeature: null,
      ...common,
    })),
    {
      id: rng.uuid(),
      kind: "save_offer" as const,
      segment: null,
      minDaysBeforeEnd: null,
      termYears: null,
      discountBps: INCENTIVE_POLICY.saveOfferBps,
      bonusFeature: null,
      ...common,
    },
  ];
}

export async function buildIncentiveRules(db: Db, input: IncentiveRulesInput, rng: Rng = defaultRng) {
  const rows = makeIncentiveRules(input, rng);
  await insertRows(db, "incentiveRules", rows);
  return rows.map((row) => row.id);
}

// ---------------------------------------------------------------------------
// Support tickets and surveys
// ---------------------------------------------------------------------------

export interface TicketMessageInput {
  authorKind: "contact" | "staff";
  contactId?: string | null;
  staffUserId?: string | null;
  body: string;
  createdAt: string;
}

export interface TicketInput {
  accountId: string;
  contactId?: string | null;
  contractId?: string | null;
  id?: string;
  number?: string;
  topic?: TicketTopic;
  subject?: string;
  body?: string;
  status?: TicketStatus;
  priority?: "low" | "normal" | "high" | "urgent";
  createdAt?: string;
  firstResponseAt?: string | null;
  resolvedAt?: string | null;
  /** Defaults to one message from the contact repeating the body. */
  messages?: readonly TicketMessageInput[];
}

export interface TicketRows {
  ticket: WithId<Insertable<SupportTicketsTable>> & { number: string };
  messages: WithId<Insertable<TicketMessagesTable>>[];
}

export function makeTicket(input: TicketInput, rng: Rng = defaultRng): TicketRows {
  const id = input.id ?? rng.uuid();
  const createdAt = input.createdAt ?? "2026-01-05T09:00:00.000Z";
  const body = input.body ?? "Something is not working as expected.";
  const firstResponseAt = input.firstResponseAt ?? null;
  const resolvedAt = input.resolvedAt ?? null;
  const ticket = {
    id,
    number: input.number ?? `TEST-T${String(rng.sequence("ticket")).padStart(5, "0")}-${tag(rng)}`,
    accountId: input.accountId,
    contactId: input.contactId ?? null,
    contractId: input.contractId ?? null,
    topic: input.topic ?? "technical",
    subject: input.subject ?? "Test ticket",
    body,
    status: input.status ?? (resolvedAt ? "resolved" : "open"),
    priority: input.priority ?? "normal",
    createdAt,
    updatedAt: resolvedAt ?? firstResponseAt ?? createdAt,
    firstResponseAt,
    resolvedAt,
  };
  const messages = (
    input.messages ?? [{ authorKind: "contact" as const, contactId: input.contactId ?? null, body, createdAt }]
  ).map((message) => ({
    id: rng.uuid(),
    ticketId: id,
    authorKind: message.authorKind,
    contactId: message.contactId ?? null,
    staffUserId: message.staffUserId ?? null,
    body: message.body,
    createdAt: message.createdAt,
  }));
  return { ticket, messages };
}

export async function buildTicket(db: Db, input: TicketInput, rng: Rng = defaultRng) {
  const rows = makeTicket(input, rng);
  await insertRows(db, "supportTickets", [rows.ticket]);
  await insertRows(db, "ticketMessages", rows.messages);
  return { id: rows.ticket.id, number: rows.ticket.number };
}

export interface SurveyInput {
  accountId: string;
  kind: "nps" | "csat" | "non_renewal" | "renewal_reason";
  id?: string;
  contactId?: string | null;
  contractId?: string | null;
  quoteId?: string | null;
  ticketId?: string | null;
  /** nps 0–10, csat 1–5, null for the reason kinds (the schema enforces it). */
  score?: number | null;
  reasons?: readonly string[];
  comment?: string | null;
  createdAt?: string;
}

export function makeSurveyResponse(input: SurveyInput, rng: Rng = defaultRng): WithId<Insertable<SurveyResponsesTable>> {
  const defaultScore = input.kind === "nps" ? 8 : input.kind === "csat" ? 4 : null;
  return {
    id: input.id ?? rng.uuid(),
    accountId: input.accountId,
    contactId: input.contactId ?? null,
    contractId: input.contractId ?? null,
    quoteId: input.quoteId ?? null,
    ticketId: input.ticketId ?? null,
    kind: input.kind,
    score: input.score === undefined ? defaultScore : input.score,
    reasons: [...(input.reasons ?? [])],
    comment: input.comment ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

export async function buildSurveyResponse(db: Db, input: SurveyInput, rng: Rng = defaultRng) {
  const row = makeSurveyResponse(input, rng);
  await insertRows(db, "surveyResponses", [row]);
  return { id: row.id };
}
