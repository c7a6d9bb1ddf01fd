import type { StoredQuote } from "~/models/quotes.server";
import { findQuoteParties } from "~/models/renewal-quotes.server";

import type { Locale } from "../i18n/config";
import { clock, db } from "../services.server";
import { renderQuotePdf } from "./pdf.server";

/** A quote PDF as an HTTP response: private, never cached, named after the quote. */
export async function quotePdfResponse(quote: StoredQuote, locale: Locale): Promise<Response> {
  const parties = await findQuoteParties(db(), quote.accountId);
  const pdf = await renderQuotePdf({
    locale,
    quote,
    customer: {
      accountName: parties?.accountName ?? "",
      country: parties?.country ?? "",
      ownerName: parties?.ownerName ?? null,
      ownerEmail: parties?.ownerEmail ?? null,
    },
    expired: quote.expiresAt <= clock().now(),
  });
  return new Response(new Uint8Array(pdf.buffer), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${quote.number}-v${quote.version}.pdf"`,
      "Cache-Control": "private, no-store",
      "Content-Length": String(pdf.buffer.length),
    },
  });
}
