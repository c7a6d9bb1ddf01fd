/**
 * Limits that pages show or enforce in the browser, in a module of their own:
 * no zod, and none of the query functions (their word lists would ride along
 * into every help page's JavaScript).
 */

/** Longest feedback comment accepted (the column allows 2,000). */
export const MAX_FEEDBACK_COMMENT = 1000;

/** Longest query searched, and stored in kb_searches (its column allows 200). */
export const MAX_QUERY_LENGTH = 200;
/** Shorter queries ("", "a") get a hint instead of a search. */
export const MIN_QUERY_LENGTH = 2;
