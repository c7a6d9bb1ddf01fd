import type { AttachmentEntry, ConversationEntry } from "~/components/support/ticket-parts";
import type { AttachmentInfo, ConversationMessage } from "~/models/support.server";

import { formatDateTime, formatNumber } from "./format";
import type { Locale } from "./i18n/config";

/**
 * A request's messages and files as the conversation shows them, times and
 * sizes already in the reader's language: the pages that show a request then
 * carry no formatting code of their own (their JavaScript budget). Times are
 * UTC, as everywhere in the portal.
 */
export function conversationEntries(
  messages: readonly ConversationMessage[],
  locale: Locale,
  authorName: (message: ConversationMessage) => string | null = (message) => message.authorName,
): ConversationEntry[] {
  return messages.map((message) => ({
    id: message.id,
    side: message.authorKind,
    authorName: authorName(message),
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    sentAt: formatDateTime(message.createdAt, locale),
  }));
}

export function attachmentEntries(attachments: readonly AttachmentInfo[], locale: Locale, href: (attachment: AttachmentInfo) => string): AttachmentEntry[] {
  return attachments.map((attachment) => ({
    id: attachment.id,
    filename: attachment.filename,
    size: fileSize(attachment.sizeBytes, locale),
    href: href(attachment),
  }));
}

/** "12 kB", "1.5 MB" (1 kB at least: an empty file is still a file). */
export function fileSize(bytes: number, locale: Locale): string {
  const format = (value: number, unit: "kilobyte" | "megabyte") => formatNumber(value, locale, { style: "unit", unit, maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? format(bytes / (1024 * 1024), "megabyte") : format(Math.max(1, Math.round(bytes / 1024)), "kilobyte");
}
