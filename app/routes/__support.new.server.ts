/** What support.new.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { suggestArticles } from "~/domain/support/deflection.server";
export { readSupportRequest, type RequestFormValues } from "~/domain/support/request-form.server";
export { createSupportRequest, customerTicketPath } from "~/domain/support/tickets.server";
export { isUuid, requireCustomer } from "~/lib/auth/guards.server";
export { appUrl } from "~/lib/auth/sign-in.server";
export { getLocale } from "~/lib/i18n/i18n.server";
export { log } from "~/lib/log.server";
export { clock, db } from "~/lib/services.server";
export { listContractSummaries } from "~/models/contract-summary.server";
export { data, redirect } from "@remix-run/node";
export { isTicketTopic } from "~/domain/support/topics";
// The contracts' end dates are formatted here, not in the browser: the form
// page then carries no formatting code of its own (its JavaScript budget).
export { formatDate } from "~/lib/format";
