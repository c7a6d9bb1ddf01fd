import { createHash } from "node:crypto";
import path from "node:path";

import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { seedKnowledgeBase } from "../../db/seed/kb";
import { CLIENT_IP_HEADER } from "~/lib/client-ip";
import { QUEUES } from "~/lib/jobs/queue.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { fileSize } from "~/lib/ticket-entries.server";
import { loader as deflectLoader } from "~/routes/support.deflect";
import { action as newAction, loader as newLoader } from "~/routes/support.new";
import { loader as attachmentLoader } from "~/routes/support.requests.$ticketId.attachments.$attachmentId";
import { action as ticketAction, loader as ticketLoader } from "~/routes/support.requests.$ticketId";
import { loader as listLoader } from "~/routes/support.requests._index";
import { loader as suggestLoader } from "~/routes/support.suggest";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, ORIGIN, sessionCookieFor, settle } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const context = { cspNonce: "", requestId: "test-request", clientIp: "203.0.113.7" } as AppLoadContext;

let amelia: { id: string; accountId: string; email: string };
let ameliaCookie: string;
let nurul: { id: string; accountId: string; email: string };
let nurulCookie: string;
let northwindContract: string;
let majuJayaContract: string;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

beforeAll(async () => {
  const demo = await seedDemo(database.db);
  await seedKnowledgeBase(database.db, { contentDir: path.resolve("content") });
  amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
  ameliaCookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
  nurulCookie = await sessionCookieFor({ kind: "contact", contactId: nurul.id, accountId: nurul.accountId });
  northwindContract = (await demo.contractByNumber("C365-10001")).id;
  majuJayaContract = (await demo.contractByNumber("C365-10026")).id;
});

/** A multipart POST as the browser sends the new-request form (with or without a file). */
function multipart(
  pathname: string,
  cookie: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
): Request {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("attachment", file ? new File([Uint8Array.from(file.bytes)], file.name, { type: file.type }) : new File([], "", { type: "application/octet-stream" }));
  return new Request(`${ORIGIN}${pathname}`, {
    method: "POST",
    body,
    headers: { Cookie: cookie, [CLIENT_IP_HEADER]: "203.0.113.7", "Accept-Language": "en-GB" },
  });
}

async function send(cookie: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
  return settle(() => newAction({ request: multipart("/support/new", cookie, fields, file), params: {}, context }));
}

/** Rows a support request could leave behind. */
async function counts() {
  const row = await sql<{ tickets: number; messages: number; attachments: number; emails: number; audits: number; surveys: number }>`
    select (select count(*)::int from support_tickets) as tickets,
           (select count(*)::int from ticket_messages) as messages,
           (select count(*)::int from ticket_attachments) as attachments,
           (select count(*)::int from email_outbox) as emails,
           (select count(*)::int from audit_events) as audits,
           (select count(*)::int from survey_responses) as surveys`.execute(database.db);
  return row.rows[0]!;
}

const REQUEST = {
  topic: "technical",
  contractId: "",
  subject: "Dispatch board freezes after the update",
  message: "Since this morning the dispatch board stops refreshing after about ten minutes.\nReloading helps for a while.",
  confirmed: "yes",
};

describe("sending a support request", () => {
  it("creates the ticket, its first message and its attachment in one go, and emails the team and the customer", async () => {
    const before = await counts();
    const outcome = await send(ameliaCookie, { ...REQUEST, contractId: northwindContract }, { name: "../board.PNG", type: "application/x-msdownload", bytes: PNG });
    expect(outcome.status).toBe(303);
    const ticketId = /^\/support\/requests\/([0-9a-f-]{36})\?sent=1$/.exec(outcome.location ?? "")?.[1];
    expect(ticketId).toBeTruthy();

    const ticket = await database.db.selectFrom("supportTickets").selectAll().where("id", "=", ticketId!).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      accountId: amelia.accountId,
      contactId: amelia.id,
      contractId: northwindContract,
      topic: "technical",
      subject: REQUEST.subject,
      body: REQUEST.message,
      status: "open",
    });
    // Numbered from the sequence: the demo's own tickets are SUP-1xxxx.
    expect(ticket.number).toMatch(/^SUP-2\d{4}$/);
    const messages = await database.db.selectFrom("ticketMessages").selectAll().where("ticketId", "=", ticketId!).execute();
    expect(messages).toEqual([expect.objectContaining({ authorKind: "contact", contactId: amelia.id, body: REQUEST.message })]);
    const [file] = await database.db.selectFrom("ticketAttachments").selectAll().where("ticketId", "=", ticketId!).execute();
    expect(file).toMatchObject({
      filename: "board.png",
      // What the bytes are, not what the browser declared.
      contentType: "image/png",
      sizeBytes: PNG.byteLength,
      sha256: createHash("sha256").update(PNG).digest("hex"),
    });
    expect(Buffer.from(file!.data).equals(Buffer.from(PNG))).toBe(true);

    const emails = await database.db
      .selectFrom("emailOutbox")
      .select(["id", "toEmail", "locale", "template", "subject", "textBody"])
      .where("createdAt", ">=", ticket.createdAt)
      .where("template", "like", "support%")
      .orderBy("template")
      .execute();
    expect(emails).toHaveLength(2);
    const [confirmation, team] = emails;
    expect(team).toMatchObject({ toEmail: "support@customer365.example", locale: "en", template: "supportRequestReceived" });
    expect(team!.subject).toBe(`[${ticket.number}] ${REQUEST.subject}`);
    expect(team!.textBody).toContain("Amelia Hart (amelia.hart@northwind.example) at Northwind Logistics sent a new technical request.");
    expect(team!.textBody).toContain("It is about contract C365-10001.");
    expect(team!.textBody).toContain("Attached: board.png (1 KB).");
    expect(team!.textBody).toContain(`/staff/tickets/${ticketId}`);
    expect(confirmation).toMatchObject({ toEmail: amelia.email, locale: "en", template: "supportRequestConfirmation" });
    expect(confirmation!.subject).toBe(`We received your request ${ticket.number}: ${REQUEST.subject}`);
    expect(confirmation!.textBody).toContain(`/support/requests/${ticketId}`);
    const jobs = await database.boss.findJobs<{ outboxId: string }>(QUEUES.sendEmail.name);
    expect(jobs.map((job) => job.data.outboxId)).toEqual(expect.arrayContaining(emails.map((email) => email.id)));

    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorId", "accountId", "data"]).where("entityId", "=", ticketId!).execute();
    expect(audit).toEqual([expect.objectContaining({ action: "ticket.created", actorId: amelia.id, accountId: amelia.accountId })]);

    // The request's page in Traditional Chinese: dates, times and sizes arrive in the reader's language.
    const page = await callLoader(ticketLoader, { path: `/support/requests/${ticketId}`, params: { ticketId: ticketId! }, cookie: ameliaCookie, headers: { "Accept-Language": "zh-TW" } });
    const shown = page.data as {
      ticket: { created: string };
      messages: Array<{ createdAt: string; sentAt: string }>;
      attachments: Array<{ filename: string; size: string }>;
    };
    expect(shown.ticket.created).toBe(formatDate(ticket.createdAt.toISOString(), "zh-Hant"));
    expect(shown.ticket.created).toMatch(/年/);
    expect(shown.messages).toEqual([expect.objectContaining({ createdAt: messages[0]!.createdAt.toISOString(), sentAt: formatDateTime(messages[0]!.createdAt, "zh-Hant") })]);
    expect(shown.attachments).toEqual([expect.objectContaining({ filename: "board.png", size: fileSize(PNG.byteLength, "zh-Hant") })]);

    const after = await counts();
    expect(after).toMatchObject({
      tickets: before.tickets + 1,
      messages: before.messages + 1,
      attachments: before.attachments + 1,
      emails: before.emails + 2,
      audits: before.audits + 1,
    });
  });

  it("writes the customer's confirmation in their language", async () => {
    const outcome = await send(nurulCookie, {
      ...REQUEST,
      topic: "billing",
      subject: "Invois menunjukkan nombor cukai yang salah",
      message: "Nombor SST kami salah pada invois terakhir.",
    });
    expect(outcome.status).toBe(303);
    const email = await database.db
      .selectFrom("emailOutbox")
      .select(["locale", "subject", "toEmail"])
      .where("template", "=", "supportRequestConfirmation")
      .where("toEmail", "=", nurul.email)
      .executeTakeFirstOrThrow();
    expect(email.locale).toBe("ms");
    expect(email.subject).toMatch(/^Kami telah menerima permintaan anda SUP-\d+: Invois menunjukkan nombor cukai yang salah$/);
  });

  it("shows matching articles once before sending when the browser did not (no JavaScript), and stores nothing yet", async () => {
    const before = await counts();
    const { confirmed: _confirmed, ...withoutConfirmation } = REQUEST;
    const outcome = await send(ameliaCookie, { ...withoutConfirmation, topic: "billing", subject: "Where can I download my invoice?" });
    expect(outcome.status).toBe(200);
    const data = outcome.data as { step: string; suggestions: Array<{ slug: string }>; values: Record<string, string> };
    expect(data.step).toBe("check");
    expect(data.suggestions.map((s) => s.slug)).toContain("invoices-and-receipts");
    // What was typed comes back, so "Still need help? Send it" sends it unchanged.
    expect(data.values).toMatchObject({ topic: "billing", subject: "Where can I download my invoice?", message: REQUEST.message });
    expect(await counts()).toEqual(before);

    const sent = await send(ameliaCookie, { ...withoutConfirmation, topic: "billing", subject: "Where can I download my invoice?", confirmed: "yes" });
    expect(sent.status).toBe(303);
  });

  it("refuses a filled honeypot with 400 and stores nothing", async () => {
    const before = await counts();
    const outcome = await send(ameliaCookie, { ...REQUEST, website: "https://cheap-pills.example" });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ errors: { form: "support:errors.rejected" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a file whose name lies about its content, a wrong type, and an oversized file, keeping what was typed", async () => {
    const before = await counts();
    const lying = await send(ameliaCookie, REQUEST, { name: "holiday.png", type: "image/png", bytes: EXE });
    expect(lying.status).toBe(400);
    expect(lying.data).toMatchObject({ errors: { attachment: "support:errors.attachmentMismatch" }, values: { subject: REQUEST.subject } });

    const wrongType = await send(ameliaCookie, REQUEST, { name: "page.html", type: "text/plain", bytes: new TextEncoder().encode("<script>alert(1)</script>") });
    expect(wrongType.data).toMatchObject({ errors: { attachment: "support:errors.attachmentType" } });

    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(PNG);
    const tooBig = await send(ameliaCookie, REQUEST, { name: "huge.png", type: "image/png", bytes: big });
    expect(tooBig.status).toBe(400);
    expect(tooBig.data).toMatchObject({ errors: { attachment: "support:errors.attachmentTooLarge" }, values: { message: REQUEST.message } });
    expect(await counts()).toEqual(before);
  });

  it("answers bad fields with localised messages, and never takes another account's contract", async () => {
    const before = await counts();
    const empty = await send(ameliaCookie, { topic: "", subject: "", message: "" });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({
      errors: { topic: "support:errors.topic", subject: "support:errors.subjectRequired", message: "support:errors.messageRequired" },
    });
    const oversized = await send(ameliaCookie, { ...REQUEST, subject: "s".repeat(5000), message: "m".repeat(20_000) });
    expect(oversized.data).toMatchObject({ errors: { subject: "support:errors.subjectTooLong", message: "support:errors.messageTooLong" } });
    const foreign = await send(ameliaCookie, { ...REQUEST, contractId: majuJayaContract });
    expect(foreign.status).toBe(400);
    expect(foreign.data).toMatchObject({ errors: { contractId: "support:errors.contract" } });
    expect(await counts()).toEqual(before);
  });

  it("stores SQL and HTML in a subject as plain text and escapes it in the team's email", async () => {
    const subject = `'); DROP TABLE support_tickets; -- <img src=x onerror=alert(1)>`;
    const outcome = await send(ameliaCookie, { ...REQUEST, subject, message: "<script>document.location='https://evil.example'</script>" });
    expect(outcome.status).toBe(303);
    const ticket = await database.db.selectFrom("supportTickets").select(["id", "subject", "body"]).where("subject", "=", subject).executeTakeFirstOrThrow();
    expect(ticket.body).toBe("<script>document.location='https://evil.example'</script>");
    const email = await database.db
      .selectFrom("emailOutbox")
      .select("htmlBody")
      .where("template", "=", "supportRequestReceived")
      .where("subject", "like", "%DROP TABLE%")
      .executeTakeFirstOrThrow();
    expect(email.htmlBody).not.toContain("<img src=x");
    expect(email.htmlBody).not.toContain("<script>document");
    expect(email.htmlBody).toContain("&lt;script&gt;document.location=");
  });

  it("requires sign-in for the form and brings the visitor back to it, topic included", async () => {
    const signedOut = await callLoader(newLoader, { path: "/support/new?topic=training" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toBe(`/sign-in?${new URLSearchParams({ redirectTo: "/support/new?topic=training" }).toString()}`);
    const signedIn = await callLoader(newLoader, { path: "/support/new?topic=training", cookie: ameliaCookie });
    expect(signedIn.data).toMatchObject({ topic: "training" });
    expect((signedIn.data as { contracts: Array<{ number: string }> }).contracts.map((c) => c.number)).toContain("C365-10001");
    // Each contract's end date comes formatted in the reader's language (the form carries no date code).
    const { termEnd } = await database.db.selectFrom("contracts").select("termEnd").where("number", "=", "C365-10001").executeTakeFirstOrThrow();
    const endOf = (outcome: { data: unknown }) =>
      (outcome.data as { contracts: Array<{ number: string; ends: string }> }).contracts.find((c) => c.number === "C365-10001")!.ends;
    expect(endOf(signedIn)).toBe(formatDate(termEnd, "en"));
    const inChinese = await callLoader(newLoader, { path: "/support/new", cookie: ameliaCookie, headers: { "Accept-Language": "zh-TW" } });
    expect(endOf(inChinese)).toBe(formatDate(termEnd, "zh-Hant"));
    expect(endOf(inChinese)).toMatch(/年/);
    const unknownTopic = await callLoader(newLoader, { path: "/support/new?topic=<script>", cookie: ameliaCookie });
    expect(unknownTopic.data).toMatchObject({ topic: "" });
  });
});

describe("suggestions and deflection", () => {
  it("suggests articles for a subject in the reader's language, and nothing for two letters", async () => {
    const english = await suggestLoader({ request: new Request(`${ORIGIN}/support/suggest?q=renew+early+discount`, { headers: { "Accept-Language": "en" } }), params: {}, context });
    const body = (await english.json()) as { articles: Array<{ slug: string; title: string }> };
    expect(english.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(body.articles.length).toBeGreaterThan(0);
    expect(body.articles.length).toBeLessThanOrEqual(3);
    expect(body.articles.map((a) => a.slug)).toContain("early-renewal-incentives");

    const malay = await suggestLoader({ request: new Request(`${ORIGIN}/support/suggest?q=${encodeURIComponent("tempoh ihsan")}`, { headers: { "Accept-Language": "ms" } }), params: {}, context });
    const malayBody = (await malay.json()) as { articles: Array<{ title: string }> };
    expect(malayBody.articles[0]?.title).toBe("Apa yang berlaku pada tarikh tamat dan dalam tempoh ihsan");

    const short = await suggestLoader({ request: new Request(`${ORIGIN}/support/suggest?q=in`), params: {}, context });
    expect(await short.json()).toEqual({ articles: [] });
  });

  it("does not count half-typed subjects as failed help-centre searches", async () => {
    const before = await database.db.selectFrom("kbSearches").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    await suggestLoader({ request: new Request(`${ORIGIN}/support/suggest?q=xylophone+qwrtpz`), params: {}, context });
    const after = await database.db.selectFrom("kbSearches").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("counts an opened suggestion as an audit event and sends the reader to the article", async () => {
    const outcome = await callLoader(deflectLoader, {
      path: `/support/deflect?slug=invoices-and-receipts&q=${encodeURIComponent("download my invoice")}`,
      cookie: ameliaCookie,
      headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" },
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/help/articles/invoices-and-receipts");
    const event = await database.db
      .selectFrom("auditEvents")
      .select(["actorId", "accountId", "entityType", "entityId", "data"])
      .where("action", "=", "support.suggestion_opened")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actorId: amelia.id, accountId: amelia.accountId, entityType: "kb_article", entityId: "invoices-and-receipts" });
    expect(event.data).toMatchObject({ query: "download my invoice" });

    // An unknown article is not counted, and a prefetch neither.
    const before = await counts();
    const unknown = await callLoader(deflectLoader, { path: "/support/deflect?slug=../../etc/passwd", cookie: ameliaCookie, headers: { "User-Agent": "Mozilla/5.0 Chrome/126.0" } });
    expect(unknown.location).toBe("/support/new");
    const prefetch = await callLoader(deflectLoader, {
      path: "/support/deflect?slug=invoices-and-receipts",
      cookie: ameliaCookie,
      headers: { "Sec-Purpose": "prefetch", "User-Agent": "Mozilla/5.0 Chrome/126.0" },
    });
    expect(prefetch.location).toBe("/help/articles/invoices-and-receipts");
    expect(await counts()).toEqual(before);
  });
});

async function createTicket(cookie: string, subject: string, file?: { name: string; type: string; bytes: Uint8Array }) {
  const outcome = await send(cookie, { ...REQUEST, subject }, file);
  expect(outcome.status).toBe(303);
  return /\/support\/requests\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

describe("My requests", () => {
  it("lists the account's requests with number, status and date, and not another account's", async () => {
    const id = await createTicket(ameliaCookie, "Listed request");
    const list = await callLoader(listLoader, { path: "/support/requests", cookie: ameliaCookie });
    const tickets = (list.data as { tickets: Array<{ id: string; number: string; subject: string; status: string; updated: string }> }).tickets;
    expect(tickets[0]).toMatchObject({ id, subject: "Listed request", status: "open", updated: "2026-11-25" });
    // The seeded Northwind tickets are there too; Maju Jaya's are not.
    expect(tickets.map((t) => t.subject)).toContain("CSV import stops at 10,000 rows");
    const majuJaya = await database.db.selectFrom("supportTickets").select("id").where("accountId", "=", nurul.accountId).execute();
    expect(tickets.map((t) => t.id)).not.toEqual(expect.arrayContaining([majuJaya[0]!.id]));
  });

  it("answers 404 for another account's request, its replies and its files, and changes nothing", async () => {
    const theirs = await createTicket(nurulCookie, "Permintaan Maju Jaya", { name: "bukti.png", type: "image/png", bytes: PNG });
    const file = await database.db.selectFrom("ticketAttachments").select("id").where("ticketId", "=", theirs).executeTakeFirstOrThrow();
    const before = await counts();
    const params = { ticketId: theirs };
    expect((await callLoader(ticketLoader, { path: `/support/requests/${theirs}`, params, cookie: ameliaCookie })).status).toBe(404);
    expect((await callAction(ticketAction, { path: `/support/requests/${theirs}`, params, cookie: ameliaCookie, form: { intent: "reply", message: "hi" } })).status).toBe(404);
    expect((await callAction(ticketAction, { path: `/support/requests/${theirs}`, params, cookie: ameliaCookie, form: { intent: "csat", score: "1" } })).status).toBe(404);
    const download = await callLoader(attachmentLoader, {
      path: `/support/requests/${theirs}/attachments/${file.id}`,
      params: { ticketId: theirs, attachmentId: file.id },
      cookie: ameliaCookie,
    });
    expect(download.status).toBe(404);
    expect((await callLoader(ticketLoader, { path: "/support/requests/not-an-id", params: { ticketId: "not-an-id" }, cookie: ameliaCookie })).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("serves a file back only as a download, with the sniffed type and no sniffing allowed", async () => {
    const id = await createTicket(ameliaCookie, "With a screenshot", { name: "screen<1>.png", type: "text/html", bytes: PNG });
    const file = await database.db.selectFrom("ticketAttachments").select(["id", "filename"]).where("ticketId", "=", id).executeTakeFirstOrThrow();
    expect(file.filename).toBe("screen_1_.png");
    const response = (await attachmentLoader({
      request: new Request(`${ORIGIN}/support/requests/${id}/attachments/${file.id}`, { headers: { Cookie: ameliaCookie } }),
      params: { ticketId: id, attachmentId: file.id },
      context,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="screen_1_.png"; filename*=UTF-8''screen_1_.png`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("shows the conversation; a reply is added and reopens a resolved request", async () => {
    const id = await createTicket(ameliaCookie, "Export stops halfway");
    await database.db.updateTable("supportTickets").set({ status: "resolved", resolvedAt: new Date("2026-11-25T08:00:00Z") }).where("id", "=", id).execute();
    const params = { ticketId: id };
    const reply = await callAction(ticketAction, {
      path: `/support/requests/${id}`,
      params,
      cookie: ameliaCookie,
      form: { intent: "reply", message: "It happened again <b>today</b>." },
    });
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({ intent: "reply", ok: true, reopened: true });
    const ticket = await database.db.selectFrom("supportTickets").select(["status", "resolvedAt"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(ticket).toEqual({ status: "open", resolvedAt: null });

    const page = await callLoader(ticketLoader, { path: `/support/requests/${id}`, params, cookie: ameliaCookie });
    const data = page.data as { ticket: { status: string }; messages: Array<{ side: string; authorName: string | null; body: string }> };
    expect(data.ticket.status).toBe("open");
    expect(data.messages.map((m) => m.body)).toEqual([REQUEST.message, "It happened again <b>today</b>."]);
    // The reader's own messages are "You" (no name), a colleague's carry their name.
    expect(data.messages.every((m) => m.side === "contact" && m.authorName === null)).toBe(true);
    const teamEmail = await database.db
      .selectFrom("emailOutbox")
      .select(["toEmail", "textBody"])
      .where("template", "=", "supportCustomerReplied")
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
    expect(teamEmail.toEmail).toBe("support@customer365.example");
    expect(teamEmail.textBody).toContain("The request was resolved and is open again.");
  });

  it("takes no more replies on a closed request, and says why", async () => {
    const id = await createTicket(ameliaCookie, "Closed one");
    await database.db.updateTable("supportTickets").set({ status: "closed" }).where("id", "=", id).execute();
    const before = await counts();
    const reply = await callAction(ticketAction, { path: `/support/requests/${id}`, params: { ticketId: id }, cookie: ameliaCookie, form: { intent: "reply", message: "One more thing" } });
    expect(reply.status).toBe(400);
    expect(reply.data).toMatchObject({ errors: { form: "support:errors.closed" } });
    expect(await counts()).toEqual(before);
  });

  it("asks for satisfaction once an answer is given, and takes it once", async () => {
    const id = await createTicket(ameliaCookie, "Rate me");
    const params = { ticketId: id };
    const early = await callAction(ticketAction, { path: `/support/requests/${id}`, params, cookie: ameliaCookie, form: { intent: "csat", score: "5" } });
    expect(early.status).toBe(400);
    expect(early.data).toMatchObject({ errors: { form: "support:errors.csatTooEarly" } });

    await database.db.updateTable("supportTickets").set({ status: "resolved", resolvedAt: new Date() }).where("id", "=", id).execute();
    const invalid = await callAction(ticketAction, { path: `/support/requests/${id}`, params, cookie: ameliaCookie, form: { intent: "csat", score: "9" } });
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ errors: { score: "support:errors.csatScore" } });

    const first = await callAction(ticketAction, {
      path: `/support/requests/${id}`,
      params,
      cookie: ameliaCookie,
      form: { intent: "csat", score: "4", comment: "Quick, <i>thanks</i>" },
    });
    expect(first.data).toEqual({ intent: "csat", ok: true, outcome: "saved" });
    const second = await callAction(ticketAction, { path: `/support/requests/${id}`, params, cookie: ameliaCookie, form: { intent: "csat", score: "1" } });
    expect(second.data).toEqual({ intent: "csat", ok: true, outcome: "already" });
    const answers = await database.db.selectFrom("surveyResponses").select(["score", "comment", "kind"]).where("ticketId", "=", id).execute();
    expect(answers).toEqual([{ score: 4, comment: "Quick, <i>thanks</i>", kind: "csat" }]);
    const page = await callLoader(ticketLoader, { path: `/support/requests/${id}`, params, cookie: ameliaCookie });
    expect(page.data).toMatchObject({ csat: { score: 4 } });
  });
});
