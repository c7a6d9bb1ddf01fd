/**
 * Knowledge-base markdown → safe HTML. The import (db/seed/kb.ts) and the
 * staff editor both call `renderArticleMarkdown`, so whatever reaches
 * `kb_articles.body_html` has been through the same allowlist.
 *
 * marked renders, then sanitize-html keeps only an allowlist: article text
 * never carries scripts, styles, frames, event handlers or javascript: URLs,
 * whoever wrote it. The CSP (no inline script or style) is the second wall.
 */
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

export interface TocEntry {
  id: string;
  text: string;
}

export interface RenderedArticle {
  html: string;
  /** The article's h2 sections, in order, with their anchor ids. */
  toc: TocEntry[];
}

const ID_PREFIX = "kb-";
// A heading id we generated: the prefix, then letters and digits joined by single hyphens.
const HEADING_ID = /^kb-[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/**
 * Turns heading text into unique, readable anchor ids (CJK letters kept).
 * The "kb-" prefix keeps them apart from the page's own ids: a section called
 * "Main" must not become a second id="main".
 */
export class HeadingIds {
  private readonly used = new Set<string>();

  next(text: string): string {
    const words =
      decodeEntities(text.replace(/<[^>]*>/g, ""))
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]+/gu, "")
        .trim()
        .replace(/[\s-]+/g, "-")
        .slice(0, 60)
        .replace(/-+$/, "") || "section";
    const base = `${ID_PREFIX}${words}`;
    // "A", "A", "A 2" must not give kb-a, kb-a-2 and kb-a-2 again.
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

const ALLOWED_TAGS = [
  "h2",
  "h3",
  "h4",
  "p",
  "br",
  "hr",
  "ul",
  "ol",
  "li",
  "a",
  "strong",
  "em",
  "b",
  "i",
  "del",
  "code",
  "pre",
  "blockquote",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

function keepHeadingId(level: string) {
  return (_tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const id = attribs.id;
    return { tagName: level, attribs: id && HEADING_ID.test(id) ? { id } : {} };
  };
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title", "rel"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Dropped together with their content, not just unwrapped.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template", "title"],
  transformTags: {
    // The page's h1 is the article title: body headings start at h2.
    h1: keepHeadingId("h2"),
    h2: keepHeadingId("h2"),
    h3: keepHeadingId("h3"),
    h4: keepHeadingId("h4"),
    h5: keepHeadingId("h4"),
    h6: keepHeadingId("h4"),
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener" } }),
  },
};

/** Sanitises HTML with the knowledge base's allowlist. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** Renders article markdown to sanitised HTML and its table of contents. */
export function renderArticleMarkdown(markdown: string): RenderedArticle {
  const ids = new HeadingIds();
  // A fresh instance per call: the heading ids are per-article state.
  const marked = new Marked({
    gfm: true,
    breaks: false,
    async: false,
    renderer: {
      heading(token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        const plain = this.parser.parseInline(token.tokens, this.parser.textRenderer);
        const level = Math.min(Math.max(token.depth, 2), 4);
        return `<h${level} id="${ids.next(plain)}">${inner}</h${level}>\n`;
      },
    },
  });
  const raw = marked.parse(markdown.replace(/\r\n?/g, "\n")) as string;
  const html = sanitizeArticleHtml(raw);
  return { html, toc: extractToc(html) };
}

const H2 = /<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g;

/**
 * The table of contents of sanitised article HTML: its h2s. Read back from
 * the stored HTML so the anchors always match the ids on the page.
 */
export function extractToc(html: string): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const match of html.matchAll(H2)) {
    const text = decodeEntities(match[2]!.replace(/<[^>]*>/g, "")).trim();
    if (text) toc.push({ id: decodeEntities(match[1]!), text });
  }
  return toc;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Article markdown as plain text, for search snippets: link targets, emphasis
 * markers, heading and list markers, table pipes and any HTML are dropped.
 */
export function markdownToPlainText(markdown: string): string {
  return decodeEntities(
    markdown
      .replace(/\r\n?/g, "\n")
      .replace(/^```.*$/gm, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/^\s{0,3}#{1,6}\s+/gm, "")
      .replace(/^\s*>\s?/gm, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, "")
      .replace(/^\s*\|?\s*:?-{3,}.*$/gm, " ")
      .replace(/\|/g, " ")
      .replace(/(\*\*|__|\*|`|~~)/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
}
