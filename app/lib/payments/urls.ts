/**
 * The portal's payment URLs in one place: routes, providers and emails agree
 * on them. `{CHECKOUT_SESSION_ID}` is Stripe's placeholder, filled in by
 * Stripe when it sends the customer back; it must reach Stripe unencoded.
 */
export const paymentPaths = {
  checkout: (quoteId: string) => `/checkout/${quoteId}`,
  success: (quoteId: string, sessionId?: string) =>
    `/checkout/${quoteId}/success${sessionId ? `?session_id=${encodeURIComponent(sessionId)}` : ""}`,
  successTemplate: (quoteId: string) => `/checkout/${quoteId}/success?session_id={CHECKOUT_SESSION_ID}`,
  cancel: (quoteId: string) => `/checkout/${quoteId}/cancel`,
  demo: (sessionId: string) => `/checkout/demo/${sessionId}`,
  receipt: (paymentId: string) => `/account/receipts/${paymentId}`,
  renewal: (contractId: string) => `/renew/${contractId}`,
  staff: () => "/staff",
};

/** An absolute URL on the portal: the configured public URL, else the request's origin. */
export function absoluteUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path}`;
}
