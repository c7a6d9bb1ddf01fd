import { describe, expect, it } from "vitest";

import { contractBadge, nextAction, type EarlyRenewalStep } from "~/domain/subscriptions";
import { addDays } from "~/lib/dates";

const TODAY = "2026-11-25";

function actionFor(
  daysToEnd: number,
  options: {
    status?: "active" | "renewed" | "ended" | "cancelled";
    autoRenew?: boolean;
    incentive?: EarlyRenewalStep;
    successor?: { termStart: string; termEnd: string } | null;
    termStart?: string;
    cancelledAt?: string | null;
  } = {},
) {
  const contract = {
    termStart: options.termStart ?? addDays(TODAY, daysToEnd - 364),
    termEnd: addDays(TODAY, daysToEnd),
    status: options.status ?? "active",
    segment: "smb" as const,
    autoRenew: options.autoRenew ?? false,
    cancelledAt: options.cancelledAt ?? null,
  };
  const successor = options.successor ?? null;
  const standing = contractBadge(contract, TODAY, successor !== null);
  return nextAction({ contract, standing, successor, incentive: options.incentive ?? null });
}

describe("nextAction", () => {
  it("asks to renew by the day the discount steps down", () => {
    expect(actionFor(75, { incentive: { percent: 7, until: addDays(TODAY, 15) } })).toEqual({
      kind: "renew",
      key: "renewKeepDiscount",
      params: { date: addDays(TODAY, 15), percent: 7 },
      tone: "attention",
    });
  });

  it("shows an open discount before the window too, but calmly", () => {
    const action = actionFor(150, { incentive: { percent: 10, until: addDays(TODAY, 60) } });
    expect(action).toMatchObject({ key: "renewKeepDiscount", tone: "info", params: { percent: 10 } });
  });

  it("asks to renew before the end date once no discount is left", () => {
    expect(actionFor(20)).toEqual({ kind: "renew", key: "renewBeforeEnd", params: { date: addDays(TODAY, 20) }, tone: "attention" });
  });

  it("in grace, gives the last day of grace and ignores any discount", () => {
    expect(actionFor(-5, { incentive: { percent: 10, until: TODAY } })).toEqual({
      kind: "renew",
      key: "renewInGrace",
      params: { date: addDays(TODAY, 25) },
      tone: "urgent",
    });
  });

  it("says until when a renewed contract runs", () => {
    const successor = { termStart: addDays(TODAY, 21), termEnd: addDays(TODAY, 385) };
    expect(actionFor(20, { status: "renewed", successor })).toEqual({
      kind: "view",
      key: "renewedUntil",
      params: { date: addDays(TODAY, 385) },
      tone: "success",
    });
    expect(actionFor(20, { status: "renewed" })).toMatchObject({ key: "renewed", params: {} });
  });

  it("says when a renewed term that has not begun starts", () => {
    expect(actionFor(385, { termStart: addDays(TODAY, 21), incentive: { percent: 10, until: addDays(TODAY, 295) } })).toEqual({
      kind: "view",
      key: "startsOn",
      params: { date: addDays(TODAY, 21) },
      tone: "info",
    });
  });

  it("tells an auto-renewing contract when it renews, unless a discount is worth chasing", () => {
    expect(actionFor(20, { autoRenew: true })).toEqual({
      kind: "view",
      key: "autoRenews",
      params: { date: addDays(TODAY, 21) },
      tone: "info",
    });
    expect(actionFor(70, { autoRenew: true, incentive: { percent: 7, until: addDays(TODAY, 10) } }).key).toBe("renewKeepDiscount");
  });

  it("outside the window without a discount, says when renewal opens", () => {
    expect(actionFor(200)).toEqual({ kind: "view", key: "renewalOpens", params: { date: addDays(TODAY, 110) }, tone: "neutral" });
  });

  it("dates an ended or cancelled contract", () => {
    expect(actionFor(-45)).toEqual({ kind: "contact", key: "endedOn", params: { date: addDays(TODAY, -45) }, tone: "neutral" });
    expect(actionFor(100, { status: "cancelled", cancelledAt: "2026-06-01T15:00:00.000Z" })).toEqual({
      kind: "none",
      key: "cancelledOn",
      params: { date: "2026-06-01" },
      tone: "neutral",
    });
  });
});
