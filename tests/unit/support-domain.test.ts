import { describe, expect, it } from "vitest";

import { ArticleEditorSchema, NewArticleSchema, translationState } from "~/domain/help/editor";
import { isSupportOpen } from "~/domain/support/hours";
import { CsatSchema, NpsSchema, StaffReplySchema, SupportRequestSchema, TicketReplySchema } from "~/domain/support/schemas";
import { npsGroup, summariseCsat, summariseNps } from "~/domain/support/surveys";
import { resolvedAtAfter, statusAfterCustomerReply } from "~/domain/support/topics";
import { parseForm } from "~/lib/forms";

function form(values: Record<string, string>) {
  return new URLSearchParams(values);
}

const VALID = { topic: "billing", contractId: "", subject: "Invoice shows the wrong tax ID", message: "Our tax ID is MY-123, the invoice says MY-321." };

describe("SupportRequestSchema (the browser and the action use it alike)", () => {
  it("accepts a request and cleans what was typed", () => {
    const parsed = parseForm(form({ ...VALID, subject: "  Invoice\tshows   the wrong tax ID  ", message: "Line one\r\nLine two\u0007\n" }), SupportRequestSchema);
    expect(parsed).toMatchObject({
      ok: true,
      data: { topic: "billing", contractId: null, subject: "Invoice shows the wrong tax ID", message: "Line one\nLine two", attachment: null },
    });
  });

  it("says what is missing, with keys the page translates", () => {
    const parsed = parseForm(form({ topic: "", subject: "   ", message: "" }), SupportRequestSchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      topic: "support:errors.topic",
      subject: "support:errors.subjectRequired",
      message: "support:errors.messageRequired",
    });
  });

  it("refuses oversized fields, an unknown topic and a contract id that is not an id", () => {
    const parsed = parseForm(
      form({ topic: "refund-everything", contractId: "1 OR 1=1", subject: "x".repeat(201), message: "y".repeat(10_001) }),
      SupportRequestSchema,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      topic: "support:errors.topic",
      contractId: "support:errors.contract",
      subject: "support:errors.subjectTooLong",
      message: "support:errors.messageTooLong",
    });
  });

  it("keeps SQL and HTML as the text they are (escaping is the page's job)", () => {
    const parsed = parseForm(form({ ...VALID, subject: "'; DROP TABLE support_tickets; --", message: "<img src=x onerror=alert(1)>" }), SupportRequestSchema);
    expect(parsed).toMatchObject({ ok: true, data: { subject: "'; DROP TABLE support_tickets; --", message: "<img src=x onerror=alert(1)>" } });
  });

  it("checks a chosen file's size and extension before it is uploaded", () => {
    const file = (name: string, size: number) => ({ name, size });
    const list = (f: { name: string; size: number }) => ({ length: 1, 0: f });
    const ok = SupportRequestSchema.safeParse({ ...VALID, attachment: list(file("shot.png", 1000)) });
    expect(ok.success && ok.data.attachment).toEqual({ name: "shot.png", size: 1000 });
    const big = SupportRequestSchema.safeParse({ ...VALID, attachment: list(file("shot.png", 5 * 1024 * 1024 + 1)) });
    expect(big.success ? null : big.error.issues[0]?.message).toBe("support:errors.attachmentTooLarge");
    const exe = SupportRequestSchema.safeParse({ ...VALID, attachment: file("setup.exe", 10) });
    expect(exe.success ? null : exe.error.issues[0]?.message).toBe("support:errors.attachmentType");
    // An empty file input submits a nameless, empty part: no attachment.
    const none = SupportRequestSchema.safeParse({ ...VALID, attachment: { length: 1, 0: file("", 0) } });
    expect(none.success && none.data.attachment).toBeNull();
  });

  it("reads the 'still send it' confirmation", () => {
    expect(SupportRequestSchema.parse({ ...VALID, confirmed: "yes" }).confirmed).toBe(true);
    expect(SupportRequestSchema.parse({ ...VALID, confirmed: "" }).confirmed).toBe(false);
  });
});

describe("reply, CSAT and NPS schemas", () => {
  it("needs a reply to say something", () => {
    expect(parseForm(form({ intent: "reply", message: " \n " }), TicketReplySchema)).toMatchObject({
      ok: false,
      errors: { message: "support:errors.messageRequired" },
    });
  });

  it("takes CSAT 1–5 only, with an optional comment", () => {
    expect(parseForm(form({ intent: "csat", score: "5", comment: "" }), CsatSchema)).toMatchObject({ ok: true, data: { score: 5, comment: null } });
    for (const score of ["0", "6", "4.5", "", "five"]) {
      expect(parseForm(form({ intent: "csat", score }), CsatSchema), score).toMatchObject({ ok: false, errors: { score: "support:errors.csatScore" } });
    }
    expect(parseForm(form({ intent: "csat", score: "3", comment: "z".repeat(1001) }), CsatSchema)).toMatchObject({
      ok: false,
      errors: { comment: "support:errors.commentTooLong" },
    });
  });

  it("takes NPS 0–10, and an empty answer is not a zero", () => {
    expect(parseForm(form({ intent: "nps", score: "0" }), NpsSchema)).toMatchObject({ ok: true, data: { score: 0, comment: null } });
    expect(parseForm(form({ intent: "nps", score: "10", comment: "  Great dashboards  " }), NpsSchema)).toMatchObject({
      ok: true,
      data: { score: 10, comment: "Great dashboards" },
    });
    for (const score of ["", "11", "-1", "7.5"]) {
      expect(parseForm(form({ intent: "nps", score }), NpsSchema), score).toMatchObject({ ok: false, errors: { score: "support:errors.npsScore" } });
    }
    expect(parseForm(form({ intent: "nps" }), NpsSchema)).toMatchObject({ ok: false, errors: { score: "support:errors.npsScore" } });
  });

  it("lets staff leave a ticket waiting for the customer by default", () => {
    expect(parseForm(form({ intent: "reply", message: "Fixed." }), StaffReplySchema)).toMatchObject({ ok: true, data: { status: "pending" } });
    expect(parseForm(form({ intent: "reply", message: "Fixed.", status: "closed" }), StaffReplySchema)).toMatchObject({ ok: false });
  });
});

describe("NPS and CSAT arithmetic", () => {
  it("groups scores into detractors, passives and promoters", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual(["detractor", "detractor", "passive", "passive", "promoter", "promoter"]);
  });

  it("computes NPS as % promoters − % detractors, rounded", () => {
    // 5 promoters, 3 passives, 2 detractors out of 10: 50% − 20% = 30.
    expect(summariseNps([
      { score: 10, count: 2 },
      { score: 9, count: 3 },
      { score: 8, count: 3 },
      { score: 3, count: 1 },
      { score: 6, count: 1 },
    ])).toEqual({ responses: 10, promoters: 5, passives: 3, detractors: 2, score: 30 });
    expect(summariseNps([{ score: 0, count: 3 }]).score).toBe(-100);
    expect(summariseNps([{ score: 9, count: 1 }, { score: 5, count: 2 }]).score).toBe(-33);
    expect(summariseNps([]).score).toBeNull();
  });

  it("computes CSAT's average, distribution and share satisfied", () => {
    expect(summariseCsat([
      { score: 5, count: 2 },
      { score: 4, count: 1 },
      { score: 2, count: 1 },
    ])).toEqual({ responses: 4, distribution: [0, 1, 0, 1, 2], average: 4, satisfied: 0.75 });
    expect(summariseCsat([])).toEqual({ responses: 0, distribution: [0, 0, 0, 0, 0], average: null, satisfied: null });
  });
});

describe("ticket status rules", () => {
  const now = new Date("2026-11-25T10:00:00Z");
  const earlier = new Date("2026-11-20T10:00:00Z");

  it("puts the ball back in our court when the customer writes, unless the request is closed", () => {
    expect(statusAfterCustomerReply("pending")).toBe("open");
    expect(statusAfterCustomerReply("resolved")).toBe("open");
    expect(statusAfterCustomerReply("closed")).toBe("closed");
  });

  it("keeps resolved_at in step with the status", () => {
    expect(resolvedAtAfter("resolved", { resolvedAt: null }, now)).toEqual(now);
    expect(resolvedAtAfter("closed", { resolvedAt: earlier }, now)).toEqual(earlier);
    expect(resolvedAtAfter("open", { resolvedAt: earlier }, now)).toBeNull();
  });
});

describe("support hours (Malaysia time, UTC+8)", () => {
  it("is open on a weekday between 09:00 and 18:00 in Kuala Lumpur", () => {
    // Wednesday 25 Nov 2026, 09:00 in KL is 01:00 UTC.
    expect(isSupportOpen(new Date("2026-11-25T01:00:00Z"))).toBe(true);
    expect(isSupportOpen(new Date("2026-11-25T00:59:00Z"))).toBe(false);
    expect(isSupportOpen(new Date("2026-11-25T09:59:00Z"))).toBe(true);
    expect(isSupportOpen(new Date("2026-11-25T10:00:00Z"))).toBe(false);
  });

  it("is closed at the weekend in Kuala Lumpur even when it is still Friday in UTC", () => {
    // Friday 27 Nov 2026 20:00 UTC is Saturday 04:00 in KL.
    expect(isSupportOpen(new Date("2026-11-27T20:00:00Z"))).toBe(false);
    // Sunday 29 Nov 2026 at 20:00 UTC is Monday 04:00 in KL: still closed; 01:30 UTC Monday is open.
    expect(isSupportOpen(new Date("2026-11-29T20:00:00Z"))).toBe(false);
    expect(isSupportOpen(new Date("2026-11-30T01:30:00Z"))).toBe(true);
  });
});

describe("the article editor", () => {
  const english = { published: true, updatedAt: new Date("2026-11-20T00:00:00Z"), sourceUpdatedAt: new Date("2026-11-20T00:00:00Z") };

  it("calls a translation stale when the English article changed after it was made", () => {
    const translated = { published: true, updatedAt: new Date("2026-11-21T00:00:00Z"), sourceUpdatedAt: new Date("2026-11-20T00:00:00Z") };
    expect(translationState("ms", translated, english)).toBe("published");
    const edited = { ...english, updatedAt: new Date("2026-11-24T08:00:00Z") };
    expect(translationState("ms", translated, edited)).toBe("stale");
    expect(translationState("zh-Hans", { ...translated, published: false }, english)).toBe("draft");
    expect(translationState("zh-Hant", undefined, english)).toBe("missing");
    expect(translationState("ms", { ...translated, sourceUpdatedAt: null }, english)).toBe("stale");
    // English is never stale, whatever its own source date says.
    expect(translationState("en", edited, edited)).toBe("published");
  });

  it("validates the editor form with keys the page translates", () => {
    const parsed = parseForm(form({ intent: "save", title: "", category: "recipes", bodyMd: " ", summary: "s".repeat(401) }), ArticleEditorSchema);
    expect(parsed).toMatchObject({
      ok: false,
      errors: {
        title: "staff-help:editor.errors.titleRequired",
        category: "staff-help:editor.errors.category",
        bodyMd: "staff-help:editor.errors.bodyRequired",
        summary: "staff-help:editor.errors.summaryTooLong",
      },
    });
  });

  it("accepts only kebab-case slugs for a new article", () => {
    const base = { intent: "save", title: "Adding seats", category: "renewals-billing", bodyMd: "Text", summary: "", keywords: "" };
    expect(parseForm(form({ ...base, slug: "Adding-Seats " }), NewArticleSchema)).toMatchObject({ ok: true, data: { slug: "adding-seats" } });
    for (const slug of ["adding seats", "../etc", "a--b", "-a", "ä-b", ""]) {
      expect(parseForm(form({ ...base, slug }), NewArticleSchema).ok, slug).toBe(false);
    }
  });
});
