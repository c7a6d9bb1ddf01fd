import type { KbCategory } from "../../../db/schema";

/** The knowledge base's categories, in the order the help centre shows them. */
export const KB_CATEGORIES = [
  "renewals-billing",
  "getting-started",
  "using-the-product",
  "troubleshooting",
  "account-security",
] as const satisfies readonly KbCategory[];

export function isKbCategory(value: unknown): value is KbCategory {
  return typeof value === "string" && (KB_CATEGORIES as readonly string[]).includes(value);
}

/** Article slugs: the English kebab-case file name, the same in every locale. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isArticleSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= 120 && SLUG.test(value);
}

/** Front-matter keywords ("renew, end date, quote") as trimmed lower-case phrases. */
export function parseKeywords(keywords: string): string[] {
  return [
    ...new Set(
      keywords
        .split(/[,，、]/)
        .map((k) => k.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
