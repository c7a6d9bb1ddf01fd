import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessionStorage } from "../../app/lib/auth/session.server";
import { createApp } from "../../server/app";
import { cspNonce, noReferrerOnTokenPages, noStoreWhenSignedIn, securityHeaders } from "../../server/security";
import { listen } from "../support/http";

/**
 * The header rules that do not need a page to render: HSTS only in
 * production (the app built both ways), and the two write-time rules of
 * server/security.ts behind a stand-in for Remix that answers like a route
 * would (tests/e2e/headers.spec.ts checks them on the real pages).
 */
describe("HSTS", () => {
  const servers: Awaited<ReturnType<typeof listen>>[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  async function favicon(production: boolean) {
    // A static file is answered before Remix, so an empty build will do.
    const server = await listen(createApp({ build: {} as ServerBuild, production, trustProxy: false }));
    servers.push(server);
    return fetch(`${server.url}/favicon.svg`);
  }

  it("is sent in production, for two years with subdomains, with insecure requests upgraded", async () => {
    const response = await favicon(true);
    expect(response.status).toBe(200);
    const hsts = response.headers.get("strict-transport-security") ?? "";
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain("includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("is not sent outside production, where the portal runs on plain http://localhost", async () => {
    const response = await favicon(false);
    expect(response.status).toBe(200);
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("write-time header rules", () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let signedIn: string;
  let signedOut: string;

  beforeAll(async () => {
    const app = express();
    app.use(cspNonce);
    app.use(securityHeaders({ production: false }));
    app.use(noReferrerOnTokenPages);
    app.use(noStoreWhenSignedIn);
    // Like the Remix adapter: headers appended from a route's own answer.
    app.get("/public-page", (_req, res) => {
      res.append("Cache-Control", "public, max-age=300");
      res.send("<p>hello</p>");
    });
    app.get("/versioned.json", (_req, res) => {
      res.append("Cache-Control", "public, max-age=31536000, immutable");
      res.json({});
    });
    app.get(["/sign-in/verify/:token", "/approve/:token/pdf", "/l/:token"], (_req, res) => {
      res.append("Referrer-Policy", "no-referrer");
      res.redirect(302, "/renew/x");
    });
    server = await listen(app);
    const storage = sessionStorage();
    const withSid = await storage.getSession();
    withSid.set("sid", "a-session-id");
    signedIn = (await storage.commitSession(withSid)).split(";")[0]!;
    const withoutSid = await storage.getSession();
    withoutSid.flash("notice", "signedOut");
    signedOut = (await storage.commitSession(withoutSid)).split(";")[0]!;
  });
  afterAll(async () => {
    await server.close();
  });

  it("keeps anything answered to a signed-in person out of caches, even when the route asks for public caching", async () => {
    const response = await fetch(`${server.url}/public-page`, { headers: { Cookie: signedIn } });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("leaves public caching alone for signed-out visitors, and for a cookie that only carries a notice", async () => {
    expect((await fetch(`${server.url}/public-page`)).headers.get("cache-control")).toBe("public, max-age=300");
    const notice = await fetch(`${server.url}/public-page`, { headers: { Cookie: signedOut } });
    expect(notice.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("ignores a forged session cookie", async () => {
    const forged = `__c365=${Buffer.from(JSON.stringify({ sid: "x" })).toString("base64")}.bad-signature`;
    expect((await fetch(`${server.url}/public-page`, { headers: { Cookie: forged } })).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("keeps content-addressed (immutable) responses cacheable for everyone", async () => {
    const response = await fetch(`${server.url}/versioned.json`, { headers: { Cookie: signedIn } });
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("sends exactly one no-referrer on every token path, redirects included, and the site default elsewhere", async () => {
    for (const path of ["/sign-in/verify/abc", "/approve/abc/pdf", "/l/abc"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    const other = await fetch(`${server.url}/public-page`);
    expect(other.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
