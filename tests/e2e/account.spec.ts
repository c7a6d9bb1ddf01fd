import type { Page } from "@playwright/test";

import { expect, test, type A11y } from "./support/fixtures";

async function signInAs(page: Page, a11y: A11y, name: RegExp) {
  await page.goto("/sign-in");
  await a11y.check();
  await page.getByRole("button", { name }).click();
  await expect(page).toHaveURL("/account");
  await a11y.check();
}

/** The card of one contract on the account home, in any language. */
const card = (page: Page, number: string) => page.getByRole("listitem").filter({ hasText: number });

test("a contact sees every contract with its days to end and status, then one contract's usage and value", async ({
  page,
  a11y,
}) => {
  await signInAs(page, a11y, /Sign in as Amelia Hart/);
  await expect(page.getByRole("heading", { level: 1, name: "Your subscriptions" })).toBeVisible();
  await expect(page.getByText("4 contracts")).toBeVisible();
  await expect(page.getByText("2 need your attention")).toBeVisible();

  // The story is anchored on 25 Nov 2026 (the e2e server pins that date).
  await expect(card(page, "C365-10005")).toContainText("In grace period");
  await expect(card(page, "C365-10005")).toContainText("Ended 5 days ago");
  await expect(card(page, "C365-10002")).toContainText("Renewal open");
  await expect(card(page, "C365-10002")).toContainText("35 days left");
  await expect(card(page, "C365-10002")).toContainText("Renew by 30 Nov 2026 to keep 4% off");
  await expect(card(page, "C365-10001")).toContainText("Active");
  await expect(card(page, "C365-10001")).toContainText("95 days left");
  await expect(card(page, "C365-10001")).toContainText("Renew by 30 Nov 2026 to keep 10% off");
  await expect(card(page, "C365-10001")).toContainText("US$37,620.00");
  await expect(card(page, "C365-10004")).toContainText("300 days left");
  // What needs attention comes first.
  const order = await page.getByRole("listitem").filter({ hasText: /C365-\d+/ }).allTextContents();
  expect(order.map((text) => /C365-\d+/.exec(text)?.[0])).toEqual(["C365-10005", "C365-10002", "C365-10001", "C365-10004"]);

  await card(page, "C365-10001").getByRole("link", { name: "Professional" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Professional · contract C365-10001" })).toBeVisible();
  await a11y.check();

  // Usage charts: accessible SVG with a title, and the same numbers as a table.
  const seats = page.getByRole("img", { name: /Active seats per month/ });
  await expect(seats).toBeVisible();
  await page.getByText("Show these numbers as a table").first().click();
  await expect(page.getByRole("table").first()).toContainText("Mar 2026");

  // The value recap, with its own printable page.
  await expect(page.getByRole("heading", { name: "Your year with Customer365" })).toBeVisible();
  await expect(page.getByText("Your team processed 2,165,028 records")).toBeVisible();
  await expect(page.getByText("Active seats grew from 64 to 102 (59%) between Mar 2026 and Oct 2026.")).toBeVisible();

  await page.getByRole("link", { name: "Printable version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your year with Customer365" })).toBeVisible();
  await a11y.check();
});

test("the account home in Malay, with ringgit", async ({ page, a11y }) => {
  await signInAs(page, a11y, /Sign in as Nurul Aisyah/);
  await page.getByRole("combobox", { name: "Language" }).selectOption("ms");
  await expect(page.getByRole("heading", { level: 1, name: "Langganan anda" })).toBeVisible();
  await a11y.check();
  await expect(page.getByText("2 kontrak")).toBeVisible();
  await expect(card(page, "C365-10026")).toContainText("65 hari lagi");
  await expect(card(page, "C365-10026")).toContainText("Pembaharuan dibuka");
  await expect(card(page, "C365-10027")).toContainText("150 hari lagi");
  // Ringgit with two decimals, Malaysian grouping.
  await expect(card(page, "C365-10026")).toContainText(/RM\s[\d,]+\.\d{2}/);
});

test("the account home and an empty chart in Traditional Chinese, with whole New Taiwan dollars", async ({ page, a11y }) => {
  await signInAs(page, a11y, /Sign in as 陳怡君/);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-Hant");
  await expect(page.getByRole("heading", { level: 1, name: "您的訂閱" })).toBeVisible();
  await a11y.check();
  const soon = card(page, "C365-10044");
  await expect(soon).toContainText("剩餘 10 天");
  await expect(soon).toContainText("可續約");
  // New Taiwan dollars: whole dollars, no cents.
  const value = await soon.getByText(/\$[\d,]+/).first().textContent();
  expect(value).toMatch(/\$[\d,]+$/);
  expect(value).not.toMatch(/\.\d{2}$/);

  // The contract without usage data says so instead of drawing nothing.
  await card(page, "C365-10045").getByRole("link").first().click();
  await expect(page.getByText("此合約尚無使用資料")).toBeVisible();
  await a11y.check();
});

test("an empty account is a designed state, and another account's contract is not found", async ({ page, a11y }) => {
  await signInAs(page, a11y, /Sign in as Olivia Newman/);
  await expect(page.getByRole("heading", { level: 2, name: "No subscriptions yet" })).toBeVisible();
  const response = await page.goto("/account/contracts/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await a11y.check();
  const malformed = await page.goto("/account/contracts/not-an-id");
  expect(malformed?.status()).toBe(404);
  await a11y.check();
});
