import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

/**
 * Several areas append their own section to one stylesheet; a bad merge once
 * left a block unclosed, which the build only warns about and the browser
 * silently drops the rest of. This keeps the file well formed.
 */
describe("app/styles/app.css", () => {
  const css = readFileSync("app/styles/app.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

  it("has balanced braces, never closing more than it opened", () => {
    let depth = 0;
    for (const char of css) {
      if (char === "{") depth += 1;
      if (char === "}") depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it("has no merge markers", () => {
    expect(css).not.toMatch(/^(<{7}|={7}|>{7})/m);
  });
});
