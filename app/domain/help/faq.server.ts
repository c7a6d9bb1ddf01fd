/**
 * The FAQ: content/faq/<locale>.json (content/README.md), read once per
 * process and validated, so a malformed file fails loudly instead of
 * rendering half a page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import * as z from "zod";

import type { Locale } from "~/lib/i18n/config";

const FaqSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    question: z.string().min(1),
    answer: z.string().min(1),
    article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  }),
);

export type FaqEntry = z.infer<typeof FaqSchema>[number];

const cache = new Map<string, FaqEntry[]>();

export function loadFaq(locale: Locale, contentDir = path.resolve(process.env.CONTENT_DIR ?? "content")): FaqEntry[] {
  const file = path.join(contentDir, "faq", `${locale}.json`);
  let entries = cache.get(file);
  if (!entries) {
    entries = FaqSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    cache.set(file, entries);
  }
  return entries;
}
