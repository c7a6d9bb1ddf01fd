import { isbot } from "isbot";

/**
 * Whether a request for an article is a person reading it: link prefetches,
 * crawlers and the page re-rendered after a form post are not counted, so
 * "popular" means read.
 */
export function shouldCountView(request: Request): boolean {
  if (request.method !== "GET") return false;
  const purpose = request.headers.get("Sec-Purpose") ?? request.headers.get("Purpose") ?? "";
  if (/prefetch|prerender/i.test(purpose)) return false;
  return !isbot(request.headers.get("User-Agent"));
}
