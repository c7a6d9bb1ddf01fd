/**
 * Client JavaScript per route, from the Remix build's asset manifest
 * (public/build/manifest-*.js, the object the browser gets as
 * window.__remixManifest). What a first visit to a route downloads before the
 * page is interactive: the entry module and its imports, then for root and
 * every route down to the leaf, the route module and its imports. Each file
 * counts once, gzip-compressed the way the server's compression middleware
 * sends it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface ManifestEntry {
  module: string;
  imports?: string[];
}

export interface ManifestRoute extends ManifestEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
}

export interface AssetManifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestRoute>;
}

export interface RouteWeight {
  routeId: string;
  /** Distinct files a first visit loads. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** Reads the manifest the last `remix build` wrote into `buildDir` (public/build). */
export function readAssetManifest(buildDir: string): AssetManifest {
  const file = readdirSync(buildDir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!file) throw new Error(`no manifest-*.js in ${buildDir}: run \`npm run build\` first`);
  const text = readFileSync(path.join(buildDir, file), "utf8");
  const json = text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "");
  return JSON.parse(json) as AssetManifest;
}

/** The files a first visit to `routeId` loads, in order, without repeats. */
export function initialFiles(manifest: AssetManifest, routeId: string): string[] {
  const chain: ManifestRoute[] = [];
  for (let route = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    chain.unshift(route);
  }
  if (chain.length === 0) throw new Error(`no route "${routeId}" in the manifest`);
  const files: string[] = [];
  for (const part of [manifest.entry, ...chain]) {
    for (const file of [part.module, ...(part.imports ?? [])]) if (!files.includes(file)) files.push(file);
  }
  return files;
}

/**
 * Weighs every route. `readAsset` maps a public path ("/build/…") to its
 * bytes (the real build directory in `npm run perf`, a fake in tests).
 */
export function weighRoutes(manifest: AssetManifest, readAsset: (publicPath: string) => Buffer): RouteWeight[] {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = readAsset(file);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  return Object.keys(manifest.routes)
    .sort()
    .map((routeId) => {
      const files = initialFiles(manifest, routeId);
      const total = files.reduce(
        (sum, file) => {
          const size = sizeOf(file);
          return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip };
        },
        { raw: 0, gzip: 0 },
      );
      return { routeId, files, rawBytes: total.raw, gzipBytes: total.gzip };
    });
}

/** Staff and development pages are not customer pages; everything else is. */
export function isCustomerRoute(routeId: string): boolean {
  return !/^routes\/(staff|dev)[./]/.test(routeId) && routeId !== "routes/staff";
}

/**
 * Does the route render a page (a default export)? A resource route (a PDF,
 * an attachment download, a webhook) answers a document request with its own
 * response and loads no JavaScript, so it has no initial JS to weigh. Read from
 * the route's source in `appDir`: the browser build gives every route module a
 * default export of some kind.
 */
export function isPageRoute(routeId: string, appDir: string): boolean {
  for (const candidate of [`${routeId}.tsx`, `${routeId}.ts`, `${routeId}.jsx`, `${routeId}.js`, `${routeId}/route.tsx`, `${routeId}/route.ts`]) {
    const file = path.join(appDir, candidate);
    if (existsSync(file)) return /^export default\b/m.test(readFileSync(file, "utf8"));
  }
  throw new Error(`no source file for route "${routeId}" in ${appDir}`);
}
