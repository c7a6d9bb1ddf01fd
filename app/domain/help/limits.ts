/** Longest feedback comment accepted (the column allows 2,000). Without zod, so pages can import it. */
export const MAX_FEEDBACK_COMMENT = 1000;
