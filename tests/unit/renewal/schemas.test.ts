import { describe, expect, it } from "vitest";

import { ApprovalDecisionSchema, ConfirmQuoteSchema, IncentiveRuleSchema, NonRenewalSchema, ShareQuoteSchema } from "~/domain/renewal/schemas";
import { parseForm } from "~/lib/forms";

const hash = "f".repeat(64);

describe("the confirm form", () => {
  it("needs the terms, keeps the PO number short and the billing email valid", () => {
    expect(parseForm(new URLSearchParams({ version: "2", priceHash: hash, acceptTerms: "on", poNumber: "  PO-1 ", billingEmail: "" }), ConfirmQuoteSchema)).toEqual({
      ok: true,
      data: { version: 2, priceHash: hash, acceptTerms: "on", poNumber: "PO-1", billingEmail: null },
    });
    const bad = parseForm(new URLSearchParams({ version: "x", priceHash: "cheap", poNumber: "P".repeat(65), billingEmail: "nope" }), ConfirmQuoteSchema);
    expect(bad.ok ? null : bad.errors).toEqual({
      version: "renewal:confirm.errors.tampered",
      priceHash: "renewal:confirm.errors.tampered",
      acceptTerms: "renewal:confirm.errors.terms",
      poNumber: "renewal:confirm.errors.poNumber",
      billingEmail: "renewal:confirm.errors.billingEmail",
    });
  });
});

describe("the share form", () => {
  it("normalises the approver's email and treats an empty note as none", () => {
    expect(parseForm(new URLSearchParams({ approverName: " Ben ", approverEmail: " Ben@Northwind.example ", note: "" }), ShareQuoteSchema)).toEqual({
      ok: true,
      data: { approverName: "Ben", approverEmail: "ben@northwind.example", note: null },
    });
  });
});

describe("the approver's decision", () => {
  it("needs a comment only to ask for changes", () => {
    expect(parseForm(new URLSearchParams({ decision: "approve" }), ApprovalDecisionSchema).ok).toBe(true);
    const changes = parseForm(new URLSearchParams({ decision: "changes", comment: " " }), ApprovalDecisionSchema);
    expect(changes.ok ? null : changes.errors).toEqual({ comment: "renewal:approve.errors.commentRequired" });
    const unknown = parseForm(new URLSearchParams({ decision: "maybe" }), ApprovalDecisionSchema);
    expect(unknown.ok ? null : unknown.errors).toEqual({ decision: "renewal:approve.errors.decision" });
  });
});

describe("the not-renewing form", () => {
  it("takes the seed's reason codes only, at least one, with words for “other”", () => {
    const form = new URLSearchParams([["reasons", "price"], ["reasons", "integrations"], ["comment", "Too dear."]]);
    expect(parseForm(form, NonRenewalSchema, { arrays: ["reasons"] })).toEqual({ ok: true, data: { reasons: ["price", "integrations"], comment: "Too dear." } });
    for (const [input, field, key] of [
      [new URLSearchParams(), "reasons", "renewal:notRenewing.errors.reasons"],
      [new URLSearchParams([["reasons", "weather"]]), "reasons", "renewal:notRenewing.errors.reasons"],
      [new URLSearchParams([["reasons", "other"]]), "comment", "renewal:notRenewing.errors.otherNeedsWords"],
      [new URLSearchParams([["reasons", "price"], ["comment", "x".repeat(4001)]]), "comment", "renewal:notRenewing.errors.commentTooLong"],
    ] as const) {
      const parsed = parseForm(input, NonRenewalSchema, { arrays: ["reasons"] });
      expect(parsed.ok ? null : parsed.errors[field], input.toString()).toBe(key);
    }
  });
});

describe("an incentive rule", () => {
  const early = { kind: "early_renewal", segment: "all", minDaysBeforeEnd: "90", discountPercent: "7.5", effectiveFrom: "2026-01-01" };

  it("turns a percent into basis points and 'all segments' stays explicit", () => {
    expect(parseForm(new URLSearchParams({ ...early, active: "on" }), IncentiveRuleSchema)).toEqual({
      ok: true,
      data: {
        kind: "early_renewal",
        segment: "all",
        minDaysBeforeEnd: 90,
        termYears: null,
        discountBps: 750,
        bonusMonths: 0,
        bonusFeature: null,
        effectiveFrom: "2026-01-01",
        effectiveTo: null,
        active: true,
      },
    });
  });

  it("follows the table's shape: a window only for early renewal, a term only for multi-year, something given", () => {
    const errors = (input: Record<string, string>) => {
      const parsed = parseForm(new URLSearchParams(input), IncentiveRuleSchema);
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errors({ ...early, kind: "multi_year" })).toEqual({
      minDaysBeforeEnd: "renewal:rules.errors.daysOnlyEarly",
      termYears: "renewal:rules.errors.termYearsRequired",
    });
    expect(errors({ ...early, kind: "save_offer", minDaysBeforeEnd: "", discountPercent: "", bonusMonths: "2" })).toEqual({});
    expect(errors({ ...early, discountPercent: "7.555" })).toEqual({ discountPercent: "renewal:rules.errors.percent" });
    expect(errors({ ...early, discountPercent: "0", bonusFeature: "" })).toEqual({ discountPercent: "renewal:rules.errors.givesNothing" });
    expect(errors({ ...early, bonusMonths: "13" })).toEqual({ bonusMonths: "renewal:rules.errors.bonusMonths" });
    expect(errors({ ...early, effectiveTo: "2025-12-31" })).toEqual({ effectiveTo: "renewal:rules.errors.dateOrder" });
  });
});
