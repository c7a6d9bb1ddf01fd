/**
 * Where the subscription components link to. The routes are wired separately
 * (account home, contract page, recap page, renewal, help, support), so a page
 * can override any of these; the defaults are the planned URLs.
 */
export interface SubscriptionLinks {
  contract(contractId: string): string;
  renew(contractId: string): string;
  recap(contractId: string): string;
  quote(quoteId: string): string;
  quotePdf(quoteId: string): string;
  /** Our printable receipt page (it links on to the provider's receipt when there is one). */
  receipt(payment: { id: string; receiptUrl: string | null }): string;
  article(slug: string): string;
  training: string;
  support: string;
  renewalHelp: string;
}

export const DEFAULT_LINKS: SubscriptionLinks = {
  contract: (id) => `/account/contracts/${id}`,
  renew: (id) => `/renew/${id}`,
  recap: (id) => `/account/contracts/${id}/recap`,
  quote: (id) => `/account/quotes/${id}`,
  quotePdf: (id) => `/account/quotes/${id}/pdf`,
  receipt: (payment) => `/account/receipts/${payment.id}`,
  article: (slug) => `/help/articles/${slug}`,
  training: "/support/new?topic=training",
  support: "/support",
  renewalHelp: "/help/articles/how-renewal-works",
};

export function withLinks(overrides: Partial<SubscriptionLinks> = {}): SubscriptionLinks {
  return { ...DEFAULT_LINKS, ...overrides };
}
