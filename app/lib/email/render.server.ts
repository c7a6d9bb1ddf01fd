import type { TFunction } from "i18next";

import type { Locale } from "../i18n/config";
import { getFixedT } from "../i18n/i18n.server";

/**
 * Every email is one of these shapes, written in the recipient's locale from
 * locales/<lng>/email.json, rendered to both HTML and plain text. Parameters
 * are escaped in HTML; a personal note from a person is quoted as text.
 */
export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A personal note written by someone (a success manager, a colleague). */
  note?: { from: string; text: string };
  action?: { label: string; url: string };
  footnotes: string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * An email template: the locale namespace its words come from (each area has
 * its own, e.g. `email` for sign-in, so areas do not edit one file) and how it
 * builds its content. The shared layout words are in `email:layout.*`.
 */
export interface EmailTemplate<P> {
  ns: string;
  build: (t: TFunction, params: P) => EmailContent;
}

export function defineTemplate<P>(ns: string, build: (t: TFunction, params: P) => EmailContent): EmailTemplate<P> {
  return { ns, build };
}

export function renderEmail<P>(template: EmailTemplate<P>, locale: Locale, params: P): RenderedEmail {
  const t = getFixedT(locale, template.ns);
  const layout = getFixedT(locale, "email");
  const content = template.build(t, params);
  return { subject: content.subject, text: toText(content, layout), html: toHtml(content, layout, locale) };
}

function toText(c: EmailContent, t: TFunction): string {
  const parts = [c.greeting, "", ...c.paragraphs.flatMap((p) => [p, ""])];
  if (c.note) parts.push(`${c.note.from}:`, ...c.note.text.split("\n").map((line) => `> ${line}`), "");
  if (c.action) parts.push(`${c.action.label}:`, c.action.url, "");
  parts.push(...c.footnotes, "", "—", t("layout.signature"));
  return parts.join("\n");
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function toHtml(c: EmailContent, t: TFunction, locale: Locale): string {
  const p = (text: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`;
  const note = c.note
    ? `<p style="margin:0 0 4px;font-weight:600">${escapeHtml(c.note.from)}</p>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #0b5cad;background:#f4f6f9;white-space:pre-wrap">${escapeHtml(c.note.text)}</blockquote>`
    : "";
  const action = c.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(c.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#4a5563">${escapeHtml(t("layout.linkFallback"))}<br><a href="${escapeHtml(c.action.url)}" style="color:#0b5cad;word-break:break-all">${escapeHtml(c.action.url)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b2430;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif;font-size:16px">
<div style="max-width:560px;margin:0 auto">
<p style="font-weight:700;font-size:18px;margin:0 0 24px">Customer365</p>
${p(c.greeting)}
${c.paragraphs.map(p).join("\n")}
${note}
${action}
${c.footnotes.map((f) => `<p style="margin:0 0 8px;font-size:13px;color:#4a5563">${escapeHtml(f)}</p>`).join("\n")}
<p style="margin:24px 0 0;font-size:13px;color:#4a5563">${escapeHtml(t("layout.signature"))}</p>
</div></body></html>`;
}
