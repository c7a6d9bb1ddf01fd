import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "~/lib/env.server";

function problems(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("gives working defaults for a bare development machine", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.NODE_ENV).toBe("development");
  });

  it("names each bad value in one message", () => {
    const found = problems({ DATABASE_URL: "not-a-url", PORT: "abc" });
    expect(found).toHaveLength(2);
    expect(found.join("\n")).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(found.join("\n")).toMatch(/PORT must be a whole number between 1 and 65535 \(got "abc"\)/);
  });

  it("requires secrets in production and never echoes them", () => {
    const found = problems({ NODE_ENV: "production", SESSION_SECRET: "short" });
    expect(found.join("\n")).toMatch(/SESSION_SECRET is required in production/);
    expect(found.join("\n")).toMatch(/APP_URL is required in production/);
    expect(found.join("\n")).not.toContain("short");
  });

  it("asks for the webhook secret when Stripe is configured", () => {
    expect(problems({ STRIPE_SECRET_KEY: "sk_test_x" }).join()).toMatch(/STRIPE_WEBHOOK_SECRET is required/);
  });

  it("hides credentials in a bad database URL", () => {
    const found = problems({ DATABASE_URL: "mysql://user:hunter2@db/x" });
    expect(found.join()).toContain("***@");
    expect(found.join()).not.toContain("hunter2");
  });

  it("accepts a real Postgres URL and an empty one", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/c365" }).DATABASE_URL).toBe(
      "postgres://postgres@127.0.0.1:5432/c365",
    );
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
