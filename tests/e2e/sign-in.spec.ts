import type { Page } from "@playwright/test";

import { expect, test, type A11y } from "./support/fixtures";

async function latestLinkFromMailbox(page: Page, a11y: A11y, to: string, pattern: RegExp) {
  await page.goto("/dev/mailbox");
  await a11y.check();
  const row = page.getByRole("row").filter({ hasText: to }).first();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await a11y.check();
  const href = await page.getByRole("link", { name: pattern }).first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

test("the sign-in form checks the address in the browser, with code fetched after the page is interactive", async ({ page, a11y }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  // react-hook-form and the form's schema (zod with it) are not part of the
  // page's initial JavaScript…
  const binderFetched = page.waitForRequest((request) => /\/build\/_shared\/form-binder-[\w-]+\.js$/.test(request.url()));
  const schemaFetched = page.waitForRequest((request) => /\/build\/_shared\/schemas-[\w-]+\.js$/.test(request.url()));
  const response = await page.goto("/sign-in?redirectTo=%2Faccount");
  const html = await response!.text();
  expect(html).not.toMatch(/\/build\/_shared\/(schemas|form-binder)-/);
  // Where to go after signing in is in the page itself, not added by script.
  expect(html).toMatch(/<input[^>]*name="redirectTo"[^>]*value="\/account"|<input[^>]*value="\/account"[^>]*name="redirectTo"/);
  // …they arrive once the page has hydrated, and bind to the form.
  await binderFetched;
  await schemaFetched;
  await expect(page.locator('form[data-validation="bound"]')).toHaveCount(1);
  await a11y.check();

  await page.getByLabel("Work email").fill("not an email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter an email address like name@company.com.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  expect(posts, "an invalid address is refused before anything is sent").toEqual([]);
  await a11y.check();
});

test("before validation has loaded, the sign-in form is a plain form the server checks", async ({ page, a11y }) => {
  // The validation code never arrives (a flaky network, a deploy in between).
  await page.route(/\/build\/_shared\/form-binder-[\w-]+\.js$/, (route) => route.abort());
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
  });
  await page.goto("/sign-in");
  await a11y.check();
  await page.getByLabel("Work email").fill("not an email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  // The server refuses it with the same words, and the address stays in the field.
  await expect(page.getByText("Enter an email address like name@company.com.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue("not an email");
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  expect(posts, "the form went to the server").toHaveLength(1);
  expect(posts[0]).toMatch(/^\/sign-in/);
  await expect(page.locator("form[data-validation]")).toHaveCount(0);
  await a11y.check();
});

test("a contact signs in with an emailed link, and the link works only once", async ({ page, a11y }) => {
  await page.goto("/account");
  // Not signed in: sent to sign in, and back to the account page afterwards.
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Faccount/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await a11y.check();

  await page.getByLabel("Work email").fill("not an email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter an email address like name@company.com.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Work email").fill("amelia.hart@northwind.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText("expires in 10 minutes")).toBeVisible();
  await a11y.check();

  const link = await latestLinkFromMailbox(page, a11y, "amelia.hart@northwind.example", /\/sign-in\/verify\//);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Continue signing in" })).toBeVisible();
  await a11y.check();
  await page.getByRole("button", { name: "Continue as a…@northwind.example" }).click();

  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your subscriptions" })).toBeVisible();
  await expect(page.getByText("Amelia Hart · Northwind Logistics")).toBeVisible();
  await a11y.check();

  // The same link again: it has been used.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This sign-in link has already been used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email a new link to a…@northwind.example" })).toBeVisible();
  await a11y.check();

  // Signing out ends the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  await a11y.check();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await a11y.check();
});

test("a success manager's portal link opens one renewal and nothing else", async ({ page, browser, a11y }) => {
  // Another account's contract id, as its own contact sees it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await otherPage.getByRole("button", { name: /Sign in as Nurul Aisyah binti Ahmad/ }).click();
  await expect(otherPage).toHaveURL("/account");
  const foreignRenewal = await otherPage
    .getByRole("listitem")
    .filter({ hasText: "C365-10026" })
    .getByRole("link", { name: /Renew/ })
    .getAttribute("href");
  expect(foreignRenewal).toMatch(/^\/renew\//);
  await other.close();

  // The success manager creates the link.
  await page.goto("/sign-in");
  await a11y.check();
  await page.getByRole("button", { name: /Sign in as Maya Tan/ }).click();
  await expect(page).toHaveURL("/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Success team" })).toBeVisible();
  await a11y.check();
  await page.getByRole("link", { name: "Northwind Logistics" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Northwind Logistics" })).toBeVisible();
  await a11y.check();
  await page.getByLabel("Contact", { exact: true }).selectOption({ label: "Amelia Hart (amelia.hart@northwind.example)" });
  await page.getByLabel("Renewal (contract)").selectOption({ index: 0 });
  const chosen = await page.getByLabel("Renewal (contract)").locator("option:checked").textContent();
  const contractNumber = chosen!.split(" ")[0]!;
  await page.getByLabel("Personal note (optional)").fill("Everything is ready for you.");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Link created and emailed.")).toBeVisible();
  const portalUrl = await page.getByLabel("Portal link", { exact: true }).inputValue();
  expect(portalUrl).toMatch(/\/l\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row").filter({ hasText: contractNumber }).first()).toContainText("Active");
  await a11y.check();
  await page.getByRole("button", { name: "Sign out" }).click();
  await a11y.check();

  // The customer opens it: straight into that renewal.
  await page.goto(portalUrl);
  await expect(page.getByRole("heading", { level: 1, name: `Renewal of contract ${contractNumber}` })).toBeVisible();
  await expect(page.getByText("It shows this renewal only.")).toBeVisible();
  await a11y.check();

  // Another account's renewal: not found.
  const response = await page.goto(foreignRenewal!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await a11y.check();

  // The account pages ask for a real sign-in, with the email filled in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByLabel("Work email")).toHaveValue("amelia.hart@northwind.example");
  await expect(page.getByText("Your link opens one renewal only.")).toBeVisible();
  await a11y.check();
});

test("customers never see staff pages", async ({ page, a11y }) => {
  await page.goto("/sign-in");
  await a11y.check();
  await page.getByRole("button", { name: /Sign in as Amelia Hart/ }).click();
  await expect(page).toHaveURL("/account");
  await a11y.check();
  const response = await page.goto("/staff/portal-links");
  expect(response?.status()).toBe(404);
  await a11y.check();
});
