import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Values computed once per HTTP request, whatever asks for them.
 *
 * Remix hands every loader its own copy of the Request (it strips the
 * `index` and `_routes` parameters), so a memo keyed by the Request object
 * cannot see that the root loader and the page's loader serve the same
 * request. server/app.ts runs each request inside a scope instead; code
 * outside one (tests calling a loader directly) computes every time.
 */
const scopes = new AsyncLocalStorage<Map<string, unknown>>();

export function runInRequestScope<T>(run: () => T): T {
  return scopes.run(new Map(), run);
}

/** `compute()` once per request and key; outside a request scope, every time. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const scope = scopes.getStore();
  if (!scope) return compute();
  if (scope.has(key)) return scope.get(key) as T;
  const value = compute();
  scope.set(key, value);
  return value;
}
