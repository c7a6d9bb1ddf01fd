import type { i18n as I18n } from "i18next";

/** Entries (all languages and scopes together) before the memo starts over (a page uses a few hundred strings). */
export const MEMO_LIMIT = 20_000;

/**
 * The memo's key for one call, or null when the call cannot be memoised:
 * only a string key and options made of primitives (interpolation values,
 * `count`, `context`, `defaultValue`) name a result exactly; objects,
 * functions, `returnObjects` and per-call language or namespace go straight
 * to i18next.
 */
function memoKey(key: unknown, options: unknown): string | null {
  if (typeof key !== "string") return null;
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null || Array.isArray(options)) return null;
  let suffix = "";
  for (const name in options) {
    const value: unknown = (options as Record<string, unknown>)[name];
    if ((value !== null && typeof value === "object") || typeof value === "function") return null;
    if (name === "returnObjects" || name === "lng" || name === "lngs" || name === "ns") return null;
    suffix += `\u0001${name}\u0002${typeof value}:${String(value)}`;
  }
  return key + suffix;
}

/**
 * react-i18next passes `{ scopeNs: [...] }` (the namespaces of the
 * component's useTranslation call); anything else is not memoised.
 */
function scopeNamespaces(fixedOpts: unknown): string | null {
  if (fixedOpts === undefined) return "";
  if (typeof fixedOpts !== "object" || fixedOpts === null) return null;
  const { scopeNs, ...others } = fixedOpts as { scopeNs?: unknown };
  if (Object.keys(others).length > 0 || !Array.isArray(scopeNs)) return null;
  return scopeNs.every((ns) => typeof ns === "string") ? scopeNs.join(",") : null;
}

/** i18next's fixed t and getFixedT, loosely typed: the wrapper forwards whatever it is given. */
type LooseT = ((key: unknown, options?: unknown, ...rest: unknown[]) => unknown) & {
  lng?: unknown;
  lngs?: unknown;
  ns?: unknown;
  keyPrefix?: unknown;
};
type GetFixedT = (lng: unknown, ns?: unknown, keyPrefix?: unknown, fixedOpts?: unknown) => LooseT;

/**
 * Server renders translate the same strings on every request (card labels,
 * badges, "88 days left"), and one i18next `t` call costs several
 * microseconds: it copies the instance's options and resolves namespaces,
 * plurals and interpolation each time. The catalogues never change while the
 * process runs, so a result is a pure function of language, namespaces, key
 * and options: this wraps the instance's `getFixedT` so that the functions
 * react-i18next hands to components remember their string results.
 */
export function memoizeFixedT(instance: I18n): void {
  // One memo per scope (language, namespaces), found once per fixed t, so a
  // call without options looks its key up as it is: no string is built.
  const memos = new Map<string, Map<string, string>>();
  let entries = 0;
  const original = instance.getFixedT.bind(instance) as unknown as GetFixedT;
  const getFixedT: GetFixedT = (lng, ns, keyPrefix, fixedOpts) => {
    const fixed = original(lng, ns, keyPrefix, fixedOpts);
    const scopeNs = scopeNamespaces(fixedOpts);
    if (keyPrefix || scopeNs === null || typeof lng !== "string") return fixed;
    const scope = `${lng}\u0003${Array.isArray(ns) ? ns.join(",") : String(ns ?? "")}\u0003${scopeNs}`;
    let memo = memos.get(scope);
    if (!memo) memos.set(scope, (memo = new Map()));
    const scopeMemo = memo;
    const memoised: LooseT = (key, options, ...rest) => {
      const callKey = rest.length > 0 ? null : memoKey(key, options);
      if (callKey === null) return fixed(key, options, ...rest);
      const hit = scopeMemo.get(callKey);
      if (hit !== undefined) return hit;
      const result = fixed(key, options);
      if (typeof result === "string") {
        if (entries >= MEMO_LIMIT) {
          // Cleared in place: fixed t functions handed out earlier keep their memo.
          for (const each of memos.values()) each.clear();
          entries = 0;
        }
        scopeMemo.set(callKey, result);
        entries += 1;
      }
      return result;
    };
    // react-i18next and i18next read these off a fixed t.
    return Object.assign(memoised, { lng: fixed.lng, lngs: fixed.lngs, ns: fixed.ns, keyPrefix: fixed.keyPrefix });
  };
  instance.getFixedT = getFixedT as unknown as I18n["getFixedT"];
}
