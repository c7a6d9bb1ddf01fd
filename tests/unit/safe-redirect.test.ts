import { describe, expect, it } from "vitest";

import { safeRedirect } from "~/lib/safe-redirect";

describe("safeRedirect", () => {
  it.each(["/account", "/account/contracts/abc?tab=usage#charts", "/help/articles/how-renewal-works"])(
    "keeps the same-origin path %s",
    (to) => {
      expect(safeRedirect(to)).toBe(to);
    },
  );

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "%252F%252Fevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "data:text/html,hi",
    "",
    "account",
    "/" + "a".repeat(3000),
  ])("rejects %s", (to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });

  it("rejects non-strings", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });
});
