import { defineTemplate } from "../render.server";

/**
 * Payment emails; words in locales/<lng>/email-payments.json. Amounts and
 * dates arrive formatted for the recipient's locale.
 */
export const renewalConfirmed = defineTemplate<{
  name: string;
  previousContract: string;
  newContract: string;
  start: string;
  end: string;
  amount: string;
  paidOn: string;
  /** The renewal discounts kept, formatted; null when there were none. */
  saving: string | null;
  poNumber: string | null;
  receiptUrl: string;
}>("email-payments", (t, p) => ({
  subject: t("renewalConfirmed.subject", { contract: p.previousContract }),
  greeting: t("email:layout.greeting", { name: p.name }),
  paragraphs: [
    t("renewalConfirmed.thanks", { contract: p.previousContract }),
    t("renewalConfirmed.term", { contract: p.newContract, start: p.start, end: p.end }),
    t("renewalConfirmed.paid", { amount: p.amount, date: p.paidOn }),
    ...(p.saving ? [t("renewalConfirmed.saving", { amount: p.saving })] : []),
  ],
  action: { label: t("renewalConfirmed.action"), url: p.receiptUrl },
  footnotes: [...(p.poNumber ? [t("renewalConfirmed.po", { po: p.poNumber })] : []), t("renewalConfirmed.help")],
}));

export const paymentFailed = defineTemplate<{
  name: string;
  contract: string;
  quote: string;
  amount: string;
  url: string;
}>("email-payments", (t, p) => ({
  subject: t("paymentFailed.subject", { contract: p.contract }),
  greeting: t("email:layout.greeting", { name: p.name }),
  paragraphs: [t("paymentFailed.body", { amount: p.amount, quote: p.quote, contract: p.contract }), t("paymentFailed.nothingLost")],
  action: { label: t("paymentFailed.action"), url: p.url },
  footnotes: [t("paymentFailed.help")],
}));

/**
 * A payment problem for the administrators, when no success manager can be
 * told (an event for a quote nobody knows, or an account without an owner).
 * The words are the success manager's notice (`staffNotice.<kind>`).
 */
export const paymentAlert = defineTemplate<{
  kind: string;
  staffName: string;
  url: string;
  values: Record<string, string | number>;
}>("email-payments", (t, p) => {
  const values = { account: t("alerts.unknownAccount"), ...p.values };
  return {
    subject: t(`staffNotice.${p.kind}.subject`, values),
    greeting: t("email:layout.greeting", { name: p.staffName }),
    paragraphs: [t(`staffNotice.${p.kind}.body`, values)],
    action: { label: t("email:staffNotice.action"), url: p.url },
    footnotes: [t("alerts.why")],
  };
});
