import { defineTemplate } from "../render.server";

/**
 * Renewal-quote emails; words in locales/<lng>/email-quotes.json. Amounts and
 * dates arrive already formatted in the recipient's language.
 */
export const quoteShared = defineTemplate<{
  approverName: string;
  sharerName: string;
  accountName: string;
  quoteNumber: string;
  total: string;
  newTerm: string;
  note: string | null;
  url: string;
  expiresOn: string;
}>("email-quotes", (t, p) => ({
  subject: t("shared.subject", { sharer: p.sharerName, number: p.quoteNumber }),
  greeting: t("email:layout.greeting", { name: p.approverName }),
  paragraphs: [
    t("shared.body", { sharer: p.sharerName, account: p.accountName, number: p.quoteNumber }),
    t("shared.summary", { total: p.total, term: p.newTerm }),
  ],
  note: p.note ? { from: t("shared.noteFrom", { sharer: p.sharerName }), text: p.note } : undefined,
  action: { label: t("shared.action"), url: p.url },
  footnotes: [t("shared.expires", { date: p.expiresOn }), t("shared.scope")],
}));

export const quoteDecision = defineTemplate<{
  name: string;
  approverName: string;
  quoteNumber: string;
  decision: "approved" | "changes_requested";
  comment: string | null;
  url: string;
}>("email-quotes", (t, p) => ({
  subject: t(`decision.${p.decision}.subject`, { approver: p.approverName, number: p.quoteNumber }),
  greeting: t("email:layout.greeting", { name: p.name }),
  paragraphs: [t(`decision.${p.decision}.body`, { approver: p.approverName, number: p.quoteNumber })],
  note: p.comment ? { from: t("decision.commentFrom", { approver: p.approverName }), text: p.comment } : undefined,
  action: { label: t(`decision.${p.decision}.action`), url: p.url },
  footnotes: [t("decision.why")],
}));
