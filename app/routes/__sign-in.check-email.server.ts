/** What sign-in.check-email.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { SIGN_IN_LINK_MINUTES } from "~/lib/auth/sign-in.server";
export { env } from "~/lib/env.server";
