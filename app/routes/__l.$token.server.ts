/** What l.$token.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { openPortalLink } from "~/lib/auth/portal-links.server";
export { data, redirect } from "@remix-run/node";
