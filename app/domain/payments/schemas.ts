import * as z from "zod";

import { cardDigits, luhnValid } from "./demo-cards";

/**
 * The demo checkout's card form (browser and server). `today` (YYYY-MM-DD,
 * the portal's clock) decides whether an expiry date has passed: a card is
 * valid to the end of its expiry month.
 */
export function demoCardSchema(today: string) {
  const [year = 0, month = 0] = today.split("-").map(Number);
  return z.object({
    cardNumber: z
      .string({ message: "checkout:demo.errors.cardNumber" })
      .transform(cardDigits)
      .refine((digits) => /^\d{13,19}$/.test(digits) && luhnValid(digits), "checkout:demo.errors.cardNumber"),
    expiry: z
      .string({ message: "checkout:demo.errors.expiry" })
      .trim()
      .regex(/^(0[1-9]|1[0-2])\s*\/?\s*(\d{2})$/, "checkout:demo.errors.expiry")
      .refine((value) => {
        const match = /^(\d{2})\s*\/?\s*(\d{2})$/.exec(value);
        if (!match) return false;
        const expYear = 2000 + Number(match[2]);
        const expMonth = Number(match[1]);
        return expYear > year || (expYear === year && expMonth >= month);
      }, "checkout:demo.errors.expired"),
    cvc: z
      .string({ message: "checkout:demo.errors.cvc" })
      .trim()
      .regex(/^\d{3,4}$/, "checkout:demo.errors.cvc"),
  });
}

export type DemoCardInput = z.infer<ReturnType<typeof demoCardSchema>>;

/** The "how likely are you to recommend us" question on the confirmation page. */
export const NpsSchema = z.object({
  // A string first: an empty field must be "no answer", not a score of 0.
  score: z
    .string({ message: "checkout:nps.errors.score" })
    .regex(/^(10|[0-9])$/, "checkout:nps.errors.score")
    .transform(Number),
  comment: z
    .string()
    .trim()
    .max(2000, "checkout:nps.errors.comment")
    .optional()
    .transform((value) => (value ? value : null)),
});

export type NpsInput = z.infer<typeof NpsSchema>;
