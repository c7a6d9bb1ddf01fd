/**
 * "Today" comes from one injectable clock, so incentive windows and reminders
 * can be tested on any date. Domain functions take a `Clock` (or a date) as a
 * parameter; the server builds one from the environment (APP_TODAY pins the
 * date outside production).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock frozen at one instant, or on a date (at 09:00 UTC). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === "string" ? new Date(/T/.test(at) ? at : `${at}T09:00:00Z`) : at;
  return { now: () => new Date(instant.getTime()) };
}

/**
 * A clock whose date is pinned but whose time still moves, so sessions and
 * token expiry behave normally while the calendar date stays put.
 */
export function pinnedDateClock(isoDate: string): Clock {
  return {
    now() {
      const real = new Date();
      const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
      return new Date(
        Date.UTC(y, m - 1, d, real.getUTCHours(), real.getUTCMinutes(), real.getUTCSeconds(), real.getUTCMilliseconds()),
      );
    },
  };
}
