/** What sign-in.verify.$token.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { enforceRateLimit } from "~/lib/auth/rate-limit.server";
export { startSession } from "~/lib/auth/session.server";
export { checkSignInToken, redeemSignInToken, SIGN_IN_LINK_MINUTES, type TokenCheck } from "~/lib/auth/sign-in.server";
export { maskEmail } from "~/lib/log.server";
export { db } from "~/lib/services.server";
export { findSubjectForSession } from "~/models/people.server";
export { data, redirect } from "@remix-run/node";
