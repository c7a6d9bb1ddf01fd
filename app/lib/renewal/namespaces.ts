/**
 * The catalogues renewal pages read: their own words, the engine's labels
 * (`pricing:`) and product names (`catalog:`). react-i18next loads only the
 * namespaces a component asks for, so after a client-side navigation a
 * prefixed key of an unlisted namespace would show as the raw key.
 */
export const RENEWAL_NAMESPACES = ["renewal", "pricing", "catalog"] as const;
