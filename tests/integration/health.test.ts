import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app";
import { listen } from "../support/http";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  // /healthz is answered before Remix, so no build is needed for it.
  server = await listen(createApp({ build: {} as ServerBuild, production: false, trustProxy: false }));
});
afterAll(async () => {
  await server.close();
});

describe("GET /healthz", () => {
  it("is 200 with db ok while the database answers, with a request id and security headers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("keeps a sane incoming request id and replaces a hostile one", async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": "proxy-123" } });
    expect(kept.headers.get("x-request-id")).toBe("proxy-123");
    const replaced = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
  });

  it("is 503 with db down when the database does not answer", async () => {
    await database.database.handle.close();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", db: "down" });
  });
});
