import { PrefetchPageLinks, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

/** The parts of a click that decide whether the browser should handle it. */
export interface LinkClick {
  button: number;
  defaultPrevented: boolean;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
}

/** The parts of an <a> that decide where a click on it goes. */
export interface ClickedLink {
  origin: string;
  pathname: string;
  search: string;
  hash: string;
  target: string;
  hasAttribute(name: string): boolean;
}

/**
 * Where the router should go for this click, or null when the browser should
 * handle it as usual: a modified or non-primary click (new tab, download), a
 * link to another site or window, a download, or one that asks for a full
 * document load — the same cases <Link> leaves to the browser.
 */
export function clientNavigationPath(click: LinkClick, link: ClickedLink, origin: string): string | null {
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.altKey || click.ctrlKey || click.shiftKey) return null;
  if (link.origin !== origin || (link.target !== "" && link.target !== "_self")) return null;
  if (link.hasAttribute("download") || link.hasAttribute("data-reload-document")) return null;
  return link.pathname + link.search + link.hash;
}

/** How long a pointer or focus rests on a link before its page is prefetched (as <Link prefetch="intent">). */
const INTENT_DELAY_MS = 100;

/**
 * Client-side navigation for the plain links inside one element, with one
 * listener instead of a <Link> per link. The account home lists a card per
 * contract with two or three links each; a <Link> costs its render on the
 * server and its hooks on the client, for what one click handler does.
 *
 * Links inside render as `<a href data-discover="true">` (so Remix discovers
 * their routes as it does a <Link>'s); those that also carry
 * `data-prefetch="intent"` prefetch their page when hovered or focused.
 * Before hydration they are ordinary links.
 */
export function useDelegatedLinks<T extends HTMLElement>(): { ref: RefObject<T>; prefetch: ReactNode } {
  const ref = useRef<T>(null);
  const navigate = useNavigate();
  const [intent, setIntent] = useState<string | null>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let intended: HTMLAnchorElement | null = null;
    const linkOf = (event: Event): HTMLAnchorElement | null => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      return link instanceof HTMLAnchorElement && root.contains(link) ? link : null;
    };
    const onClick = (event: MouseEvent) => {
      const link = linkOf(event);
      const path = link ? clientNavigationPath(event, link, window.location.origin) : null;
      if (path === null) return;
      event.preventDefault();
      navigate(path);
    };
    const onIntent = (event: Event) => {
      const link = linkOf(event);
      if (!link || link === intended || link.dataset.prefetch !== "intent" || link.origin !== window.location.origin) return;
      clearTimeout(timer);
      intended = link;
      const page = link.pathname + link.search;
      timer = setTimeout(() => setIntent(page), INTENT_DELAY_MS);
    };
    const onLeave = (event: MouseEvent | FocusEvent) => {
      const link = linkOf(event);
      // Moving between the parts of one link is not leaving it.
      if (!link || (event.relatedTarget instanceof Node && link.contains(event.relatedTarget))) return;
      clearTimeout(timer);
      intended = null;
      setIntent(null);
    };
    root.addEventListener("click", onClick);
    // A sign for tests (and curious readers) that the links are live.
    root.dataset.links = "delegated";
    root.addEventListener("mouseover", onIntent);
    root.addEventListener("focusin", onIntent);
    root.addEventListener("touchstart", onIntent, { passive: true });
    root.addEventListener("mouseout", onLeave);
    root.addEventListener("focusout", onLeave);
    return () => {
      clearTimeout(timer);
      root.removeEventListener("click", onClick);
      root.removeEventListener("mouseover", onIntent);
      root.removeEventListener("focusin", onIntent);
      root.removeEventListener("touchstart", onIntent);
      root.removeEventListener("mouseout", onLeave);
      root.removeEventListener("focusout", onLeave);
      delete root.dataset.links;
    };
  }, [navigate]);

  return { ref, prefetch: intent ? <PrefetchPageLinks page={intent} /> : null };
}
