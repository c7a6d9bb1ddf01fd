/**
 * The people the demo is shown as, and that end-to-end tests sign in as.
 * These values are a contract with the e2e tests and the README: change them
 * only together. The seed's story (story.ts) uses these objects directly.
 */
import type { Locale, StaffRole } from "../schema";

export interface DemoContactIdentity {
  email: string;
  name: string;
  locale: Locale;
  accountName: string;
  description: string;
}

export interface DemoStaffIdentity {
  email: string;
  name: string;
  role: StaffRole;
}

export const DEMO_CONTACTS = {
  amelia: {
    email: "amelia.hart@northwind.example",
    name: "Amelia Hart",
    locale: "en",
    accountName: "Northwind Logistics",
    description:
      "Showcase customer (enterprise, USD, admin). Four contracts: Professional ending in 95 days (120 seats, usage rising, Advanced Analytics + Premium Support); Starter ending in 35 days (25 seats, usage falling); Enterprise renewed early (previous term 'renewed', successor ends in 300 days); Professional that ended 5 days ago, in grace.",
  },
  ben: {
    email: "ben.carter@northwind.example",
    name: "Ben Carter",
    locale: "en",
    accountName: "Northwind Logistics",
    description: "Finance Director at Northwind Logistics, role approver: the person a quote is shared with.",
  },
  nurul: {
    email: "nurul.aisyah@majujaya.example",
    name: "Nurul Aisyah binti Ahmad",
    locale: "ms",
    accountName: "Syarikat Maju Jaya Sdn Bhd",
    description: "Malay-speaking admin (mid-market, MYR). Two contracts: ending in 65 days (Professional) and in 150 days (Starter).",
  },
  chen: {
    email: "chen.yijun@taipeiprecision.example",
    name: "陳怡君",
    locale: "zh-Hant",
    accountName: "台北精密科技股份有限公司",
    description: "Traditional Chinese admin (mid-market, TWD). Two contracts: ending in 10 days; and a newer one with no usage data yet.",
  },
  wang: {
    email: "wang.lei@yunfan.example",
    name: "王磊",
    locale: "zh-Hans",
    accountName: "上海云帆信息技术有限公司",
    description: "Simplified Chinese admin (enterprise, CNY). Exactly one contract, ending in 95 days.",
  },
  farid: {
    email: "farid.hassan@mbsj.example",
    name: "Farid bin Hassan",
    locale: "ms",
    accountName: "Majlis Bandaraya Seri Jaya",
    description: "Public-sector admin (MYR). One contract ending in 150 days: inside the public-sector 120-day early-renewal window.",
  },
  olivia: {
    email: "olivia.new@freshstart.example",
    name: "Olivia Newman",
    locale: "en",
    accountName: "Freshstart Studio",
    description: "Small business (AU, USD) with no contracts at all: the designed empty state.",
  },
} as const satisfies Record<string, DemoContactIdentity>;

export const DEMO_STAFF = {
  maya: { email: "maya.tan@customer365.example", name: "Maya Tan", role: "csm" },
  daniel: { email: "daniel.wong@customer365.example", name: "Daniel Wong", role: "csm" },
  liNa: { email: "li.na@customer365.example", name: "Li Na", role: "csm" },
  priya: { email: "priya.nair@customer365.example", name: "Priya Nair", role: "renewals" },
  admin: { email: "admin@customer365.example", name: "Alex Admin", role: "admin" },
} as const satisfies Record<string, DemoStaffIdentity>;

export type DemoStaffKey = keyof typeof DEMO_STAFF;

export const DEMO_IDENTITIES: {
  contacts: DemoContactIdentity[];
  staff: DemoStaffIdentity[];
} = {
  contacts: Object.values(DEMO_CONTACTS),
  staff: Object.values(DEMO_STAFF),
};
