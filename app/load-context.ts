/** What the Express server hands every loader and action (server/app.ts). */
export interface LoadContext {
  /** The per-request CSP nonce. */
  cspNonce: string;
  /** The request id echoed in X-Request-Id and in the request log. */
  requestId: string;
  /** The client address as the server sees it (after trusted proxies). */
  clientIp: string;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LoadContext {}
}

// Single fetch is on (remix.config.js): loader types infer `data()` results.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
