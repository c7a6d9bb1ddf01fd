import * as z from "zod";

import { NON_RENEWAL_REASONS, RULE_KINDS, RULE_SEGMENTS } from "./choices";

/**
 * One zod schema per renewal form, shared by the browser (react-hook-form)
 * and the action that re-validates it. Messages are i18n keys.
 *
 * The options form deliberately checks only the shape of what was sent: the
 * pricing engine owns the business rules (terms offered, seat ranges, known
 * add-ons) and answers with its own localised errors, field by field.
 */

export { NON_RENEWAL_REASONS, RULE_KINDS, RULE_SEGMENTS, type NonRenewalReason } from "./choices";

const whole = (message: string) =>
  z
    .string()
    .trim()
    .max(12, message)
    .regex(/^-?\d+$/, message)
    .transform(Number);

export const RenewalOptionsSchema = z.object({
  term: whole("pricing:errors.termNotOffered"),
  plan: z.string().trim().max(40, "pricing:errors.planUnknown"),
  seats: whole("pricing:errors.seatsNotWhole"),
  addOn: z.array(z.string().trim().max(40, "pricing:errors.addOnUnknown")).max(20, "pricing:errors.addOnsInvalid").default([]),
  saveOffer: z.enum(["1"]).optional(),
});
export type RenewalOptionsInput = z.infer<typeof RenewalOptionsSchema>;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

const email = (required: string, invalid: string) =>
  z.string({ message: required }).trim().min(1, required).max(254, invalid).toLowerCase().pipe(z.email({ message: invalid }));

export const ConfirmQuoteSchema = z.object({
  version: z.coerce.number({ message: "renewal:confirm.errors.tampered" }).int("renewal:confirm.errors.tampered").min(1, "renewal:confirm.errors.tampered"),
  priceHash: z.string({ message: "renewal:confirm.errors.tampered" }).regex(/^[0-9a-f]{64}$/, "renewal:confirm.errors.tampered"),
  acceptTerms: z.literal("on", { message: "renewal:confirm.errors.terms" }),
  poNumber: optionalText(64, "renewal:confirm.errors.poNumber"),
  billingEmail: z
    .string()
    .trim()
    .max(254, "renewal:confirm.errors.billingEmail")
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null))
    .pipe(z.email({ message: "renewal:confirm.errors.billingEmail" }).nullable()),
});
export type ConfirmQuoteInput = z.infer<typeof ConfirmQuoteSchema>;

export const ShareQuoteSchema = z.object({
  approverName: z
    .string({ message: "renewal:share.errors.name" })
    .trim()
    .min(1, "renewal:share.errors.name")
    .max(200, "renewal:share.errors.name"),
  approverEmail: email("renewal:share.errors.emailRequired", "renewal:share.errors.emailInvalid"),
  note: optionalText(2000, "renewal:share.errors.note"),
});
export type ShareQuoteInput = z.infer<typeof ShareQuoteSchema>;

export const ApprovalDecisionSchema = z
  .object({
    decision: z.enum(["approve", "changes"], { message: "renewal:approve.errors.decision" }),
    comment: optionalText(4000, "renewal:approve.errors.commentTooLong"),
  })
  .refine((value) => value.decision !== "changes" || value.comment !== null, {
    path: ["comment"],
    message: "renewal:approve.errors.commentRequired",
  });
export type ApprovalDecisionInput = z.infer<typeof ApprovalDecisionSchema>;

export const NonRenewalSchema = z
  .object({
    reasons: z
      .array(z.enum(NON_RENEWAL_REASONS, { message: "renewal:notRenewing.errors.reasons" }), {
        message: "renewal:notRenewing.errors.reasons",
      })
      .min(1, "renewal:notRenewing.errors.reasons")
      .max(NON_RENEWAL_REASONS.length, "renewal:notRenewing.errors.reasons"),
    comment: optionalText(4000, "renewal:notRenewing.errors.commentTooLong"),
  })
  .refine((value) => !value.reasons.includes("other") || value.comment !== null, {
    path: ["comment"],
    message: "renewal:notRenewing.errors.otherNeedsWords",
  });
export type NonRenewalInput = z.infer<typeof NonRenewalSchema>;

// ---------------------------------------------------------------------------
// Staff: incentive rules
// ---------------------------------------------------------------------------

const isoDate = (message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), message);

const optionalWhole = (message: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(z.number({ message }).int(message).min(min, message).max(max, message).nullable());

/**
 * An incentive rule as an admin edits it. The percent is typed as a
 * percentage (7.5) and stored as basis points (750); the checks mirror the
 * table's CHECK constraints so an admin reads a message, not a database error.
 */
export const IncentiveRuleSchema = z
  .object({
    kind: z.enum(RULE_KINDS, { message: "renewal:rules.errors.kind" }),
    segment: z.enum(RULE_SEGMENTS, { message: "renewal:rules.errors.segment" }),
    minDaysBeforeEnd: optionalWhole("renewal:rules.errors.days", 0, 730),
    termYears: optionalWhole("renewal:rules.errors.termYears", 1, 5),
    discountPercent: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : "0"))
      .pipe(
        z
          .string()
          .regex(/^\d{1,2}(\.\d{1,2})?$/, "renewal:rules.errors.percent")
          .transform((value) => Math.round(Number(value) * 100))
          .pipe(z.number().min(0, "renewal:rules.errors.percent").max(5000, "renewal:rules.errors.percent")),
      ),
    bonusMonths: optionalWhole("renewal:rules.errors.bonusMonths", 0, 12).transform((value) => value ?? 0),
    bonusFeature: optionalText(80, "renewal:rules.errors.bonusFeature"),
    effectiveFrom: isoDate("renewal:rules.errors.date"),
    effectiveTo: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(isoDate("renewal:rules.errors.date").nullable()),
    active: z
      .enum(["on", ""], { message: "common:validation.invalid" })
      .optional()
      .transform((value) => value === "on"),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind === "early_renewal" && rule.minDaysBeforeEnd === null) {
      ctx.addIssue({ code: "custom", path: ["minDaysBeforeEnd"], message: "renewal:rules.errors.daysRequired" });
    }
    if (rule.kind !== "early_renewal" && rule.minDaysBeforeEnd !== null) {
      ctx.addIssue({ code: "custom", path: ["minDaysBeforeEnd"], message: "renewal:rules.errors.daysOnlyEarly" });
    }
    if (rule.kind === "multi_year" && rule.termYears === null) {
      ctx.addIssue({ code: "custom", path: ["termYears"], message: "renewal:rules.errors.termYearsRequired" });
    }
    if (rule.kind !== "multi_year" && rule.termYears !== null) {
      ctx.addIssue({ code: "custom", path: ["termYears"], message: "renewal:rules.errors.termYearsOnlyMultiYear" });
    }
    if (rule.discountPercent <= 0 && rule.bonusMonths <= 0 && rule.bonusFeature === null) {
      ctx.addIssue({ code: "custom", path: ["discountPercent"], message: "renewal:rules.errors.givesNothing" });
    }
    if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom) {
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: "renewal:rules.errors.dateOrder" });
    }
  })
  // The form says percent; the table stores basis points (the value is already converted above).
  .transform(({ discountPercent, ...rule }) => ({ ...rule, discountBps: discountPercent }));
export type IncentiveRuleInput = z.infer<typeof IncentiveRuleSchema>;
