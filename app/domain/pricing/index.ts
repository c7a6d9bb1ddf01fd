/** The pricing engine (pure; no database, no clock). The sha256 helper is in price-hash.server.ts. */
export * from "./types";
export {
  EARLY_RENEWAL_DAYS,
  GRACE_DAYS,
  PRICE_LOCK_DAYS,
  computeQuote,
  isOfferedTerm,
  newTermEndFor,
  newTermStartFor,
  priceLockedUntilFor,
  recommendedOptions,
  renewalTiming,
  sortCatalogue,
} from "./engine";
export { earlyRenewalIncentiveOn, incentiveSchedule, isEffectiveOn, rulesFor } from "./incentives";
export { FINGERPRINT_FORMAT, priceFingerprint } from "./fingerprint";
export { percentOf, roundToStep, roundingStep } from "./money";
