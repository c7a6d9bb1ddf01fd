import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  extractToc,
  markdownToPlainText,
  renderArticleMarkdown,
  sanitizeArticleHtml,
} from "~/domain/help/markdown.server";

describe("renderArticleMarkdown", () => {
  it("gives every section heading an anchor and lists the h2s as the table of contents", () => {
    const { html, toc } = renderArticleMarkdown(
      "Intro with **bold** and a [link](/help/articles/sign-in-links).\n\n## The renewal timeline\n\nText.\n\n### Detail\n\n## Paying & receipts\n\n## The renewal timeline\n",
    );
    expect(html).toContain('<h2 id="kb-the-renewal-timeline">The renewal timeline</h2>');
    expect(html).toContain('<h3 id="kb-detail">Detail</h3>');
    expect(html).toContain('<h2 id="kb-the-renewal-timeline-2">');
    expect(html).toContain('<a href="/help/articles/sign-in-links" rel="noopener">link</a>');
    expect(html).toContain("<strong>bold</strong>");
    expect(toc).toEqual([
      { id: "kb-the-renewal-timeline", text: "The renewal timeline" },
      { id: "kb-paying-receipts", text: "Paying & receipts" },
      { id: "kb-the-renewal-timeline-2", text: "The renewal timeline" },
    ]);
  });

  it("keeps anchors unique even when a heading looks like a numbered duplicate", () => {
    const { toc } = renderArticleMarkdown("## Steps\n\n## Steps\n\n## Steps 2\n\n## !!!\n");
    expect(toc.map((entry) => entry.id)).toEqual(["kb-steps", "kb-steps-2", "kb-steps-2-2", "kb-section"]);
  });

  it("keeps Chinese headings readable in their anchors", () => {
    const { toc } = renderArticleMarkdown("正文。\n\n## 续订时间线\n\n内容\n\n## 四步完成续订\n");
    expect(toc).toEqual([
      { id: "kb-续订时间线", text: "续订时间线" },
      { id: "kb-四步完成续订", text: "四步完成续订" },
    ]);
  });

  it("demotes a body h1 (the page's h1 is the title) and renders tables, lists and code", () => {
    const { html } = renderArticleMarkdown(
      "# Big\n\n| Term | Discount |\n|:--|--:|\n| 2 years | 5% |\n\n1. one\n2. two\n\n`code`\n\n> quote\n",
    );
    expect(html).toContain('<h2 id="kb-big">Big</h2>');
    expect(html).toMatch(/<table>[\s\S]*<th align="left">Term<\/th>[\s\S]*<td align="right">5%<\/td>/);
    expect(html).toContain("<ol>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<blockquote>");
  });
});

describe("the sanitiser", () => {
  const render = (markdown: string) => renderArticleMarkdown(markdown).html;

  it("drops scripts, styles and frames together with their content", () => {
    const html = render(
      "Before\n\n<script>alert('x')</script>\n\n<style>body{display:none}</style>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<object data=\"x.swf\"></object><embed src=\"x\"><svg onload=\"alert(1)\"><circle/></svg>\n\nAfter",
    );
    expect(html).not.toMatch(/<script|alert|<style|display:none|<iframe|evil\.example|<object|<embed|<svg|onload/i);
    expect(html).toContain("Before");
    expect(html).toContain("After");
  });

  it("strips event handlers and style attributes, and images altogether", () => {
    const html = render(
      '<p onclick="steal()" style="color:red">Hi</p>\n\n<img src=x onerror=alert(1)>\n\n<a href="/help" onmouseover="x()">link</a>',
    );
    expect(html).not.toMatch(/onclick|onerror|onmouseover|style=|<img|steal|alert/i);
    expect(html).toContain("<p>Hi</p>");
    expect(html).toContain('<a href="/help" rel="noopener">link</a>');
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.example/path)",
  ])("removes the dangerous link target in %s", (markdown) => {
    const html = render(markdown);
    expect(html).not.toMatch(/href=/);
    expect(html).not.toMatch(/javascript|vbscript|data:|evil\.example/i);
  });

  it("keeps http(s) and relative links, each with rel=noopener", () => {
    const html = render("[a](https://stripe.com/docs) [b](http://example.com) [c](/help/faq) [d](#kb-section)");
    expect(html).toContain('<a href="https://stripe.com/docs" rel="noopener">a</a>');
    expect(html).toContain('<a href="http://example.com" rel="noopener">b</a>');
    expect(html).toContain('<a href="/help/faq" rel="noopener">c</a>');
    expect(html).toContain('<a href="#kb-section" rel="noopener">d</a>');
  });

  it("keeps only generated heading ids, so raw HTML cannot clobber the page's own ids", () => {
    const html = sanitizeArticleHtml('<h2 id="main">A</h2><h2 id="kb-ok">B</h2><h3 id="kb-x&quot; onclick=&quot;y">C</h3>');
    expect(html).toBe('<h2>A</h2><h2 id="kb-ok">B</h2><h3>C</h3>');
  });

  it("never lets markup with scripts, handlers or script URLs through, whatever it is mixed with", () => {
    const fragments = [
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      '<a href="javascript:alert(1)">x</a>',
      "[y](javascript:alert(1))",
      '<div onmouseover="alert(1)">',
      "<iframe srcdoc='<script>alert(1)</script>'>",
      '<svg><a xlink:href="javascript:alert(1)">',
      "<style>*{}</style>",
      "<scr<script>ipt>alert(1)</script>",
      "**bold**",
      "## Heading",
      "plain words",
      "\n\n",
      "<",
      ">",
      '"',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), (parts) => {
        const html = render(parts.join(""));
        expect(html).not.toMatch(/<(script|iframe|style|svg|img|object|embed)\b/i);
        expect(html).not.toMatch(/\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/href\s*=\s*["']?\s*(javascript|data|vbscript):/i);
        expect(html).not.toMatch(/style\s*=/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe("extractToc", () => {
  it("reads the h2s back from stored HTML, decoding entities and dropping inline markup", () => {
    expect(extractToc('<h2 id="kb-a">Paying &amp; <em>receipts</em></h2><h3 id="kb-b">Not me</h3>')).toEqual([
      { id: "kb-a", text: "Paying & receipts" },
    ]);
  });
});

describe("markdownToPlainText", () => {
  it("keeps the words and drops the markup, link targets included", () => {
    expect(
      markdownToPlainText(
        "Intro **bold** and [a link](/help/articles/x).\n\n## Section\n\n- item one\n1. step\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted `code` <b>tag</b> &amp;",
      ),
    ).toBe("Intro bold and a link. Section item one step a b 1 2 quoted code tag &");
  });
});
