import type { TicketTopic } from "../../../../db/schema";
import { defineTemplate } from "../render.server";

/**
 * Support-request emails; words in locales/<lng>/email-support.json. The
 * team's copies are written in English (the support team's language), the
 * customer's in their own. What a person wrote is quoted as a note, so it is
 * escaped like any parameter and never becomes markup.
 */

interface TicketRef {
  number: string;
  subject: string;
  url: string;
}

export const supportRequestReceived = defineTemplate<
  TicketRef & {
    contactName: string;
    contactEmail: string;
    accountName: string;
    topic: TicketTopic;
    contractNumber: string | null;
    attachment: string | null;
    message: string;
  }
>("email-support", (t, p) => ({
  subject: t("received.subject", { number: p.number, subject: p.subject }),
  greeting: t("team.greeting"),
  paragraphs: [
    t("received.body", { contact: p.contactName, email: p.contactEmail, account: p.accountName, topic: t(`topics.${p.topic}`) }),
    ...(p.contractNumber ? [t("received.contract", { contract: p.contractNumber })] : []),
    ...(p.attachment ? [t("received.attachment", { file: p.attachment })] : []),
  ],
  note: { from: t("received.noteFrom", { contact: p.contactName }), text: p.message },
  action: { label: t("team.action"), url: p.url },
  footnotes: [t("team.why")],
}));

export const supportRequestConfirmation = defineTemplate<TicketRef & { name: string; message: string }>(
  "email-support",
  (t, p) => ({
    subject: t("confirmation.subject", { number: p.number, subject: p.subject }),
    greeting: t("customer.greeting", { name: p.name }),
    paragraphs: [t("confirmation.body", { number: p.number }), t("confirmation.hours")],
    note: { from: t("confirmation.noteFrom"), text: p.message },
    action: { label: t("customer.action"), url: p.url },
    footnotes: [t("customer.replyInPortal")],
  }),
);

export const supportReplyToCustomer = defineTemplate<TicketRef & { name: string; staffName: string; message: string; resolved: boolean }>(
  "email-support",
  (t, p) => ({
    subject: t("reply.subject", { number: p.number, subject: p.subject }),
    greeting: t("customer.greeting", { name: p.name }),
    paragraphs: [t("reply.body", { staff: p.staffName, number: p.number }), ...(p.resolved ? [t("reply.resolved")] : [])],
    note: { from: p.staffName, text: p.message },
    action: { label: t("reply.action"), url: p.url },
    footnotes: [t("customer.replyInPortal")],
  }),
);

export const supportCustomerReplied = defineTemplate<TicketRef & { contactName: string; accountName: string; message: string; reopened: boolean }>(
  "email-support",
  (t, p) => ({
    subject: t("customerReplied.subject", { number: p.number, subject: p.subject }),
    greeting: t("team.greeting"),
    paragraphs: [
      t("customerReplied.body", { contact: p.contactName, account: p.accountName, number: p.number }),
      ...(p.reopened ? [t("customerReplied.reopened")] : []),
    ],
    note: { from: p.contactName, text: p.message },
    action: { label: t("team.action"), url: p.url },
    footnotes: [t("team.why")],
  }),
);

export const supportRequestResolved = defineTemplate<TicketRef & { name: string }>("email-support", (t, p) => ({
  subject: t("resolved.subject", { number: p.number, subject: p.subject }),
  greeting: t("customer.greeting", { name: p.name }),
  paragraphs: [t("resolved.body", { number: p.number }), t("resolved.rate")],
  action: { label: t("resolved.action"), url: p.url },
  footnotes: [t("customer.replyInPortal")],
}));
