/** What account.contracts.$contractId.recap.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { notFound, parseIdOr404, requireCustomer } from "~/lib/auth/guards.server";
export { incentiveStepsFor } from "~/lib/incentive-steps.server";
export { clock, db } from "~/lib/services.server";
export { findContractForAccount } from "~/models/contracts.server";
