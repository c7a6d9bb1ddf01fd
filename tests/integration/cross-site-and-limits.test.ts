import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as language from "../../app/routes/language";
import * as signIn from "../../app/routes/sign-in._index";
import * as verify from "../../app/routes/sign-in.verify.$token";
import { limitMutations, rejectCrossSite } from "../../server/protect";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { listen } from "../support/http";
import { callAction } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  await seedDemo(database.db);
  // The real middleware in front of a stand-in for Remix that says "reached".
  const app = express();
  app.set("trust proxy", false);
  app.use(rejectCrossSite);
  app.use(limitMutations);
  app.all("*", (_req, res) => {
    res.status(200).send("reached");
  });
  server = await listen(app);
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, headers: Record<string, string>) =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: "a=1" });

describe("cross-site requests", () => {
  it("refuses a cross-site POST with a localised 403 page", async () => {
    const response = await post("/sign-in", { "Sec-Fetch-Site": "cross-site", "Accept-Language": "ms" });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('<html lang="ms">');
    expect(html).toContain("Anda tidak boleh berbuat demikian di sini");
  });

  it("refuses a POST whose Origin is another site", async () => {
    expect((await post("/sign-out", { Origin: "https://evil.example" })).status).toBe(403);
    expect((await post("/sign-out", { Origin: "null" })).status).toBe(403);
    expect((await post("/sign-out", { "Sec-Fetch-Site": "same-site" })).status).toBe(403);
  });

  it("lets same-origin posts and non-browser clients through, and GETs from anywhere", async () => {
    const host = new URL(server.url).host;
    expect((await post("/sign-out", { "Sec-Fetch-Site": "same-origin", Origin: `http://${host}` })).status).toBe(200);
    expect((await post("/sign-out", {})).status).toBe(200);
    expect((await fetch(`${server.url}/help`, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(200);
  });

  it("leaves signed webhooks alone", async () => {
    expect((await post("/webhooks/stripe", { "Sec-Fetch-Site": "cross-site" })).status).toBe(200);
  });
});

describe("the mutation limit", () => {
  it("allows 100 POSTs a minute from one address, then answers 429 with Retry-After", async () => {
    // The posts above came from the same address in the same (frozen) minute.
    await database.db.deleteFrom("rateLimits").execute();
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) statuses.push((await post("/anything", {})).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    const limited = await post("/anything", { "Accept-Language": "zh-TW" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("嘗試次數過多");
    // Reading is never limited by it.
    expect((await fetch(`${server.url}/help`)).status).toBe(200);
  });
});

describe("open redirects", () => {
  const hostile = ["//evil.example", "/\\evil.example", "javascript:alert(1)", "%2F%2Fevil.example", "https://evil.example"];

  it("never sends the language switcher off-site", async () => {
    for (const redirectTo of hostile) {
      const outcome = await callAction(language.action, { path: "/language", form: { lng: "ms", redirectTo } });
      expect(outcome.location, redirectTo).toBe("/");
    }
  });

  it("never stores an off-site destination in a sign-in link", async () => {
    for (const [i, redirectTo] of hostile.entries()) {
      await callAction(signIn.action, { path: "/sign-in", form: { email: DEMO_CONTACTS.amelia.email, redirectTo }, ip: `10.1.1.${i}` });
    }
    const stored = await database.db.selectFrom("loginTokens").select("redirectTo").execute();
    expect(stored.map((r) => r.redirectTo)).toEqual(stored.map(() => null));
  });

  it("keeps a same-site destination through sign-in", async () => {
    await callAction(signIn.action, {
      path: "/sign-in",
      form: { email: DEMO_CONTACTS.wang.email, redirectTo: "/help/articles/sign-in-links" },
      ip: "10.2.2.2",
    });
    const email = await database.db.selectFrom("emailOutbox").select("textBody").where("toEmail", "=", DEMO_CONTACTS.wang.email).executeTakeFirstOrThrow();
    const token = /verify\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1]!;
    const confirmed = await callAction(verify.action, { path: "/", params: { token } });
    expect(confirmed.location).toBe("/help/articles/sign-in-links");
  });
});
