/**
 * Reading forms out of server-rendered pages, as a browser without JavaScript
 * would submit them: the load test's virtual users post what the page gave
 * them (hidden fields included), never values of their own making.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return whole;
  });
}

/** The attributes of one start tag (`<input type="hidden" name="a" value="b"/>`), values decoded. */
export function tagAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]!.toLowerCase()] = decodeEntities(match[3] ?? match[4] ?? "");
  }
  return attributes;
}

/**
 * The fields a form would submit by itself: its hidden inputs, in document
 * order, repeated names kept (checkbox groups). The form is the first whose
 * action (and method, when given: a page may have a GET and a POST form to
 * the same URL) match; without an action, the first form that has hidden
 * inputs. Undefined when the page has no such form.
 */
export function hiddenFields(html: string, match: { action?: string; method?: "get" | "post" } = {}): [string, string][] | undefined {
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attributes = tagAttributes(form[1]!);
    if (match.action !== undefined && attributes.action !== match.action) continue;
    if (match.method !== undefined && (attributes.method ?? "get").toLowerCase() !== match.method) continue;
    const fields: [string, string][] = [];
    for (const input of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
      const field = tagAttributes(input[0]);
      if (field.type === "hidden" && field.name) fields.push([field.name, field.value ?? ""]);
    }
    if (match.action !== undefined || fields.length > 0) return fields;
  }
  return undefined;
}
