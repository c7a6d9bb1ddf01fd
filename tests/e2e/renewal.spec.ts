import type { Page } from "@playwright/test";

import { expect, test, type A11y } from "./support/fixtures";

/** A contract card's "Renew now" link on the account home (its name ends "(contract C365-…)" in any language). */
function renewLink(page: Page, number: string) {
  return page.getByRole("link", { name: new RegExp(`\\(\\S+ ${number}\\)$`) });
}

async function signInAs(page: Page, a11y: A11y, name: RegExp) {
  await page.goto("/sign-in");
  await a11y.check();
  await page.getByRole("button", { name }).click();
  await expect(page).toHaveURL("/account");
  await a11y.check();
}

async function linkFromMailbox(page: Page, a11y: A11y, to: string, pattern: RegExp) {
  await page.goto("/dev/mailbox");
  await a11y.check();
  await page.getByRole("row").filter({ hasText: to }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await a11y.check();
  const href = await page.getByRole("link", { name: pattern }).first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

/** The amount in the last cell of the breakdown row that starts with `label`. */
function amountOf(page: Page, label: string | RegExp) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label }) }).getByRole("cell").last();
}

test("Amelia renews early with +5 seats for 2 years, shares it with Ben, and Ben approves it", async ({ page, browser, a11y }) => {
  await signInAs(page, a11y, /Sign in as Amelia Hart/);
  await renewLink(page, "C365-10001").click();
  await expect(page.getByRole("heading", { level: 1, name: "Renewal of contract C365-10001" })).toBeVisible();
  await expect(page.getByText("Your current term ends on 28 February 2027, in 95 days.")).toBeVisible();
  // The recommendation keeps the plan and add-ons for one year, with the early-renewal discount applied.
  await expect(page.getByRole("radio", { name: /^1 year/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^Professional/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Advanced Analytics/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Premium Support/ })).toBeChecked();
  await expect(page.getByText("Confirm by 30 November 2026 to keep 10% off; from 1 December 2026 it is 7% off.")).toBeVisible();
  await a11y.check();

  // Two years: the option itself shows what the multi-year discount saves.
  await page.getByRole("radio", { name: /^2 years/ }).check();
  await expect(page).toHaveURL(/term=2/);
  await expect(page.getByRole("radio", { name: /^2 years/ })).toHaveAccessibleName(/saves US\$[\d,]+\.\d\d \(5%\)/);
  await a11y.check();

  // +5 seats, priced live.
  await page.getByLabel("Seats", { exact: true }).fill("125");
  await expect(page).toHaveURL(/seats=125/);
  await expect(page.getByText("Total for 2 years: US$66,690.00", { exact: true })).toBeVisible();
  await a11y.check();

  // Every amount, against docs/pricing.md's worked example.
  await expect(amountOf(page, "Professional")).toHaveText("US$60,000.00");
  await expect(page.getByRole("row").filter({ hasText: "Professional" }).first()).toContainText("125 seats × US$240.00 a year for 2 years");
  await expect(amountOf(page, "Advanced Analytics")).toHaveText("US$9,000.00");
  await expect(amountOf(page, "Premium Support")).toHaveText("US$9,000.00");
  await expect(amountOf(page, "Subtotal")).toHaveText("US$78,000.00");
  await expect(amountOf(page, "Multi-year discount (2 years, 5%)")).toHaveText("-US$3,900.00");
  await expect(amountOf(page, "Early-renewal discount (10%, 95 days before end)")).toHaveText("-US$7,410.00");
  await expect(amountOf(page, "Discounts")).toHaveText("-US$11,310.00");
  await expect(amountOf(page, "Total for 2 years")).toHaveText("US$66,690.00");
  await expect(page.getByText("New term: 1 March 2027 to 28 February 2029.")).toBeVisible();
  await expect(page.getByText(/No hidden fees/)).toBeVisible();

  // Share with the approver: a saved version, then the approver's details.
  await page.getByRole("button", { name: "Share with my approver" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Share quote Q-\d+ with your approver$/ })).toBeVisible();
  await expect(page.getByText(/Send this quote \(US\$66,690\.00\)/)).toBeVisible();
  await a11y.check();
  const quoteNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/Q-\d+/)![0];
  await page.getByRole("button", { name: "Send to approver" }).click();
  await expect(page.getByText("Enter the approver's name (up to 200 characters).")).toBeVisible();
  await page.getByLabel("Approver's name").fill("Ben Carter");
  await page.getByLabel("Approver's email").fill("ben.carter@northwind.example");
  await page.getByLabel("Note for the approver (optional)").fill("Ben, this keeps the 10% early-renewal discount.");
  await page.getByRole("button", { name: "Send to approver" }).click();
  await expect(page.getByText("Sent to ben.carter@northwind.example.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "ben.carter@northwind.example" })).toContainText("Waiting for a decision");
  await a11y.check();

  // The quote itself: stored lines, number, price hold.
  await page.getByRole("link", { name: "Back to the quote" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review quote ${quoteNumber}` })).toBeVisible();
  await expect(amountOf(page, "Total for 2 years")).toHaveText("US$66,690.00");
  await expect(page.getByText("Price held until 25 December 2026")).toBeVisible();
  await a11y.check();

  const approverLink = await linkFromMailbox(page, a11y, "ben.carter@northwind.example", /\/approve\//);

  // Ben, in his own browser, with nothing but the link.
  const context = await browser.newContext();
  const ben = await context.newPage();
  const response = await ben.goto(approverLink);
  // helmet's site-wide policy comes first; per the Referrer Policy spec the last valid token wins.
  expect(response?.headers()["referrer-policy"]?.split(/[,\n]/).map((p) => p.trim()).at(-1)).toBe("no-referrer");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(ben.getByRole("heading", { level: 1, name: `Quote ${quoteNumber} for Northwind Logistics` })).toBeVisible();
  await expect(ben.getByText("Ben, this keeps the 10% early-renewal discount.")).toBeVisible();
  await expect(amountOf(ben, "Total for 2 years")).toHaveText("US$66,690.00");
  await a11y.check(ben);
  await ben.getByRole("radio", { name: "Approve" }).check();
  await ben.getByRole("button", { name: "Send my decision" }).click();
  await expect(ben.getByText("You approved this quote. We have told Amelia Hart.")).toBeVisible();
  await a11y.check(ben);
  await ben.getByRole("button", { name: "Continue to payment" }).click();
  await expect(ben.getByRole("heading", { level: 1, name: `Review quote ${quoteNumber}` })).toBeVisible();
  await expect(ben.getByText("Ben Carter approved this quote on 25 November 2026.")).toBeVisible();
  await expect(ben.getByRole("button", { name: "Confirm and continue to payment" })).toBeVisible();
  await a11y.check(ben);
  await context.close();

  // Amelia sees the decision.
  await page.goto("/dev/mailbox");
  await a11y.check();
  await expect(page.getByRole("row").filter({ hasText: `Ben Carter approved quote ${quoteNumber}` }).first()).toBeVisible();
});

test("Nurul, in Malay, tells us why she won't renew, and it is recorded", async ({ page, a11y }) => {
  await signInAs(page, a11y, /Sign in as Nurul Aisyah binti Ahmad/);
  await page.getByLabel("Language").selectOption("ms");
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await a11y.check();
  await renewLink(page, "C365-10026").click();
  await expect(page.getByRole("heading", { level: 1, name: "Pembaharuan kontrak C365-10026" })).toBeVisible();
  // Ringgit, formatted for Malaysia.
  await expect(page.getByText(/^Jumlah untuk 1 tahun: RM\s?\d{1,3}(,\d{3})*\.\d{2}$/)).toBeVisible();
  await a11y.check();

  await page.getByRole("link", { name: "Saya tidak bercadang untuk memperbaharui" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tidak memperbaharui kontrak C365-10026?" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Tawaran sekali sahaja: diskaun 15%" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Pelan yang lebih kecil" })).toBeVisible();
  await a11y.check();

  await page.getByRole("button", { name: "Sahkan bahawa kami tidak akan memperbaharui" }).click();
  await expect(page.getByText("Pilih sekurang-kurangnya satu sebab.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Kami tiada bajet untuknya" }).check();
  await page.getByRole("checkbox", { name: "Pasukan kami tidak cukup menggunakannya" }).check();
  await page.getByLabel("Dalam kata-kata anda sendiri (pilihan)").fill("Bajet jabatan dipotong untuk tahun depan.");
  await page.getByRole("button", { name: "Sahkan bahawa kami tidak akan memperbaharui" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Pembaharuan kontrak C365-10026" })).toBeVisible();
  await expect(page.getByText(/^Pada 25 November 2026 anda memberitahu kami bahawa anda tidak bercadang untuk memperbaharui/)).toBeVisible();
  await a11y.check();
});

test("Traditional Chinese shows whole New Taiwan dollars", async ({ page, a11y }) => {
  await signInAs(page, a11y, /Sign in as 陳怡君/);
  await page.getByLabel("Language").selectOption("zh-Hant");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await a11y.check();
  await renewLink(page, "C365-10044").click();
  await expect(page.getByRole("heading", { level: 1, name: /^合約 C365-\d+ 續約$/ })).toBeVisible();
  // zh-Hant-TW writes TWD as "$" with no decimals: the portal never shows cents for TWD.
  await expect(page.getByText(/^1 年合計：\$\d{1,3}(,\d{3})*$/)).toBeVisible();
  await expect(amountOf(page, "小計")).toHaveText(/^\$\d{1,3}(,\d{3})*$/);
  await a11y.check();
});

test("without JavaScript, the same form reprices and saves the quote", async ({ browser }) => {
  // axe runs as injected script, so it cannot check a page with JavaScript off; the same pages pass it in the tests above.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /Sign in as Amelia Hart/ }).click();
  await renewLink(page, "C365-10001").click();
  await expect(page.getByRole("heading", { level: 1, name: "Renewal of contract C365-10001" })).toBeVisible();
  await page.getByRole("radio", { name: /^2 years/ }).check();
  await page.getByLabel("Seats", { exact: true }).fill("125");
  await page.getByRole("button", { name: "Update price" }).click();
  await expect(page.getByText("Total for 2 years: US$66,690.00", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Review and confirm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Review quote Q-\d+$/ })).toBeVisible();
  await expect(amountOf(page, "Total for 2 years")).toHaveText("US$66,690.00");
  // Confirming without the terms is refused with the message, and nothing moves on.
  await page.getByRole("button", { name: "Confirm and continue to payment" }).click();
  await expect(page.getByText("Accept the renewal terms to continue.")).toBeVisible();
  await context.close();
});
