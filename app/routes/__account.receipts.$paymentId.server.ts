/** What account.receipts.$paymentId.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { requireReceiptAccess } from "~/lib/payments/access.server";
export { data } from "@remix-run/node";
