import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const app = fileURLToPath(new URL("./app", import.meta.url));

/**
 * Two projects: fast unit tests (no database) and integration tests, each test
 * file in its own throwaway database cloned from a migrated template (real
 * Postgres when TEST_DATABASE_URL is set, PGlite otherwise).
 */
export default defineConfig({
  resolve: { alias: { "~": app } },
  test: {
    projects: [
      {
        resolve: { alias: { "~": app } },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias: { "~": app } },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // PGlite instances are ~450 MB each; two workers fit 2 cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
