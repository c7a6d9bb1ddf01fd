import type { LoaderFunctionArgs } from "@remix-run/node";

import { isLocale } from "~/lib/i18n/config";
import { loadResources } from "~/lib/i18n/resources.server";

/** One catalogue as JSON, for namespaces the first page did not inline. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, ns } = params;
  const catalogue = isLocale(lng) && ns ? loadResources()[lng][ns] : undefined;
  if (!catalogue) return new Response("Not found", { status: 404 });
  const versioned = new URL(request.url).searchParams.has("v");
  return new Response(JSON.stringify(catalogue), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
