import { spawnSync } from "node:child_process";

import { expect, test } from "@playwright/test";

/** Bad configuration stops the built server at once, with one clear message. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["build/server.js"], {
    env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

test("a bad DATABASE_URL and PORT stop start-up naming both, without a stack trace", () => {
  const { status, stderr, stdout } = start({ DATABASE_URL: "not-a-url", PORT: "abc" });
  expect(status).toBe(1);
  expect(stderr).toContain("Customer365 cannot start.");
  expect(stderr).toContain('PORT must be a whole number between 1 and 65535 (got "abc")');
  expect(stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL (got "not-a-url")');
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stdout).not.toContain("listening");
});

test("production without its secrets refuses to start", () => {
  const { status, stderr } = start({ NODE_ENV: "production" });
  expect(status).toBe(1);
  expect(stderr).toContain("SESSION_SECRET is required in production");
  expect(stderr).toContain("APP_URL is required in production");
  expect(stderr).toContain("STRIPE_SECRET_KEY is required in production");
});

test("an unreachable database stops start-up with a message, not a stack trace", () => {
  const { status, stderr } = start({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
  expect(status).toBe(1);
  expect(stderr).toMatch(/Customer365 could not start: .*(ECONNREFUSED|connect)/);
  expect(stderr).not.toMatch(/^\s+at /m);
});
