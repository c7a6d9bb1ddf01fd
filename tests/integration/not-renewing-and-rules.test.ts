import { beforeAll, describe, expect, it } from "vitest";

import * as renewal from "../../app/routes/renew.$contractId._index";
import * as notRenewing from "../../app/routes/renew.$contractId.not-renewing";
import * as review from "../../app/routes/renew.$contractId.quotes.$quoteId._index";
import * as rules from "../../app/routes/staff.incentives";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase({ today: "2026-11-25" });
let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  demo = await seedDemo(database.db);
});

async function contactCookie(email: string) {
  const contact = await demo.contactByEmail(email);
  return sessionCookieFor({ kind: "contact", contactId: contact.id, accountId: contact.accountId });
}

describe("not renewing", () => {
  it("offers a smaller plan, fewer seats and the one-time offer, each a link that opens the renewal preselected", async () => {
    const contract = await demo.contractByNumber("C365-10026");
    const cookie = await contactCookie(DEMO_CONTACTS.nurul.email);
    const page = await callLoader(notRenewing.loader, { path: "/", params: { contractId: contract.id }, cookie });
    expect(page.status).toBe(200);
    const offers = (page.data as { offers: { kind: string; href: string; planCode: string; total: number; currency: string }[] }).offers;
    expect(offers.map((o) => o.kind)).toEqual(expect.arrayContaining(["saveOffer", "smallerPlan"]));
    const save = offers.find((o) => o.kind === "saveOffer")!;
    expect(save.href).toContain("saveOffer=1");
    expect(save.currency).toBe("MYR");
    expect(offers.find((o) => o.kind === "smallerPlan")!.planCode).toBe("starter");

    // The link prices the offer on the renewal page: a 15 % line after the early-renewal one.
    const url = new URL(save.href, "http://portal.test");
    const priced = await callLoader(renewal.loader, { path: url.pathname + url.search, params: { contractId: contract.id }, cookie });
    const quote = (priced.data as { page: { quote: { total: number; lines: { code: string; detail: { percent?: number } }[] } } }).page.quote;
    expect(quote.lines.find((l) => l.code === "save_offer")!.detail.percent).toBe(15);
    expect(quote.total).toBe(save.total);
  });

  it("records the reasons in the customer's words, turns auto-renew off, audits and tells the success manager", async () => {
    const contract = await demo.contractByNumber("C365-10026");
    await database.db.updateTable("contracts").set({ autoRenew: true }).where("id", "=", contract.id).execute();
    const cookie = await contactCookie(DEMO_CONTACTS.nurul.email);
    const form = new URLSearchParams({ comment: "Bajet dipotong tahun depan." });
    form.append("reasons", "budget");
    form.append("reasons", "low_adoption");
    const done = await callAction(notRenewing.action, { path: "/", params: { contractId: contract.id }, cookie, form });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/renew/${contract.id}`);

    const answer = await database.db.selectFrom("surveyResponses").select(["kind", "reasons", "comment", "contractId"]).where("contractId", "=", contract.id).where("kind", "=", "non_renewal").executeTakeFirstOrThrow();
    expect(answer).toEqual({ kind: "non_renewal", reasons: ["budget", "low_adoption"], comment: "Bajet dipotong tahun depan.", contractId: contract.id });
    expect((await database.db.selectFrom("contracts").select("autoRenew").where("id", "=", contract.id).executeTakeFirstOrThrow()).autoRenew).toBe(false);
    const audit = await database.db.selectFrom("auditEvents").select(["action", "data"]).where("entityId", "=", contract.id).where("action", "=", "contract.not_renewing").executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ reasons: ["budget", "low_adoption"], autoRenewTurnedOff: true });
    const notice = await database.db.selectFrom("staffNotifications").select(["kind", "contractId"]).where("kind", "=", "notRenewing").where("contractId", "=", contract.id).execute();
    expect(notice).toHaveLength(1);
    const email = await database.db.selectFrom("emailOutbox").select(["toEmail", "textBody"]).where("template", "=", "staffNotice").orderBy("createdAt", "desc").executeTakeFirstOrThrow();
    expect(email.textBody).toContain("Bajet dipotong tahun depan.");

    // The renewal page shows the decision; renewing is still possible.
    const page = await callLoader(renewal.loader, { path: "/", params: { contractId: contract.id }, cookie });
    expect(page.data).toMatchObject({ nonRenewal: { on: "2026-11-25" }, closed: null });
  });

  it("needs a reason (and words for “something else”), changing nothing otherwise", async () => {
    const contract = await demo.contractByNumber("C365-10027");
    const cookie = await contactCookie(DEMO_CONTACTS.nurul.email);
    const before = await database.db.selectFrom("surveyResponses").select("id").execute();
    const none = await callAction(notRenewing.action, { path: "/", params: { contractId: contract.id }, cookie, form: { comment: "" } });
    expect(none.status).toBe(400);
    expect((none.data as { errors: Record<string, string> }).errors.reasons).toBe("renewal:notRenewing.errors.reasons");
    const other = await callAction(notRenewing.action, { path: "/", params: { contractId: contract.id }, cookie, form: { reasons: "other" } });
    expect((other.data as { errors: Record<string, string> }).errors.comment).toBe("renewal:notRenewing.errors.otherNeedsWords");
    const bogus = await callAction(notRenewing.action, { path: "/", params: { contractId: contract.id }, cookie, form: { reasons: "too_many_emails" } });
    expect(bogus.status).toBe(400);
    expect(await database.db.selectFrom("surveyResponses").select("id").execute()).toHaveLength(before.length);
  });

  it("offers the save offer once: after a confirmed renewal with it, it is refused", async () => {
    const contract = await demo.contractByNumber("C365-10002");
    const cookie = await contactCookie(DEMO_CONTACTS.amelia.email);
    const form = { term: "1", plan: "starter", seats: "25", saveOffer: "1" };
    const saved = await callAction(renewal.action, { path: "/", params: { contractId: contract.id }, cookie, form: { ...form, intent: "review" } });
    expect(saved.status).toBe(302);
    const quoteId = saved.location!.split("/")[4]!;
    const page = await callLoader(review.loader, { path: "/", params: { contractId: contract.id, quoteId }, cookie });
    const { quote } = page.data as { quote: { version: number; priceHash: string } };
    // Its own recomputation at confirmation does not count against it.
    const confirmed = await callAction(review.action, {
      path: "/",
      params: { contractId: contract.id, quoteId },
      cookie,
      form: { intent: "confirm", acceptTerms: "on", version: String(quote.version), priceHash: quote.priceHash },
    });
    expect(confirmed.status).toBe(302);

    const again = await callAction(renewal.action, { path: "/", params: { contractId: contract.id }, cookie, form: { ...form, seats: "24", intent: "review" } });
    expect(again.status).toBe(400);
    expect((again.data as { errors: Record<string, { code: string }> }).errors.saveOffer!.code).toBe("pricing:errors.saveOfferUsed");
    const offers = await callLoader(notRenewing.loader, { path: "/", params: { contractId: contract.id }, cookie });
    expect((offers.data as { offers: { kind: string }[] }).offers.map((o) => o.kind)).not.toContain("saveOffer");
  });
});

describe("the incentive rules editor", () => {
  async function staffCookie(email: string) {
    const staff = await demo.staffByEmail(email);
    return sessionCookieFor({ kind: "staff", staffUserId: staff.id });
  }

  const validRule = { kind: "early_renewal", segment: "smb", minDaysBeforeEnd: "100", termYears: "", discountPercent: "12.5", bonusMonths: "0", bonusFeature: "", effectiveFrom: "2026-11-01", effectiveTo: "", active: "on" };

  it("is for admins only: 403 for other staff, 404 for customers", async () => {
    const csm = await staffCookie("maya.tan@customer365.example");
    expect((await callLoader(rules.loader, { path: "/staff/incentives", cookie: csm })).status).toBe(403);
    expect((await callAction(rules.action, { path: "/staff/incentives", cookie: csm, form: validRule })).status).toBe(403);
    const customer = await contactCookie(DEMO_CONTACTS.amelia.email);
    expect((await callLoader(rules.loader, { path: "/staff/incentives", cookie: customer })).status).toBe(404);
    expect(await database.db.selectFrom("incentiveRules").select("id").where("discountBps", "=", 1250).execute()).toEqual([]);
  });

  it("validates like the table does, and saves nothing when wrong", async () => {
    const admin = await staffCookie("admin@customer365.example");
    const before = (await database.db.selectFrom("incentiveRules").select("id").execute()).length;
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ minDaysBeforeEnd: "" }, { minDaysBeforeEnd: "renewal:rules.errors.daysRequired" }],
      [{ termYears: "2" }, { termYears: "renewal:rules.errors.termYearsOnlyMultiYear" }],
      [{ discountPercent: "60" }, { discountPercent: "renewal:rules.errors.percent" }],
      [{ discountPercent: "0" }, { discountPercent: "renewal:rules.errors.givesNothing" }],
      [{ effectiveTo: "2026-10-01" }, { effectiveTo: "renewal:rules.errors.dateOrder" }],
      [{ effectiveFrom: "2026-02-30" }, { effectiveFrom: "renewal:rules.errors.date" }],
      [{ minDaysBeforeEnd: "800" }, { minDaysBeforeEnd: "renewal:rules.errors.days" }],
      [{ kind: "loyalty" }, { kind: "renewal:rules.errors.kind" }],
    ];
    for (const [change, errors] of cases) {
      const refused = await callAction(rules.action, { path: "/staff/incentives", cookie: admin, form: { ...validRule, ...change } });
      expect(refused.status, JSON.stringify(change)).toBe(400);
      expect((refused.data as { errors: Record<string, string> }).errors).toMatchObject(errors);
    }
    expect((await database.db.selectFrom("incentiveRules").select("id").execute()).length).toBe(before);
  });

  it("adds and edits rules with an audit trail, and new quotes use them", async () => {
    const admin = await staffCookie("admin@customer365.example");
    const added = await callAction(rules.action, { path: "/staff/incentives", cookie: admin, form: validRule });
    expect(added.status).toBe(200);
    const { id } = added.data as { id: string };
    const row = await database.db.selectFrom("incentiveRules").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: "early_renewal", segment: "smb", minDaysBeforeEnd: 100, discountBps: 1250, active: true, effectiveTo: null });

    const edited = await callAction(rules.action, { path: "/staff/incentives", cookie: admin, form: { ...validRule, id, discountPercent: "11", active: "" } });
    expect(edited.status).toBe(200);
    expect(await database.db.selectFrom("incentiveRules").select(["discountBps", "active"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ discountBps: 1100, active: false });
    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorKind", "data"]).where("entityId", "=", id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["incentive_rule.created", "incentive_rule.updated"]);
    expect(audit[1]!.data).toMatchObject({ before: { discountBps: 1250 }, after: { discountBps: 1100, active: false } });

    // A multi-year rule for the enterprise segment changes what Amelia's 2-year quote offers.
    const multi = await callAction(rules.action, {
      path: "/staff/incentives",
      cookie: admin,
      form: { ...validRule, kind: "multi_year", segment: "enterprise", minDaysBeforeEnd: "", termYears: "2", discountPercent: "8" },
    });
    expect(multi.status).toBe(200);
    const contract = await demo.contractByNumber("C365-10001");
    const page = await callLoader(renewal.loader, {
      path: `/renew/${contract.id}?term=2&plan=professional&seats=125&addOn=analytics&addOn=premium_support`,
      params: { contractId: contract.id },
      cookie: await contactCookie(DEMO_CONTACTS.amelia.email),
    });
    const lines = (page.data as { page: { quote: { lines: { code: string; detail: { percent?: number } }[] } } }).page.quote.lines;
    expect(lines.find((l) => l.code === "multi_year")!.detail.percent).toBe(8);

    const listed = await callLoader(rules.loader, { path: "/staff/incentives", cookie: admin });
    expect((listed.data as { rules: { id: string }[] }).rules.map((r) => r.id)).toContain(id);
  });
});
