import { describe, expect, it } from "vitest";

import { DEMO_CARDS, demoCardOutcome, luhnValid } from "~/domain/payments/demo-cards";
import { NpsSchema, demoCardSchema } from "~/domain/payments/schemas";

describe("the demo's test cards", () => {
  it("knows Stripe's test numbers, however they are typed", () => {
    expect(demoCardOutcome("4242 4242 4242 4242")).toBe("succeeds");
    expect(demoCardOutcome("4000-0000-0000-0002")).toBe("declined");
    expect(demoCardOutcome("4000000000003220")).toBe("processing");
    expect(demoCardOutcome("5555 5555 5555 4444")).toBe("unknown");
  });

  it("checks the Luhn digit", () => {
    for (const card of Object.values(DEMO_CARDS)) expect(luhnValid(card)).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("4242x")).toBe(false);
  });
});

describe("the demo card form", () => {
  const schema = demoCardSchema("2026-11-25");
  const valid = { cardNumber: "4242 4242 4242 4242", expiry: "11/26", cvc: "123" };
  const errorOf = (input: Record<string, string>) => {
    const result = schema.safeParse(input);
    return result.success ? null : result.error.issues.map((issue) => issue.message);
  };

  it("accepts a card valid to the end of this month, and normalises its number", () => {
    const result = schema.safeParse(valid);
    expect(result.success && result.data.cardNumber).toBe("4242424242424242");
    expect(errorOf({ ...valid, expiry: "1126" })).toBeNull();
    expect(errorOf({ ...valid, expiry: "12 / 30", cvc: "1234" })).toBeNull();
  });

  it("names what is wrong with an i18n key", () => {
    expect(errorOf({ ...valid, expiry: "10/26" })).toEqual(["checkout:demo.errors.expired"]);
    expect(errorOf({ ...valid, expiry: "00/27" })).toEqual(["checkout:demo.errors.expiry"]);
    expect(errorOf({ ...valid, cardNumber: "4242 4242 4242 4241" })).toEqual(["checkout:demo.errors.cardNumber"]);
    expect(errorOf({ ...valid, cardNumber: "4242" })).toEqual(["checkout:demo.errors.cardNumber"]);
    expect(errorOf({ ...valid, cvc: "12a" })).toEqual(["checkout:demo.errors.cvc"]);
  });
});

describe("the NPS answer", () => {
  it("takes a whole score from 0 to 10 and an optional comment", () => {
    expect(NpsSchema.parse({ score: "0" })).toEqual({ score: 0, comment: null });
    expect(NpsSchema.parse({ score: "10", comment: "  Quick and clear.  " })).toEqual({ score: 10, comment: "Quick and clear." });
    for (const score of ["", "11", "-1", "7.5", "ten"]) expect(NpsSchema.safeParse({ score }).success).toBe(false);
    expect(NpsSchema.safeParse({}).success).toBe(false);
    expect(NpsSchema.safeParse({ score: "5", comment: "x".repeat(2001) }).success).toBe(false);
  });
});
