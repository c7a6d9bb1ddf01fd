import path from "node:path";
import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { initialFiles, isCustomerRoute, isPageRoute, weighRoutes, type AssetManifest } from "../../bench/lib/weight";

const manifest: AssetManifest = {
  entry: { module: "/build/entry.js", imports: ["/build/_shared/react.js"] },
  routes: {
    root: { id: "root", module: "/build/root.js", imports: ["/build/_shared/react.js", "/build/_shared/i18n.js"] },
    "routes/account": { id: "routes/account", parentId: "root", module: "/build/routes/account.js" },
    "routes/account._index": { id: "routes/account._index", parentId: "routes/account", module: "/build/routes/account._index.js", imports: ["/build/_shared/zod.js"] },
    "routes/staff._index": { id: "routes/staff._index", parentId: "root", module: "/build/routes/staff._index.js" },
  },
};

const assets: Record<string, Buffer> = {
  "/build/entry.js": Buffer.from("e".repeat(100)),
  "/build/_shared/react.js": Buffer.from("r".repeat(5000)),
  "/build/_shared/i18n.js": Buffer.from("i".repeat(300)),
  "/build/root.js": Buffer.from("root"),
  "/build/routes/account.js": Buffer.from("layout"),
  "/build/routes/account._index.js": Buffer.from("page"),
  "/build/_shared/zod.js": Buffer.from(Array.from({ length: 2000 }, (_, i) => String(i)).join(",")),
  "/build/routes/staff._index.js": Buffer.from("staff"),
};

describe("client JS per route", () => {
  it("counts the entry, every route from root down to the leaf, and their imports, each file once", () => {
    expect(initialFiles(manifest, "routes/account._index")).toEqual([
      "/build/entry.js",
      "/build/_shared/react.js",
      "/build/root.js",
      "/build/_shared/i18n.js",
      "/build/routes/account.js",
      "/build/routes/account._index.js",
      "/build/_shared/zod.js",
    ]);
  });

  it("sums raw and gzip sizes of those files", () => {
    const weights = weighRoutes(manifest, (p) => assets[p]!);
    const page = weights.find((w) => w.routeId === "routes/account._index")!;
    const files = initialFiles(manifest, "routes/account._index");
    expect(page.rawBytes).toBe(files.reduce((sum, f) => sum + assets[f]!.length, 0));
    expect(page.gzipBytes).toBe(files.reduce((sum, f) => sum + gzipSync(assets[f]!, { level: 6 }).length, 0));
    expect(page.gzipBytes).toBeLessThan(page.rawBytes);
    const staff = weights.find((w) => w.routeId === "routes/staff._index")!;
    expect(staff.files).not.toContain("/build/_shared/zod.js");
  });

  it("refuses a route the build does not have", () => {
    expect(() => initialFiles(manifest, "routes/nope")).toThrow(/no route "routes\/nope"/);
  });

  it("treats staff and development pages as not customer pages", () => {
    expect(isCustomerRoute("routes/account._index")).toBe(true);
    expect(isCustomerRoute("routes/sign-in._index")).toBe(true);
    expect(isCustomerRoute("routes/staff")).toBe(false);
    expect(isCustomerRoute("routes/staff.portal-links")).toBe(false);
    expect(isCustomerRoute("routes/dev.mailbox._index")).toBe(false);
  });

  it("tells pages from resource routes by their source, which loads no JavaScript", () => {
    const app = path.resolve("app");
    expect(isPageRoute("routes/approve.$token", app)).toBe(true);
    expect(isPageRoute("routes/account._index", app)).toBe(true);
    expect(isPageRoute("routes/approve.$token.pdf", app)).toBe(false);
    expect(isPageRoute("routes/support.requests.$ticketId.attachments.$attachmentId", app)).toBe(false);
    expect(isPageRoute("root", app)).toBe(true);
    expect(() => isPageRoute("routes/nope", app)).toThrow(/no source file/);
  });
});
