import type { EmailTemplate } from "../render.server";
import { portalLink, signInLink } from "./auth.server";
import { quoteDecision, quoteShared } from "./quotes.server";
import { paymentAlert, paymentFailed, renewalConfirmed } from "./payments.server";
import { staffNotice } from "./staff.server";
import {
  supportCustomerReplied,
  supportReplyToCustomer,
  supportRequestConfirmation,
  supportRequestReceived,
  supportRequestResolved,
} from "./support.server";

/**
 * Every email the portal sends, by name (the name is stored in the outbox).
 * Each area keeps its templates in its own file here and its words in its
 * own locale namespace.
 */
export const TEMPLATES = {
  signInLink,
  portalLink,
  staffNotice,
  quoteShared,
  quoteDecision,
  renewalConfirmed,
  paymentFailed,
  paymentAlert,
  supportRequestReceived,
  supportRequestConfirmation,
  supportReplyToCustomer,
  supportCustomerReplied,
  supportRequestResolved,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateParams<N extends TemplateName> =
  (typeof TEMPLATES)[N] extends EmailTemplate<infer P> ? P : never;
