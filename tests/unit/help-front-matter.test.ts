import { describe, expect, it } from "vitest";

import { FrontMatterError, parseFrontMatter } from "~/domain/help/front-matter";

describe("parseFrontMatter", () => {
  it("reads flat key: value lines and returns the body after the block", () => {
    const { data, body } = parseFrontMatter(
      "---\ntitle: How renewal works\nsummary: The timeline.\ncategory: renewals-billing\nkeywords: renew, end date\nupdated: 2026-11-25\n---\n\nIntro.\n\n## Section\n",
    );
    expect(data).toEqual({
      title: "How renewal works",
      summary: "The timeline.",
      category: "renewals-billing",
      keywords: "renew, end date",
      updated: "2026-11-25",
    });
    expect(body).toBe("\nIntro.\n\n## Section\n");
  });

  it("unwraps double-quoted values, which may hold colons and escaped quotes", () => {
    const { data } = parseFrontMatter('---\ntitle: "Getting started: your first week"\nsummary: "Say \\"hi\\": then go"\n---\nBody');
    expect(data.title).toBe("Getting started: your first week");
    expect(data.summary).toBe('Say "hi": then go');
  });

  it("accepts Windows line endings and a byte-order mark", () => {
    const { data, body } = parseFrontMatter("\uFEFF---\r\ntitle: 续订流程说明\r\n---\r\n正文");
    expect(data.title).toBe("续订流程说明");
    expect(body).toBe("正文");
  });

  it("keeps later colons in unquoted values and skips blank lines", () => {
    const { data } = parseFrontMatter("---\ntitle: A\n\nkeywords: 10:00, 18:00\n---\n");
    expect(data).toEqual({ title: "A", keywords: "10:00, 18:00" });
  });

  it.each([
    ["no front matter at all", "# Just markdown"],
    ["a block that is not at the very top", "Intro\n---\ntitle: A\n---\n"],
    ["an unclosed block", "---\ntitle: A\n"],
    ["a line that is not key: value", "---\ntitle A\n---\n"],
    ["a duplicate key", "---\ntitle: A\ntitle: B\n---\n"],
    ["an unbalanced quote", '---\ntitle: "A\n---\n'],
  ])("rejects %s with a FrontMatterError", (_name, text) => {
    expect(() => parseFrontMatter(text)).toThrow(FrontMatterError);
  });
});
