import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Clock } from "../../app/lib/clock";
import * as approve from "../../app/routes/approve.$token";
import * as approvePdf from "../../app/routes/approve.$token.pdf";
import * as renewal from "../../app/routes/renew.$contractId._index";
import * as review from "../../app/routes/renew.$contractId.quotes.$quoteId._index";
import * as share from "../../app/routes/renew.$contractId.quotes.$quoteId.share";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, cookiePair, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

let now = new Date("2026-11-25T09:00:00Z");
const clock: Clock = { now: () => new Date(now.getTime()) };
const database = useTestDatabase({ clock });
let demo: Awaited<ReturnType<typeof seedDemo>>;
let cookie: string;
let contractId: string;
let seats = 120;

beforeAll(async () => {
  demo = await seedDemo(database.db);
  contractId = (await demo.contractByNumber("C365-10001")).id;
});
beforeEach(async () => {
  now = new Date("2026-11-25T09:00:00Z");
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  cookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
});

/** A new quote version (each call a different seat count, so never reused). */
async function newQuote(): Promise<string> {
  seats += 1;
  const form = new URLSearchParams({ term: "1", plan: "professional", seats: String(seats), intent: "share" });
  form.append("addOn", "analytics");
  const saved = await callAction(renewal.action, { path: "/", params: { contractId }, cookie, form });
  expect(saved.location).toMatch(/\/share$/);
  return saved.location!.split("/")[4]!;
}

async function shareWith(quoteId: string, form: Record<string, string>) {
  return callAction(share.action, { path: "/", params: { contractId, quoteId }, cookie, form: { intent: "share", ...form } });
}

async function latestEmail(to: string, template: string) {
  return database.db
    .selectFrom("emailOutbox")
    .select(["subject", "textBody", "locale"])
    .where("toEmail", "=", to)
    .where("template", "=", template)
    .orderBy("createdAt", "desc")
    .executeTakeFirstOrThrow();
}

function tokenIn(text: string): string {
  return /\/approve\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

const quoteStatus = async (id: string) => (await database.db.selectFrom("quotes").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

const noticesOf = async (kind: string) =>
  database.db.selectFrom("staffNotifications").innerJoin("staffUsers", "staffUsers.id", "staffNotifications.staffUserId").select(["staffUsers.email", "data"]).where("kind", "=", kind).execute();

const decide = (token: string, form: Record<string, string>) => callAction(approve.action, { path: `/approve/${token}`, params: { token }, form });

describe("sharing a quote with an approver", () => {
  it("sends Ben a scoped link with the note, marks the quote shared, tells the success manager, audits it", async () => {
    const quoteId = await newQuote();
    const sent = await shareWith(quoteId, { approverName: "Ben Carter", approverEmail: "Ben.Carter@northwind.example", note: "Ben — this keeps the 10% if we sign this week." });
    expect(sent.status).toBe(200);
    expect(sent.data).toMatchObject({ ok: true, sentTo: "ben.carter@northwind.example" });

    const link = await database.db.selectFrom("portalLinks").selectAll().where("quoteId", "=", quoteId).executeTakeFirstOrThrow();
    const ben = await demo.contactByEmail(DEMO_CONTACTS.ben.email);
    expect(link).toMatchObject({ purpose: "approval", contactId: ben.id, recipientEmail: "ben.carter@northwind.example", revokedAt: null });
    expect(link.expiresAt.getTime() - now.getTime()).toBe(14 * 86_400_000);
    expect(await quoteStatus(quoteId)).toBe("shared");

    const email = await latestEmail("ben.carter@northwind.example", "quoteShared");
    const token = tokenIn(email.textBody);
    expect(link.tokenHash).not.toContain(token);
    expect(email.textBody).toContain("> Ben — this keeps the 10% if we sign this week.");
    expect(email.subject).toContain("Amelia Hart");

    expect((await noticesOf("quoteShared")).map((n) => n.email)).toContain("maya.tan@customer365.example");
    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorKind"]).where("entityId", "=", quoteId).where("action", "=", "quote.shared").execute();
    expect(audit).toEqual([{ action: "quote.shared", actorKind: "contact" }]);

    // The customer sees who it went to and when.
    const page = await callLoader(share.loader, { path: "/", params: { contractId, quoteId }, cookie });
    expect((page.data as { shares: { email: string; state: string }[] }).shares).toEqual([expect.objectContaining({ email: "ben.carter@northwind.example", state: "active" })]);
  });

  it("checks the form and changes nothing when it is wrong", async () => {
    const quoteId = await newQuote();
    const refused = await shareWith(quoteId, { approverName: "", approverEmail: "ben", note: "x".repeat(2001) });
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, string> }).errors).toEqual({
      approverName: "renewal:share.errors.name",
      approverEmail: "renewal:share.errors.emailInvalid",
      note: "renewal:share.errors.note",
    });
    expect(await database.db.selectFrom("portalLinks").select("id").where("quoteId", "=", quoteId).execute()).toEqual([]);
    expect(await quoteStatus(quoteId)).toBe("draft");
  });

  it("writes to an approver in their own language when they are a known contact, else in the sharer's", async () => {
    const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
    const theirContract = await demo.contractByNumber("C365-10026");
    const nurulCookie = await sessionCookieFor({ kind: "contact", contactId: nurul.id, accountId: nurul.accountId });
    const saved = await callAction(renewal.action, { path: "/", params: { contractId: theirContract.id }, cookie: nurulCookie, form: { term: "1", plan: "professional", seats: "70", addOn: "analytics", intent: "share" } });
    const quoteId = saved.location!.split("/")[4]!;
    for (const approverEmail of ["faizal.ismail@majujaya.example", "kewangan@majujaya.example"]) {
      await callAction(share.action, { path: "/", params: { contractId: theirContract.id, quoteId }, cookie: nurulCookie, form: { intent: "share", approverName: "Kewangan", approverEmail } });
    }
    expect((await latestEmail("faizal.ismail@majujaya.example", "quoteShared")).locale).toBe("ms");
    expect((await latestEmail("kewangan@majujaya.example", "quoteShared")).locale).toBe("ms");
    // Ben has no other language; Amelia writes English.
    const quoteForBen = await newQuote();
    await shareWith(quoteForBen, { approverName: "Ben", approverEmail: DEMO_CONTACTS.ben.email });
    expect((await latestEmail(DEMO_CONTACTS.ben.email, "quoteShared")).locale).toBe("en");
  });
});

describe("the approver's link", () => {
  async function sharedToken(to: string = DEMO_CONTACTS.ben.email) {
    const quoteId = await newQuote();
    await shareWith(quoteId, { approverName: "Ben Carter", approverEmail: to });
    return { quoteId, token: tokenIn((await latestEmail(to, "quoteShared")).textBody) };
  }

  it("shows the quote read-only without consuming anything, privately", async () => {
    const { quoteId, token } = await sharedToken();
    for (let i = 0; i < 2; i++) {
      const page = await callLoader(approve.loader, { path: `/approve/${token}`, params: { token } });
      expect(page.status).toBe(200);
      expect(page.headers.get("Referrer-Policy")).toBe("no-referrer");
      expect(page.headers.get("Cache-Control")).toBe("no-store");
      expect(page.data).toMatchObject({ state: "open", view: { accountName: "Northwind Logistics", decision: null } });
    }
    expect(await quoteStatus(quoteId)).toBe("shared");
    expect(await database.db.selectFrom("approvals").select("id").where("quoteId", "=", quoteId).execute()).toEqual([]);
    const uses = await database.db.selectFrom("portalLinkUses").innerJoin("portalLinks", "portalLinks.id", "portalLinkUses.portalLinkId").select("action").where("portalLinks.quoteId", "=", quoteId).execute();
    expect(uses.map((u) => u.action)).toEqual(["view_quote", "view_quote"]);

    const file = await callLoader(approvePdf.loader, { path: `/approve/${token}/pdf`, params: { token } });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
  });

  it("records one approval, tells the customer and the success manager, and lets the approver pay", async () => {
    const { quoteId, token } = await sharedToken();
    const approved = await decide(token, { decision: "approve", comment: "Budget confirmed." });
    expect(approved.status).toBe(200);
    expect(approved.data).toMatchObject({ decided: "approved" });
    expect(await quoteStatus(quoteId)).toBe("approved");
    const approvals = await database.db.selectFrom("approvals").select(["decision", "approverEmail", "comment", "quoteVersion"]).where("quoteId", "=", quoteId).execute();
    expect(approvals).toEqual([{ decision: "approved", approverEmail: DEMO_CONTACTS.ben.email, comment: "Budget confirmed.", quoteVersion: expect.any(Number) }]);
    const email = await latestEmail(DEMO_CONTACTS.amelia.email, "quoteDecision");
    expect(email.subject).toBe(`Ben Carter approved quote ${(await database.db.selectFrom("quotes").select("number").where("id", "=", quoteId).executeTakeFirstOrThrow()).number}`);
    expect(email.textBody).toContain("> Budget confirmed.");
    expect((await noticesOf("quoteApproved")).length).toBeGreaterThan(0);
    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorKind"]).where("entityId", "=", quoteId).where("action", "=", "quote.approved").execute();
    expect(audit).toEqual([{ action: "quote.approved", actorKind: "approver" }]);

    // One decision per version.
    const again = await decide(token, { decision: "changes", comment: "Actually, wait." });
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ refusal: "decided" });
    expect(await database.db.selectFrom("approvals").select("id").where("quoteId", "=", quoteId).execute()).toHaveLength(1);

    // Continue to payment: a session scoped to this one quote.
    const opened = await callAction(approve.action, { path: "/", params: { token }, form: { intent: "continue" } });
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/renew/${contractId}/quotes/${quoteId}`);
    const approverCookie = cookiePair(opened.headers.get("Set-Cookie")!);
    const page = await callLoader(review.loader, { path: "/", params: { contractId, quoteId }, cookie: approverCookie });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ approver: true });
    // Not the renewal around it, not another quote.
    expect((await callLoader(renewal.loader, { path: "/", params: { contractId }, cookie: approverCookie })).status).toBe(404);
    const otherQuote = await newQuote();
    expect((await callLoader(review.loader, { path: "/", params: { contractId, quoteId: otherQuote }, cookie: approverCookie })).status).toBe(404);
  });

  it("an approver can confirm the quote they approved, and it goes on to payment", async () => {
    const { quoteId, token } = await sharedToken();
    await decide(token, { decision: "approve" });
    const opened = await callAction(approve.action, { path: "/", params: { token }, form: { intent: "continue" } });
    const approverCookie = cookiePair(opened.headers.get("Set-Cookie")!);
    const page = await callLoader(review.loader, { path: "/", params: { contractId, quoteId }, cookie: approverCookie });
    const { quote } = page.data as { quote: { version: number; priceHash: string } };
    const confirmed = await callAction(review.action, {
      path: "/",
      params: { contractId, quoteId },
      cookie: approverCookie,
      form: { intent: "confirm", acceptTerms: "on", version: String(quote.version), priceHash: quote.priceHash, poNumber: "PO-77" },
    });
    expect(confirmed.location).toBe(`/checkout/${quoteId}`);
    const ben = await demo.contactByEmail(DEMO_CONTACTS.ben.email);
    const row = await database.db.selectFrom("quotes").select(["status", "confirmedByContactId", "poNumber"]).where("id", "=", quoteId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "awaiting_payment", confirmedByContactId: ben.id, poNumber: "PO-77" });
  });

  it("records a request for changes, which needs a comment, and keeps the quote shared", async () => {
    const { quoteId, token } = await sharedToken("procurement@northwind.example");
    const empty = await decide(token, { decision: "changes", comment: "  " });
    expect(empty.status).toBe(400);
    expect((empty.data as { errors: Record<string, string> }).errors.comment).toBe("renewal:approve.errors.commentRequired");
    expect(await database.db.selectFrom("approvals").select("id").where("quoteId", "=", quoteId).execute()).toEqual([]);

    const changes = await decide(token, { decision: "changes", comment: "Please drop Advanced Analytics." });
    expect(changes.data).toMatchObject({ decided: "changes_requested" });
    expect(await quoteStatus(quoteId)).toBe("shared");
    const email = await latestEmail(DEMO_CONTACTS.amelia.email, "quoteDecision");
    expect(email.subject).toContain("asked for changes");
    expect(email.textBody).toContain("> Please drop Advanced Analytics.");
    expect((await noticesOf("quoteChangesRequested")).length).toBeGreaterThan(0);
    const audit = await database.db.selectFrom("auditEvents").select("action").where("entityId", "=", quoteId).where("action", "=", "quote.changes_requested").execute();
    expect(audit).toHaveLength(1);

    // The customer revises: the old link now says the quote was replaced.
    await newQuote();
    const stale = await callLoader(approve.loader, { path: "/", params: { token } });
    expect(stale.status).toBe(410);
    expect(stale.data).toMatchObject({ state: "superseded", sharer: "Amelia Hart" });
  });

  it("says clearly when a link is revoked, expired or unknown", async () => {
    const { quoteId, token } = await sharedToken();
    const link = await database.db.selectFrom("portalLinks").select("id").where("quoteId", "=", quoteId).executeTakeFirstOrThrow();
    const revoked = await callAction(share.action, { path: "/", params: { contractId, quoteId }, cookie, form: { intent: "revoke", linkId: link.id } });
    expect(revoked.data).toMatchObject({ ok: true });
    expect(await quoteStatus(quoteId)).toBe("draft");
    expect((await callLoader(approve.loader, { path: "/", params: { token } })).data).toMatchObject({ state: "revoked" });
    expect((await decide(token, { decision: "approve" })).data).toMatchObject({ refusal: "revoked" });
    expect(await database.db.selectFrom("approvals").select("id").where("quoteId", "=", quoteId).execute()).toEqual([]);
    expect(await database.db.selectFrom("auditEvents").select("action").where("entityId", "=", link.id).execute()).toEqual([{ action: "quote.share_revoked" }]);

    const other = await sharedToken();
    now = new Date(now.getTime() + 14 * 86_400_000 + 1000);
    const expired = await callLoader(approve.loader, { path: "/", params: { token: other.token } });
    expect(expired.status).toBe(410);
    expect(expired.data).toMatchObject({ state: "expired" });

    const unknown = await callLoader(approve.loader, { path: "/", params: { token: "x".repeat(43) } });
    expect(unknown.data).toMatchObject({ state: "unknown" });
    expect((await callLoader(approve.loader, { path: "/", params: { token: "short" } })).status).toBe(410);
  });

  it("cannot revoke another account's link", async () => {
    const { quoteId } = await sharedToken();
    const link = await database.db.selectFrom("portalLinks").select("id").where("quoteId", "=", quoteId).executeTakeFirstOrThrow();
    const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
    const theirContract = await demo.contractByNumber("C365-10026");
    const nurulCookie = await sessionCookieFor({ kind: "contact", contactId: nurul.id, accountId: nurul.accountId });
    const attempt = await callAction(share.action, { path: "/", params: { contractId: theirContract.id, quoteId }, cookie: nurulCookie, form: { intent: "revoke", linkId: link.id } });
    expect(attempt.status).toBe(404);
    expect((await database.db.selectFrom("portalLinks").select("revokedAt").where("id", "=", link.id).executeTakeFirstOrThrow()).revokedAt).toBeNull();
  });
});
