/**
 * Calendar-date arithmetic on ISO strings (YYYY-MM-DD). Contract dates are
 * dates, not instants: all arithmetic is done in UTC so that a day is always a
 * day, whatever the server's time zone.
 */
import type { Clock } from "./clock";

const DAY_MS = 86_400_000;

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayIso(clock: Clock): string {
  return toIsoDate(clock.now());
}

function parse(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(parse(iso).getTime() + days * DAY_MS));
}

/** Adds calendar months; the 31st of a shorter month clamps to its last day. */
export function addMonths(iso: string, months: number): string {
  const date = parse(iso);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(target);
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return toIsoDate(new Date(`${value}T00:00:00Z`)) === value;
}

export function startOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}
