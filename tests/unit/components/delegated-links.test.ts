import { describe, expect, it } from "vitest";

import { clientNavigationPath, type ClickedLink, type LinkClick } from "~/components/delegated-links";

const ORIGIN = "https://portal.example";
const plainClick: LinkClick = { button: 0, defaultPrevented: false, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false };

function link(href: string, attributes: Record<string, string> = {}): ClickedLink {
  const url = new URL(href, ORIGIN);
  return {
    origin: url.origin,
    pathname: url.pathname,
    search: url.search,
    hash: url.hash,
    target: attributes.target ?? "",
    hasAttribute: (name) => name in attributes,
  };
}

describe("clientNavigationPath", () => {
  it("routes a plain click on a link to this site, with its query and fragment", () => {
    expect(clientNavigationPath(plainClick, link("/account/contracts/c1?tab=usage#seats"), ORIGIN)).toBe("/account/contracts/c1?tab=usage#seats");
    expect(clientNavigationPath(plainClick, link("/renew/c1", { target: "_self" }), ORIGIN)).toBe("/renew/c1");
  });

  it("leaves new tabs, other buttons and handled clicks to the browser", () => {
    for (const click of [
      { ...plainClick, metaKey: true },
      { ...plainClick, ctrlKey: true },
      { ...plainClick, shiftKey: true },
      { ...plainClick, altKey: true },
      { ...plainClick, button: 1 },
      { ...plainClick, defaultPrevented: true },
    ]) {
      expect(clientNavigationPath(click, link("/renew/c1"), ORIGIN)).toBeNull();
    }
  });

  it("leaves other sites, other windows, downloads and full reloads to the browser", () => {
    expect(clientNavigationPath(plainClick, link("https://stripe.example/pay"), ORIGIN)).toBeNull();
    expect(clientNavigationPath(plainClick, link("/renew/c1", { target: "_blank" }), ORIGIN)).toBeNull();
    expect(clientNavigationPath(plainClick, link("/quotes/q1.pdf", { download: "" }), ORIGIN)).toBeNull();
    expect(clientNavigationPath(plainClick, link("/sign-out", { "data-reload-document": "" }), ORIGIN)).toBeNull();
  });
});
