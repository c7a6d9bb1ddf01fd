import { expect, test } from "./support/fixtures";

/**
 * The central journey on the demo provider: renewal page → review and
 * confirm → payment → confirmation, and the new term on the account home.
 */
test("Amelia renews C365-10002 and pays on the demo checkout; the account home shows the new end date", async ({
  page,
  a11y,
}) => {
  await page.goto("/sign-in");
  await a11y.check();
  await page.getByRole("button", { name: /Sign in as Amelia Hart/ }).click();
  await expect(page).toHaveURL("/account");
  await a11y.check();

  // C365-10002: Starter, 25 seats, ends 30 Dec 2026 (35 days: 4% early-renewal discount).
  await page.getByRole("link", { name: /\(contract C365-10002\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Renewal of contract C365-10002" })).toBeVisible();
  await a11y.check();
  const total = (await page.getByText(/^Total for 1 year: /).textContent())!.replace("Total for 1 year: ", "");
  expect(total).toMatch(/^US\$[\d,]+\.\d{2}$/);

  await page.getByRole("button", { name: "Review and confirm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Review quote Q-\d+$/ })).toBeVisible();
  await a11y.check();
  await page.getByLabel("Purchase order (PO) number (optional)").fill("PO-2026-118");
  await page.getByRole("checkbox", { name: "I accept the renewal terms on behalf of my organisation." }).check();
  await page.getByRole("button", { name: "Confirm and continue to payment" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Pay for your renewal" })).toBeVisible();
  await expect(page.getByText("This is the whole amount: no fees are added at checkout.")).toBeVisible();
  await a11y.check();
  await page.getByRole("button", { name: `Pay ${total} by card` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Demo checkout" })).toBeVisible();
  await expect(page.getByText("Demo checkout — no real payment.")).toBeVisible();
  await a11y.check();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date").fill("12/30");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByRole("button", { name: `Pay ${total}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Thank you: your renewal is confirmed" })).toBeVisible();
  // The new term starts the day after the old one ends: early renewals keep their remaining days.
  await expect(page.getByText("31 December 2026 to 30 December 2027")).toBeVisible();
  await expect(page.getByText(new RegExp(`^${total.replace(/[$.]/g, "\\$&")} on `))).toBeVisible();
  await expect(page.getByText(/^By renewing now you kept US\$[\d,]+\.\d{2} in renewal discounts$/)).toBeVisible();
  await a11y.check();

  await page.getByRole("link", { name: "View and print your receipt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Receipt for quote Q-\d+$/ })).toBeVisible();
  await expect(page.getByText("PO-2026-118")).toBeVisible();
  await a11y.check();

  await page.goto("/account");
  const card = page.getByRole("listitem").filter({ hasText: "C365-10002" });
  await expect(card).toContainText("Renewed until 30 Dec 2027");
  await a11y.check();

  // Paying again is not possible: the checkout says it is paid.
  await page.goBack();
  await a11y.check();
});
