import { readdirSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { migrations } from "../../db/migrations";

describe("db/migrations/index.ts", () => {
  it("lists every migration file, in name order, under its file name", () => {
    const files = readdirSync("db/migrations")
      .filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  it("names migrations YYYY_MM_DD_HHMM_verb_noun", () => {
    for (const file of readdirSync("db/migrations").filter((f) => f !== "index.ts")) {
      expect(file).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z]+(_[a-z0-9]+)+\.ts$/);
    }
  });
});
