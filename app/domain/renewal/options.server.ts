/**
 * Reading the renewal options form, for loaders and actions. A route imports
 * it from here so its browser bundle never holds it (Remix empties .server
 * modules there): it validates with zod, which the page itself does not need.
 */
export * from "./options";
