/**
 * Returns `to` when it is a same-origin path, else `fallback`. Rejects
 * protocol-relative (`//evil`), backslash tricks (`/\evil`), schemes
 * (`javascript:`), control characters and their percent-encoded forms.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  let decoded = to;
  // Decode repeatedly so that %2F%2Fevil or %252F… cannot slip through.
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return fallback;
    }
  }
  for (const candidate of [to, decoded]) {
    if (!candidate.startsWith("/")) return fallback;
    if (candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  }
  // Final check: resolving against a dummy origin must keep that origin.
  try {
    const url = new URL(to, "http://same.invalid");
    if (url.origin !== "http://same.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
