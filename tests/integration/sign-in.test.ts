import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { getIdentity } from "../../app/lib/auth/session.server";
import type { Clock } from "../../app/lib/clock";
import * as signIn from "../../app/routes/sign-in._index";
import * as signOut from "../../app/routes/sign-out";
import * as verify from "../../app/routes/sign-in.verify.$token";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, cookiePair, ORIGIN, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

// A clock the tests can move: sign-in links and sessions expire with time.
let now = new Date("2026-11-25T09:00:00Z");
const clock: Clock = { now: () => new Date(now.getTime()) };
const database = useTestDatabase({ clock });
let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  demo = await seedDemo(database.db);
});
beforeEach(() => {
  // Each test in its own 15-minute window, so rate limits do not leak between tests.
  now = new Date(now.getTime() + 60 * 60_000);
});

const amelia = DEMO_CONTACTS.amelia.email;

async function latestEmailTo(to: string) {
  return database.db
    .selectFrom("emailOutbox")
    .select(["subject", "textBody", "htmlBody", "template", "locale"])
    .where("toEmail", "=", to)
    .orderBy("createdAt", "desc")
    .executeTakeFirst();
}

function tokenFrom(text: string): string {
  const match = /\/sign-in\/verify\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no sign-in link in: ${text}`);
  return match[1];
}

async function requestLink(email: string, ip = "203.0.113.7") {
  return callAction(signIn.action, { path: "/sign-in", form: { email }, ip });
}

describe("requesting a sign-in link", () => {
  it("emails a known contact a single link in their language, storing only its hash", async () => {
    const before = await database.db.selectFrom("loginTokens").select("tokenHash").execute();
    const outcome = await requestLink(amelia.toUpperCase());
    expect(outcome.status).toBe(303);
    expect(outcome.location).toBe(`/sign-in/check-email?email=${encodeURIComponent(amelia)}`);

    const email = await latestEmailTo(amelia);
    expect(email?.template).toBe("signInLink");
    expect(email?.subject).toBe("Your Customer365 sign-in link");
    expect(email?.textBody).toContain("expires in 10 minutes");
    const token = tokenFrom(email!.textBody);
    expect(token).toHaveLength(43); // 256 random bits, base64url

    const after = await database.db.selectFrom("loginTokens").select("tokenHash").execute();
    expect(after.length).toBe(before.length + 1);
    const stored = after.map((r) => r.tokenHash);
    expect(stored).not.toContain(token);
    expect(stored.some((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);

    // Sending goes through the job queue, enqueued with the email.
    const jobs = await database.boss.findJobs("email-send");
    expect(jobs.length).toBeGreaterThan(0);
  });

  it("writes the email in the contact's own language", async () => {
    await requestLink(DEMO_CONTACTS.nurul.email);
    const email = await latestEmailTo(DEMO_CONTACTS.nurul.email);
    expect(email?.locale).toBe("ms");
    expect(email?.subject).toBe("Pautan log masuk Customer365 anda");
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const count = async () => (await database.db.selectFrom("emailOutbox").select("id").execute()).length;
    const before = await count();
    const unknown = await requestLink("nobody@nowhere.example");
    const known = await requestLink(DEMO_CONTACTS.ben.email);
    expect(unknown.status).toBe(known.status);
    expect(unknown.location).toBe(`/sign-in/check-email?email=${encodeURIComponent("nobody@nowhere.example")}`);
    expect(await count()).toBe(before + 1);
  });

  it("refuses a malformed address with a localisable message and changes nothing", async () => {
    const before = await database.db.selectFrom("loginTokens").select("id").execute();
    const outcome = await requestLink("not-an-email");
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({ errors: { email: "auth:errors.emailInvalid" } });
    const empty = await requestLink("   ");
    expect(empty.data).toMatchObject({ errors: { email: "auth:errors.emailRequired" } });
    expect(await database.db.selectFrom("loginTokens").select("id").execute()).toHaveLength(before.length);
  });

  it("allows 3 links per address per 15 minutes, then answers 429 with Retry-After", async () => {
    const email = DEMO_CONTACTS.wang.email;
    for (let i = 0; i < 3; i++) {
      expect((await requestLink(email, `198.51.100.${i + 1}`)).status).toBe(303);
    }
    const limited = await requestLink(email, "198.51.100.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited.data).toMatchObject({ retryAfter: expect.any(Number) });
  });

  it("allows 10 requests per address per minute from one IP", async () => {
    const ip = "192.0.2.55";
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push((await requestLink(`someone${i}@unknown.example`, ip)).status);
    expect(outcomes.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(outcomes[10]).toBe(429);
  });
});

describe("confirming a sign-in link", () => {
  async function freshToken(email = amelia) {
    await requestLink(email, `10.0.${Math.floor(Math.random() * 200)}.1`);
    return tokenFrom((await latestEmailTo(email))!.textBody);
  }

  it("shows a confirm page on GET without using the token, then signs in on POST with a new session", async () => {
    const token = await freshToken();
    const page = await callLoader(verify.loader, { path: `/sign-in/verify/${token}`, params: { token } });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ status: "valid", maskedEmail: "a…@northwind.example" });
    // A mail scanner opening the link twice changes nothing.
    await callLoader(verify.loader, { path: `/sign-in/verify/${token}`, params: { token } });

    const confirmed = await callAction(verify.action, { path: `/sign-in/verify/${token}`, params: { token } });
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toBe("/account");
    const setCookie = confirmed.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // The cookie lives as long as the session (seven days), counted by the
    // browser from its own clock: this test's clock is days behind the real
    // one, and a cookie that expired on arrival would sign nobody in.
    expect(setCookie).toMatch(/Max-Age=604800(;|$)/);
    const expires = /Expires=([^;]+)/.exec(setCookie)?.[1];
    if (expires) expect(new Date(expires).getTime()).toBeGreaterThan(Date.now());
    const identity = await getIdentity(new Request(`${ORIGIN}/account`, { headers: { Cookie: cookiePair(setCookie) } }));
    expect(identity).toMatchObject({ kind: "contact", email: amelia });

    // Two sign-ins are two different sessions.
    const again = await callAction(verify.action, { path: "/", params: { token: await freshToken() } });
    expect(cookiePair(again.headers.get("Set-Cookie")!)).not.toBe(cookiePair(setCookie));
  });

  it("refuses a used link with a page that says so and offers a new one", async () => {
    const token = await freshToken();
    await callAction(verify.action, { path: "/", params: { token } });
    const reused = await callAction(verify.action, { path: "/", params: { token } });
    expect(reused.status).toBe(410);
    expect(reused.data).toMatchObject({ status: "used", email: amelia });
    const reopened = await callLoader(verify.loader, { path: "/", params: { token } });
    expect(reopened.data).toMatchObject({ status: "used" });
  });

  it("refuses a link after its 10 minutes", async () => {
    const token = await freshToken();
    now = new Date(now.getTime() + 10 * 60_000 + 1000);
    const late = await callAction(verify.action, { path: "/", params: { token } });
    expect(late.status).toBe(410);
    expect(late.data).toMatchObject({ status: "expired", email: amelia });
  });

  it("treats an unknown or malformed token as unknown", async () => {
    for (const token of ["x".repeat(43), "short", "../../etc/passwd", "%00"]) {
      const outcome = await callLoader(verify.loader, { path: "/", params: { token } });
      expect(outcome.status).toBe(410);
      expect(outcome.data).toMatchObject({ status: "unknown", email: null });
    }
  });

  it("lets exactly one of two simultaneous confirmations through", async () => {
    const token = await freshToken();
    const [a, b] = await Promise.all([
      callAction(verify.action, { path: "/", params: { token } }),
      callAction(verify.action, { path: "/", params: { token } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 410]);
  });

  it("limits confirmations to 10 per IP per minute", async () => {
    const ip = "192.0.2.99";
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await callAction(verify.action, { path: "/", params: { token: "y".repeat(43) }, ip })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 410)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("sessions", () => {
  const ameliaSubject = async () => {
    const contact = await demo.contactByEmail(amelia);
    return { kind: "contact" as const, contactId: contact.id, accountId: contact.accountId };
  };
  const who = (cookie: string) => getIdentity(new Request(`${ORIGIN}/account`, { headers: { Cookie: cookie } }));

  it("ends a customer session after 30 idle minutes", async () => {
    const cookie = await sessionCookieFor(await ameliaSubject());
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await who(cookie)).not.toBeNull();
    // Activity resets the idle clock; 30 minutes of nothing ends it.
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await who(cookie)).not.toBeNull();
    now = new Date(now.getTime() + 30 * 60_000 + 1000);
    expect(await who(cookie)).toBeNull();
  });

  it("ends a customer session after 7 days even when in use", async () => {
    const cookie = await sessionCookieFor(await ameliaSubject());
    for (let elapsed = 0; elapsed < 7 * 24 * 60; elapsed += 25) {
      now = new Date(now.getTime() + 25 * 60_000);
      const identity = await who(cookie);
      if (elapsed + 25 < 7 * 24 * 60) expect(identity, `after ${elapsed + 25} minutes`).not.toBeNull();
      else expect(identity).toBeNull();
    }
  });

  it("ends a staff session after 12 hours", async () => {
    const staff = await demo.staffByEmail("maya.tan@customer365.example");
    const cookie = await sessionCookieFor({ kind: "staff", staffUserId: staff.id });
    for (let hour = 1; hour <= 11; hour++) {
      now = new Date(now.getTime() + 60 * 60_000);
      expect(await who(cookie)).toMatchObject({ kind: "staff" });
    }
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await who(cookie)).toBeNull();
  });

  it("signs out this browser, and everywhere", async () => {
    const subject = await ameliaSubject();
    const here = await sessionCookieFor(subject);
    const elsewhere = await sessionCookieFor(subject);
    const out = await callAction(signOut.action, { path: "/sign-out", cookie: here });
    expect(out.status).toBe(303);
    expect(await who(here)).toBeNull();
    expect(await who(elsewhere)).not.toBeNull();

    const third = await sessionCookieFor(subject);
    await callAction(signOut.action, { path: "/sign-out", cookie: third, form: { scope: "everywhere" } });
    expect(await who(elsewhere)).toBeNull();
    expect(await who(third)).toBeNull();
  });

  it("rejects a forged or tampered cookie", async () => {
    const cookie = await sessionCookieFor(await ameliaSubject());
    const [name, value] = cookie.split("=") as [string, string];
    expect(await who(`${name}=${value.slice(0, -2)}xx`)).toBeNull();
    expect(await who(`${name}=eyJzaWQiOiJ4In0%3D`)).toBeNull();
  });
});

describe("logs", () => {
  it("never hold a token or a full email address", async () => {
    const lines: string[] = [];
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await requestLink(amelia, "10.9.9.9");
      await requestLink("stranger@unknown.example", "10.9.9.9");
      const token = tokenFrom((await latestEmailTo(amelia))!.textBody);
      await callLoader(verify.loader, { path: "/", params: { token } });
      await callAction(verify.action, { path: "/", params: { token }, ip: "10.9.9.9" });
      const logged = lines.join("");
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(amelia);
      expect(logged).not.toContain("stranger@unknown.example");
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
