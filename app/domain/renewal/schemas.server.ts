/**
 * The same schemas, for actions. A route imports them from here so its
 * browser bundle never holds them (Remix empties .server modules there): the
 * browser loads schemas.ts with a dynamic import after hydration
 * (useValidatedForm), which keeps zod out of the page's initial JavaScript.
 */
export * from "./schemas";
