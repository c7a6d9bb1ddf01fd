import { sql, type Kysely } from "kysely";

/*
 * The whole domain schema of docs/DESIGN (shared/DESIGN.md), in one migration.
 *
 * Conventions:
 * - ids are uuid (unguessable in URLs); log-like tables use bigint identities.
 * - money is bigint minor units with an ISO 4217 code beside it, never a float.
 * - contract dates are `date`; events are `timestamptz`.
 * - statuses are text with CHECK constraints (easier to extend than enums).
 * - everything here runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
 */

const currency = (col: string) => `${col} text not null check (${col} ~ '^[A-Z]{3}$')`;
const locale = (col: string) =>
  `${col} text not null default 'en' check (${col} in ('en','ms','zh-Hans','zh-Hant'))`;
const email = (col: string, nullable = false) =>
  `${col} text ${nullable ? "" : "not null"} check (${col} = lower(${col}) and ${col} like '%_@_%')`;

const statements = [
  `create extension if not exists pg_trgm`,

  // Human-facing numbers (C365-20001, Q-…, SUP-…) come from sequences that
  // start above anything the demo seed uses.
  `create sequence contract_number_seq start 20001`,
  `create sequence quote_number_seq start 20001`,
  `create sequence ticket_number_seq start 20001`,

  `create table staff_users (
    id uuid primary key default gen_random_uuid(),
    ${email("email")},
    name text not null check (length(name) between 1 and 200),
    role text not null check (role in ('csm','renewals','admin')),
    ${locale("locale")},
    active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint staff_users_email_key unique (email)
  )`,

  `create table accounts (
    id uuid primary key default gen_random_uuid(),
    name text not null check (length(name) between 1 and 200),
    segment text not null check (segment in ('smb','mid_market','enterprise','public_sector')),
    country text not null check (country ~ '^[A-Z]{2}$'),
    ${currency("currency")},
    ${locale("locale")},
    owner_staff_id uuid references staff_users (id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create index accounts_owner_staff_id_idx on accounts (owner_staff_id)`,

  `create table contacts (
    id uuid primary key default gen_random_uuid(),
    account_id uuid not null references accounts (id) on delete cascade,
    ${email("email")},
    name text not null check (length(name) between 1 and 200),
    job_title text,
    phone text,
    role text not null check (role in ('admin','buyer','user','approver')),
    ${locale("locale")},
    active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint contacts_email_key unique (email)
  )`,
  `create index contacts_account_id_idx on contacts (account_id)`,

  // Catalogue: plans (tiered) and add-ons. Display names and descriptions come
  // from the locale catalogues by product code; `name` is the fallback.
  `create table products (
    id uuid primary key default gen_random_uuid(),
    code text not null check (code ~ '^[a-z0-9_]{2,40}$'),
    kind text not null check (kind in ('plan','addon')),
    name text not null,
    tier integer check (tier between 1 and 10),
    pricing_model text not null check (pricing_model in ('per_seat','flat')),
    min_quantity integer not null default 1 check (min_quantity >= 1),
    max_quantity integer not null default 100000 check (max_quantity >= min_quantity),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint products_code_key unique (code),
    constraint products_plan_has_tier check ((kind = 'plan') = (tier is not null))
  )`,

  `create table product_prices (
    product_id uuid not null references products (id) on delete cascade,
    ${currency("currency")},
    unit_amount bigint not null check (unit_amount >= 0),
    primary key (product_id, currency)
  )`,

  `create table contracts (
    id uuid primary key default gen_random_uuid(),
    number text not null,
    account_id uuid not null references accounts (id) on delete cascade,
    previous_contract_id uuid references contracts (id) on delete set null,
    term_start date not null,
    term_end date not null,
    status text not null default 'active' check (status in ('active','renewed','ended','cancelled')),
    auto_renew boolean not null default false,
    ${currency("currency")},
    renewed_at timestamptz,
    cancelled_at timestamptz,
    created_at timestamptz not null default now(),
    constraint contracts_number_key unique (number),
    constraint contracts_term_order check (term_end > term_start),
    constraint contracts_not_own_successor check (previous_contract_id is distinct from id),
    constraint contracts_renewed_has_date check (status <> 'renewed' or renewed_at is not null),
    constraint contracts_cancelled_has_date check (status <> 'cancelled' or cancelled_at is not null)
  )`,
  `create index contracts_account_id_term_end_idx on contracts (account_id, term_end)`,
  `create index contracts_term_end_idx on contracts (term_end) where status = 'active'`,
  // One renewal term per old term: the database itself guarantees that
  // fulfilment can never create two successors of the same contract.
  `create unique index contracts_previous_contract_id_key on contracts (previous_contract_id)
    where previous_contract_id is not null`,

  `create table contract_lines (
    id uuid primary key default gen_random_uuid(),
    contract_id uuid not null references contracts (id) on delete cascade,
    product_id uuid not null references products (id),
    quantity integer not null check (quantity > 0),
    unit_amount bigint not null check (unit_amount >= 0),
    position integer not null default 0,
    constraint contract_lines_product_key unique (contract_id, product_id)
  )`,

  // One row per contract and month: what the value recap and risk score read.
  `create table usage_snapshots (
    id bigint generated always as identity primary key,
    contract_id uuid not null references contracts (id) on delete cascade,
    period_start date not null,
    seats_active integer not null check (seats_active >= 0),
    logins integer not null default 0 check (logins >= 0),
    core_actions integer not null default 0 check (core_actions >= 0),
    records_processed bigint not null default 0 check (records_processed >= 0),
    feature_usage jsonb not null default '{}'::jsonb check (jsonb_typeof(feature_usage) = 'object'),
    constraint usage_snapshots_period_key unique (contract_id, period_start),
    constraint usage_snapshots_month check (extract(day from period_start) = 1)
  )`,

  // Early-renewal windows, multi-year discounts and save offers, per segment.
  `create table incentive_rules (
    id uuid primary key default gen_random_uuid(),
    kind text not null check (kind in ('early_renewal','multi_year','save_offer')),
    segment text check (segment in ('smb','mid_market','enterprise','public_sector')),
    min_days_before_end integer check (min_days_before_end between 0 and 730),
    term_years integer check (term_years between 1 and 5),
    discount_bps integer not null default 0 check (discount_bps between 0 and 5000),
    bonus_months integer not null default 0 check (bonus_months between 0 and 12),
    bonus_feature text,
    effective_from date not null,
    effective_to date,
    active boolean not null default true,
    updated_by_staff_id uuid references staff_users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint incentive_rules_window check (effective_to is null or effective_to >= effective_from),
    constraint incentive_rules_shape check (
      (kind = 'early_renewal' and min_days_before_end is not null and term_years is null)
      or (kind = 'multi_year' and term_years is not null and min_days_before_end is null)
      or (kind = 'save_offer' and term_years is null and min_days_before_end is null)
    ),
    constraint incentive_rules_gives_something check (discount_bps > 0 or bonus_months > 0 or bonus_feature is not null)
  )`,

  `create table quotes (
    id uuid primary key default gen_random_uuid(),
    number text not null,
    account_id uuid not null references accounts (id) on delete cascade,
    contract_id uuid not null references contracts (id) on delete cascade,
    version integer not null check (version >= 1),
    status text not null default 'draft' check (status in
      ('draft','shared','approved','awaiting_payment','paid','fulfilled','declined','expired','superseded')),
    ${currency("currency")},
    term_years integer not null check (term_years between 1 and 5),
    options jsonb not null default '{}'::jsonb,
    subtotal bigint not null check (subtotal >= 0),
    discount_total bigint not null default 0 check (discount_total >= 0),
    total bigint not null check (total >= 0),
    price_hash text not null,
    new_term_start date not null,
    new_term_end date not null,
    incentive_expires_on date,
    priced_at timestamptz not null,
    expires_at timestamptz not null,
    po_number text check (length(po_number) <= 64),
    billing_email text check (billing_email is null or billing_email = lower(billing_email)),
    terms_accepted_at timestamptz,
    confirmed_at timestamptz,
    confirmed_by_contact_id uuid references contacts (id) on delete set null,
    created_by_contact_id uuid references contacts (id) on delete set null,
    created_by_staff_id uuid references staff_users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint quotes_number_key unique (number),
    constraint quotes_contract_version_key unique (contract_id, version),
    constraint quotes_totals check (total = subtotal - discount_total),
    constraint quotes_new_term_order check (new_term_end > new_term_start)
  )`,
  `create index quotes_account_id_idx on quotes (account_id, created_at desc)`,
  `create index quotes_status_idx on quotes (status) where status in ('awaiting_payment','shared','approved')`,

  // Lines: products (positive amounts) and itemised discounts (non-positive).
  `create table quote_lines (
    id uuid primary key default gen_random_uuid(),
    quote_id uuid not null references quotes (id) on delete cascade,
    position integer not null,
    kind text not null check (kind in ('product','discount','bonus')),
    code text not null,
    product_id uuid references products (id),
    quantity integer not null default 1 check (quantity >= 0),
    unit_amount bigint not null default 0,
    amount bigint not null,
    detail jsonb not null default '{}'::jsonb,
    constraint quote_lines_position_key unique (quote_id, position),
    constraint quote_lines_sign check (
      (kind = 'product' and amount >= 0) or (kind = 'discount' and amount <= 0) or (kind = 'bonus' and amount = 0)
    )
  )`,

  `create table approvals (
    id uuid primary key default gen_random_uuid(),
    quote_id uuid not null references quotes (id) on delete cascade,
    ${email("approver_email")},
    approver_name text,
    decision text not null check (decision in ('approved','changes_requested')),
    comment text check (length(comment) <= 4000),
    quote_version integer not null,
    decided_at timestamptz not null default now()
  )`,
  `create index approvals_quote_id_idx on approvals (quote_id)`,

  `create table payments (
    id uuid primary key default gen_random_uuid(),
    quote_id uuid not null references quotes (id) on delete restrict,
    account_id uuid not null references accounts (id) on delete cascade,
    provider text not null check (provider in ('stripe','demo')),
    provider_session_id text not null,
    provider_payment_id text,
    attempt integer not null default 1 check (attempt >= 1),
    amount bigint not null check (amount >= 0),
    ${currency("currency")},
    status text not null default 'open' check (status in
      ('open','processing','succeeded','failed','expired','refunded','partially_refunded')),
    refunded_amount bigint not null default 0 check (refunded_amount >= 0),
    receipt_url text,
    checkout_url text,
    expires_at timestamptz,
    paid_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint payments_provider_session_key unique (provider, provider_session_id),
    constraint payments_quote_attempt_key unique (quote_id, attempt)
  )`,
  // At most one successful payment per quote.
  `create unique index payments_one_success_per_quote on payments (quote_id) where status = 'succeeded'`,

  // Raw provider events, stored once by id.
  `create table payment_events (
    provider text not null check (provider in ('stripe','demo')),
    event_id text not null,
    type text not null,
    payload jsonb not null,
    received_at timestamptz not null default now(),
    processed_at timestamptz,
    outcome text,
    primary key (provider, event_id)
  )`,

  // Sign-in links: only a SHA-256 of the token is stored.
  `create table login_tokens (
    id uuid primary key default gen_random_uuid(),
    token_hash text not null,
    subject_kind text not null check (subject_kind in ('contact','staff')),
    contact_id uuid references contacts (id) on delete cascade,
    staff_user_id uuid references staff_users (id) on delete cascade,
    redirect_to text,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now(),
    constraint login_tokens_token_hash_key unique (token_hash),
    constraint login_tokens_subject check (
      (subject_kind = 'contact' and contact_id is not null and staff_user_id is null)
      or (subject_kind = 'staff' and staff_user_id is not null and contact_id is null)
    )
  )`,

  // A success manager's link to one renewal, or a customer's share link to an
  // approver: scoped, hashed, expiring, revocable; every use is logged.
  `create table portal_links (
    id uuid primary key default gen_random_uuid(),
    token_hash text not null,
    purpose text not null check (purpose in ('renewal','approval')),
    account_id uuid not null references accounts (id) on delete cascade,
    contract_id uuid not null references contracts (id) on delete cascade,
    quote_id uuid references quotes (id) on delete cascade,
    contact_id uuid references contacts (id) on delete cascade,
    ${email("recipient_email")},
    recipient_name text,
    note text check (length(note) <= 2000),
    created_by_staff_id uuid references staff_users (id) on delete set null,
    created_by_contact_id uuid references contacts (id) on delete set null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    last_used_at timestamptz,
    created_at timestamptz not null default now(),
    constraint portal_links_token_hash_key unique (token_hash),
    constraint portal_links_scope check (
      (purpose = 'renewal' and contact_id is not null)
      or (purpose = 'approval' and quote_id is not null)
    )
  )`,
  `create index portal_links_contract_id_idx on portal_links (contract_id)`,

  `create table portal_link_uses (
    id bigint generated always as identity primary key,
    portal_link_id uuid not null references portal_links (id) on delete cascade,
    used_at timestamptz not null default now(),
    action text not null,
    ip text,
    user_agent text
  )`,
  `create index portal_link_uses_link_idx on portal_link_uses (portal_link_id, used_at)`,

  // Server-side sessions; the cookie holds a random id whose hash is the key.
  `create table sessions (
    id_hash text primary key,
    subject_kind text not null check (subject_kind in ('contact','staff','portal_link')),
    contact_id uuid references contacts (id) on delete cascade,
    staff_user_id uuid references staff_users (id) on delete cascade,
    account_id uuid references accounts (id) on delete cascade,
    portal_link_id uuid references portal_links (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz,
    ip text,
    user_agent text,
    constraint sessions_subject check (
      (subject_kind = 'contact' and contact_id is not null and account_id is not null)
      or (subject_kind = 'staff' and staff_user_id is not null)
      or (subject_kind = 'portal_link' and portal_link_id is not null and account_id is not null)
    )
  )`,
  `create index sessions_contact_id_idx on sessions (contact_id) where contact_id is not null`,
  `create index sessions_staff_user_id_idx on sessions (staff_user_id) where staff_user_id is not null`,

  // Fixed-window counters shared by every app instance.
  `create table rate_limits (
    key text not null,
    window_start timestamptz not null,
    hits integer not null default 0,
    primary key (key, window_start)
  )`,

  `create table kb_articles (
    id uuid primary key default gen_random_uuid(),
    slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    ${locale("locale")},
    category text not null check (category in
      ('renewals-billing','getting-started','using-the-product','troubleshooting','account-security')),
    title text not null check (length(title) between 1 and 200),
    summary text not null default '',
    body_md text not null,
    body_html text not null,
    keywords text not null default '',
    published boolean not null default false,
    views integer not null default 0,
    source_updated_at timestamptz,
    author_staff_id uuid references staff_users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    search_vector tsvector generated always as (
      setweight(to_tsvector(
        case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end,
        coalesce(title, '')), 'A')
      || setweight(to_tsvector(
        case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end,
        coalesce(summary, '') || ' ' || coalesce(keywords, '')), 'B')
      || setweight(to_tsvector(
        case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end,
        coalesce(body_md, '')), 'C')
    ) stored,
    constraint kb_articles_locale_slug_key unique (locale, slug)
  )`,
  `create index kb_articles_search_idx on kb_articles using gin (search_vector)`,
  `create index kb_articles_title_trgm_idx on kb_articles using gin (title gin_trgm_ops)`,
  `create index kb_articles_category_idx on kb_articles (locale, category) where published`,

  `create table kb_feedback (
    id bigint generated always as identity primary key,
    article_id uuid not null references kb_articles (id) on delete cascade,
    visitor_hash text not null,
    helpful boolean not null,
    comment text check (length(comment) <= 2000),
    created_at timestamptz not null default now(),
    constraint kb_feedback_one_vote unique (article_id, visitor_hash)
  )`,

  `create table kb_searches (
    id bigint generated always as identity primary key,
    ${locale("locale")},
    query text not null check (length(query) <= 200),
    result_count integer not null,
    created_at timestamptz not null default now()
  )`,
  `create index kb_searches_misses_idx on kb_searches (created_at) where result_count = 0`,

  `create table support_tickets (
    id uuid primary key default gen_random_uuid(),
    number text not null,
    account_id uuid not null references accounts (id) on delete cascade,
    contact_id uuid references contacts (id) on delete set null,
    contract_id uuid references contracts (id) on delete set null,
    topic text not null check (topic in ('billing','renewal','technical','account','training','other')),
    subject text not null check (length(subject) between 1 and 200),
    body text not null check (length(body) between 1 and 10000),
    status text not null default 'open' check (status in ('open','pending','resolved','closed')),
    priority text not null default 'normal' check (priority in ('low','normal','high','urgent')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    first_response_at timestamptz,
    resolved_at timestamptz,
    constraint support_tickets_number_key unique (number)
  )`,
  `create index support_tickets_account_idx on support_tickets (account_id, created_at desc)`,
  `create index support_tickets_contract_idx on support_tickets (contract_id) where contract_id is not null`,

  `create table ticket_messages (
    id uuid primary key default gen_random_uuid(),
    ticket_id uuid not null references support_tickets (id) on delete cascade,
    author_kind text not null check (author_kind in ('contact','staff')),
    contact_id uuid references contacts (id) on delete set null,
    staff_user_id uuid references staff_users (id) on delete set null,
    body text not null check (length(body) between 1 and 10000),
    created_at timestamptz not null default now()
  )`,
  `create index ticket_messages_ticket_idx on ticket_messages (ticket_id, created_at)`,

  `create table ticket_attachments (
    id uuid primary key default gen_random_uuid(),
    ticket_id uuid not null references support_tickets (id) on delete cascade,
    filename text not null check (length(filename) between 1 and 200),
    content_type text not null,
    size_bytes integer not null check (size_bytes between 1 and 5242880),
    sha256 text not null,
    data bytea not null,
    created_at timestamptz not null default now()
  )`,

  `create table survey_responses (
    id uuid primary key default gen_random_uuid(),
    account_id uuid not null references accounts (id) on delete cascade,
    contact_id uuid references contacts (id) on delete set null,
    contract_id uuid references contracts (id) on delete set null,
    quote_id uuid references quotes (id) on delete set null,
    ticket_id uuid references support_tickets (id) on delete set null,
    kind text not null check (kind in ('nps','csat','non_renewal','renewal_reason')),
    score integer,
    reasons text[] not null default '{}',
    comment text check (length(comment) <= 4000),
    created_at timestamptz not null default now(),
    constraint survey_responses_score check (
      (kind = 'nps' and score between 0 and 10)
      or (kind = 'csat' and score between 1 and 5)
      or (kind in ('non_renewal','renewal_reason') and score is null)
    )
  )`,
  `create index survey_responses_account_idx on survey_responses (account_id, created_at)`,
  `create unique index survey_responses_one_csat_per_ticket on survey_responses (ticket_id) where kind = 'csat'`,

  `create table reminders (
    id uuid primary key default gen_random_uuid(),
    contract_id uuid not null references contracts (id) on delete cascade,
    step text not null check (step ~ '^T[-+][0-9]{1,3}$'),
    scheduled_for date not null,
    sent_at timestamptz,
    cancelled_at timestamptz,
    created_by_staff_id uuid references staff_users (id) on delete set null,
    created_at timestamptz not null default now(),
    constraint reminders_contract_step_key unique (contract_id, step)
  )`,
  `create index reminders_due_idx on reminders (scheduled_for) where sent_at is null and cancelled_at is null`,

  // Every email goes through here; in development the outbox is the mailbox.
  `create table email_outbox (
    id uuid primary key default gen_random_uuid(),
    ${email("to_email")},
    ${locale("locale")},
    template text not null,
    subject text not null,
    text_body text not null,
    html_body text not null,
    status text not null default 'queued' check (status in ('queued','sent','failed')),
    transport text,
    attempts integer not null default 0,
    last_error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`,
  `create index email_outbox_created_idx on email_outbox (created_at desc)`,

  // In-app notifications for the success team (the email goes via the outbox).
  `create table staff_notifications (
    id uuid primary key default gen_random_uuid(),
    staff_user_id uuid not null references staff_users (id) on delete cascade,
    kind text not null,
    account_id uuid references accounts (id) on delete cascade,
    contract_id uuid references contracts (id) on delete cascade,
    quote_id uuid references quotes (id) on delete cascade,
    data jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  `create index staff_notifications_unread_idx on staff_notifications (staff_user_id, created_at desc) where read_at is null`,

  `create table audit_events (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor_kind text not null check (actor_kind in ('contact','staff','approver','system','provider')),
    actor_id text,
    account_id uuid references accounts (id) on delete cascade,
    entity_type text not null,
    entity_id text not null,
    action text not null,
    data jsonb not null default '{}'::jsonb,
    request_id text
  )`,
  `create index audit_events_account_idx on audit_events (account_id, occurred_at desc)`,
  `create index audit_events_entity_idx on audit_events (entity_type, entity_id)`,
];

const sequences = ["contract_number_seq", "quote_number_seq", "ticket_number_seq"];

const tables = [
  "audit_events",
  "staff_notifications",
  "email_outbox",
  "reminders",
  "survey_responses",
  "ticket_attachments",
  "ticket_messages",
  "support_tickets",
  "kb_searches",
  "kb_feedback",
  "kb_articles",
  "rate_limits",
  "sessions",
  "portal_link_uses",
  "portal_links",
  "login_tokens",
  "payment_events",
  "payments",
  "approvals",
  "quote_lines",
  "quotes",
  "incentive_rules",
  "usage_snapshots",
  "contract_lines",
  "contracts",
  "product_prices",
  "products",
  "contacts",
  "accounts",
  "staff_users",
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations never import app types
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations never import app types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of tables) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
  for (const sequence of sequences) {
    await sql.raw(`drop sequence if exists ${sequence}`).execute(db);
  }
}
