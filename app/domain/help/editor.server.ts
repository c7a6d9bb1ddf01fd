/**
 * Saving and publishing articles from the staff editor. Every body goes
 * through renderArticleMarkdown (the import's sanitiser), so the editor
 * cannot put markup on a page that the import could not.
 *
 * Dates: saving the English version stamps its updated_at (and its
 * source_updated_at) with now, which makes every translation made from an
 * older English text "stale"; saving a translation records the English
 * updated_at it was written against as its source_updated_at. A save also
 * carries the updated_at the editor was opened with: if someone saved the
 * same version in between, the second save is refused instead of silently
 * overwriting the first.
 */
import type { Locale } from "../../../db/schema";
import type { FieldErrors } from "~/lib/forms";
import type { Database } from "~/lib/db.server";
import { recordAudit } from "~/models/audit.server";
import { lockArticleVersion, setArticleCategory, setArticlePublished } from "~/models/kb-editor.server";
import { rebuildSearchTerms, upsertArticles } from "~/models/kb.server";

import type { ArticleEditorInput } from "./editor";
import { renderArticleMarkdown } from "./markdown.server";

export interface EditorActor {
  staffUserId: string;
}

export type SaveOutcome = { ok: true; created: boolean } | { ok: false; errors: FieldErrors };

export async function saveArticleVersion(
  db: Database,
  input: {
    slug: string;
    locale: Locale;
    fields: ArticleEditorInput;
    /** A new article: its slug must be free. */
    isNew?: boolean;
    staff: EditorActor;
    now: Date;
    requestId?: string | null;
  },
): Promise<SaveOutcome> {
  const { slug, locale, fields, now } = input;
  return db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    const english = await lockArticleVersion(trx, slug, "en");
    if (input.isNew && english) return { ok: false, errors: { slug: "staff-help:editor.errors.slugTaken" } };
    if (locale !== "en" && !english) return { ok: false, errors: { form: "staff-help:editor.errors.englishFirst" } };
    const current = locale === "en" ? english : await lockArticleVersion(trx, slug, locale);
    if (current && fields.baseUpdatedAt !== current.updatedAt.toISOString()) {
      return { ok: false, errors: { form: "staff-help:editor.errors.conflict" } };
    }
    const published = current?.published ?? false;
    await upsertArticles(trx, [
      {
        slug,
        locale,
        category: locale === "en" || !english ? fields.category : english.category,
        title: fields.title,
        summary: fields.summary,
        keywords: fields.keywords,
        bodyMd: fields.bodyMd,
        bodyHtml: renderArticleMarkdown(fields.bodyMd).html,
        published,
        updatedAt: now,
        sourceUpdatedAt: locale === "en" || !english ? now : english.updatedAt,
        authorStaffId: input.staff.staffUserId,
      },
    ]);
    if (locale === "en") await setArticleCategory(trx, slug, fields.category);
    if (published) await rebuildSearchTerms(trx);
    await recordAudit(trx, {
      actorKind: "staff",
      actorId: input.staff.staffUserId,
      accountId: null,
      entityType: "kb_article",
      entityId: slug,
      action: current ? "kb_article.saved" : "kb_article.created",
      data: { locale, published },
      requestId: input.requestId ?? null,
      at: now,
    });
    return { ok: true, created: !current };
  });
}

export type PublishOutcome = "changed" | "unchanged" | "missing";

export async function setVersionPublished(
  db: Database,
  input: { slug: string; locale: Locale; published: boolean; staff: EditorActor; now: Date; requestId?: string | null },
): Promise<PublishOutcome> {
  return db.transaction().execute(async (trx): Promise<PublishOutcome> => {
    const current = await lockArticleVersion(trx, input.slug, input.locale);
    if (!current) return "missing";
    if (current.published === input.published) return "unchanged";
    await setArticlePublished(trx, input.slug, input.locale, input.published);
    // Published words feed "did you mean"; an unpublished article's must leave it.
    await rebuildSearchTerms(trx);
    await recordAudit(trx, {
      actorKind: "staff",
      actorId: input.staff.staffUserId,
      accountId: null,
      entityType: "kb_article",
      entityId: input.slug,
      action: input.published ? "kb_article.published" : "kb_article.unpublished",
      data: { locale: input.locale },
      requestId: input.requestId ?? null,
      at: input.now,
    });
    return "changed";
  });
}

/** The preview: exactly what the page would show, sanitised. */
export function previewArticle(markdown: string) {
  return renderArticleMarkdown(markdown);
}
