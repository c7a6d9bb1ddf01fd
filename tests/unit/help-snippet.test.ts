import { describe, expect, it } from "vitest";

import { buildSnippet, findMatches, type SnippetPart } from "~/domain/help/snippet";

const show = (parts: SnippetPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");
const plain = (parts: SnippetPart[]) => parts.map((p) => p.text).join("");

describe("findMatches", () => {
  it("matches words by prefix (stems), Han terms anywhere, and merges overlaps", () => {
    const text = "Renewals renew; the renewal. 宽限期内续订";
    expect(findMatches(text, { prefixes: ["renew"], fragments: ["宽限", "限期"] })).toEqual([
      [0, 8],
      [9, 14],
      [20, 27],
      [29, 32],
    ]);
  });

  it("ignores one-letter prefixes, which would mark every word", () => {
    expect(findMatches("a big apple", { prefixes: ["a"], fragments: [] })).toEqual([]);
  });
});

describe("buildSnippet", () => {
  it("returns short text whole, with its matches marked", () => {
    expect(show(buildSnippet("Your grace period lasts 30 days.", { prefixes: ["grace", "period"], fragments: [] }))).toBe(
      "Your [grace] [period] lasts 30 days.",
    );
  });

  it("cuts a window around the densest matches, at word boundaries, with ellipses", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(20);
    const text = `${filler}the invoice and the receipt list your PO number ${filler}`;
    const snippet = buildSnippet(text, { prefixes: ["invoic", "receipt"], fragments: [] }, 80);
    const shown = show(snippet);
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown).toContain("[invoice]");
    expect(shown).toContain("[receipt]");
    // 80 characters at most, plus an ellipsis at each end.
    expect(plain(snippet).length).toBeLessThanOrEqual(82);
    // Whole words only at the edges.
    expect(shown).toMatch(/^…(lorem|ipsum|dolor|sit|amet|the) /);
  });

  it("starts at the beginning when nothing matches", () => {
    const text = "word ".repeat(100);
    const snippet = buildSnippet(text, { prefixes: ["zzz"], fragments: [] }, 50);
    expect(snippet).toEqual([{ text: `${"word ".repeat(10).trim()}…`, mark: false }]);
  });

  it("keeps hostile article text as plain text parts", () => {
    const snippet = buildSnippet('<img src=x onerror="alert(1)"> invoice', { prefixes: ["invoice"], fragments: [] });
    expect(snippet).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', mark: false },
      { text: "invoice", mark: true },
    ]);
  });

  it("cuts Han text, which has no spaces, by characters", () => {
    const text = "这是一段很长的说明文字。".repeat(30) + "续订宽限期为三十天。" + "其他内容。".repeat(30);
    const snippet = buildSnippet(text, { prefixes: [], fragments: ["宽限", "限期"] }, 60);
    expect(show(snippet)).toContain("[宽限期]");
    expect(plain(snippet)).toHaveLength(62);
  });
});
