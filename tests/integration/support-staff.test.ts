import { beforeAll, describe, expect, it } from "vitest";

import { buildTicket } from "../../db/seed/factories";
import { loader as feedbackLoader } from "~/routes/staff.feedback";
import { action as ticketAction, loader as ticketLoader } from "~/routes/staff.tickets.$ticketId";
import { loader as listLoader } from "~/routes/staff.tickets._index";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

// 25 Nov 2026, 10:00 UTC: the instant every change below is stamped with.
const NOW = new Date("2026-11-25T10:00:00Z");
const database = useTestDatabase({ today: "2026-11-25T10:00:00Z" });

let maya: string;
let admin: string;
let ameliaCookie: string;
let northwindTicket: string;
let majuJayaTicket: string;
let nurulEmail: string;

beforeAll(async () => {
  const demo = await seedDemo(database.db);
  const mayaUser = await demo.staffByEmail("maya.tan@customer365.example");
  const adminUser = await demo.staffByEmail("admin@customer365.example");
  maya = await sessionCookieFor({ kind: "staff", staffUserId: mayaUser.id });
  admin = await sessionCookieFor({ kind: "staff", staffUserId: adminUser.id });
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  ameliaCookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
  const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
  nurulEmail = nurul.email;
  // Northwind belongs to Maya; Syarikat Maju Jaya to Daniel.
  northwindTicket = (
    await buildTicket(database.db, {
      accountId: amelia.accountId,
      contactId: amelia.id,
      subject: "Route planner shows yesterday's jobs",
      createdAt: "2026-11-24T03:00:00Z",
    })
  ).id;
  majuJayaTicket = (
    await buildTicket(database.db, {
      accountId: nurul.accountId,
      contactId: nurul.id,
      topic: "billing",
      subject: "Invois tidak menunjukkan nombor PO",
      body: "Nombor PO kami tiada pada invois.",
      createdAt: "2026-11-24T02:00:00Z",
    })
  ).id;
});

const params = (ticketId: string) => ({ ticketId });

describe("staff: support requests", () => {
  it("shows a CSM the requests of the accounts they look after, waiting ones first; admin sees every account", async () => {
    const mine = await callLoader(listLoader, { path: "/staff/tickets", cookie: maya });
    const mineData = mine.data as { allAccounts: boolean; tickets: Array<{ id: string; accountName: string; status: string }> };
    expect(mineData.allAccounts).toBe(false);
    expect(mineData.tickets.map((t) => t.id)).toContain(northwindTicket);
    expect(mineData.tickets.map((t) => t.id)).not.toContain(majuJayaTicket);
    expect(mineData.tickets.every((t) => t.status === "open" || t.status === "pending")).toBe(true);
    const open = mineData.tickets.filter((t) => t.status === "open").length;
    expect(mineData.tickets.slice(0, open).every((t) => t.status === "open")).toBe(true);

    const all = await callLoader(listLoader, { path: "/staff/tickets?status=all", cookie: admin });
    const allData = all.data as { allAccounts: boolean; tickets: Array<{ id: string; status: string }> };
    expect(allData.allAccounts).toBe(true);
    expect(allData.tickets.map((t) => t.id)).toEqual(expect.arrayContaining([northwindTicket, majuJayaTicket]));
    expect(allData.tickets.some((t) => t.status === "resolved")).toBe(true);

    const resolved = await callLoader(listLoader, { path: "/staff/tickets?status=resolved", cookie: admin });
    expect((resolved.data as { tickets: Array<{ status: string }> }).tickets.every((t) => t.status === "resolved")).toBe(true);
    // An unknown filter falls back to the default instead of failing.
    const odd = await callLoader(listLoader, { path: "/staff/tickets?status=%27%3B--&page=-4", cookie: admin });
    expect(odd.status).toBe(200);
    expect(odd.data).toMatchObject({ filter: "active", page: 1 });
  });

  it("keeps a CSM out of other accounts' requests (404), and customers out of staff pages", async () => {
    expect((await callLoader(ticketLoader, { path: `/staff/tickets/${majuJayaTicket}`, params: params(majuJayaTicket), cookie: maya })).status).toBe(404);
    const refused = await callAction(ticketAction, {
      path: `/staff/tickets/${majuJayaTicket}`,
      params: params(majuJayaTicket),
      cookie: maya,
      form: { intent: "reply", message: "Not mine" },
    });
    expect(refused.status).toBe(404);
    expect((await callLoader(ticketLoader, { path: `/staff/tickets/${northwindTicket}`, params: params(northwindTicket), cookie: ameliaCookie })).status).toBe(404);
    const messages = await database.db.selectFrom("ticketMessages").select("id").where("ticketId", "=", majuJayaTicket).execute();
    expect(messages).toHaveLength(1);
  });

  it("records the first response on the first staff reply only, and emails the customer in their language", async () => {
    const first = await callAction(ticketAction, {
      path: `/staff/tickets/${majuJayaTicket}`,
      params: params(majuJayaTicket),
      cookie: admin,
      form: { intent: "reply", message: "Terima kasih, Puan Nurul. Kami akan keluarkan semula invois dengan nombor PO anda." },
    });
    expect(first.data).toEqual({ intent: "reply", ok: true, firstResponse: true });
    const after = await database.db
      .selectFrom("supportTickets")
      .select(["status", "firstResponseAt", "updatedAt"])
      .where("id", "=", majuJayaTicket)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("pending");
    expect(after.firstResponseAt).toEqual(NOW);

    const email = await database.db
      .selectFrom("emailOutbox")
      .select(["toEmail", "locale", "subject", "textBody"])
      .where("template", "=", "supportReplyToCustomer")
      .executeTakeFirstOrThrow();
    expect(email).toMatchObject({ toEmail: nurulEmail, locale: "ms" });
    expect(email.subject).toMatch(/^Balasan baharu untuk TEST-T\d+-\w+: Invois tidak menunjukkan nombor PO$/);
    expect(email.textBody).toContain("Alex Admin telah membalas permintaan anda");
    expect(email.textBody).toContain("Kami akan keluarkan semula invois dengan nombor PO anda.");

    const second = await callAction(ticketAction, {
      path: `/staff/tickets/${majuJayaTicket}`,
      params: params(majuJayaTicket),
      cookie: admin,
      form: { intent: "reply", message: "Invois baharu telah dihantar.", status: "resolved" },
    });
    expect(second.data).toEqual({ intent: "reply", ok: true, firstResponse: false });
    const resolved = await database.db
      .selectFrom("supportTickets")
      .select(["status", "firstResponseAt", "resolvedAt"])
      .where("id", "=", majuJayaTicket)
      .executeTakeFirstOrThrow();
    expect(resolved).toEqual({ status: "resolved", firstResponseAt: NOW, resolvedAt: NOW });

    const page = await callLoader(ticketLoader, { path: `/staff/tickets/${majuJayaTicket}`, params: params(majuJayaTicket), cookie: admin });
    const data = page.data as { messages: Array<{ side: string; authorName: string | null }> };
    expect(data.messages.map((m) => [m.side, m.authorName])).toEqual([
      ["contact", "Nurul Aisyah binti Ahmad"],
      ["staff", "Alex Admin"],
      ["staff", "Alex Admin"],
    ]);
    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorKind"]).where("entityId", "=", majuJayaTicket).execute();
    expect(audit.map((a) => a.action)).toEqual(["ticket.staff_replied", "ticket.staff_replied"]);
    expect(audit.every((a) => a.actorKind === "staff")).toBe(true);
  });

  it("changes the status with resolved_at kept in step; resolving emails the customer once", async () => {
    const resolve = await callAction(ticketAction, {
      path: `/staff/tickets/${northwindTicket}`,
      params: params(northwindTicket),
      cookie: maya,
      form: { intent: "status", status: "resolved" },
    });
    expect(resolve.data).toEqual({ intent: "status", ok: true, changed: true });
    expect(
      await database.db.selectFrom("supportTickets").select(["status", "resolvedAt"]).where("id", "=", northwindTicket).executeTakeFirstOrThrow(),
    ).toEqual({ status: "resolved", resolvedAt: NOW });
    const again = await callAction(ticketAction, {
      path: `/staff/tickets/${northwindTicket}`,
      params: params(northwindTicket),
      cookie: maya,
      form: { intent: "status", status: "resolved" },
    });
    expect(again.data).toEqual({ intent: "status", ok: true, changed: false });
    const emails = await database.db.selectFrom("emailOutbox").select(["subject", "locale"]).where("template", "=", "supportRequestResolved").execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/^Your request .+ is resolved: Route planner shows yesterday's jobs$/);

    await callAction(ticketAction, { path: `/staff/tickets/${northwindTicket}`, params: params(northwindTicket), cookie: maya, form: { intent: "status", status: "open" } });
    expect(
      await database.db.selectFrom("supportTickets").select(["status", "resolvedAt"]).where("id", "=", northwindTicket).executeTakeFirstOrThrow(),
    ).toEqual({ status: "open", resolvedAt: null });
    const actions = await database.db.selectFrom("auditEvents").select("data").where("entityId", "=", northwindTicket).where("action", "=", "ticket.status_changed").execute();
    expect(actions.map((a) => a.data)).toEqual([
      { from: "open", to: "resolved" },
      { from: "resolved", to: "open" },
    ]);
  });

  it("refuses an empty reply or an unknown status with a localised message and changes nothing", async () => {
    const before = await database.db.selectFrom("ticketMessages").select("id").where("ticketId", "=", northwindTicket).execute();
    const empty = await callAction(ticketAction, { path: `/staff/tickets/${northwindTicket}`, params: params(northwindTicket), cookie: maya, form: { intent: "reply", message: "   " } });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { message: "support:errors.messageRequired" } });
    const status = await callAction(ticketAction, { path: `/staff/tickets/${northwindTicket}`, params: params(northwindTicket), cookie: maya, form: { intent: "status", status: "deleted" } });
    expect(status.status).toBe(400);
    expect(status.data).toMatchObject({ errors: { status: "staff-help:tickets.errors.status" } });
    const unknown = await callAction(ticketAction, { path: `/staff/tickets/${northwindTicket}`, params: params(northwindTicket), cookie: maya, form: { intent: "delete" } });
    expect(unknown.status).toBe(400);
    const after = await database.db.selectFrom("ticketMessages").select("id").where("ticketId", "=", northwindTicket).execute();
    expect(after).toHaveLength(before.length);
  });
});

describe("staff: feedback results", () => {
  it("computes NPS and CSAT from the answers, overall and per language and segment", async () => {
    const outcome = await callLoader(feedbackLoader, { path: "/staff/feedback?period=all", cookie: maya });
    const data = outcome.data as {
      nps: { overall: { responses: number; score: number | null; promoters: number; detractors: number }; locales: Array<{ key: string; summary: { responses: number } }> };
      csat: { overall: { responses: number; average: number | null; distribution: number[] } };
      npsComments: Array<{ comment: string }>;
    };
    const rows = await database.db.selectFrom("surveyResponses").select(["kind", "score"]).where("kind", "in", ["nps", "csat"]).execute();
    const nps = rows.filter((r) => r.kind === "nps").map((r) => r.score!);
    const csat = rows.filter((r) => r.kind === "csat").map((r) => r.score!);
    const promoters = nps.filter((s) => s >= 9).length;
    const detractors = nps.filter((s) => s <= 6).length;
    expect(nps.length).toBeGreaterThan(3);
    expect(data.nps.overall).toMatchObject({ responses: nps.length, promoters, detractors, score: Math.round(((promoters - detractors) / nps.length) * 100) });
    expect(data.nps.locales.reduce((n, l) => n + l.summary.responses, 0)).toBe(nps.length);
    expect(data.csat.overall.responses).toBe(csat.length);
    expect(data.csat.overall.average).toBe(Math.round((csat.reduce((a, b) => a + b, 0) / csat.length) * 10) / 10);
    expect(data.csat.overall.distribution.reduce((a, b) => a + b, 0)).toBe(csat.length);
    expect(data.npsComments.map((c) => c.comment)).toContain("The dispatch dashboards are the first thing my team opens every morning.");
  });

  it("is for staff only", async () => {
    expect((await callLoader(feedbackLoader, { path: "/staff/feedback", cookie: ameliaCookie })).status).toBe(404);
    expect((await callLoader(feedbackLoader, { path: "/staff/feedback" })).status).toBe(302);
  });
});
