/**
 * Limits of the support forms, without zod: the pages import these, and a
 * page that imported schemas.ts would ship zod to the browser with it.
 */
export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 10_000;
export const COMMENT_MAX = 1000;

/** The hidden field a person never sees and a form-filling bot does. */
export const HONEYPOT_FIELD = "website";
