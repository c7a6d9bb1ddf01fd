import type { LoaderFunctionArgs } from "@remix-run/node";

import { getLocale } from "~/lib/i18n/i18n.server";
import { readApprovalLink } from "~/lib/renewal/approvals.server";
import { quotePdfResponse } from "~/lib/renewal/pdf-response.server";

/** The quote's PDF from an approver's link (the link's one quote; logged like every use). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await readApprovalLink(request, params.token ?? "", "download_pdf");
  if (opened.state !== "open") {
    throw new Response("Gone", { status: 410, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  }
  const response = await quotePdfResponse(opened.quote, await getLocale(request));
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
