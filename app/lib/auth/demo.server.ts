import { DEMO_IDENTITIES } from "../../../db/seed/identities";
import { env } from "../env.server";

/**
 * One-click sign-in as a seeded demo person, so a newcomer sees the portal at
 * once. Never in production, and only for the demo identities of the seed.
 */
export function demoSignInEnabled(): boolean {
  return env().NODE_ENV !== "production";
}

export interface DemoIdentity {
  email: string;
  name: string;
  kind: "contact" | "staff";
  detail: string;
}

export function demoIdentities(): DemoIdentity[] {
  const contacts = DEMO_IDENTITIES.contacts.map((c) => ({
    email: c.email,
    name: c.name,
    kind: "contact" as const,
    detail: c.accountName,
  }));
  // A success manager and the admin (the incentive rules and the help editor are theirs).
  const firstCsm = DEMO_IDENTITIES.staff.find((s) => s.role === "csm");
  const staff = DEMO_IDENTITIES.staff
    .filter((s) => s === firstCsm || s.role === "admin")
    .map((s) => ({ email: s.email, name: s.name, kind: "staff" as const, detail: s.role }));
  return [...contacts, ...staff];
}

export function isDemoEmail(email: string): boolean {
  return demoIdentities().some((identity) => identity.email === email.toLowerCase());
}
