/**
 * The demo checkout's test cards: the numbers Stripe's test mode uses, so a
 * demo rehearses what a tester will type into Stripe later.
 */
export const DEMO_CARDS = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
  processing: "4000000000003220",
} as const;

export type DemoCardOutcome = "succeeds" | "declined" | "processing" | "unknown";

/** Digits only: people type card numbers with spaces or dashes. */
export function cardDigits(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/** The Luhn checksum every card number carries: catches a mistyped digit before anything is "charged". */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * What the demo does with a well-formed card number. Any other valid number
 * is declined as "not a test card" rather than accepted: the demo must not
 * look as if it took a real card.
 */
export function demoCardOutcome(number: string): DemoCardOutcome {
  const digits = cardDigits(number);
  for (const [outcome, card] of Object.entries(DEMO_CARDS)) {
    if (digits === card) return outcome as DemoCardOutcome;
  }
  return "unknown";
}
