import { describe, expect, it } from "vitest";

import { addDays, addMonths, addYears, daysBetween, isIsoDate } from "~/lib/dates";
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
