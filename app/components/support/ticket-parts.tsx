import { useTranslation } from "react-i18next";

import type { TicketStatus } from "../../../db/schema";

/**
 * The badge tone of each status: `open` waits for us, `pending` waits for
 * the customer, `resolved` is answered (a reply reopens it), `closed` is final.
 */
const STATUS_BADGE: Record<TicketStatus, "info" | "warning" | "success" | "neutral"> = {
  open: "info",
  pending: "warning",
  resolved: "success",
  closed: "neutral",
};

/** A ticket's status as a badge, in the support namespace's words. */
export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation("support");
  return <span className={`badge badge-${STATUS_BADGE[status]}`}>{t(`status.${status}`)}</span>;
}

export interface ConversationEntry {
  id: string;
  /** "contact": the customer's side; "staff": Customer365's. */
  side: "contact" | "staff";
  authorName: string | null;
  body: string;
  /** ISO instant (the <time> element's datetime). */
  createdAt: string;
  /** The same instant in the reader's language (app/lib/ticket-entries.server.ts). */
  sentAt: string;
}

/**
 * The messages of a request, oldest first. Bodies are text: React escapes
 * them and CSS keeps their line breaks, so HTML or SQL typed into a message
 * shows as typed.
 */
export function Conversation({
  messages,
  labels,
}: {
  messages: readonly ConversationEntry[];
  /** How each side is named to this reader ("You" / "Customer365 support"). */
  labels: { contact: (name: string | null) => string; staff: (name: string | null) => string; heading: string };
}) {
  return (
    <section aria-labelledby="conversation-title" className="support-conversation">
      <h2 id="conversation-title">{labels.heading}</h2>
      <ol className="support-messages">
        {messages.map((message) => (
          <li key={message.id} className={`support-message support-message-${message.side}`}>
            <article aria-label={labels[message.side](message.authorName)}>
              <header className="support-message-head">
                <strong>{labels[message.side](message.authorName)}</strong>{" "}
                <time className="muted" dateTime={message.createdAt}>
                  {message.sentAt}
                </time>
              </header>
              <div className="support-message-body">{message.body}</div>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface AttachmentEntry {
  id: string;
  filename: string;
  /** "12 kB", in the reader's language (app/lib/ticket-entries.server.ts). */
  size: string;
  href: string;
}

export function AttachmentList({ attachments, heading }: { attachments: readonly AttachmentEntry[]; heading: string }) {
  const { t } = useTranslation("support");
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title" className="support-attachments">
      <h2 id="attachments-title">{heading}</h2>
      <ul className="plain-list">
        {attachments.map((file) => (
          <li key={file.id}>
            {/* A download, not a page: the server answers Content-Disposition: attachment. */}
            <a href={file.href} download={file.filename}>
              {file.filename}
            </a>{" "}
            <span className="muted">{t("attachments.size", { size: file.size })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
