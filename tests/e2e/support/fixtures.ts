import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** WCAG 2.2 AA, as the project promises (shared/STACK.md lists the tags). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface A11y {
  /** Runs axe on the page as it is now; fails the test on any violation. */
  check(page?: Page): Promise<void>;
}

function pathOf(url: string) {
  const u = new URL(url);
  return u.pathname + u.search;
}

/**
 * `a11y.check()` after each page a test visits. The fixture records every
 * page the browser lands on and fails a test that visited one it never
 * checked, so "each visited page passes axe" cannot be forgotten.
 */
export const test = base.extend<{ a11y: A11y; browserErrors: void }>({
  // Any uncaught page error or console error (a CSP violation, a hydration
  // mismatch, a failed chunk) fails the test.
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        // A page answered with 404/429 logs "Failed to load resource" too; failing
        // sub-resources are caught precisely by the response listener below.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          errors.push(`console: ${message.text()}`);
        }
      });
      page.on("response", (response) => {
        const type = response.request().resourceType();
        if (response.status() >= 400 && type !== "document") {
          errors.push(`${type} ${response.status()}: ${new URL(response.url()).pathname}`);
        }
      });
      await use();
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
  a11y: async ({ page }, use) => {
    const visited = new Set<string>();
    const checked = new Set<string>();
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(pathOf(frame.url()));
    });
    await use({
      async check(target = page) {
        await target.waitForLoadState("domcontentloaded");
        const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(summary, `axe violations on ${target.url()}`).toEqual([]);
        checked.add(pathOf(target.url()));
      },
    });
    const unchecked = [...visited].filter((p) => !checked.has(p) && !isNonPage(p));
    expect(unchecked, "pages visited without an axe check").toEqual([]);
  },
});

/** Downloads, JSON and redirects-only endpoints are not pages. */
function isNonPage(path: string) {
  return /\.(pdf|json|csv)(\?|$)/.test(path) || path.startsWith("/healthz");
}

export { expect };
