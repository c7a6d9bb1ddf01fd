import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { getIdentity } from "../../app/lib/auth/session.server";
import type { Clock } from "../../app/lib/clock";
import * as accountHome from "../../app/routes/account._index";
import * as portalLink from "../../app/routes/l.$token";
import * as renewal from "../../app/routes/renew.$contractId._index";
import * as staffLinks from "../../app/routes/staff.portal-links";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, cookiePair, ORIGIN, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

let now = new Date("2026-11-25T09:00:00Z");
const clock: Clock = { now: () => new Date(now.getTime()) };
const database = useTestDatabase({ clock });
let demo: Awaited<ReturnType<typeof seedDemo>>;
let staffCookie: string;

beforeAll(async () => {
  demo = await seedDemo(database.db);
});
beforeEach(async () => {
  // Tests move the clock by days; a staff session lasts 12 hours.
  const maya = await demo.staffByEmail("maya.tan@customer365.example");
  staffCookie = await sessionCookieFor({ kind: "staff", staffUserId: maya.id });
});

async function createLink(form: Record<string, string>) {
  return callAction(staffLinks.action, { path: "/staff/portal-links", cookie: staffCookie, form: { intent: "create", ...form } });
}

async function ameliaLinkForm(extra: Record<string, string> = {}) {
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  const contract = await demo.contractByNumber("C365-10001");
  return { accountId: amelia.accountId, contactId: amelia.id, contractId: contract.id, expiresInDays: "14", ...extra };
}

function tokenOf(url: string) {
  return new URL(url).pathname.split("/").pop()!;
}

describe("portal links from the success team", () => {
  it("creates a hashed, expiring link, emails it with the personal note, and logs every use", async () => {
    const created = await createLink(await ameliaLinkForm({ note: "Hi Amelia — your renewal, ready when you are.", send: "on" }));
    expect(created.status).toBe(200);
    const { url, emailed } = created.data as { url: string; emailed: boolean };
    expect(emailed).toBe(true);
    expect(url).toMatch(/^http:\/\/portal\.test\/l\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);

    const stored = await database.db.selectFrom("portalLinks").select(["tokenHash", "expiresAt", "note"]).orderBy("createdAt", "desc").executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - now.getTime()).toBe(14 * 24 * 3_600_000);

    const email = await database.db.selectFrom("emailOutbox").select(["textBody", "toEmail"]).where("template", "=", "portalLink").executeTakeFirstOrThrow();
    expect(email.toEmail).toBe(DEMO_CONTACTS.amelia.email);
    expect(email.textBody).toContain(url);
    expect(email.textBody).toContain("> Hi Amelia — your renewal, ready when you are.");
    expect(email.textBody).toContain("Maya Tan");

    const opened = await callLoader(portalLink.loader, { path: `/l/${token}`, params: { token }, ip: "198.51.100.20", headers: { "User-Agent": "Mail client" } });
    expect(opened.status).toBe(302);
    const contract = await demo.contractByNumber("C365-10001");
    expect(opened.location).toBe(`/renew/${contract.id}`);
    const uses = await database.db.selectFrom("portalLinkUses").select(["action", "ip", "userAgent"]).execute();
    expect(uses).toContainEqual({ action: "open", ip: "198.51.100.20", userAgent: "Mail client" });
  });

  it("opens its one renewal and nothing else; other pages ask to sign in with the contact's email", async () => {
    const created = await createLink(await ameliaLinkForm());
    const token = tokenOf((created.data as { url: string }).url);
    const opened = await callLoader(portalLink.loader, { path: `/l/${token}`, params: { token } });
    const cookie = cookiePair(opened.headers.get("Set-Cookie")!);
    const identity = await getIdentity(new Request(`${ORIGIN}/`, { headers: { Cookie: cookie } }));
    expect(identity).toMatchObject({ kind: "portal_link" });

    const own = await demo.contractByNumber("C365-10001");
    const page = await callLoader(renewal.loader, { path: `/renew/${own.id}`, params: { contractId: own.id }, cookie });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ via: "portal_link", contract: { number: "C365-10001" } });

    // Another renewal of the same account: not this link's.
    const sibling = await demo.contractByNumber("C365-10002");
    const refused = await callLoader(renewal.loader, { path: `/renew/${sibling.id}`, params: { contractId: sibling.id }, cookie });
    expect(refused.status).toBe(404);

    // Another account's renewal: 404 as well.
    const other = await demo.contractByNumber("C365-10026");
    expect((await callLoader(renewal.loader, { path: "/", params: { contractId: other.id }, cookie })).status).toBe(404);

    // The account pages need a real sign-in, with the email filled in.
    const home = await callLoader(accountHome.loader, { path: "/account", cookie });
    expect(home.status).toBe(302);
    expect(home.location).toBe(`/sign-in?redirectTo=%2Faccount&email=${encodeURIComponent(DEMO_CONTACTS.amelia.email)}`);
  });

  it("stops working when revoked, and says so", async () => {
    const created = await createLink(await ameliaLinkForm());
    const token = tokenOf((created.data as { url: string }).url);
    const opened = await callLoader(portalLink.loader, { path: "/", params: { token } });
    const cookie = cookiePair(opened.headers.get("Set-Cookie")!);
    const { linkId } = created.data as { linkId: string };

    const revoked = await callAction(staffLinks.action, { path: "/staff/portal-links", cookie: staffCookie, form: { intent: "revoke", linkId } });
    expect(revoked.data).toMatchObject({ ok: true });

    const again = await callLoader(portalLink.loader, { path: "/", params: { token } });
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ reason: "revoked", email: DEMO_CONTACTS.amelia.email });
    // The session it had started ends with it.
    expect(await getIdentity(new Request(`${ORIGIN}/`, { headers: { Cookie: cookie } }))).toBeNull();
  });

  it("expires after its days (at most 30)", async () => {
    const tooLong = await createLink(await ameliaLinkForm({ expiresInDays: "31" }));
    expect(tooLong.data).toMatchObject({ ok: false, errors: { expiresInDays: "staff:portalLinks.errors.days" } });

    const created = await createLink(await ameliaLinkForm({ expiresInDays: "2" }));
    const token = tokenOf((created.data as { url: string }).url);
    now = new Date(now.getTime() + 2 * 24 * 3_600_000 + 1000);
    const late = await callLoader(portalLink.loader, { path: "/", params: { token } });
    expect(late.status).toBe(410);
    expect(late.data).toMatchObject({ reason: "expired" });
  });

  it("refuses a contact or contract of another account", async () => {
    const form = await ameliaLinkForm();
    const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
    const foreignContract = await demo.contractByNumber("C365-10026");
    const before = await database.db.selectFrom("portalLinks").select("id").execute();
    expect((await createLink({ ...form, contactId: nurul.id })).data).toMatchObject({ ok: false, errors: { contactId: expect.any(String) } });
    expect((await createLink({ ...form, contractId: foreignContract.id })).data).toMatchObject({ ok: false, errors: { contractId: expect.any(String) } });
    expect(await database.db.selectFrom("portalLinks").select("id").execute()).toHaveLength(before.length);
  });

  it("is a staff page: customers get 404, visitors are sent to sign in", async () => {
    const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
    const customer = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
    expect((await callLoader(staffLinks.loader, { path: "/staff/portal-links", cookie: customer })).status).toBe(404);
    expect((await callAction(staffLinks.action, { path: "/staff/portal-links", cookie: customer, form: await ameliaLinkForm() })).status).toBe(404);
    const visitor = await callLoader(staffLinks.loader, { path: "/staff/portal-links" });
    expect(visitor.location).toBe("/sign-in?redirectTo=%2Fstaff%2Fportal-links");
  });

  it("keeps staff out of customer pages: they act on customer data only through staff pages", async () => {
    const home = await callLoader(accountHome.loader, { path: "/account", cookie: staffCookie });
    expect(home.location).toBe("/staff");
  });
});
