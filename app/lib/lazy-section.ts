import { lazy, type ComponentType, type LazyExoticComponent } from "react";

/**
 * A component whose code is not part of its page's initial JavaScript, for
 * sections below the fold (charts, the value recap).
 *
 * The server renders it in full as usual. In the browser React finds the
 * server's markup inside the section's <Suspense> boundary during hydration,
 * keeps it on screen, fetches the chunk, and hydrates the section when it
 * arrives: nothing moves, and the rest of the page is interactive first.
 *
 * On the server the module is loaded when this file's caller is, so by the
 * first request the component is there and renders without suspending (a
 * suspended first render would send the section behind an inline swap
 * script, invisible without JavaScript).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy's
export function lazySection<T extends ComponentType<any>>(load: () => Promise<T>): LazyExoticComponent<T> {
  let loaded: T | undefined;
  if (typeof document === "undefined") {
    // A failure here is met again, and reported, when the section renders.
    load().then(
      (component) => {
        loaded = component;
      },
      () => {},
    );
  }
  return lazy(() => {
    if (loaded) {
      const component = loaded;
      // A thenable that answers at once: React.lazy then renders without suspending.
      return { then: (resolve: (module: { default: T }) => void) => resolve({ default: component }) } as Promise<{ default: T }>;
    }
    return load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        // On the server a missing section is a bug: let the error boundary say so.
        if (typeof document === "undefined") throw error;
        // In the browser the chunk can fail to arrive (offline, a deploy that
        // replaced it): the section then loses its server markup instead of
        // the whole page turning into an error page.
        console.warn("a page section could not be loaded", error);
        return { default: EmptySection as unknown as T };
      },
    );
  });
}

function EmptySection() {
  return null;
}
