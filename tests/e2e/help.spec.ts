import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";

/** Types into the help centre's one search box and submits it with Enter. */
async function search(page: Page, label: string, query: string) {
  const box = page.getByRole("searchbox", { name: label });
  await box.fill(query);
  await box.press("Enter");
}

function results(page: Page) {
  return page.locator("ol.help-results > li");
}

test("English search finds the right article first, with the match highlighted", async ({ page, a11y }) => {
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1, name: "How can we help?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Renewals and billing" })).toBeVisible();
  await a11y.check();

  await search(page, "Search the help centre", "grace period");
  await expect(page).toHaveURL(/\/help\/search\?q=grace\+period$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “grace period”");
  const first = results(page).first();
  await expect(first.getByRole("link")).toHaveText("What happens at the end date and during the grace period");
  await expect(first.locator(".help-snippet mark").first()).toHaveText(/^(grace|period)$/i);
  await expect(page.getByRole("status").filter({ hasText: /articles? found/ })).toBeVisible();
  await a11y.check();
});

test("Malay search finds the Malay article with the match highlighted", async ({ browser, a11y }) => {
  const context = await browser.newContext({ locale: "ms-MY" });
  const page = await context.newPage();
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apa yang boleh kami bantu?");
  await a11y.check(page);

  await search(page, "Cari di pusat bantuan", "tempoh ihsan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil carian untuk “tempoh ihsan”");
  const first = results(page).first();
  await expect(first.getByRole("link")).toHaveText("Apa yang berlaku pada tarikh tamat dan dalam tempoh ihsan");
  await expect(first.locator(".help-snippet mark").first()).toHaveText(/^(tempoh|ihsan)$/i);
  await a11y.check(page);
  await context.close();
});

test("Chinese search (no spaces between words) finds the right article in both scripts", async ({ browser, a11y }) => {
  const simplified = await browser.newContext({ locale: "zh-CN" });
  const page = await simplified.newPage();
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("需要什么帮助？");
  await a11y.check(page);
  await search(page, "搜索帮助中心", "宽限期");
  const first = results(page).first();
  await expect(first.getByRole("link")).toHaveText("到期日与宽限期内会发生什么");
  await expect(first.locator(".help-snippet mark").first()).toHaveText("宽限期");
  await a11y.check(page);
  await simplified.close();

  const traditional = await browser.newContext({ locale: "zh-TW" });
  const page2 = await traditional.newPage();
  await page2.goto("/help/search?q=" + encodeURIComponent("匯出資料"));
  await expect(results(page2).first().getByRole("link")).toHaveText("匯出資料");
  await expect(results(page2).first().locator(".help-snippet mark").first()).toHaveText(/^(匯出|資料|匯出資料)$/);
  await a11y.check(page2);
  await traditional.close();
});

test("a misspelled query still finds the article and says what it searched for", async ({ page, a11y }) => {
  await page.goto("/help/search?q=invoce");
  await expect(page.getByText("Nothing matched “invoce”.")).toBeVisible();
  await expect(page.locator(".help-suggestion").getByRole("link", { name: "invoice" })).toBeVisible();
  await expect(results(page).first().getByRole("link")).toHaveText("Invoices and receipts");
  await a11y.check();

  await search(page, "Search the help centre", "renewl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “renewl”");
  await expect(results(page).getByRole("link", { name: "How renewal works" })).toBeVisible();
  await a11y.check();
});

test("a query that finds nothing offers popular articles and a way to contact support", async ({ page, a11y }) => {
  await page.goto("/help/search?q=" + encodeURIComponent("xylophone lessons"));
  await expect(page.getByText("No articles match “xylophone lessons”.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Popular articles" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Still need help?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "support@customer365.example" })).toBeVisible();
  await a11y.check();
});

test("an article has a table of contents, and a vote is thanked and counted once", async ({ page, a11y }) => {
  await page.goto("/help/search?q=" + encodeURIComponent("multi-year discount"));
  await a11y.check();
  await results(page).getByRole("link", { name: "Multi-year terms" }).click();
  await expect(page).toHaveURL(/\/help\/articles\/multi-year-terms$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Multi-year terms");
  await expect(page.getByText(/^Last updated \d{1,2} \w+ \d{4}$/)).toBeVisible();
  await a11y.check();

  const toc = page.getByRole("navigation", { name: "On this page" });
  await expect(toc.getByRole("link")).toHaveText([
    "Multi-year discounts",
    "Combining with early renewal",
    "Choosing a term on the renewal page",
  ]);
  await toc.getByRole("link", { name: "Combining with early renewal" }).click();
  await expect(page).toHaveURL(/#kb-combining-with-early-renewal$/);
  await expect(page.getByRole("heading", { level: 2, name: "Combining with early renewal" })).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Related articles" })).toBeVisible();

  const feedback = page.locator("#feedback");
  const url = page.url();
  await feedback.getByRole("button", { name: "Yes" }).click();
  const thanks = feedback.getByRole("status");
  await expect(thanks).toContainText("Thank you for your feedback!");
  await expect(thanks).toBeFocused();
  await expect(feedback.getByText("1 of 1 readers found this helpful.")).toBeVisible();
  expect(page.url(), "voting does not navigate").toBe(url);

  // The same visitor again, by reload and by replaying the form post: still one vote.
  await page.reload();
  await expect(feedback.getByRole("button", { name: "Yes" })).toHaveCount(0);
  await expect(feedback.getByRole("status")).toContainText("Thank you for your feedback!");
  const replay = await page.request.post(url, {
    form: { intent: "vote", helpful: "yes" },
    headers: { Origin: new URL(url).origin },
  });
  expect(replay.status()).toBe(200);
  await page.reload();
  await expect(feedback.getByText("1 of 1 readers found this helpful.")).toBeVisible();

  await feedback.getByLabel("Anything we should add or fix? (optional)").fill("A worked example with numbers would help.");
  await feedback.getByRole("button", { name: "Send comment" }).click();
  await expect(feedback.getByRole("status")).toContainText("Thanks, we have received your comment.");
  await a11y.check();
});

test("searching and voting work without JavaScript, with plain forms", async ({ browser }) => {
  // axe runs as script in the page, so it cannot check a page with JavaScript
  // off; these are the same documents the other tests check with it on.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/help");
  await search(page, "Search the help centre", "tax id");
  await expect(page).toHaveURL(/\/help\/search\?q=tax\+id$/);
  await expect(results(page).first().getByRole("link")).toHaveText("Tax IDs and billing details");
  await results(page).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tax IDs and billing details");
  await page.locator("#feedback").getByRole("button", { name: "No" }).click();
  await expect(page.locator("#feedback").getByRole("status")).toContainText(
    "Sorry it did not help. Tell us what was missing and we will improve the article.",
  );
  await expect(page.locator("#feedback").getByText("0 of 1 readers found this helpful.")).toBeVisible();
  await context.close();
});

test("the FAQ gives short answers that link to the articles", async ({ page, a11y }) => {
  await page.goto("/faq");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frequently asked questions");
  await expect(page.getByRole("search")).toBeVisible();
  await a11y.check();
  const question = page.locator("details").filter({ hasText: "When can I renew my contract?" });
  await question.locator("summary").click();
  await expect(question.getByText(/30-day grace period/)).toBeVisible();
  await question.getByRole("link", { name: "Read more: How renewal works" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How renewal works");
  await a11y.check();
});

test("a hostile search query is shown as text and runs nothing", async ({ page, a11y }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const hostile = "<img src=x onerror=alert(1)>";
  await page.goto("/help");
  await a11y.check();
  await search(page, "Search the help centre", hostile);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results for “${hostile}”`);
  await expect(page.getByRole("searchbox", { name: "Search the help centre" })).toHaveValue(hostile);
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  await a11y.check();
  // A full document load of the same URL (server-rendered HTML, not React's client render).
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results for “${hostile}”`);
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("an unknown article or topic is a 404 page that offers the search box", async ({ page, a11y }) => {
  const response = await page.goto("/help/articles/no-such-article");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that article");
  await expect(page.getByRole("searchbox", { name: "Search the help centre" })).toBeVisible();
  await a11y.check();
  const topic = await page.goto("/help/categories/astrology");
  expect(topic?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that topic");
  await a11y.check();
});
