import { Suspense } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { lazySection } from "~/lib/lazy-section";

function Recap({ peak }: { peak: number }) {
  return <p>Peak seats: {peak}</p>;
}

describe("lazySection", () => {
  it("renders on the server in full once loaded, without suspending behind a fallback", async () => {
    let loads = 0;
    const LazyRecap = lazySection(async () => {
      loads += 1;
      return Recap;
    });
    // The module was asked for when the section was declared (server start).
    expect(loads).toBe(1);
    await Promise.resolve();
    const html = renderToString(
      <Suspense fallback={<p>loading</p>}>
        <LazyRecap peak={118} />
      </Suspense>,
    );
    expect(html).toContain("Peak seats: <!-- -->118");
    expect(html).not.toContain("loading");
    expect(loads).toBe(1);
  });

  it("waits for a module that has not arrived yet instead of rendering without it", () => {
    const LazyRecap = lazySection(() => new Promise<typeof Recap>(() => {}));
    const html = renderToString(
      <Suspense fallback={<p>loading</p>}>
        <LazyRecap peak={118} />
      </Suspense>,
    );
    expect(html).not.toContain("Peak seats");
  });
});
