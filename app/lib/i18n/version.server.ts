import { createHash } from "node:crypto";

import { loadResources } from "./resources.server";

let version: string | undefined;

/** A short hash of every catalogue: the client's cache key for /locales. */
export function catalogueVersion(): string {
  version ??= createHash("sha256").update(JSON.stringify(loadResources())).digest("hex").slice(0, 12);
  return version;
}
