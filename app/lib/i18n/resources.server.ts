import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { LOCALES, type Locale } from "./config";

export type Catalogue = Record<string, unknown>;
export type Resources = Record<Locale, Record<string, Catalogue>>;

/** Where the catalogues live: locales/<lng>/<namespace>.json at the project root. */
export const LOCALES_DIR = path.resolve(process.env.LOCALES_DIR ?? "locales");

let cached: Resources | undefined;

/** Every catalogue of every locale, read once. */
export function loadResources(dir = LOCALES_DIR): Resources {
  if (cached && dir === LOCALES_DIR) return cached;
  const resources = {} as Resources;
  for (const locale of LOCALES) {
    resources[locale] = {};
    for (const file of readdirSync(path.join(dir, locale))) {
      if (!file.endsWith(".json")) continue;
      const namespace = file.slice(0, -".json".length);
      resources[locale][namespace] = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")) as Catalogue;
    }
  }
  if (dir === LOCALES_DIR) cached = resources;
  return resources;
}

export function namespaces(resources: Resources = loadResources()): string[] {
  return Object.keys(resources.en).sort();
}
