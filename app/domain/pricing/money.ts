/**
 * Integer money arithmetic for quotes. Amounts are minor units; percentages
 * are basis points. BigInt carries the intermediate products, so a large
 * enterprise quote times a rate can never lose precision past 2^53.
 */
import { WHOLE_UNIT_CURRENCIES, currencyDigits } from "~/lib/format";

/**
 * The smallest amount a quote may contain, in minor units: 1 for most
 * currencies; a whole major unit (10^digits) where the minor unit exists in
 * ISO 4217 but not in practice (TWD: 100, product policy).
 */
export function roundingStep(currency: string): number {
  return WHOLE_UNIT_CURRENCIES.has(currency) ? 10 ** currencyDigits(currency) : 1;
}

/** n / d rounded half away from zero (d > 0). */
function divideRounded(n: bigint, d: bigint): bigint {
  const quotient = n / d;
  const remainder = n % d;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n >= d) return quotient + (n < 0n ? -1n : 1n);
  return quotient;
}

/** `amount` rounded half away from zero to a multiple of `step`. */
export function roundToStep(amount: number, step: number): number {
  if (step === 1) return amount;
  return Number(divideRounded(BigInt(amount), BigInt(step)) * BigInt(step));
}

/**
 * `bps` basis points of `amount`, rounded half away from zero to a multiple
 * of `step` minor units.
 */
export function percentOf(amount: number, bps: number, step: number): number {
  const rounded = divideRounded(BigInt(amount) * BigInt(bps), 10_000n * BigInt(step));
  return Number(rounded * BigInt(step));
}

export function bpsToPercent(bps: number): number {
  return bps / 100;
}
