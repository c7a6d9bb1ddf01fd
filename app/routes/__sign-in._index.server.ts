/** What sign-in._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { SignInSchema } from "~/domain/auth/schemas.server";
export { demoIdentities, demoSignInEnabled } from "~/lib/auth/demo.server";
export { enforceRateLimit } from "~/lib/auth/rate-limit.server";
export { getIdentity } from "~/lib/auth/session.server";
export { requestSignInLink } from "~/lib/auth/sign-in.server";
export { readFormData } from "~/lib/forms.server";
export { redirect } from "@remix-run/node";
