import { defineTemplate } from "../render.server";

/** Sign-in and portal-link emails; words in locales/<lng>/email.json. */
export const signInLink = defineTemplate<{ name: string; url: string; minutes: number }>("email", (t, p) => ({
  subject: t("signIn.subject"),
  greeting: t("layout.greeting", { name: p.name }),
  paragraphs: [t("signIn.body")],
  action: { label: t("signIn.action"), url: p.url },
  footnotes: [t("signIn.expires", { minutes: p.minutes }), t("signIn.ignore")],
}));

export const portalLink = defineTemplate<{
  name: string;
  url: string;
  senderName: string;
  contractNumber: string;
  note: string | null;
  expiresOn: string;
}>("email", (t, p) => ({
  subject: t("portalLink.subject", { contract: p.contractNumber }),
  greeting: t("layout.greeting", { name: p.name }),
  paragraphs: [t("portalLink.body", { sender: p.senderName, contract: p.contractNumber })],
  note: p.note ? { from: t("portalLink.noteFrom", { sender: p.senderName }), text: p.note } : undefined,
  action: { label: t("portalLink.action"), url: p.url },
  footnotes: [t("portalLink.expires", { date: p.expiresOn }), t("portalLink.scope")],
}));
