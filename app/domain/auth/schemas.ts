import * as z from "zod";

/** Shared by the sign-in form (browser) and its action (server). Messages are i18n keys. */
export const SignInSchema = z.object({
  email: z
    .string({ message: "auth:errors.emailRequired" })
    .trim()
    .min(1, "auth:errors.emailRequired")
    .max(254, "auth:errors.emailInvalid")
    .toLowerCase()
    .pipe(z.email({ message: "auth:errors.emailInvalid" })),
  // A hidden field the person never typed: one that is too long is dropped
  // (they land on their home page after sign-in), not reported as an error
  // they could neither see nor fix.
  redirectTo: z.string().max(2048).optional().catch(undefined),
});

export type SignInInput = z.infer<typeof SignInSchema>;

const uuid = (message: string) => z.uuid({ message });

/** A success manager's personalised portal link (staff form and action). */
export const PortalLinkSchema = z.object({
  accountId: uuid("staff:portalLinks.errors.account"),
  contactId: uuid("staff:portalLinks.errors.contact"),
  contractId: uuid("staff:portalLinks.errors.contract"),
  expiresInDays: z.coerce
    .number({ message: "staff:portalLinks.errors.days" })
    .int("staff:portalLinks.errors.days")
    .min(1, "staff:portalLinks.errors.days")
    .max(30, "staff:portalLinks.errors.days"),
  note: z.string().trim().max(2000, "staff:portalLinks.errors.note").optional().default(""),
  send: z
    .enum(["on"], { message: "common:validation.invalid" })
    .optional()
    .transform((v) => v === "on"),
});

export type PortalLinkInput = z.infer<typeof PortalLinkSchema>;
