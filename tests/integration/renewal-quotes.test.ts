import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { Clock } from "../../app/lib/clock";
import { log } from "../../app/lib/log.server";
import { resetPdfFonts } from "../../app/lib/renewal/pdf.server";
import * as renewal from "../../app/routes/renew.$contractId._index";
import * as review from "../../app/routes/renew.$contractId.quotes.$quoteId._index";
import * as pdf from "../../app/routes/renew.$contractId.quotes.$quoteId.pdf";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, sessionCookieFor, type Outcome } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

let now = new Date("2026-11-25T09:00:00Z");
const clock: Clock = { now: () => new Date(now.getTime()) };
const database = useTestDatabase({ clock });
let demo: Awaited<ReturnType<typeof seedDemo>>;
let cookie: string;
let contractId: string;

beforeAll(async () => {
  demo = await seedDemo(database.db);
  const contract = await demo.contractByNumber("C365-10001");
  contractId = contract.id;
});
beforeEach(async () => {
  now = new Date("2026-11-25T09:00:00Z");
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  cookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
});

/** The worked example of docs/pricing.md: +5 seats, 2 years. */
function workedExample(extra: Record<string, string> = {}) {
  const form = new URLSearchParams({ term: "2", plan: "professional", seats: "125", ...extra });
  form.append("addOn", "analytics");
  form.append("addOn", "premium_support");
  return form;
}

async function saveQuote(intent = "review", form = workedExample()): Promise<string> {
  form.set("intent", intent);
  const saved = await callAction(renewal.action, { path: `/renew/${contractId}?index`, params: { contractId }, cookie, form });
  expect(saved.status, JSON.stringify(saved.data)).toBe(302);
  return saved.location!.split("/")[4]!;
}

async function reviewData(quoteId: string) {
  const page = await callLoader(review.loader, { path: `/renew/${contractId}/quotes/${quoteId}`, params: { contractId, quoteId }, cookie });
  expect(page.status).toBe(200);
  return page.data as { quote: { version: number; priceHash: string; total: number; status: string } };
}

function confirm(quoteId: string, form: Record<string, string>): Promise<Outcome> {
  return callAction(review.action, {
    path: `/renew/${contractId}/quotes/${quoteId}`,
    params: { contractId, quoteId },
    cookie,
    form: { intent: "confirm", acceptTerms: "on", ...form },
  });
}

const quoteRow = (quoteId: string) =>
  database.db
    .selectFrom("quotes")
    .select(["status", "version", "priceHash", "poNumber", "billingEmail", "confirmedAt", "termsAcceptedAt", "confirmedByContactId", "total"])
    .where("id", "=", quoteId)
    .executeTakeFirstOrThrow();

const countQuotes = async () => (await database.db.selectFrom("quotes").select("id").where("contractId", "=", contractId).execute()).length;

describe("the renewal page", () => {
  it("opens on the recommended quote, priced on the server, with the countdown and the new term", async () => {
    const page = await callLoader(renewal.loader, { path: `/renew/${contractId}`, params: { contractId }, cookie });
    expect(page.status).toBe(200);
    const data = page.data as { page: { form: { term: string; plan: string; addOns: string[] }; quote: { total: number; countdown: { current: { until: string; offer: { percent: number } }; next: { from: string; offer: { percent: number } } }; newTermStart: string; newTermEnd: string }; terms: { termYears: number; saving: number }[] } };
    expect(data.page.form).toMatchObject({ term: "1", plan: "professional", addOns: ["analytics", "premium_support"] });
    expect(data.page.quote.countdown.current).toEqual({ until: "2026-11-30", offer: { percent: 10, bonusMonths: 0, bonusFeature: null } });
    expect(data.page.quote.countdown.next).toMatchObject({ from: "2026-12-01", offer: { percent: 7 } });
    // The same countdown as the page reads it, in the reader's words and dates.
    const text = (page.data as { page: { quote: { countdownText: { headline: string; steps: string[] } } } }).page.quote.countdownText;
    expect(text.headline).toBe("Confirm by 30 November 2026 to keep 10% off; from 1 December 2026 it is 7% off.");
    expect(text.steps[0]).toBe("25 November 2026 to 30 November 2026: 10% off");
    expect(data.page.quote.newTermStart).toBe("2027-03-01");
    // Each term option shows its multi-year saving.
    expect(data.page.terms.map((t) => t.termYears)).toEqual([1, 2, 3]);
    expect(data.page.terms[0]!.saving).toBe(0);
    expect(data.page.terms[1]!.saving).toBeGreaterThan(0);
  });

  it("prices the options in the query: +5 seats for 2 years is US$66,690.00", async () => {
    const page = await callLoader(renewal.loader, { path: `/renew/${contractId}?${workedExample()}`, params: { contractId }, cookie });
    const quote = (page.data as { page: { quote: { subtotal: number; total: number; lines: { code: string; amount: number }[] } } }).page.quote;
    expect(quote.subtotal).toBe(7_800_000);
    expect(quote.lines.find((l) => l.code === "multi_year")!.amount).toBe(-390_000);
    expect(quote.lines.find((l) => l.code === "early_renewal")!.amount).toBe(-741_000);
    expect(quote.total).toBe(6_669_000);
  });

  it("sends the breakdown in the reader's words and money: every line, every discount, the total", async () => {
    const english = await callLoader(renewal.loader, { path: `/renew/${contractId}?${workedExample()}`, params: { contractId }, cookie });
    type Shown = { page: { quote: { breakdown: { rows: { code: string; name: string; arithmetic: string | null; amount: string | null }[]; subtotal: string; discountTotal: string; total: string } } } };
    const breakdown = (english.data as Shown).page.quote.breakdown;
    expect(breakdown.subtotal).toBe("US$78,000.00");
    expect(breakdown.discountTotal).toBe("-US$11,310.00");
    expect(breakdown.total).toBe("US$66,690.00");
    const multiYear = breakdown.rows.find((r) => r.code === "multi_year")!;
    expect(multiYear.amount).toBe("-US$3,900.00");
    expect(multiYear.arithmetic).toContain("US$78,000.00");
    expect(breakdown.rows.find((r) => r.code === "professional")!.name).toBe("Professional");

    const malay = await callLoader(renewal.loader, { path: `/renew/${contractId}?${workedExample()}`, params: { contractId }, cookie, headers: { "Accept-Language": "ms" } });
    const inMalay = (malay.data as Shown).page.quote.breakdown;
    expect(inMalay.total).not.toBe(breakdown.total);
    expect(inMalay.total).toMatch(/66,690\.00/);
    expect(inMalay.rows.map((r) => r.code)).toEqual(breakdown.rows.map((r) => r.code));
  });

  it("answers bad options with the engine's messages next to each field, and saves nothing", async () => {
    const before = await countQuotes();
    const form = new URLSearchParams({ term: "4", plan: "professional", seats: "0", intent: "review" });
    form.append("addOn", "teleporter");
    const refused = await callAction(renewal.action, { path: `/renew/${contractId}?index`, params: { contractId }, cookie, form });
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, { code: string }> }).errors).toMatchObject({
      term: { code: "pricing:errors.termNotOffered" },
      seats: { code: "pricing:errors.seatsBelowMinimum" },
      "addOn.teleporter": { code: "pricing:errors.addOnUnknown" },
    });
    const words = await callAction(renewal.action, {
      path: `/renew/${contractId}?index`,
      params: { contractId },
      cookie,
      form: { term: "1", plan: "professional", seats: "many", intent: "review" },
    });
    expect(words.status).toBe(400);
    expect((words.data as { errors: Record<string, { code: string }> }).errors.seats!.code).toBe("pricing:errors.seatsNotWhole");
    expect(await countQuotes()).toBe(before);
  });

  it("ignores any price the browser sends", async () => {
    const quoteId = await saveQuote("review", workedExample({ total: "1", unitAmount: "1", price: "0" }));
    expect((await quoteRow(quoteId)).total).toBe(6_669_000);
  });

  it("does not pile up versions: saving the same price again reuses the open quote", async () => {
    const first = await saveQuote();
    const second = await saveQuote("share");
    expect(second).toBe(first);
    const third = await saveQuote("review", workedExample({ seats: "126" }));
    expect(third).not.toBe(first);
    expect((await quoteRow(first)).status).toBe("superseded");
  });
});

describe("review and confirm", () => {
  it("confirms once, storing the terms, PO number and billing contact, and goes on to payment", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "130" }));
    const { quote } = await reviewData(quoteId);
    const done = await confirm(quoteId, { version: String(quote.version), priceHash: quote.priceHash, poNumber: " PO-2026-118 ", billingEmail: "AP@Northwind.example" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/checkout/${quoteId}`);
    const row = await quoteRow(quoteId);
    expect(row).toMatchObject({ status: "awaiting_payment", poNumber: "PO-2026-118", billingEmail: "ap@northwind.example" });
    expect(row.termsAcceptedAt).not.toBeNull();
    expect(row.confirmedByContactId).toBe((await demo.contactByEmail(DEMO_CONTACTS.amelia.email)).id);
    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorKind"]).where("entityId", "=", quoteId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["quote.saved", "quote.confirmed"]));

    // The renewal page now links on to payment.
    const page = await callLoader(renewal.loader, { path: `/renew/${contractId}`, params: { contractId }, cookie });
    expect((page.data as { confirmed: { id: string } }).confirmed.id).toBe(quoteId);
  });

  it("requires the terms, and checks the PO number and billing email, changing nothing", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "131" }));
    const { quote } = await reviewData(quoteId);
    const base = { version: String(quote.version), priceHash: quote.priceHash };
    const noTerms = await callAction(review.action, { path: "/", params: { contractId, quoteId }, cookie, form: { intent: "confirm", ...base } });
    expect(noTerms.status).toBe(400);
    expect((noTerms.data as { errors: Record<string, string> }).errors.acceptTerms).toBe("renewal:confirm.errors.terms");
    const badPo = await confirm(quoteId, { ...base, poNumber: "P".repeat(65), billingEmail: "not-an-email" });
    expect(badPo.status).toBe(400);
    expect((badPo.data as { errors: Record<string, string> }).errors).toMatchObject({
      poNumber: "renewal:confirm.errors.poNumber",
      billingEmail: "renewal:confirm.errors.billingEmail",
    });
    expect((await quoteRow(quoteId)).status).toBe("draft");
  });

  it("refuses a tampered form (changed version, changed hash, missing hash) and changes nothing", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "132" }));
    const { quote } = await reviewData(quoteId);
    const before = await quoteRow(quoteId);
    const forms: Record<string, string>[] = [
      { version: String(quote.version + 1), priceHash: quote.priceHash },
      { version: String(quote.version), priceHash: "0".repeat(64) },
      { version: String(quote.version), priceHash: "cheaper" },
      { version: String(quote.version) },
    ];
    for (const form of forms) {
      const refused = await confirm(quoteId, form);
      expect(refused.status, JSON.stringify(form)).toBe(409);
      expect((refused.data as { refusal: string }).refusal).toBe("tampered");
    }
    expect(await quoteRow(quoteId)).toEqual(before);
  });

  it("answers 404 for someone else's quote id, and changes nothing", async () => {
    const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
    const theirs = await demo.contractByNumber("C365-10026");
    const theirCookie = await sessionCookieFor({ kind: "contact", contactId: nurul.id, accountId: nurul.accountId });
    const saved = await callAction(renewal.action, {
      path: "/",
      params: { contractId: theirs.id },
      cookie: theirCookie,
      form: { term: "1", plan: "professional", seats: "70", addOn: "analytics", intent: "review" },
    });
    const theirQuote = saved.location!.split("/")[4]!;
    const before = await database.db.selectFrom("quotes").selectAll().where("id", "=", theirQuote).executeTakeFirstOrThrow();
    const stored = before;
    // Amelia, with their quote id, under her own contract and under theirs.
    for (const params of [{ contractId, quoteId: theirQuote }, { contractId: theirs.id, quoteId: theirQuote }]) {
      const refused = await callAction(review.action, { path: "/", params, cookie, form: { intent: "confirm", acceptTerms: "on", version: String(stored.version), priceHash: stored.priceHash } });
      expect(refused.status).toBe(404);
      expect((await callLoader(review.loader, { path: "/", params, cookie })).status).toBe(404);
      expect((await callLoader(pdf.loader, { path: "/", params, cookie })).status).toBe(404);
    }
    expect(await database.db.selectFrom("quotes").selectAll().where("id", "=", theirQuote).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("refuses a stale quote (the catalogue price changed) and offers a fresh one", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "133" }));
    const { quote } = await reviewData(quoteId);
    const professional = await database.db.selectFrom("products").select("id").where("code", "=", "professional").executeTakeFirstOrThrow();
    await database.db.updateTable("productPrices").set({ unitAmount: 25_000 }).where("productId", "=", professional.id).where("currency", "=", "USD").execute();
    try {
      const before = await quoteRow(quoteId);
      const refused = await confirm(quoteId, { version: String(quote.version), priceHash: quote.priceHash });
      expect(refused.status).toBe(409);
      const data = refused.data as { refusal: string; fresh: { total: number; currency: string } };
      expect(data.refusal).toBe("stale");
      // (133 × US$250 + 133 × US$36 + US$4,500) × 2 years = 85,076.00; − 5 % = 80,822.20; − 10 % = 72,739.98.
      expect(data.fresh).toEqual({ total: 7_273_998, currency: "USD" });
      expect(await quoteRow(quoteId)).toEqual(before);

      // Taking the fresh quote saves a new version at today's price.
      const fresh = await callAction(review.action, { path: "/", params: { contractId, quoteId }, cookie, form: { intent: "fresh" } });
      expect(fresh.status).toBe(302);
      const freshId = fresh.location!.split("/")[4]!;
      expect(freshId).not.toBe(quoteId);
      expect((await quoteRow(freshId)).total).toBe(7_273_998);
      expect((await quoteRow(quoteId)).status).toBe("superseded");
    } finally {
      await database.db.updateTable("productPrices").set({ unitAmount: 24_000 }).where("productId", "=", professional.id).where("currency", "=", "USD").execute();
    }
  });

  it("refuses an expired quote, changing nothing", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "134" }));
    const { quote } = await reviewData(quoteId);
    now = new Date("2026-12-26T09:00:00Z");
    const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
    cookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
    const before = await quoteRow(quoteId);
    const refused = await confirm(quoteId, { version: String(quote.version), priceHash: quote.priceHash });
    expect(refused.status).toBe(409);
    const data = refused.data as { refusal: string; fresh: { total: number } };
    expect(data.refusal).toBe("expired");
    // Today the early-renewal discount is 7 %, not 10 %.
    expect(data.fresh.total).toBeGreaterThan(quote.total);
    expect(await quoteRow(quoteId)).toEqual(before);
  });

  it("keeps the incentive it was priced with inside the price hold", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "135" }));
    const { quote } = await reviewData(quoteId);
    // 2026-12-05: the 10 % window closed on 30 November, but this quote holds its price until 25 December.
    now = new Date("2026-12-05T09:00:00Z");
    const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
    cookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
    const done = await confirm(quoteId, { version: String(quote.version), priceHash: quote.priceHash });
    expect(done.status).toBe(302);
    expect((await quoteRow(quoteId)).total).toBe(quote.total);
  });

  it("turns a double submit into one confirmation", async () => {
    const quoteId = await saveQuote("review", workedExample({ seats: "136" }));
    const { quote } = await reviewData(quoteId);
    const form = { version: String(quote.version), priceHash: quote.priceHash };
    const results = await Promise.all([confirm(quoteId, form), confirm(quoteId, form)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect((loser.data as { refusal: string }).refusal).toBe("already_confirmed");
    const confirmations = await database.db.selectFrom("auditEvents").select("id").where("entityId", "=", quoteId).where("action", "=", "quote.confirmed").execute();
    expect(confirmations).toHaveLength(1);
    // A later submit says so too.
    const again = await confirm(quoteId, form);
    expect((again.data as { refusal: string }).refusal).toBe("already_confirmed");
  });

  it("refuses an older version once a newer one exists", async () => {
    const older = await saveQuote("review", workedExample({ seats: "137" }));
    const { quote } = await reviewData(older);
    const newer = await saveQuote("review", workedExample({ seats: "138" }));
    const refused = await confirm(older, { version: String(quote.version), priceHash: quote.priceHash });
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ refusal: "superseded", latestQuoteId: newer });
  });
});

describe("the quote PDF", () => {
  function pdfText(buffer: Buffer): string {
    // Standard-font text is written as hex strings inside TJ arrays (compress: false).
    const source = buffer.toString("latin1");
    return [...source.matchAll(/\[([^\]]*)\]\s*TJ/g)]
      .map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""))
      .join("\n");
  }

  it("is a real PDF with the quote number, the lines and the total", async () => {
    const quoteId = await saveQuote("pdf", workedExample());
    const row = await database.db.selectFrom("quotes").select(["number"]).where("id", "=", quoteId).executeTakeFirstOrThrow();
    const response = await callLoader(pdf.loader, { path: `/renew/${contractId}/quotes/${quoteId}/pdf`, params: { contractId, quoteId }, cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const buffer = await renderedPdf(quoteId);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(buffer);
    expect(text).toContain(`Quote ${row.number}`);
    expect(text).toContain("US$66,690.00");
    expect(text).toContain("Multi-year discount (2 years, 5%)");
    expect(text).toContain("Northwind Logistics");
  });

  it("embeds a CJK font for Traditional Chinese, and falls back to a Latin font without one", async () => {
    const quoteId = await saveQuote("pdf", workedExample());
    const zh = await renderedPdf(quoteId, "zh-TW");
    expect(zh.subarray(0, 5).toString()).toBe("%PDF-");
    const source = zh.toString("latin1");
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKtc-Regular/);
    expect(source).toContain("/FontFile");

    resetPdfFonts(true);
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    try {
      const fallback = await renderedPdf(quoteId, "zh-TW");
      expect(fallback.subarray(0, 5).toString()).toBe("%PDF-");
      expect(fallback.toString("latin1")).not.toContain("NotoSansCJK");
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("no CJK font"), expect.anything());
    } finally {
      warn.mockRestore();
      resetPdfFonts();
    }
  });

  /** The PDF as a browser gets it, in the language its Accept-Language asks for. */
  async function renderedPdf(quoteId: string, lng?: string): Promise<Buffer> {
    const { loader } = pdf;
    const request = new Request(`http://portal.test/renew/${contractId}/quotes/${quoteId}/pdf`, {
      headers: { Cookie: cookie, "Accept-Language": lng ?? "en" },
    });
    const response = (await loader({ request, params: { contractId, quoteId }, context: { cspNonce: "", requestId: "t", clientIp: "203.0.113.7" } })) as Response;
    return Buffer.from(await response.arrayBuffer());
  }
});

