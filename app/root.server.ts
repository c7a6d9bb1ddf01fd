/**
 * Everything root.tsx needs on the server, imported through this one module.
 *
 * The classic Remix compiler swaps each `.server` module for an empty stub in
 * the browser build, and a stub that several routes import becomes a chunk
 * file of its own (~0.11 kB gzip each, three of them for the root, on every
 * page). Imported by root.tsx alone, this module's stub lands inside the root
 * chunk. The same holds for the `__<route>.server.ts` beside the routes.
 * With the Vite compiler (React Router 7) `.server` modules leave the browser
 * build entirely, and these files can fold back into their routes
 * (docs/decisions/0005-route-server-facades.md).
 */
export { getIdentity, readNotice } from "~/lib/auth/session.server";
export { getLocale } from "~/lib/i18n/i18n.server";
export { catalogueVersion } from "~/lib/i18n/version.server";
export { data } from "@remix-run/node";
