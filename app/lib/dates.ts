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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * A page asks for the same few dozen dates again and again (each contract's
 * term and incentive windows, "today"), so parsed and printed dates are
 * remembered; a full memo starts over.
 */
export const DATE_MEMO_LIMIT = 4_096;
const msByIso = new Map<string, number>();
const isoByMs = new Map<number, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= DATE_MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The ISO date of a UTC midnight, without Date#toISOString (this runs for every contract on a page). */
function isoOfMs(ms: number): string {
  return isoByMs.get(ms) ?? remember(isoByMs, ms, printIso(ms));
}

function printIso(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) throw new RangeError("Invalid time value");
  return `${String(year).padStart(4, "0")}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

export function todayIso(clock: Clock): string {
  return toIsoDate(clock.now());
}

/**
 * UTC midnight of an ISO date, in milliseconds. Numbers instead of parsing a
 * date-time string: the same answers (days past the month's end roll over,
 * month 0 or 13 and day 0 or 32 are invalid) at a third of the cost.
 */
function parseMs(iso: string): number {
  return msByIso.get(iso) ?? remember(msByIso, iso, readIso(iso));
}

function readIso(iso: string): number {
  if (!ISO_DATE.test(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError("Invalid time value");
  // setUTCFullYear, not Date.UTC: that one reads years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(Number(iso.slice(0, 4)), month - 1, day);
}

function parse(iso: string): Date {
  return new Date(parseMs(iso));
}

export function addDays(iso: string, days: number): string {
  return isoOfMs(parseMs(iso) + days * DAY_MS);
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
  return Math.round((parseMs(to) - parseMs(from)) / DAY_MS);
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return toIsoDate(new Date(`${value}T00:00:00Z`)) === value;
}

export function startOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day of the month `iso` falls in. */
export function endOfMonth(iso: string): string {
  parseMs(iso);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${iso.slice(0, 7)}-${month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]}`;
}
