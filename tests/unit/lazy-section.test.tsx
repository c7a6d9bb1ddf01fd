import { Suspense } from "react";
import { PassThrough } from "node:stream";

import { renderToPipeableStream, renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

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

  it("survives a module that fails to load at start, without an unhandled rejection", async () => {
    const LazyRecap = lazySection(() => Promise.reject(new Error("chunk gone")));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(LazyRecap).toBeDefined();
  });

  describe("in the browser", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });

    it("drops a section whose chunk fails to arrive instead of failing the page", async () => {
      vi.stubGlobal("document", {});
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const LazyRecap = lazySection<typeof Recap>(() => Promise.reject(new Error("chunk gone")));
      const html = await new Promise<string>((resolve, reject) => {
        const { pipe } = renderToPipeableStream(
          <main>
            <h1>Contract</h1>
            <Suspense fallback={<p>loading</p>}>
              <LazyRecap peak={118} />
            </Suspense>
          </main>,
          {
            onAllReady() {
              const sink = new PassThrough();
              let out = "";
              sink.on("data", (chunk: Buffer) => (out += chunk.toString()));
              sink.on("end", () => resolve(out));
              pipe(sink);
            },
            onShellError: reject,
          },
        );
      });
      expect(html).toContain("Contract");
      expect(html).not.toContain("Peak seats");
      expect(warn).toHaveBeenCalledWith("a page section could not be loaded", expect.any(Error));
    });
  });
});
