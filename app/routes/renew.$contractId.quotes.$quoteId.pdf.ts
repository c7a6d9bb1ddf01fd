import type { LoaderFunctionArgs } from "@remix-run/node";

import { notFound, parseIdOr404 } from "~/lib/auth/guards.server";
import { recordPortalLinkAction } from "~/lib/auth/portal-links.server";
import { getLocale } from "~/lib/i18n/i18n.server";
import { requireQuoteAccess } from "~/lib/renewal/access.server";
import { quotePdfResponse } from "~/lib/renewal/pdf-response.server";
import { db } from "~/lib/services.server";
import { findQuoteForAccount } from "~/models/quotes.server";

/** The quote as a PDF, in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const contractId = parseIdOr404(params.contractId);
  const quoteId = parseIdOr404(params.quoteId);
  const access = await requireQuoteAccess(request, contractId, quoteId);
  const quote = await findQuoteForAccount(db(), access.accountId, quoteId);
  if (!quote || quote.contractId !== contractId) notFound();
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "download_pdf");
  return quotePdfResponse(quote, await getLocale(request));
}
