/**
 * Kysely table types for db/migrations, in camelCase (CamelCasePlugin maps them
 * to the snake_case columns). `date` columns are ISO strings (YYYY-MM-DD, no
 * time zone games); `timestamptz` columns are Dates; bigint money columns are
 * numbers (minor units stay far below 2^53).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A column the database fills in, that may still be set explicitly. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | T | undefined, string | T>;
/** ISO date string, YYYY-MM-DD. */
export type IsoDate = string;

export type Locale = "en" | "ms" | "zh-Hans" | "zh-Hant";
export type Segment = "smb" | "mid_market" | "enterprise" | "public_sector";
export type StaffRole = "csm" | "renewals" | "admin";
export type ContactRole = "admin" | "buyer" | "user" | "approver";
export type ContractStatus = "active" | "renewed" | "ended" | "cancelled";
export type QuoteStatus =
  | "draft"
  | "shared"
  | "approved"
  | "awaiting_payment"
  | "paid"
  | "fulfilled"
  | "declined"
  | "expired"
  | "superseded";
export type PaymentStatus =
  | "open"
  | "processing"
  | "succeeded"
  | "failed"
  | "expired"
  | "refunded"
  | "partially_refunded";
export type KbCategory =
  | "renewals-billing"
  | "getting-started"
  | "using-the-product"
  | "troubleshooting"
  | "account-security";
export type TicketTopic = "billing" | "renewal" | "technical" | "account" | "training" | "other";
export type TicketStatus = "open" | "pending" | "resolved" | "closed";

export interface StaffUsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: StaffRole;
  locale: Defaulted<Locale>;
  active: Defaulted<boolean>;
  createdAt: Timestamp;
}

export interface AccountsTable {
  id: Generated<string>;
  name: string;
  segment: Segment;
  country: string;
  currency: string;
  locale: Defaulted<Locale>;
  ownerStaffId: string | null;
  createdAt: Timestamp;
  /** Moves whenever what the account home shows changes (triggers; migration 2026_12_06_1600). */
  dataVersion: Defaulted<number>;
}

export interface ContactsTable {
  id: Generated<string>;
  accountId: string;
  email: string;
  name: string;
  jobTitle: string | null;
  phone: string | null;
  role: ContactRole;
  locale: Defaulted<Locale>;
  active: Defaulted<boolean>;
  createdAt: Timestamp;
}

export interface ProductsTable {
  id: Generated<string>;
  code: string;
  kind: "plan" | "addon";
  name: string;
  tier: number | null;
  pricingModel: "per_seat" | "flat";
  minQuantity: Defaulted<number>;
  maxQuantity: Defaulted<number>;
  active: Defaulted<boolean>;
  createdAt: Timestamp;
}

export interface ProductPricesTable {
  productId: string;
  currency: string;
  unitAmount: number;
}

export interface ContractsTable {
  id: Generated<string>;
  number: string;
  accountId: string;
  previousContractId: string | null;
  termStart: IsoDate;
  termEnd: IsoDate;
  status: Defaulted<ContractStatus>;
  autoRenew: Defaulted<boolean>;
  currency: string;
  renewedAt: TimestampNullable;
  cancelledAt: TimestampNullable;
  createdAt: Timestamp;
}

export interface ContractLinesTable {
  id: Generated<string>;
  contractId: string;
  productId: string;
  quantity: number;
  unitAmount: number;
  position: Defaulted<number>;
}

export interface UsageSnapshotsTable {
  id: Generated<number>;
  contractId: string;
  periodStart: IsoDate;
  seatsActive: number;
  logins: Defaulted<number>;
  coreActions: Defaulted<number>;
  recordsProcessed: Defaulted<number>;
  featureUsage: Json<Record<string, number>>;
}

export interface IncentiveRulesTable {
  id: Generated<string>;
  kind: "early_renewal" | "multi_year" | "save_offer";
  segment: Segment | null;
  minDaysBeforeEnd: number | null;
  termYears: number | null;
  discountBps: Defaulted<number>;
  bonusMonths: Defaulted<number>;
  bonusFeature: string | null;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  active: Defaulted<boolean>;
  updatedByStaffId: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface QuotesTable {
  id: Generated<string>;
  number: string;
  accountId: string;
  contractId: string;
  version: number;
  status: Defaulted<QuoteStatus>;
  currency: string;
  termYears: number;
  options: Json;
  subtotal: number;
  discountTotal: Defaulted<number>;
  total: number;
  priceHash: string;
  newTermStart: IsoDate;
  newTermEnd: IsoDate;
  incentiveExpiresOn: IsoDate | null;
  pricedAt: Timestamp;
  expiresAt: Timestamp;
  poNumber: string | null;
  billingEmail: string | null;
  termsAcceptedAt: TimestampNullable;
  confirmedAt: TimestampNullable;
  confirmedByContactId: string | null;
  createdByContactId: string | null;
  createdByStaffId: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface QuoteLinesTable {
  id: Generated<string>;
  quoteId: string;
  position: number;
  kind: "product" | "discount" | "bonus";
  code: string;
  productId: string | null;
  quantity: Defaulted<number>;
  unitAmount: Defaulted<number>;
  amount: number;
  detail: Json;
}

export interface ApprovalsTable {
  id: Generated<string>;
  quoteId: string;
  approverEmail: string;
  approverName: string | null;
  decision: "approved" | "changes_requested";
  comment: string | null;
  quoteVersion: number;
  decidedAt: Timestamp;
}

export interface PaymentsTable {
  id: Generated<string>;
  quoteId: string;
  accountId: string;
  provider: "stripe" | "demo";
  providerSessionId: string;
  providerPaymentId: string | null;
  attempt: Defaulted<number>;
  amount: number;
  currency: string;
  status: Defaulted<PaymentStatus>;
  refundedAmount: Defaulted<number>;
  receiptUrl: string | null;
  checkoutUrl: string | null;
  expiresAt: TimestampNullable;
  paidAt: TimestampNullable;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PaymentEventsTable {
  provider: "stripe" | "demo";
  eventId: string;
  type: string;
  payload: Json;
  receivedAt: Timestamp;
  processedAt: TimestampNullable;
  outcome: string | null;
}

export interface LoginTokensTable {
  id: Generated<string>;
  tokenHash: string;
  subjectKind: "contact" | "staff";
  contactId: string | null;
  staffUserId: string | null;
  redirectTo: string | null;
  expiresAt: Timestamp;
  usedAt: TimestampNullable;
  createdAt: Timestamp;
}

export interface PortalLinksTable {
  id: Generated<string>;
  tokenHash: string;
  purpose: "renewal" | "approval";
  accountId: string;
  contractId: string;
  quoteId: string | null;
  contactId: string | null;
  recipientEmail: string;
  recipientName: string | null;
  note: string | null;
  createdByStaffId: string | null;
  createdByContactId: string | null;
  expiresAt: Timestamp;
  revokedAt: TimestampNullable;
  lastUsedAt: TimestampNullable;
  createdAt: Timestamp;
}

export interface PortalLinkUsesTable {
  id: Generated<number>;
  portalLinkId: string;
  usedAt: Timestamp;
  action: string;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionsTable {
  idHash: string;
  subjectKind: "contact" | "staff" | "portal_link";
  contactId: string | null;
  staffUserId: string | null;
  accountId: string | null;
  portalLinkId: string | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
  revokedAt: TimestampNullable;
  ip: string | null;
  userAgent: string | null;
}

export interface RateLimitsTable {
  key: string;
  windowStart: Timestamp;
  hits: Defaulted<number>;
}

export interface KbArticlesTable {
  id: Generated<string>;
  slug: string;
  locale: Locale;
  category: KbCategory;
  title: string;
  summary: Defaulted<string>;
  bodyMd: string;
  bodyHtml: string;
  keywords: Defaulted<string>;
  published: Defaulted<boolean>;
  views: Defaulted<number>;
  sourceUpdatedAt: TimestampNullable;
  authorStaffId: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  searchVector: ColumnType<string, never, never>;
}

export interface KbFeedbackTable {
  id: Generated<number>;
  articleId: string;
  visitorHash: string;
  helpful: boolean;
  comment: string | null;
  createdAt: Timestamp;
}

/** The words of the published English and Malay articles, for "did you mean". */
export interface KbSearchTermsTable {
  locale: Locale;
  term: string;
  /** What the locale's text-search configuration makes of the term (the English stem; Malay: the term). */
  lexeme: string;
  /** How many published articles use it. */
  documents: number;
}

export interface KbSearchesTable {
  id: Generated<number>;
  locale: Locale;
  query: string;
  resultCount: number;
  createdAt: Timestamp;
}

export interface SupportTicketsTable {
  id: Generated<string>;
  number: string;
  accountId: string;
  contactId: string | null;
  contractId: string | null;
  topic: TicketTopic;
  subject: string;
  body: string;
  status: Defaulted<TicketStatus>;
  priority: Defaulted<"low" | "normal" | "high" | "urgent">;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  firstResponseAt: TimestampNullable;
  resolvedAt: TimestampNullable;
}

export interface TicketMessagesTable {
  id: Generated<string>;
  ticketId: string;
  authorKind: "contact" | "staff";
  contactId: string | null;
  staffUserId: string | null;
  body: string;
  createdAt: Timestamp;
}

export interface TicketAttachmentsTable {
  id: Generated<string>;
  ticketId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  data: Uint8Array;
  createdAt: Timestamp;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  accountId: string;
  contactId: string | null;
  contractId: string | null;
  quoteId: string | null;
  ticketId: string | null;
  kind: "nps" | "csat" | "non_renewal" | "renewal_reason";
  score: number | null;
  reasons: Defaulted<string[]>;
  comment: string | null;
  createdAt: Timestamp;
}

export interface RemindersTable {
  id: Generated<string>;
  contractId: string;
  step: string;
  scheduledFor: IsoDate;
  sentAt: TimestampNullable;
  cancelledAt: TimestampNullable;
  createdByStaffId: string | null;
  createdAt: Timestamp;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  toEmail: string;
  locale: Defaulted<Locale>;
  template: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  status: Defaulted<"queued" | "sent" | "failed">;
  transport: string | null;
  attempts: Defaulted<number>;
  lastError: string | null;
  createdAt: Timestamp;
  sentAt: TimestampNullable;
}

export interface StaffNotificationsTable {
  id: Generated<string>;
  staffUserId: string;
  kind: string;
  accountId: string | null;
  contractId: string | null;
  quoteId: string | null;
  data: Json;
  createdAt: Timestamp;
  readAt: TimestampNullable;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: Timestamp;
  actorKind: "contact" | "staff" | "approver" | "system" | "provider";
  actorId: string | null;
  accountId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  data: Json;
  requestId: string | null;
}

/** Shared data versions by name ("catalogue": products and incentive rules). */
export interface DataVersionsTable {
  name: string;
  version: Defaulted<number>;
}

export interface DB {
  staffUsers: StaffUsersTable;
  accounts: AccountsTable;
  dataVersions: DataVersionsTable;
  contacts: ContactsTable;
  products: ProductsTable;
  productPrices: ProductPricesTable;
  contracts: ContractsTable;
  contractLines: ContractLinesTable;
  usageSnapshots: UsageSnapshotsTable;
  incentiveRules: IncentiveRulesTable;
  quotes: QuotesTable;
  quoteLines: QuoteLinesTable;
  approvals: ApprovalsTable;
  payments: PaymentsTable;
  paymentEvents: PaymentEventsTable;
  loginTokens: LoginTokensTable;
  portalLinks: PortalLinksTable;
  portalLinkUses: PortalLinkUsesTable;
  sessions: SessionsTable;
  rateLimits: RateLimitsTable;
  kbArticles: KbArticlesTable;
  kbFeedback: KbFeedbackTable;
  kbSearches: KbSearchesTable;
  kbSearchTerms: KbSearchTermsTable;
  supportTickets: SupportTicketsTable;
  ticketMessages: TicketMessagesTable;
  ticketAttachments: TicketAttachmentsTable;
  surveyResponses: SurveyResponsesTable;
  reminders: RemindersTable;
  emailOutbox: EmailOutboxTable;
  staffNotifications: StaffNotificationsTable;
  auditEvents: AuditEventsTable;
}

export type Account = Selectable<AccountsTable>;
export type Contact = Selectable<ContactsTable>;
export type Contract = Selectable<ContractsTable>;
export type NewContract = Insertable<ContractsTable>;
export type ContractUpdate = Updateable<ContractsTable>;
