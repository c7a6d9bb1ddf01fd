/**
 * The demo story as data: ~30 customer companies, who works there, what they
 * bought and when it ends, how they use it, what they asked support and what
 * they told us. Dates are offsets from the seed's "today", so the story is
 * the same whatever day it is seeded on. plan.ts turns this into rows.
 *
 * Situations covered (days from today to the current term's end):
 *   +150, +95, +65, +35, +10, -5 and -18 (in the 30-day grace, still active),
 *   renewed early (old term 'renewed', successor active — once with the
 *   successor not started yet), churned (ended, no successor, a non_renewal
 *   survey), cancelled, auto-renewing, multi-year, and no usage data at all.
 */
import type { ContactRole, Locale, Segment, TicketStatus, TicketTopic } from "../schema";
import type { AddonCode, CurrencyCode, PlanCode, UsageShape } from "./factories";
import { DEMO_CONTACTS, type DemoStaffKey } from "./identities";

export interface ContactSpec {
  email: string;
  name: string;
  role: ContactRole;
  jobTitle?: string;
  phone?: string;
  /** Defaults to the account's locale. */
  locale?: Locale;
}

export interface AddonSpec {
  code: AddonCode;
  /** Defaults: the seat count for per-seat add-ons, 1 for flat ones. */
  quantity?: number;
}

/** A term that came before the current one (oldest first in `history`). */
export interface PastTermSpec {
  years?: number;
  plan?: PlanCode;
  seats: number;
  addons?: AddonSpec[];
  /** When it was renewed: days before its end (negative: late, in grace). */
  renewedDaysBeforeEnd: number;
  usage?: UsageShape;
}

export interface ContractSpec {
  /** Handle for tickets and surveys in this file; `key~1` is the term before. */
  key: string;
  /** term_end = today + endInDays. */
  endInDays: number;
  years?: number;
  plan: PlanCode;
  seats: number;
  addons?: AddonSpec[];
  /** Negotiated discount off list (0.08 = 8 %), rounded to whole units. */
  discount?: number;
  autoRenew?: boolean;
  /** Default 'active' (also for terms in grace); 'ended' = churned. */
  status?: "active" | "ended" | "cancelled";
  /** For status 'cancelled': when, in days before today. */
  cancelledDaysAgo?: number;
  usage: UsageShape;
  /** Core actions per active seat and month (default 45). */
  actionsPerSeat?: number;
  recordsPerAction?: number;
  history?: PastTermSpec[];
}

export interface TicketSpec {
  contact: string;
  contract?: string;
  topic: TicketTopic;
  priority?: "low" | "normal" | "high" | "urgent";
  openedDaysAgo: number;
  subject: string;
  body: string;
  /** The success team's first answer, hours after opening. */
  reply?: { afterHours: number; body: string };
  /** Resolved this many hours after opening, with a closing note. */
  resolution?: { afterHours: number; body: string };
  /** Defaults: resolved when there is a resolution, else open. */
  status?: TicketStatus;
  /** CSAT (1–5) the contact gave after resolution. */
  csat?: number;
}

export interface SurveySpec {
  kind: "nps" | "non_renewal" | "renewal_reason";
  contact: string;
  contract?: string;
  score?: number;
  /**
   * Reason codes. The schema leaves them free text; the vocabulary used here:
   * price, budget, low_adoption, missing_feature, switched_competitor,
   * business_change, support_experience (leaving); value, support,
   * early_renewal_discount, multi_year_discount, integrations (staying).
   */
  reasons?: string[];
  comment?: string;
  daysAgo: number;
}

export interface AccountSpec {
  name: string;
  segment: Segment;
  country: string;
  currency: CurrencyCode;
  locale: Locale;
  owner: DemoStaffKey;
  contacts: ContactSpec[];
  contracts: ContractSpec[];
  tickets?: TicketSpec[];
  surveys?: SurveySpec[];
}

const { amelia, ben, nurul, chen, wang, farid, olivia } = DEMO_CONTACTS;

const northwind: AccountSpec = {
  name: amelia.accountName,
  segment: "enterprise",
  country: "US",
  currency: "USD",
  locale: "en",
  owner: "maya",
  contacts: [
    { email: amelia.email, name: amelia.name, role: "admin", jobTitle: "Head of Operations", phone: "+1 555-0142" },
    { email: ben.email, name: ben.name, role: "approver", jobTitle: "Finance Director", phone: "+1 555-0187" },
    { email: "sofia.alvarez@northwind.example", name: "Sofia Alvarez", role: "user", jobTitle: "Dispatch Team Lead" },
  ],
  contracts: [
    {
      key: "northwind-pro",
      endInDays: 95,
      plan: "professional",
      seats: 120,
      addons: [{ code: "analytics" }, { code: "premium_support" }],
      usage: "rising",
      actionsPerSeat: 55,
      recordsPerAction: 60,
    },
    { key: "northwind-starter", endInDays: 35, plan: "starter", seats: 25, usage: "falling" },
    {
      key: "northwind-enterprise",
      endInDays: 300,
      plan: "enterprise",
      seats: 60,
      addons: [{ code: "sso_audit" }],
      usage: "flat",
      history: [
        { plan: "enterprise", seats: 50, addons: [{ code: "sso_audit" }], renewedDaysBeforeEnd: 100, usage: "rising" },
      ],
    },
    { key: "northwind-grace", endInDays: -5, plan: "professional", seats: 40, addons: [{ code: "api_boost" }], usage: "flat" },
  ],
  tickets: [
    {
      contact: amelia.email,
      contract: "northwind-pro",
      topic: "technical",
      priority: "high",
      openedDaysAgo: 120,
      subject: "CSV import stops at 10,000 rows",
      body: "Our nightly shipment import stops after exactly 10,000 rows. The file has 14,212 rows and no error is shown. Is there a limit we are missing?",
      reply: { afterHours: 1.5, body: "Thanks Amelia — the web importer caps a single file at 10,000 rows. We're checking whether the API Boost quota or a split import fits your nightly job best." },
      resolution: { afterHours: 26, body: "We've set the import to split large files automatically; last night's 14,212 rows all went through. Closing this, but reply any time." },
      csat: 5,
    },
    {
      contact: "sofia.alvarez@northwind.example",
      contract: "northwind-pro",
      topic: "training",
      openedDaysAgo: 62,
      subject: "Training for the new dispatch team",
      body: "We have 18 new dispatchers starting next month. Could we get a one-hour onboarding session on workflows and dashboards?",
      reply: { afterHours: 3, body: "Happy to! Maya will send two time options for a live session, and here is the getting-started guide in the meantime." },
      resolution: { afterHours: 96, body: "Session held with 17 attendees; the recording and slides are in your shared folder." },
      csat: 4,
    },
    {
      contact: amelia.email,
      contract: "northwind-starter",
      topic: "technical",
      openedDaysAgo: 78,
      subject: "Warehouse team finds the mobile view slow",
      body: "The warehouse team says pages take 5–6 seconds to load on the handheld scanners. Several of them have gone back to paper lists.",
      reply: { afterHours: 5, body: "Sorry about that. Could you tell us the scanner model and browser version? We'll test on the same device." },
      resolution: { afterHours: 150, body: "The scanners' browser does not support our current mobile view; we shared a lighter list view as a workaround until the device refresh." },
      csat: 2,
    },
    {
      contact: ben.email,
      contract: "northwind-pro",
      topic: "renewal",
      openedDaysAgo: 3,
      subject: "Renewal quote and our PO process",
      body: "Before we approve the Professional renewal I need the quote as a PDF with our PO number on it. Can the early-renewal discount be held while procurement signs off?",
      reply: { afterHours: 2, body: "Hi Ben — yes: a quote keeps its price, including the early-renewal discount, for 30 days. You can add the PO number at confirmation and it appears on the PDF." },
      status: "pending",
    },
  ],
  surveys: [
    { kind: "nps", contact: amelia.email, score: 9, comment: "The dispatch dashboards are the first thing my team opens every morning.", daysAgo: 40 },
    { kind: "nps", contact: ben.email, score: 7, comment: "Good product; invoices could be clearer.", daysAgo: 40 },
    {
      kind: "renewal_reason",
      contact: amelia.email,
      contract: "northwind-enterprise~1",
      reasons: ["early_renewal_discount", "value"],
      comment: "Renewing early with the 10% discount was an easy yes for finance, and the fleet team can't work without it now.",
      daysAgo: 164,
    },
  ],
};

const usdAccounts: AccountSpec[] = [
  northwind,
  {
    name: olivia.accountName,
    segment: "smb",
    country: "AU",
    currency: "USD",
    locale: "en",
    owner: "daniel",
    contacts: [{ email: olivia.email, name: olivia.name, role: "admin", jobTitle: "Founder", phone: "+61 2 5550 1234" }],
    contracts: [],
  },
  {
    name: "Bluepeak Analytics Inc.",
    segment: "mid_market",
    country: "US",
    currency: "USD",
    locale: "en",
    owner: "maya",
    contacts: [
      { email: "jordan.blake@bluepeak.example", name: "Jordan Blake", role: "admin", jobTitle: "RevOps Manager", phone: "+1 555-0110" },
      { email: "priscilla.owens@bluepeak.example", name: "Priscilla Owens", role: "buyer", jobTitle: "Procurement Lead" },
    ],
    contracts: [
      {
        key: "bluepeak-pro",
        endInDays: 35,
        plan: "professional",
        seats: 80,
        addons: [{ code: "analytics" }],
        usage: "expansion",
        history: [
          { plan: "starter", seats: 40, renewedDaysBeforeEnd: 20, usage: "rising" },
          { plan: "professional", seats: 60, addons: [{ code: "analytics" }], renewedDaysBeforeEnd: 45, usage: "rising" },
        ],
      },
    ],
    surveys: [
      { kind: "nps", contact: "jordan.blake@bluepeak.example", score: 10, comment: "We keep adding people. We'll need more seats at renewal.", daysAgo: 25 },
    ],
  },
  {
    name: "Harbourline Shipping Ltd",
    segment: "enterprise",
    country: "GB",
    currency: "USD",
    locale: "en",
    owner: "maya",
    contacts: [
      { email: "oliver.bennett@harbourline.example", name: "Oliver Bennett", role: "admin", jobTitle: "Head of IT", phone: "+44 20 7946 0321" },
      { email: "charlotte.hughes@harbourline.example", name: "Charlotte Hughes", role: "approver", jobTitle: "Procurement Manager" },
      { email: "harry.patel@harbourline.example", name: "Harry Patel", role: "user", jobTitle: "Port Operations Analyst" },
    ],
    contracts: [
      {
        key: "harbourline-ent",
        endInDays: 150,
        years: 3,
        plan: "enterprise",
        seats: 400,
        addons: [{ code: "premium_support" }, { code: "sso_audit" }, { code: "storage_1tb", quantity: 5 }],
        discount: 0.08,
        usage: "flat",
        recordsPerAction: 90,
        history: [{ seats: 350, renewedDaysBeforeEnd: 75, usage: "rising" }],
      },
    ],
    surveys: [
      {
        kind: "renewal_reason",
        contact: "oliver.bennett@harbourline.example",
        contract: "harbourline-ent~1",
        reasons: ["value", "multi_year_discount"],
        comment: "The berth-planning reports save the ops team a day a week, and locking in three years made budgeting simple.",
        daysAgo: 1020,
      },
      { kind: "nps", contact: "charlotte.hughes@harbourline.example", score: 8, daysAgo: 70 },
    ],
  },
  {
    name: "Kestrel Health Partners",
    segment: "mid_market",
    country: "US",
    currency: "USD",
    locale: "en",
    owner: "daniel",
    contacts: [
      { email: "rachel.kim@kestrelhealth.example", name: "Dr. Rachel Kim", role: "admin", jobTitle: "Practice Director" },
      { email: "tom.alvarez@kestrelhealth.example", name: "Tom Alvarez", role: "buyer", jobTitle: "Office Manager" },
    ],
    contracts: [
      {
        key: "kestrel-pro",
        endInDays: -48,
        status: "ended",
        plan: "professional",
        seats: 45,
        usage: "falling",
        history: [{ seats: 50, renewedDaysBeforeEnd: 12, usage: "flat" }],
      },
    ],
    tickets: [
      {
        contact: "tom.alvarez@kestrelhealth.example",
        contract: "kestrel-pro",
        topic: "technical",
        openedDaysAgo: 200,
        subject: "Appointment sync keeps failing",
        body: "The sync with our scheduling system failed three times this week and the front desk had to re-enter bookings by hand.",
        reply: { afterHours: 20, body: "Thanks Tom, we can see the failed sync runs and are looking into the connector." },
        resolution: { afterHours: 190, body: "The connector has been patched; syncs have run cleanly for 48 hours." },
        csat: 2,
      },
    ],
    surveys: [
      {
        kind: "non_renewal",
        contact: "rachel.kim@kestrelhealth.example",
        contract: "kestrel-pro",
        reasons: ["business_change", "low_adoption"],
        comment: "After the merger our clinics moved onto the hospital group's system. Honestly only the front desk ever used Customer365, and the sync problems last spring didn't help.",
        daysAgo: 60,
      },
    ],
  },
  {
    name: "City of Brookfield",
    segment: "public_sector",
    country: "US",
    currency: "USD",
    locale: "en",
    owner: "maya",
    contacts: [
      { email: "marcus.greene@cityofbrookfield.example", name: "Marcus Greene", role: "admin", jobTitle: "IT Director", phone: "+1 555-0163" },
      { email: "linda.shaw@cityofbrookfield.example", name: "Linda Shaw", role: "approver", jobTitle: "Purchasing Officer" },
    ],
    contracts: [
      {
        key: "brookfield-ent",
        endInDays: 95,
        plan: "enterprise",
        seats: 220,
        addons: [{ code: "sso_audit" }, { code: "sandbox" }],
        usage: "flat",
        history: [{ seats: 200, addons: [{ code: "sso_audit" }], renewedDaysBeforeEnd: -12, usage: "flat" }],
      },
    ],
  },
  {
    name: "Tidewater Coffee Co.",
    segment: "smb",
    country: "US",
    currency: "USD",
    locale: "en",
    owner: "daniel",
    contacts: [{ email: "sam.rivera@tidewatercoffee.example", name: "Sam Rivera", role: "admin", jobTitle: "Owner" }],
    contracts: [{ key: "tidewater-starter", endInDays: 10, plan: "starter", seats: 8, autoRenew: true, usage: "flat" }],
  },
  {
    name: "Granite & Oak Legal LLP",
    segment: "smb",
    country: "GB",
    currency: "USD",
    locale: "en",
    owner: "daniel",
    contacts: [
      { email: "eleanor.price@graniteoak.example", name: "Eleanor Price", role: "admin", jobTitle: "Practice Manager" },
      { email: "james.whitfield@graniteoak.example", name: "James Whitfield", role: "approver", jobTitle: "Managing Partner" },
    ],
    contracts: [
      {
        key: "granite-starter",
        endInDays: 65,
        plan: "starter",
        seats: 18,
        usage: "flat",
        history: [{ seats: 15, renewedDaysBeforeEnd: 35 }],
      },
      {
        // A pilot for the litigation team, cancelled in its first weeks.
        key: "granite-pilot",
        endInDays: 165,
        status: "cancelled",
        cancelledDaysAgo: 180,
        plan: "professional",
        seats: 10,
        addons: [{ code: "sandbox" }],
        usage: "flat",
      },
    ],
  },
  {
    name: "Meridian Robotics Pte Ltd",
    segment: "enterprise",
    country: "SG",
    currency: "USD",
    locale: "en",
    owner: "maya",
    contacts: [
      { email: "weijie.lim@meridianrobotics.example", name: "Lim Wei Jie", role: "admin", jobTitle: "Engineering Operations Lead" },
      { email: "aisha.rahman@meridianrobotics.example", name: "Aisha Rahman", role: "approver", jobTitle: "Finance Manager" },
      { email: "kenneth.ong@meridianrobotics.example", name: "Kenneth Ong", role: "user", jobTitle: "Production Planner" },
    ],
    contracts: [
      {
        key: "meridian-ent",
        endInDays: 65,
        plan: "enterprise",
        seats: 250,
        addons: [{ code: "analytics" }, { code: "api_boost" }],
        discount: 0.05,
        usage: "falling",
        history: [{ seats: 220, addons: [{ code: "analytics" }], renewedDaysBeforeEnd: 60, usage: "rising" }],
      },
    ],
    tickets: [
      {
        contact: "weijie.lim@meridianrobotics.example",
        contract: "meridian-ent",
        topic: "technical",
        priority: "urgent",
        openedDaysAgo: 9,
        subject: "Sync failures since the last update",
        body: "Since last week's update our production sync fails every night. Planners are exporting to spreadsheets again. This is the second time this quarter.",
        reply: { afterHours: 0.75, body: "We're on it — engineering has reproduced the failure and is working on a fix. We'll update you daily." },
      },
      {
        contact: "kenneth.ong@meridianrobotics.example",
        contract: "meridian-ent",
        topic: "technical",
        priority: "high",
        openedDaysAgo: 85,
        subject: "ERP integration keeps timing out",
        body: "The ERP integration times out on orders with more than 200 lines.",
        reply: { afterHours: 6, body: "Thanks Kenneth. We can reproduce the timeout with large orders and have raised it with engineering." },
        resolution: { afterHours: 144, body: "Large orders are now sent in batches; the timeouts have stopped." },
        csat: 2,
      },
      {
        contact: "aisha.rahman@meridianrobotics.example",
        contract: "meridian-ent",
        topic: "billing",
        openedDaysAgo: 40,
        subject: "Paying for seats we do not use",
        body: "Our usage report shows far fewer active users than the 250 seats on the invoice. Can we reduce seats before renewal?",
        reply: { afterHours: 4, body: "Hi Aisha, seat changes take effect at the renewal; Maya will walk you through the usage and options." },
        resolution: { afterHours: 30, body: "Explained that seats can be reduced at renewal and shared the usage breakdown by team." },
        csat: 3,
      },
    ],
    surveys: [
      { kind: "nps", contact: "weijie.lim@meridianrobotics.example", score: 4, comment: "Too many sync issues lately. We are looking at alternatives.", daysAgo: 20 },
    ],
  },
  {
    name: "Summit Outdoor Gear Pty Ltd",
    segment: "smb",
    country: "AU",
    currency: "USD",
    locale: "en",
    owner: "daniel",
    contacts: [{ email: "chloe.mitchell@summitoutdoor.example", name: "Chloe Mitchell", role: "admin", jobTitle: "Operations Manager", phone: "+61 3 5550 8812" }],
    contracts: [{ key: "summit-starter", endInDays: -18, plan: "starter", seats: 12, usage: "flat" }],
  },
  {
    name: "Pioneer Freight Systems",
    segment: "mid_market",
    country: "US",
    currency: "USD",
    locale: "en",
    owner: "maya",
    contacts: [
      { email: "diego.morales@pioneerfreight.example", name: "Diego Morales", role: "admin", jobTitle: "Logistics Systems Manager" },
      { email: "hannah.lee@pioneerfreight.example", name: "Hannah Lee", role: "buyer", jobTitle: "Purchasing Specialist" },
    ],
    contracts: [
      {
        key: "pioneer-pro",
        endInDays: 150,
        plan: "professional",
        seats: 90,
        addons: [{ code: "premium_support" }],
        autoRenew: true,
        usage: "rising",
      },
    ],
  },
  {
    name: "Crescent Bay Hotels",
    segment: "mid_market",
    country: "AU",
    currency: "USD",
    locale: "en",
    owner: "daniel",
    contacts: [{ email: "mia.thompson@crescentbay.example", name: "Mia Thompson", role: "admin", jobTitle: "Revenue Manager" }],
    contracts: [{ key: "crescent-pro", endInDays: -95, status: "ended", plan: "professional", seats: 60, usage: "falling" }],
    surveys: [
      {
        kind: "non_renewal",
        contact: "mia.thompson@crescentbay.example",
        contract: "crescent-pro",
        reasons: ["switched_competitor", "price"],
        comment: "We moved to an all-in-one hotel suite that does most of this for less. Customer365 was good, but we couldn't justify two tools.",
        daysAgo: 110,
      },
    ],
  },
  {
    name: "Atlas Civil Engineering Ltd",
    segment: "enterprise",
    country: "GB",
    currency: "USD",
    locale: "en",
    owner: "maya",
    contacts: [
      { email: "george.whitmore@atlascivil.example", name: "George Whitmore", role: "admin", jobTitle: "Digital Delivery Manager" },
      { email: "fiona.clarke@atlascivil.example", name: "Fiona Clarke", role: "approver", jobTitle: "Commercial Director" },
    ],
    contracts: [
      {
        // Renewed early about 25 days ago: the old term still runs (ends in
        // about 20 days) and the new one starts the day after it ends.
        key: "atlas-ent",
        endInDays: 385,
        plan: "enterprise",
        seats: 180,
        addons: [{ code: "sso_audit" }],
        usage: "flat",
        history: [{ seats: 160, addons: [{ code: "sso_audit" }], renewedDaysBeforeEnd: 45, usage: "flat" }],
      },
    ],
  },
];

const myrAccounts: AccountSpec[] = [
  {
    name: nurul.accountName,
    segment: "mid_market",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [
      { email: nurul.email, name: nurul.name, role: "admin", jobTitle: "Pengurus Operasi" },
      { email: "faizal.ismail@majujaya.example", name: "Mohd Faizal bin Ismail", role: "approver", jobTitle: "Pengurus Kewangan" },
      { email: "siti.hajar@majujaya.example", name: "Siti Hajar binti Osman", role: "user", jobTitle: "Eksekutif Jualan" },
    ],
    contracts: [
      { key: "majujaya-pro", endInDays: 65, plan: "professional", seats: 70, addons: [{ code: "analytics" }], usage: "rising" },
      { key: "majujaya-starter", endInDays: 150, plan: "starter", seats: 30, usage: "flat" },
    ],
    tickets: [
      {
        contact: "faizal.ismail@majujaya.example",
        contract: "majujaya-pro",
        topic: "billing",
        openedDaysAgo: 95,
        subject: "Salinan invois tahun lepas",
        body: "Boleh hantar salinan invois untuk langganan Professional tahun lepas? Juruaudit kami memerlukannya minggu ini.",
        reply: { afterHours: 2, body: "Terima kasih, Encik Faizal. Kami sedang menyediakan salinan invois tersebut." },
        resolution: { afterHours: 5, body: "Salinan invois telah dihantar ke e-mel anda. Sila maklumkan jika ada apa-apa lagi." },
        csat: 5,
      },
      {
        contact: nurul.email,
        contract: "majujaya-pro",
        topic: "training",
        openedDaysAgo: 4,
        subject: "Latihan untuk pengguna baharu",
        body: "Kami ada 12 pengguna baharu di cawangan Johor Bahru. Bolehkah kita atur sesi latihan dalam talian dalam bahasa Melayu?",
      },
    ],
    surveys: [
      { kind: "nps", contact: nurul.email, score: 10, comment: "Pasukan jualan kami kini boleh lihat semua pesanan di satu tempat. Sangat membantu!", daysAgo: 30 },
    ],
  },
  {
    name: farid.accountName,
    segment: "public_sector",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [
      { email: farid.email, name: farid.name, role: "admin", jobTitle: "Penolong Pengarah (Teknologi Maklumat)" },
      { email: "norhayati.yusof@mbsj.example", name: "Norhayati binti Yusof", role: "approver", jobTitle: "Pegawai Perolehan" },
    ],
    contracts: [
      {
        key: "mbsj-ent",
        endInDays: 150,
        plan: "enterprise",
        seats: 300,
        addons: [{ code: "sso_audit" }, { code: "premium_support" }],
        discount: 0.05,
        usage: "flat",
      },
    ],
    tickets: [
      {
        contact: "norhayati.yusof@mbsj.example",
        contract: "mbsj-ent",
        topic: "renewal",
        openedDaysAgo: 50,
        subject: "Dokumen perolehan untuk pembaharuan",
        body: "Untuk proses perolehan pembaharuan, kami perlukan sebut harga rasmi, profil syarikat dan sijil pendaftaran. Proses kelulusan kami mengambil masa kira-kira tiga bulan.",
        reply: { afterHours: 3, body: "Baik, Puan Norhayati. Kami akan sediakan dokumen tersebut dan sebut harga boleh dijana terus dari portal." },
        resolution: { afterHours: 48, body: "Semua dokumen telah dihantar. Sebut harga pembaharuan boleh dikongsi terus dengan pegawai pelulus melalui portal." },
        csat: 5,
      },
    ],
    surveys: [{ kind: "nps", contact: farid.email, score: 9, comment: "Sistem stabil dan sokongan responsif.", daysAgo: 35 }],
  },
  {
    name: "Perniagaan Pak Ali Enterprise",
    segment: "smb",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [{ email: "ali.abubakar@pakali.example", name: "Ali bin Abu Bakar", role: "admin", jobTitle: "Pemilik" }],
    contracts: [{ key: "pakali-starter", endInDays: 35, plan: "starter", seats: 5, autoRenew: true, usage: "flat" }],
  },
  {
    name: "Perkasa Logistik Sdn Bhd",
    segment: "enterprise",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [
      { email: "zulkifli.rahman@perkasalogistik.example", name: "Ahmad Zulkifli bin Rahman", role: "admin", jobTitle: "Pengarah Teknologi Maklumat" },
      { email: "tan.meiling@perkasalogistik.example", name: "Tan Mei Ling", role: "approver", jobTitle: "Ketua Pegawai Kewangan" },
      { email: "rajesh.subramaniam@perkasalogistik.example", name: "Rajesh a/l Subramaniam", role: "user", jobTitle: "Penyelia Gudang" },
    ],
    contracts: [
      {
        key: "perkasa-ent",
        endInDays: 95,
        plan: "enterprise",
        seats: 350,
        addons: [{ code: "analytics" }, { code: "premium_support" }],
        autoRenew: true,
        usage: "rising",
        recordsPerAction: 80,
        history: [
          { plan: "professional", seats: 250, renewedDaysBeforeEnd: 30, usage: "rising" },
          { years: 2, seats: 300, addons: [{ code: "analytics" }], renewedDaysBeforeEnd: 95, usage: "rising" },
        ],
      },
    ],
    surveys: [
      {
        kind: "renewal_reason",
        contact: "zulkifli.rahman@perkasalogistik.example",
        contract: "perkasa-ent~1",
        reasons: ["value", "early_renewal_discount"],
        comment: "Penjejakan penghantaran masa nyata menjimatkan banyak panggilan telefon. Diskaun pembaharuan awal memudahkan kelulusan kewangan.",
        daysAgo: 362,
      },
    ],
  },
  {
    name: "Klinik Sejahtera Sdn Bhd",
    segment: "smb",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [{ email: "zainab.karim@kliniksejahtera.example", name: "Dr. Zainab binti Karim", role: "admin", jobTitle: "Pengarah Klinik" }],
    contracts: [{ key: "klinik-starter", endInDays: -60, status: "ended", plan: "starter", seats: 10, usage: "falling" }],
    surveys: [
      {
        kind: "non_renewal",
        contact: "zainab.karim@kliniksejahtera.example",
        contract: "klinik-starter",
        reasons: ["price", "missing_feature"],
        comment: "Harganya terlalu tinggi untuk klinik kecil seperti kami, dan kami perlukan integrasi dengan sistem temu janji pesakit.",
        daysAgo: 70,
      },
    ],
  },
  {
    name: "Lembaga Air Bukit Indah",
    segment: "public_sector",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [
      { email: "haslinda.mokhtar@airbukitindah.example", name: "Haslinda binti Mokhtar", role: "admin", jobTitle: "Pegawai Teknologi Maklumat" },
      { email: "kamarul.zainal@airbukitindah.example", name: "Kamarul bin Zainal", role: "approver", jobTitle: "Pegawai Kewangan" },
    ],
    contracts: [{ key: "airbukit-pro", endInDays: 110, plan: "professional", seats: 150, addons: [{ code: "sso_audit" }], usage: "flat" }],
  },
  {
    name: "Teknologi Cahaya Bhd",
    segment: "mid_market",
    country: "MY",
    currency: "MYR",
    locale: "ms",
    owner: "daniel",
    contacts: [
      { email: "hafiz.osman@cahaya.example", name: "Hafiz bin Osman", role: "admin", jobTitle: "Pengurus Produk" },
      { email: "wong.siewmei@cahaya.example", name: "Wong Siew Mei", role: "buyer", jobTitle: "Eksekutif Perolehan" },
    ],
    contracts: [
      { key: "cahaya-pro", endInDays: 10, plan: "professional", seats: 55, addons: [{ code: "api_boost" }], usage: "falling" },
    ],
    tickets: [
      {
        contact: "wong.siewmei@cahaya.example",
        contract: "cahaya-pro",
        topic: "renewal",
        openedDaysAgo: 6,
        subject: "Mengurangkan bilangan pengguna semasa pembaharuan",
        body: "Kami sedang menilai semula keperluan sistem. Jika kami memperbaharui, bolehkah kami kurangkan kepada 25 pengguna dan buang API Boost?",
      },
    ],
    surveys: [{ kind: "nps", contact: "hafiz.osman@cahaya.example", score: 5, comment: "Berguna, tetapi pasukan kami kurang menggunakannya sekarang.", daysAgo: 45 }],
  },
];

const cnyAccounts: AccountSpec[] = [
  {
    name: wang.accountName,
    segment: "enterprise",
    country: "CN",
    currency: "CNY",
    locale: "zh-Hans",
    owner: "liNa",
    contacts: [
      { email: wang.email, name: wang.name, role: "admin", jobTitle: "IT 总监" },
      { email: "zhang.min@yunfan.example", name: "张敏", role: "approver", jobTitle: "财务经理" },
    ],
    contracts: [
      {
        key: "yunfan-ent",
        endInDays: 95,
        plan: "enterprise",
        seats: 280,
        addons: [{ code: "sso_audit" }, { code: "storage_1tb", quantity: 3 }],
        discount: 0.06,
        usage: "flat",
      },
    ],
    tickets: [
      {
        contact: wang.email,
        contract: "yunfan-ent",
        topic: "technical",
        openedDaysAgo: 140,
        subject: "单点登录（SSO）配置问题",
        body: "我们按照文档配置了 SSO，但部分员工登录后提示“无权限”。请协助排查。",
        reply: { afterHours: 1, body: "王总您好，请提供一个出错账号和登录时间，我们马上查看日志。" },
        resolution: { afterHours: 20, body: "问题是身份提供方未发送部门属性，已调整映射规则，所有员工均可正常登录。" },
        csat: 5,
      },
    ],
    surveys: [{ kind: "nps", contact: wang.email, score: 8, comment: "系统稳定，报表功能很实用。希望移动端再快一些。", daysAgo: 50 }],
  },
  {
    name: "深圳星河电子有限公司",
    segment: "mid_market",
    country: "CN",
    currency: "CNY",
    locale: "zh-Hans",
    owner: "liNa",
    contacts: [
      { email: "liu.yang@xinghe-tech.example", name: "刘洋", role: "admin", jobTitle: "运营经理" },
      { email: "chen.jing@xinghe-tech.example", name: "陈静", role: "user", jobTitle: "生产计划专员" },
    ],
    contracts: [
      {
        key: "xinghe-pro",
        endInDays: 35,
        plan: "professional",
        seats: 90,
        usage: "rising",
        history: [{ seats: 70, renewedDaysBeforeEnd: 50, usage: "rising" }],
      },
    ],
    tickets: [
      {
        contact: "chen.jing@xinghe-tech.example",
        contract: "xinghe-pro",
        topic: "training",
        openedDaysAgo: 33,
        subject: "新员工培训资料",
        body: "下个月有 15 名新员工入职，请问有没有中文的培训视频或操作手册？",
        reply: { afterHours: 2, body: "陈静您好，已为您整理中文入门指南和视频链接，稍后发送。" },
        resolution: { afterHours: 8, body: "培训资料已发送，并为新员工预约了线上培训。" },
        csat: 5,
      },
    ],
  },
  {
    name: "杭州绿源农业科技有限公司",
    segment: "smb",
    country: "CN",
    currency: "CNY",
    locale: "zh-Hans",
    owner: "liNa",
    contacts: [{ email: "zhao.li@lvyuan-agri.example", name: "赵丽", role: "admin", jobTitle: "总经理助理" }],
    contracts: [{ key: "lvyuan-starter", endInDays: 150, plan: "starter", seats: 15, autoRenew: true, usage: "flat" }],
  },
  {
    name: "北京博远咨询有限公司",
    segment: "mid_market",
    country: "CN",
    currency: "CNY",
    locale: "zh-Hans",
    owner: "liNa",
    contacts: [{ email: "sun.hao@boyuan.example", name: "孙浩", role: "admin", jobTitle: "行政总监" }],
    contracts: [
      {
        key: "boyuan-pro",
        endInDays: -130,
        status: "ended",
        plan: "professional",
        seats: 40,
        usage: "falling",
        history: [{ seats: 55, renewedDaysBeforeEnd: 20, usage: "flat" }],
      },
    ],
    surveys: [
      {
        kind: "non_renewal",
        contact: "sun.hao@boyuan.example",
        contract: "boyuan-pro",
        reasons: ["business_change", "low_adoption", "budget"],
        comment: "公司业务调整，咨询团队缩减了一半，系统用的人太少，续费不划算。以后业务恢复了可能再考虑。",
        daysAgo: 140,
      },
    ],
  },
  {
    name: "成都天府数据服务有限公司",
    segment: "enterprise",
    country: "CN",
    currency: "CNY",
    locale: "zh-Hans",
    owner: "liNa",
    contacts: [
      { email: "huang.wei@tianfu-data.example", name: "黄伟", role: "admin", jobTitle: "数据平台负责人" },
      { email: "zhou.ting@tianfu-data.example", name: "周婷", role: "approver", jobTitle: "采购经理" },
    ],
    contracts: [
      {
        key: "tianfu-ent",
        endInDays: 65,
        years: 2,
        plan: "enterprise",
        seats: 200,
        addons: [{ code: "analytics" }, { code: "sandbox" }],
        usage: "flat",
        recordsPerAction: 120,
        history: [{ seats: 150, renewedDaysBeforeEnd: 40, usage: "rising" }],
      },
    ],
  },
];

const twdAccounts: AccountSpec[] = [
  {
    name: chen.accountName,
    segment: "mid_market",
    country: "TW",
    currency: "TWD",
    locale: "zh-Hant",
    owner: "liNa",
    contacts: [
      { email: chen.email, name: chen.name, role: "admin", jobTitle: "資訊部經理" },
      { email: "lin.zhiming@taipeiprecision.example", name: "林志明", role: "approver", jobTitle: "財務長" },
    ],
    contracts: [
      { key: "taipei-pro", endInDays: 10, plan: "professional", seats: 60, addons: [{ code: "analytics" }], usage: "flat" },
      // The Taichung plant's own subscription: its usage feed was never connected.
      { key: "taipei-taichung", endInDays: 230, plan: "starter", seats: 20, usage: "none" },
    ],
    tickets: [
      {
        contact: chen.email,
        contract: "taipei-pro",
        topic: "technical",
        openedDaysAgo: 110,
        subject: "報表匯出成 Excel 時中文變成亂碼",
        body: "從報表頁面匯出 CSV 後用 Excel 開啟，中文欄位都變成亂碼，請協助處理。",
        reply: { afterHours: 2, body: "陳經理您好，這是編碼問題，請改用「匯出為 Excel（.xlsx）」選項，我們也會修正 CSV 的編碼。" },
        resolution: { afterHours: 50, body: "CSV 匯出已改為 UTF-8（含 BOM），Excel 可直接正確顯示中文。" },
        csat: 4,
      },
      {
        contact: chen.email,
        contract: "taipei-taichung",
        topic: "account",
        priority: "high",
        openedDaysAgo: 6,
        subject: "台中廠的帳號看不到任何使用數據",
        body: "台中廠的訂閱已經開始好幾個月了，但使用情況頁面一直是空白的。是不是資料串接還沒設定好？",
        reply: { afterHours: 3, body: "您好，台中廠的使用資料串接尚未啟用，我們正在與您的 IT 同仁安排設定時間。" },
      },
    ],
    surveys: [{ kind: "nps", contact: chen.email, score: 7, comment: "功能很完整，但希望報表能支援更多繁體中文格式。", daysAgo: 28 }],
  },
  {
    name: "高雄海港物流股份有限公司",
    segment: "enterprise",
    country: "TW",
    currency: "TWD",
    locale: "zh-Hant",
    owner: "liNa",
    contacts: [
      { email: "huang.zhihao@kaohsiungport.example", name: "黃志豪", role: "admin", jobTitle: "物流系統主任" },
      { email: "wu.shufen@kaohsiungport.example", name: "吳淑芬", role: "approver", jobTitle: "採購課長" },
    ],
    contracts: [
      {
        key: "kaohsiung-ent",
        endInDays: 95,
        plan: "enterprise",
        seats: 320,
        addons: [{ code: "premium_support" }, { code: "api_boost" }],
        autoRenew: true,
        usage: "flat",
        history: [
          { seats: 260, renewedDaysBeforeEnd: 30, usage: "rising" },
          { seats: 300, addons: [{ code: "premium_support" }], renewedDaysBeforeEnd: 90, usage: "flat" },
        ],
      },
    ],
    tickets: [
      {
        contact: "wu.shufen@kaohsiungport.example",
        contract: "kaohsiung-ent",
        topic: "billing",
        openedDaysAgo: 70,
        subject: "發票抬頭變更",
        body: "本公司已更名，請協助將之後的發票抬頭與統一編號更新。",
        reply: { afterHours: 4, body: "吳課長您好，請提供新的公司登記資料，我們會立即更新。" },
        resolution: { afterHours: 28, body: "發票抬頭與統一編號已更新，下一張發票將使用新資料。" },
        csat: 4,
      },
    ],
    surveys: [
      {
        kind: "renewal_reason",
        contact: "huang.zhihao@kaohsiungport.example",
        contract: "kaohsiung-ent~1",
        reasons: ["value", "integrations"],
        comment: "與港務系統的串接很穩定，每天省下大量人工對帳時間。",
        daysAgo: 358,
      },
    ],
  },
  {
    name: "新竹晶創半導體股份有限公司",
    segment: "enterprise",
    country: "TW",
    currency: "TWD",
    locale: "zh-Hant",
    owner: "liNa",
    contacts: [
      { email: "zhang.jiahao@jingchuang-semi.example", name: "張家豪", role: "admin", jobTitle: "製造資訊處處長" },
      { email: "li.peishan@jingchuang-semi.example", name: "李佩珊", role: "buyer", jobTitle: "採購專員" },
    ],
    contracts: [
      {
        key: "jingchuang-ent",
        endInDays: 150,
        plan: "enterprise",
        seats: 450,
        addons: [{ code: "analytics" }, { code: "sso_audit" }, { code: "storage_1tb", quantity: 10 }],
        discount: 0.1,
        usage: "expansion",
        recordsPerAction: 150,
      },
    ],
    surveys: [{ kind: "nps", contact: "zhang.jiahao@jingchuang-semi.example", score: 9, daysAgo: 15 }],
  },
  {
    name: "台中綠葉餐飲有限公司",
    segment: "smb",
    country: "TW",
    currency: "TWD",
    locale: "zh-Hant",
    owner: "liNa",
    contacts: [{ email: "cai.yating@greenleaf-dining.example", name: "蔡雅婷", role: "admin", jobTitle: "營運經理" }],
    contracts: [{ key: "greenleaf-starter", endInDays: 35, plan: "starter", seats: 12, usage: "falling" }],
    surveys: [{ kind: "nps", contact: "cai.yating@greenleaf-dining.example", score: 6, comment: "店裡人手不足，大家比較少用了。", daysAgo: 20 }],
  },
  {
    name: "青山市政府資訊處",
    segment: "public_sector",
    country: "TW",
    currency: "TWD",
    locale: "zh-Hant",
    owner: "liNa",
    contacts: [
      { email: "guo.jianhong@qingshan-city.example", name: "郭建宏", role: "admin", jobTitle: "資訊處科長" },
      { email: "xu.yawen@qingshan-city.example", name: "許雅雯", role: "approver", jobTitle: "主計室專員" },
    ],
    contracts: [
      {
        key: "qingshan-pro",
        endInDays: 65,
        plan: "professional",
        seats: 180,
        addons: [{ code: "sso_audit" }],
        usage: "flat",
        history: [{ seats: 150, addons: [{ code: "sso_audit" }], renewedDaysBeforeEnd: 130, usage: "rising" }],
      },
    ],
  },
];

export const DEMO_ACCOUNTS: readonly AccountSpec[] = [...usdAccounts, ...myrAccounts, ...cnyAccounts, ...twdAccounts];
