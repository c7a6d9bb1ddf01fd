import { defineTemplate } from "../render.server";

/**
 * What the success team is told when something happens on one of their
 * accounts. The words of each kind live in the namespace of the area that
 * raises it: `<ns>:staffNotice.<kind>.subject` and `.body`.
 */
export const staffNotice = defineTemplate<{
  ns: string;
  kind: string;
  staffName: string;
  accountName: string;
  url: string;
  values: Record<string, string | number>;
}>("email", (t, p) => ({
  subject: t(`${p.ns}:staffNotice.${p.kind}.subject`, { account: p.accountName, ...p.values }),
  greeting: t("layout.greeting", { name: p.staffName }),
  paragraphs: [t(`${p.ns}:staffNotice.${p.kind}.body`, { account: p.accountName, ...p.values })],
  action: { label: t("staffNotice.action"), url: p.url },
  footnotes: [t("staffNotice.why", { account: p.accountName })],
}));
