import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays, addMonths, addYears, DATE_MEMO_LIMIT, daysBetween, endOfMonth, isIsoDate, startOfMonth } from "~/lib/dates";
import { currencyDigits, formatDate, formatMoney } from "~/lib/format";

describe("dates", () => {
  it("does calendar arithmetic in whole days", () => {
    expect(addDays("2026-11-25", 95)).toBe("2027-02-28");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-25", "2027-02-28")).toBe(95);
    expect(daysBetween("2026-11-25", "2026-11-20")).toBe(-5);
  });

  it("clamps month ends", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
  });

  it("agrees with Date's own ISO parsing and printing for any day from year 100 to 9900", () => {
    const reference = {
      addDays: (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
      daysBetween: (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
    };
    const day = fc
      .date({ min: new Date("0100-01-01T00:00:00Z"), max: new Date("9900-12-31T00:00:00Z"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: -800, max: 800 }), (from, to, offset) => {
        expect(addDays(from, offset)).toBe(reference.addDays(from, offset));
        expect(daysBetween(from, to)).toBe(reference.daysBetween(from, to));
        expect(endOfMonth(from)).toBe(addDays(addMonths(startOfMonth(from), 1), -1));
      }),
      { numRuns: 2_000 },
    );
    // Past the month's end rolls over, as Date does; no month 13, no day 0 or 32.
    expect(addDays("2026-02-30", 0)).toBe("2026-03-02");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect([endOfMonth("2024-02-10"), endOfMonth("2100-02-01"), endOfMonth("2000-02-29"), endOfMonth("2026-04-30")]).toEqual([
      "2024-02-29",
      "2100-02-28",
      "2000-02-29",
      "2026-04-30",
    ]);
    for (const bad of ["2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-01", "20261-01-01", " 2026-01-01"]) {
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
    }
  });

  it("answers the same from its memo, after the memo starts over, and never remembers a bad date", () => {
    const first = [addDays("2026-11-25", 30), daysBetween("2026-11-25", "2027-02-28")];
    // More distinct dates than the memo holds, so it starts over at least once.
    for (let offset = 0; offset <= DATE_MEMO_LIMIT + 10; offset++) addDays("2000-01-01", offset);
    expect([addDays("2026-11-25", 30), daysBetween("2026-11-25", "2027-02-28")]).toEqual(first);
    expect(first).toEqual(["2026-12-25", 95]);
    for (let attempt = 0; attempt < 2; attempt++) expect(() => addDays("2026-13-01", 0)).toThrow(RangeError);
  });

  it("recognises real ISO dates only", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("26-2-3")).toBe(false);
  });
});

describe("format", () => {
  it("knows ISO 4217 minor digits", () => {
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits("MYR")).toBe(2);
    expect(currencyDigits("CNY")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
  });

  it("formats money in minor units for each locale", () => {
    const plain = (s: string) => s.replace(/\s/g, " ");
    expect(plain(formatMoney(1234567, "USD", "en"))).toBe("US$12,345.67");
    expect(plain(formatMoney(1234500, "MYR", "ms"))).toBe("RM 12,345.00");
    expect(plain(formatMoney(1234567, "CNY", "zh-Hans"))).toBe("¥12,345.67");
    // TWD: two ISO digits, but whole dollars in practice (product policy).
    expect(plain(formatMoney(3100000, "TWD", "zh-Hant"))).toBe("$31,000");
  });

  it("formats calendar dates without shifting them", () => {
    expect(formatDate("2027-01-12", "en")).toBe("12 Jan 2027");
    expect(formatDate("2027-01-12", "zh-Hans")).toBe("2027年1月12日");
    expect(formatDate("2027-01-12", "ms")).toBe("12 Jan 2027");
  });
});
