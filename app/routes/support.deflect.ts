import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { shouldCountView } from "~/domain/help/views";
import { recordSuggestionOpened } from "~/domain/support/deflection.server";
import { requireCustomer } from "~/lib/auth/guards.server";
import { getLocale } from "~/lib/i18n/i18n.server";
import { clock, db } from "~/lib/services.server";

/**
 * GET /support/deflect?slug=…&q=… — a suggested article opened from the
 * request form: counted (an audit event, see deflection.server.ts), then the
 * article. Only a real click counts: the suggestions are plain links without
 * prefetching, and prefetches or crawlers are sent on without a record.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const url = new URL(request.url);
  const slug = url.searchParams.get("slug");
  if (!shouldCountView(request)) {
    return redirect(typeof slug === "string" && /^[a-z0-9-]{1,120}$/.test(slug) ? `/help/articles/${slug}` : "/support/new");
  }
  const target = await recordSuggestionOpened(db(), {
    accountId: customer.accountId,
    contactId: customer.contactId,
    locale: await getLocale(request),
    slug,
    query: url.searchParams.get("q"),
    now: clock().now(),
    requestId: context.requestId,
  });
  return redirect(target ?? "/support/new");
}
