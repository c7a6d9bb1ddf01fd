/**
 * Support hours (docs/product-policies.md, "Support"): Monday to Friday,
 * 09:00–18:00 Malaysia time. Malaysia keeps UTC+8 all year (no daylight
 * saving), so a fixed offset is exact. Public holidays are not modelled: the
 * page says "usually" rather than promise an answer on one.
 */
export const SUPPORT_UTC_OFFSET_HOURS = 8;
export const SUPPORT_OPENS_AT_HOUR = 9;
export const SUPPORT_CLOSES_AT_HOUR = 18;

/** Whether the support team is at work at this instant. */
export function isSupportOpen(now: Date): boolean {
  const local = new Date(now.getTime() + SUPPORT_UTC_OFFSET_HOURS * 3_600_000);
  const day = local.getUTCDay();
  if (day === 0 || day === 6) return false;
  const hour = local.getUTCHours();
  return hour >= SUPPORT_OPENS_AT_HOUR && hour < SUPPORT_CLOSES_AT_HOUR;
}
