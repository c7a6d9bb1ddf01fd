import { beforeAll, describe, expect, it } from "vitest";

import { type ContractPageView } from "../../app/domain/subscriptions";
import { findContractForAccount } from "../../app/models/contracts.server";
import {
  addHours,
  buildAccount,
  buildCatalogue,
  buildContact,
  buildContract,
  buildTicket,
  insertRows,
  instantOn,
  pricedLines,
} from "../../db/seed/factories";
import { createRng } from "../../db/seed/random";
import { useTestDatabase } from "../support/test-database";
import { contractPageFor } from "../support/incentives";

/*
 * A hand-computed fixture: one professional contract (40 seats) whose term
 * runs 2026-02-15 … 2027-02-14, seen on 2026-11-25. February (from the 15th)
 * and November (month to date) are partial; March … October are complete.
 *
 *   month  seats logins core  records
 *   Feb      10    100   400    20,000   partial
 *   Mar      20    300   900    45,000
 *   Apr      24    350  1000    50,000
 *   May      26    380  1100    55,000   logins pass 1,000 (1,130)
 *   Jun      28    400  1200    60,000
 *   Jul      30    420  1300    65,000
 *   Aug      44    500  1500   600,000   peak, more than the 40 seats, best month
 *   Sep      36    450  1400    70,000
 *   Oct      32    430  1150    60,000   records pass 1,000,000 (1,025,000)
 *   Nov      31    150   400    20,000   partial
 *   total         3480 10350 1,045,000
 */
const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });
const rng = createRng("value-recap-test");

const MONTHS: Array<[string, number, number, number, number]> = [
  ["2026-02-01", 10, 100, 400, 20_000],
  ["2026-03-01", 20, 300, 900, 45_000],
  ["2026-04-01", 24, 350, 1000, 50_000],
  ["2026-05-01", 26, 380, 1100, 55_000],
  ["2026-06-01", 28, 400, 1200, 60_000],
  ["2026-07-01", 30, 420, 1300, 65_000],
  ["2026-08-01", 44, 500, 1500, 600_000],
  ["2026-09-01", 36, 450, 1400, 70_000],
  ["2026-10-01", 32, 430, 1150, 60_000],
  ["2026-11-01", 31, 150, 400, 20_000],
];
const FEATURES = { workflows: 100, reports: 40, dashboards: 30, automations: 0, integrations: 5 };

let page: ContractPageView;

beforeAll(async () => {
  const db = database.db;
  const catalogue = await buildCatalogue(db, rng);
  const account = await buildAccount(db, { currency: "USD", segment: "mid_market" }, rng);
  const contact = await buildContact(db, { accountId: account.id }, rng);

  const previous = await buildContract(
    db,
    {
      accountId: account.id,
      currency: "USD",
      termStart: "2025-02-15",
      termEnd: "2026-02-14",
      status: "renewed",
      renewedAt: instantOn("2026-01-05"),
      lines: pricedLines({ catalogue, currency: "USD", plan: "professional", seats: 30 }),
    },
    rng,
  );
  const contract = await buildContract(
    db,
    {
      accountId: account.id,
      currency: "USD",
      termStart: "2026-02-15",
      termEnd: "2027-02-14",
      previousContractId: previous.id,
      lines: pricedLines({
        catalogue,
        currency: "USD",
        plan: "professional",
        seats: 40,
        addons: [{ code: "analytics" }, { code: "premium_support" }],
      }),
    },
    rng,
  );
  const sibling = await buildContract(
    db,
    { accountId: account.id, currency: "USD", termStart: "2026-02-15", lines: pricedLines({ catalogue, currency: "USD", plan: "starter", seats: 5 }) },
    rng,
  );

  await insertRows(
    db,
    "usageSnapshots",
    MONTHS.map(([periodStart, seatsActive, logins, coreActions, recordsProcessed]) => ({
      contractId: contract.id,
      periodStart,
      seatsActive,
      logins,
      coreActions,
      recordsProcessed,
      featureUsage: FEATURES,
    })),
  );
  // The previous term: 800 core actions in each complete month (Mar 2025 … Jan 2026).
  const previousMonths = Array.from({ length: 13 }, (_, i) => {
    const periodStart = `${i < 11 ? 2025 : 2026}-${String(((i + 1) % 12) + 1).padStart(2, "0")}-01`;
    const coreActions = i === 0 ? 300 : i === 12 ? 350 : 800;
    return { contractId: previous.id, periodStart, seatsActive: 25, logins: 100, coreActions, recordsProcessed: 1000, featureUsage: {} };
  });
  await insertRows(db, "usageSnapshots", previousMonths);

  const ticket = (createdAt: string, reply: number | null, resolve: number | null, contractId = contract.id) =>
    buildTicket(
      db,
      {
        accountId: account.id,
        contactId: contact.id,
        contractId,
        createdAt,
        firstResponseAt: reply === null ? null : addHours(createdAt, reply),
        resolvedAt: resolve === null ? null : addHours(createdAt, resolve),
        status: resolve === null ? "pending" : "resolved",
      },
      rng,
    );
  const first = await ticket(instantOn("2026-03-10"), 2, 26);
  await ticket(instantOn("2026-06-01"), 1, 10);
  await ticket(instantOn("2026-10-20"), 5, null);
  await ticket(instantOn("2026-01-20"), 1, 3); // the previous term's
  await ticket(instantOn("2026-05-05"), 1, 100, sibling.id); // another contract's
  await insertRows(db, "surveyResponses", [{ accountId: account.id, ticketId: first.id, kind: "csat", score: 5 }]);

  const detail = await findContractForAccount(db, account.id, contract.id);
  page = contractPageFor(detail!, TODAY);
});

describe("the value recap of a hand-computed term", () => {
  it("adds up the whole term so far, partial months included", () => {
    expect(page.recap.hasData).toBe(true);
    expect(page.recap.monthsCovered).toBe(10);
    expect(page.recap.completeMonths).toBe(8);
    expect(page.recap.totals).toEqual({ logins: 3480, coreActions: 10_350, recordsProcessed: 1_045_000 });
  });

  it("finds the peak and measures growth and utilisation on complete months only", () => {
    expect(page.recap.seatsBought).toBe(40);
    expect(page.recap.peakSeats).toEqual({ seats: 44, month: "2026-08-01" });
    expect(page.recap.seatGrowth).toEqual({ fromMonth: "2026-03-01", from: 20, toMonth: "2026-10-01", to: 32, change: 12, ratio: 0.6 });
    expect(page.recap.utilisation).toEqual({ month: "2026-10-01", active: 32, bought: 40, ratio: 0.8 });
    expect(page.recap.averageUtilisation).toBeCloseTo(0.75, 10);
  });

  it("ranks the three most-used features", () => {
    expect(page.recap.topFeatures.map((f) => [f.feature, f.uses])).toEqual([
      ["workflows", 1000],
      ["reports", 400],
      ["dashboards", 300],
    ]);
    expect(page.recap.topFeatures[0]!.share).toBeCloseTo(1000 / 1750, 10);
    expect(page.recap.topFeatures[2]!.share).toBeCloseTo(300 / 1750, 10);
  });

  it("counts this term's support requests for this contract and how fast they were handled", () => {
    expect(page.recap.support).toEqual({
      opened: 3,
      resolved: 2,
      stillOpen: 1,
      medianHoursToResolve: 18,
      medianHoursToFirstResponse: 2,
    });
  });

  it("names the milestones with their month", () => {
    expect(page.recap.bestMonth).toEqual({ month: "2026-08-01", recordsProcessed: 600_000 });
    expect(page.recap.milestones).toEqual([
      { key: "recordsCrossed", value: 1_000_000, month: "2026-10-01" },
      { key: "bestMonth", value: 600_000, month: "2026-08-01" },
      { key: "loginsCrossed", value: 1000, month: "2026-05-01" },
      { key: "outgrewSeats", value: 40, month: "2026-08-01" },
    ]);
  });

  it("compares core actions per complete month with the previous term", () => {
    expect(page.recap.previousTerm).toEqual({
      monthlyCoreActions: 800,
      currentMonthlyCoreActions: 1194,
      change: 9550 / 8 / 800 - 1,
    });
  });

  it("sees the fall over the last three complete months and suggests help", () => {
    expect(page.adoption).toEqual({
      level: "falling",
      reasons: ["falling"],
      utilisation: 0.8,
      utilisationMonth: "2026-10-01",
      trend: { fromMonth: "2026-08-01", toMonth: "2026-10-01", from: 1500, to: 1150, change: -350 / 1500 },
      articles: ["reading-your-usage-charts", "requesting-a-training-session", "first-week-checklist"],
      suggestTraining: true,
    });
  });

  it("prices the lines, the term and the renewal history", () => {
    expect(page.lines.map((line) => [line.productCode, line.quantity, line.unitAmount, line.lineTotal])).toEqual([
      ["professional", 40, 24_000, 960_000],
      ["analytics", 40, 3_600, 144_000],
      ["premium_support", 1, 450_000, 450_000],
    ]);
    expect(page.totals).toEqual({ annual: 1_554_000, years: 1, term: 1_554_000 });
    expect(page.terms.map((t) => [t.current, t.termStart, t.value, t.timing])).toEqual([
      [true, "2026-02-15", 1_554_000, null],
      [false, "2025-02-15", 720_000, "early"],
    ]);
  });

  it("says where the contract stands and what to do next", () => {
    expect(page.contract).toMatchObject({ badge: "renewal_open", daysToEnd: 81 });
    // 81 days left: the 7% step (60+ days) holds until 60 days before the end.
    expect(page.contract.nextAction).toEqual({
      kind: "renew",
      key: "renewKeepDiscount",
      params: { date: "2026-12-16", percent: 7 },
      tone: "attention",
    });
    expect(page.usage.months.filter((m) => m.partial).map((m) => m.month)).toEqual(["2026-02-01", "2026-11-01"]);
  });
});
