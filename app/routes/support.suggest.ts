import type { LoaderFunctionArgs } from "@remix-run/node";

import { suggestArticles } from "~/domain/support/deflection.server";
import { getLocale } from "~/lib/i18n/i18n.server";
import { db } from "~/lib/services.server";

/**
 * GET /support/suggest?q=… — the articles the request form suggests while a
 * subject is typed, as JSON. Public help-centre data in the reader's
 * language; a short or empty query answers an empty list.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const articles = await suggestArticles(db(), await getLocale(request), url.searchParams.get("q"));
  return Response.json(
    { articles },
    // The same subject typed again (back, retype) need not query again for a minute.
    { headers: { "Cache-Control": "private, max-age=60", Vary: "Cookie, Accept-Language" } },
  );
}
