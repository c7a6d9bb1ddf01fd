import { beforeAll, describe, expect, it } from "vitest";

import { fixedClock } from "~/lib/clock";
import { submitNps } from "~/domain/support/nps.server";
import { setServices } from "~/lib/services.server";
import { action as npsAction, loader as npsLoader } from "~/routes/feedback.nps";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase({ today: "2026-11-25T10:00:00Z" });

let olivia: { id: string; accountId: string };
let oliviaCookie: string;
let amelia: { id: string; accountId: string };
let ameliaCookie: string;

beforeAll(async () => {
  const demo = await seedDemo(database.db);
  olivia = await demo.contactByEmail(DEMO_CONTACTS.olivia.email);
  amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  oliviaCookie = await sessionCookieFor({ kind: "contact", contactId: olivia.id, accountId: olivia.accountId });
  ameliaCookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
});

function answers(contactId: string) {
  return database.db
    .selectFrom("surveyResponses")
    .select(["id", "score", "comment", "createdAt", "contractId"])
    .where("contactId", "=", contactId)
    .where("kind", "=", "nps")
    .orderBy("createdAt")
    .execute();
}

describe("NPS from the account menu", () => {
  it("stores a first answer and thanks the contact", async () => {
    expect((await callLoader(npsLoader, { path: "/feedback/nps", cookie: oliviaCookie })).data).toEqual({ previous: null });
    const outcome = await callAction(npsAction, { path: "/feedback/nps", cookie: oliviaCookie, form: { intent: "nps", score: "6", comment: "Setting up took longer than we hoped." } });
    expect(outcome.status).toBe(200);
    expect(outcome.data).toEqual({ intent: "nps", ok: true, score: 6, replaced: false });
    expect(await answers(olivia.id)).toEqual([
      expect.objectContaining({ score: 6, comment: "Setting up took longer than we hoped.", createdAt: new Date("2026-11-25T10:00:00Z") }),
    ]);
    const audit = await database.db.selectFrom("auditEvents").select(["action", "data"]).where("action", "like", "nps.%").execute();
    expect(audit).toEqual([{ action: "nps.answered", data: { score: 6, previousScore: null, commented: true } }]);
  });

  it("replaces the answer inside the 90 days instead of counting the contact twice", async () => {
    const loaded = await callLoader(npsLoader, { path: "/feedback/nps", cookie: oliviaCookie });
    expect(loaded.data).toEqual({ previous: { score: 6, comment: "Setting up took longer than we hoped.", answeredOn: "2026-11-25", replaceableUntil: "2027-02-23" } });
    const outcome = await callAction(npsAction, { path: "/feedback/nps", cookie: oliviaCookie, form: { intent: "nps", score: "8" } });
    expect(outcome.data).toEqual({ intent: "nps", ok: true, score: 8, replaced: true });
    // The score is replaced; without a new comment the old one stays.
    expect(await answers(olivia.id)).toEqual([expect.objectContaining({ score: 8, comment: "Setting up took longer than we hoped." })]);
  });

  it("shows a seeded answer from 40 days ago as the one a new answer replaces", async () => {
    const loaded = await callLoader(npsLoader, { path: "/feedback/nps", cookie: ameliaCookie });
    expect(loaded.data).toMatchObject({ previous: { score: 9, answeredOn: "2026-10-16", replaceableUntil: "2027-01-14" } });
  });

  it("starts a new answer once 90 days have passed", async () => {
    const later = { ...database.services, clock: fixedClock("2027-03-01T10:00:00Z") };
    setServices(later);
    try {
      const cookie = await sessionCookieFor({ kind: "contact", contactId: olivia.id, accountId: olivia.accountId });
      const outcome = await callAction(npsAction, { path: "/feedback/nps", cookie, form: { intent: "nps", score: "9", comment: "Much better now." } });
      expect(outcome.data).toEqual({ intent: "nps", ok: true, score: 9, replaced: false });
    } finally {
      setServices(database.services);
    }
    expect((await answers(olivia.id)).map((a) => a.score)).toEqual([8, 9]);
  });

  it("refuses a missing or out-of-range score and an oversized comment, and stores nothing", async () => {
    const before = await answers(olivia.id);
    const forms: Array<Record<string, string>> = [
      { intent: "nps" },
      { intent: "nps", score: "" },
      { intent: "nps", score: "11" },
      { intent: "nps", score: "1; DROP TABLE survey_responses" },
      { intent: "nps", score: "7", comment: "x".repeat(1001) },
    ];
    for (const form of forms) {
      const outcome = await callAction(npsAction, { path: "/feedback/nps", cookie: oliviaCookie, form });
      expect(outcome.status, JSON.stringify(form).slice(0, 60)).toBe(400);
      expect((outcome.data as { ok: boolean }).ok).toBe(false);
    }
    expect(await answers(olivia.id)).toEqual(before);
  });

  it("is for signed-in customers", async () => {
    const outcome = await callLoader(npsLoader, { path: "/feedback/nps" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/sign-in?redirectTo=%2Ffeedback%2Fnps");
  });

  it("can be adopted by another page's action, with the renewal it followed", async () => {
    const contract = await database.db.selectFrom("contracts").select("id").where("accountId", "=", amelia.accountId).executeTakeFirstOrThrow();
    const result = await submitNps(
      database.db,
      { accountId: amelia.accountId, contactId: amelia.id },
      new URLSearchParams({ intent: "nps", score: "10" }),
      new Date("2026-11-25T10:00:00Z"),
      { contractId: contract.id },
    );
    // Amelia answered 40 days ago: this replaces that answer.
    expect(result).toEqual({ intent: "nps", ok: true, score: 10, replaced: true });
    const rows = await answers(amelia.id);
    expect(rows.filter((r) => r.createdAt >= new Date("2026-08-27T10:00:00Z")).map((r) => r.score)).toEqual([10]);
  });
});
