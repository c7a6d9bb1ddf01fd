/** What account.contracts.$contractId._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { loadContractPage } from "~/lib/contract-page.server";
