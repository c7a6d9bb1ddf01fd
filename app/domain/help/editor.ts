/**
 * The staff article editor: its form schemas and the state of each
 * translation. Pure; the SQL is in app/models/kb-editor.server.ts.
 */
import * as z from "zod";

import type { KbCategory, Locale } from "../../../db/schema";
import { KB_CATEGORIES } from "./categories";

export const EDITOR_LIMITS = {
  title: 200,
  summary: 400,
  keywords: 400,
  body: 50_000,
  slug: 120,
} as const;

function clean(value: unknown): string {
  if (typeof value !== "string") return "";
  return value.replace(/\r\n?/g, "\n").replace(/\p{Cc}/gu, (c) => (c === "\n" || c === "\t" ? c : ""));
}

// z.preprocess, so a field missing from the form gets its own message.
const line = (max: number, required: string | null, tooLong: string) => {
  const base = z.string().max(max, tooLong);
  return z.preprocess((value) => clean(value).replace(/\s+/g, " ").trim(), required ? base.min(1, required) : base);
};

/** Saving or previewing one language version of an article. */
export const ArticleEditorSchema = z.object({
  intent: z.enum(["save", "preview"], { message: "common:validation.invalid" }),
  title: line(EDITOR_LIMITS.title, "staff-help:editor.errors.titleRequired", "staff-help:editor.errors.titleTooLong"),
  summary: line(EDITOR_LIMITS.summary, null, "staff-help:editor.errors.summaryTooLong"),
  category: z.enum(KB_CATEGORIES, { message: "staff-help:editor.errors.category" }),
  keywords: line(EDITOR_LIMITS.keywords, null, "staff-help:editor.errors.keywordsTooLong"),
  bodyMd: z.preprocess(
    (value) => clean(value).trim(),
    z.string().min(1, "staff-help:editor.errors.bodyRequired").max(EDITOR_LIMITS.body, "staff-help:editor.errors.bodyTooLong"),
  ),
  /** The version's updated_at when the editor opened it ("" for a new one): a later save by someone else is a conflict. */
  baseUpdatedAt: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string()),
});

export type ArticleEditorInput = z.infer<typeof ArticleEditorSchema>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A new article starts in English; its slug is its address in every language. */
export const NewArticleSchema = ArticleEditorSchema.extend({
  slug: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : ""),
    z
      .string()
      .min(1, "staff-help:editor.errors.slugRequired")
      .max(EDITOR_LIMITS.slug, "staff-help:editor.errors.slug")
      .regex(SLUG, "staff-help:editor.errors.slug"),
  ),
});

export type NewArticleInput = z.infer<typeof NewArticleSchema>;

export const PublishSchema = z.object({
  intent: z.enum(["publish", "unpublish"], { message: "common:validation.invalid" }),
  baseUpdatedAt: z.unknown().optional(),
});

/** What the article list shows for one language of one article. */
export type TranslationState = "published" | "draft" | "stale" | "missing";

export interface VersionDates {
  published: boolean;
  updatedAt: Date;
  /** For a translation: the English version's updated_at it was made from. */
  sourceUpdatedAt: Date | null;
}

/**
 * A translation is stale when the English article changed after it was
 * translated: its source date is older than English's updated_at (or
 * unknown). Staleness is shown before published/draft: it is what a
 * translator has to act on. English itself is never stale.
 */
export function translationState(
  locale: Locale,
  version: VersionDates | undefined,
  english: VersionDates | undefined,
): TranslationState {
  if (!version) return "missing";
  if (locale !== "en" && english && isStale(version, english)) return "stale";
  return version.published ? "published" : "draft";
}

export function isStale(version: VersionDates, english: VersionDates): boolean {
  return !version.sourceUpdatedAt || version.sourceUpdatedAt.getTime() < english.updatedAt.getTime();
}

/** Categories as the editor offers them. */
export const EDITOR_CATEGORIES: readonly KbCategory[] = KB_CATEGORIES;
