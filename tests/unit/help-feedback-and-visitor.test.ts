import { describe, expect, it } from "vitest";

import { FeedbackSchema, feedbackErrors, MAX_FEEDBACK_COMMENT } from "~/domain/help/schemas";
import { shouldCountView } from "~/domain/help/views";
import { ensureVisitorId, hashVisitorId, readVisitorId } from "~/lib/visitor.server";

describe("FeedbackSchema", () => {
  it("accepts a yes or no vote, with an optional comment cleaned of control characters", () => {
    expect(FeedbackSchema.parse({ intent: "vote", helpful: "yes" })).toEqual({ intent: "vote", helpful: "yes", comment: null });
    expect(FeedbackSchema.parse({ intent: "vote", helpful: "no", comment: "  Needs\u0000 an example.\r\nThanks\u0007 " })).toEqual({
      intent: "vote",
      helpful: "no",
      comment: "Needs an example.\nThanks",
    });
  });

  it("asks for a yes or no, and refuses anything else", () => {
    for (const input of [{ intent: "vote" }, { intent: "vote", helpful: "maybe" }, {}, { intent: "delete" }]) {
      const result = FeedbackSchema.safeParse(input);
      expect(result.success).toBe(false);
      const errors = feedbackErrors(result.error!);
      expect(errors.helpful ?? errors.form).toBe("help:feedback.errors.choose");
    }
  });

  it("limits comments and refuses an empty one on its own", () => {
    const long = FeedbackSchema.safeParse({ intent: "comment", comment: "x".repeat(MAX_FEEDBACK_COMMENT + 1) });
    expect(feedbackErrors(long.error!)).toEqual({ comment: "help:feedback.errors.commentTooLong" });
    const empty = FeedbackSchema.safeParse({ intent: "comment", comment: " \u0000 " });
    expect(feedbackErrors(empty.error!)).toEqual({ comment: "help:feedback.errors.commentEmpty" });
    expect(FeedbackSchema.parse({ intent: "comment", comment: "<b>SQL'); drop table x;--</b>" })).toEqual({
      intent: "comment",
      comment: "<b>SQL'); drop table x;--</b>",
    });
  });
});

describe("the visitor id", () => {
  it("is minted once, in a signed cookie scoped to the help centre, and read back", async () => {
    const first = await ensureVisitorId(new Request("http://localhost/help/articles/x"));
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.setCookie).toMatch(/^c365_visitor=[^;]+; Max-Age=63072000; Path=\/help; HttpOnly; SameSite=Lax/);
    const cookie = first.setCookie!.split(";")[0]!;
    const again = new Request("http://localhost/help/articles/y", { headers: { Cookie: cookie } });
    expect(await readVisitorId(again)).toBe(first.id);
    expect(await ensureVisitorId(again)).toEqual({ id: first.id, setCookie: null });
  });

  it("ignores a cookie whose signature does not match", async () => {
    const { setCookie } = await ensureVisitorId(new Request("http://localhost/help"));
    const [name, value] = setCookie!.split(";")[0]!.split("=");
    const forged = `${name}=${value!.slice(0, -3)}abc`;
    expect(await readVisitorId(new Request("http://localhost/help", { headers: { Cookie: forged } }))).toBeNull();
    const unsigned = `${name}=${Buffer.from(JSON.stringify("a".repeat(22))).toString("base64")}`;
    expect(await readVisitorId(new Request("http://localhost/help", { headers: { Cookie: unsigned } }))).toBeNull();
  });

  it("is stored only as a hash", () => {
    const hash = hashVisitorId("abcdefghijklmnopqrstuv");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("abcdefghijklmnopqrstuv");
    expect(hashVisitorId("abcdefghijklmnopqrstuv")).toBe(hash);
    expect(hashVisitorId("abcdefghijklmnopqrstuw")).not.toBe(hash);
  });
});

describe("shouldCountView", () => {
  const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  const get = (headers: Record<string, string> = {}) =>
    new Request("http://localhost/help/articles/x", { headers: { "User-Agent": browser, ...headers } });

  it("counts a person reading the article", () => {
    expect(shouldCountView(get())).toBe(true);
  });

  it("does not count prefetches, crawlers or the page re-rendered after a form post", () => {
    expect(shouldCountView(get({ "Sec-Purpose": "prefetch" }))).toBe(false);
    expect(shouldCountView(get({ Purpose: "prefetch" }))).toBe(false);
    expect(shouldCountView(get({ "User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" }))).toBe(false);
    expect(shouldCountView(new Request("http://localhost/help/articles/x", { method: "POST", body: "" }))).toBe(false);
  });
});
