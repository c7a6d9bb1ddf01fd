import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The route modules of app/routes, read the way Remix's flat-routes convention
 * reads them, so tests that must cover "every route" (headers, fuzzing,
 * tenant isolation) enumerate the files instead of keeping a list that a new
 * route would silently escape.
 */
export interface RouteFile {
  /** File name relative to app/routes (a folder route gives its folder). */
  file: string;
  /** Absolute path of the module, for dynamic import. */
  modulePath: string;
  /** URL segments: literal text, a named parameter, or the splat. */
  segments: Segment[];
  /** Names of the dynamic parameters, in order ("*" for the splat). */
  params: string[];
  /** Has a default export: a page (or a layout), as opposed to a resource route. */
  isPage: boolean;
  /** Exports a loader / an action. */
  hasLoader: boolean;
  hasAction: boolean;
  /** Its source text (for field names and intent values). */
  source: string;
}

export type Segment = { kind: "static"; text: string } | { kind: "param"; name: string } | { kind: "splat" };

export const ROUTES_DIR = path.resolve("app/routes");

const ROUTE_EXTENSIONS = /\.(tsx|ts|jsx|js)$/;

function splitOnDots(name: string): string[] {
  // A dot inside [...] is an escaped literal dot, not a separator.
  const parts: string[] = [];
  let current = "";
  let depth = 0;
  for (const char of name) {
    if (char === "[") depth++;
    if (char === "]") depth = Math.max(0, depth - 1);
    if (char === "." && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

export function segmentsOf(routeName: string): Segment[] {
  const segments: Segment[] = [];
  for (const raw of splitOnDots(routeName)) {
    if (raw === "_index" || raw === "route" || raw === "") continue;
    if (raw.startsWith("_")) continue; // pathless layout
    if (/^\(.*\)$/.test(raw)) continue; // optional segment: the shortest URL omits it
    const part = raw.endsWith("_") ? raw.slice(0, -1) : raw;
    if (part === "$") segments.push({ kind: "splat" });
    else if (part.startsWith("$")) segments.push({ kind: "param", name: part.slice(1) });
    else segments.push({ kind: "static", text: part.replace(/\[(.*?)\]/g, "$1") });
  }
  return segments;
}

export function listRouteFiles(dir = ROUTES_DIR): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith("__") || entry.startsWith(".")) continue; // colocated non-route modules
    const full = path.join(dir, entry);
    let modulePath: string | undefined;
    let routeName: string;
    if (statSync(full).isDirectory()) {
      modulePath = ["route.tsx", "route.ts", "index.tsx", "index.ts"].map((f) => path.join(full, f)).find((f) => existsSync(f));
      routeName = entry;
    } else if (ROUTE_EXTENSIONS.test(entry)) {
      modulePath = full;
      routeName = entry.replace(ROUTE_EXTENSIONS, "");
    } else continue;
    if (!modulePath) continue;
    const source = readFileSync(modulePath, "utf8");
    const segments = segmentsOf(routeName);
    found.push({
      file: entry,
      modulePath,
      segments,
      params: segments.flatMap((s) => (s.kind === "param" ? [s.name] : s.kind === "splat" ? ["*"] : [])),
      isPage: /export\s+default\b/.test(source),
      hasLoader: /export\s+(async\s+)?function\s+loader\b|export\s+(const|let)\s+loader\b/.test(source),
      hasAction: /export\s+(async\s+)?function\s+action\b|export\s+(const|let)\s+action\b/.test(source),
      source,
    });
  }
  return found;
}

/** The URL of a route with these parameter values (values are URL-encoded). */
export function urlOf(route: RouteFile, params: Record<string, string>): string {
  const parts = route.segments.map((s) => {
    if (s.kind === "static") return s.text;
    const name = s.kind === "splat" ? "*" : s.name;
    const value = params[name];
    if (value === undefined) throw new Error(`${route.file}: no value for parameter "${name}"`);
    return s.kind === "splat" ? value.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
  return `/${parts.join("/")}`;
}

/** Matches a pathname this route (and not a deeper one) answers; groups are its parameters. */
export function patternOf(route: RouteFile): RegExp {
  const body = route.segments
    .map((s) =>
      s.kind === "static"
        ? s.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        : s.kind === "param"
          ? `(?<${s.name.replace(/[^A-Za-z0-9_]/g, "_")}>[^/]+)`
          : "(?<splat>.+)",
    )
    .join("/");
  return new RegExp(`^/${body}/?$`);
}

/** Parameter names whose value is a secret token in the URL (sign-in, portal and approver links). */
export function isTokenParam(name: string): boolean {
  return /token/i.test(name);
}
