import Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { hiddenFields, tagAttributes } from "../../bench/lib/html-forms";
import { LOAD_WEBHOOK_SECRET, checkoutEvent, signatureFor } from "../../bench/lib/renewal-ledger";

const RENEWAL_PAGE = `
<form method="get" action="/renew/c1?index" class="renewal-options">
  <input type="radio" name="term" value="1" checked=""/>
  <button type="submit" formMethod="post" name="intent" value="review">Review</button>
</form>
<form method="post" action="/renew/c1?index" class="no-print">
  <input type="hidden" name="term" value="1"/>
  <input value="pro&amp;more" name="plan" type="hidden"/>
  <input type="hidden" name="addOn" value="analytics"/>
  <input type="hidden" name="addOn" value="sso_audit"/>
  <input type="text" name="note" value="not hidden"/>
  <button type="submit" name="intent" value="pdf">PDF</button>
</form>`;

describe("reading forms out of a page (load test users)", () => {
  it("takes the POST form's hidden fields, not the GET form to the same URL, with repeated names kept in order", () => {
    expect(hiddenFields(RENEWAL_PAGE, { action: "/renew/c1?index", method: "post" })).toEqual([
      ["term", "1"],
      ["plan", "pro&more"],
      ["addOn", "analytics"],
      ["addOn", "sso_audit"],
    ]);
    // The GET form comes first and has no hidden fields: that is what a match on the action alone finds.
    expect(hiddenFields(RENEWAL_PAGE, { action: "/renew/c1?index" })).toEqual([]);
    expect(hiddenFields(RENEWAL_PAGE, { action: "/renew/other?index" })).toBeUndefined();
  });

  it("reads attributes in any order and quoting, with entities decoded", () => {
    expect(tagAttributes(`<input value='a "b"' NAME="priceHash" data-x="&#39;&#x41;&lt;"/>`)).toEqual({ value: 'a "b"', name: "priceHash", "data-x": "'A<" });
  });
});

describe("Stripe events of the load test", () => {
  const stripe = new Stripe("sk_test_unit", { telemetry: false });
  const session = { id: "cs_test_1", object: "checkout.session", client_reference_id: "q1", payment_status: "paid" };

  it("are signed so that Stripe's own verification accepts them with the instances' secret, and only with it", () => {
    const event = checkoutEvent("checkout.session.completed", session);
    const verified = stripe.webhooks.constructEvent(event.payload, signatureFor(event.payload), LOAD_WEBHOOK_SECRET);
    expect(verified.id).toBe(event.id);
    expect(verified.type).toBe("checkout.session.completed");
    expect((verified.data.object as unknown as typeof session).client_reference_id).toBe("q1");
    expect(() => stripe.webhooks.constructEvent(event.payload, signatureFor(event.payload, "whsec_someone_else"), LOAD_WEBHOOK_SECRET)).toThrow();
    expect(() => stripe.webhooks.constructEvent(`${event.payload} `, signatureFor(event.payload), LOAD_WEBHOOK_SECRET)).toThrow();
  });

  it("get a new id each, and carry the time they happened (a late event is an older one)", () => {
    const a = checkoutEvent("checkout.session.completed", session);
    const b = checkoutEvent("checkout.session.completed", session);
    expect(a.id).not.toBe(b.id);
    const older = checkoutEvent("checkout.session.completed", session, new Date("2026-11-25T09:00:00Z"));
    expect(JSON.parse(older.payload).created).toBe(Date.parse("2026-11-25T09:00:00Z") / 1000);
  });
});
