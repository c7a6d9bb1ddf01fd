import type { Browser, Page } from "@playwright/test";

import { expect, test, type A11y } from "./support/fixtures";

/** A fresh browser for one person, signed in with the demo buttons on /sign-in. */
async function signedIn(browser: Browser, a11y: A11y, name: string, landing: RegExp) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await a11y.check(page);
  await page.getByRole("button", { name: new RegExp(`Sign in as ${name}`) }).click();
  await expect(page).toHaveURL(landing);
  await a11y.check(page);
  return { page, close: () => context.close() };
}

/** Sends a request through the form and answers the request page it lands on. */
async function sendRequest(page: Page, a11y: A11y, { topic, subject, message }: { topic: string; subject: string; message: string }) {
  await page.goto("/support/new");
  await a11y.check(page);
  await page.getByLabel("Topic").selectOption({ label: topic });
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/support\/requests\/[0-9a-f-]{36}\?sent=1$/);
  await expect(page.getByRole("status")).toContainText(/we have received your request SUP-2\d{4}/);
  await a11y.check(page);
}

test("a request is deflected by a suggested article, then another is sent and listed under My requests", async ({ page, a11y }) => {
  await page.goto("/support");
  await expect(page.getByRole("heading", { level: 1, name: "Contact support" })).toBeVisible();
  await expect(page.getByRole("link", { name: "+60 3-2789 0365" })).toBeVisible();
  await expect(page.getByText("Monday to Friday, 09:00–18:00 Malaysia time (UTC+8).").first()).toBeVisible();
  await a11y.check();

  // Signed out: the form asks to sign in, then brings the customer back to it.
  await page.getByRole("link", { name: "New request" }).click();
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fsupport%2Fnew$/);
  await a11y.check();
  await page.getByRole("button", { name: /Sign in as Amelia Hart/ }).click();
  await expect(page).toHaveURL("/support/new");
  await expect(page.getByRole("heading", { level: 1, name: "New support request" })).toBeVisible();
  await a11y.check();

  await page.getByLabel("Topic").selectOption({ label: "Billing and invoices" });
  await page.getByLabel("Subject").fill("How do I download my invoice");
  const suggestions = page.getByRole("region", { name: "These articles may answer your question" });
  await expect(suggestions.getByRole("link", { name: "Invoices and receipts" })).toBeVisible();
  await a11y.check();
  await suggestions.getByRole("link", { name: "Invoices and receipts" }).click();
  await expect(page).toHaveURL("/help/articles/invoices-and-receipts");
  await expect(page.getByRole("heading", { level: 1, name: "Invoices and receipts" })).toBeVisible();
  await a11y.check();

  const subject = "Dispatch board freezes after the update";
  await sendRequest(page, a11y, {
    topic: "Technical problem",
    subject,
    message: "Since this morning the dispatch board stops refreshing after about ten minutes. <b>Reloading</b> helps for a while.",
  });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  // What was typed is shown as text, tags and all.
  await expect(page.getByText("<b>Reloading</b> helps for a while.")).toBeVisible();

  await page.getByRole("link", { name: "Back to My requests" }).click();
  await expect(page).toHaveURL("/support/requests");
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText(/SUP-2\d{4}/);
  await expect(row).toContainText("Waiting for us");
  await expect(row).toContainText("25 Nov 2026");
  await a11y.check();
});

test("support answers a request and the customer sees the reply, then rates it", async ({ browser, a11y }) => {
  // Two people, three browsers' worth of pages and axe runs on a shared 2-core machine.
  test.slow();
  const subject = "Route planner shows yesterday's jobs";
  const customer = await signedIn(browser, a11y, "Amelia Hart", /\/account$/);
  await sendRequest(customer.page, a11y, {
    topic: "Technical problem",
    subject,
    message: "The route planner still lists yesterday's jobs for the Newark depot.",
  });
  const requestUrl = customer.page.url().replace(/\?sent=1$/, "");

  const staff = await signedIn(browser, a11y, "Maya Tan", /\/staff$/);
  await staff.page.getByRole("navigation", { name: "Success team" }).getByRole("link", { name: "Support requests" }).click();
  await expect(staff.page).toHaveURL("/staff/tickets");
  await a11y.check(staff.page);
  await staff.page.getByRole("link", { name: subject }).click();
  await expect(staff.page.getByRole("heading", { level: 1 })).toContainText(subject);
  await a11y.check(staff.page);
  await staff.page.getByLabel("Your reply").fill("Thanks Amelia, we cleared the Newark depot's cache; today's jobs show now.");
  await staff.page.getByLabel("After sending, the request is").selectOption({ label: "Resolved" });
  await staff.page.getByRole("button", { name: "Send reply" }).click();
  await expect(staff.page.getByRole("status")).toContainText("First reply sent");
  await expect(staff.page.getByText("Resolved", { exact: true }).first()).toBeVisible();
  await a11y.check(staff.page);

  await customer.page.goto(requestUrl);
  await expect(customer.page.getByText("Maya Tan, Customer365 support")).toBeVisible();
  await expect(customer.page.getByText("we cleared the Newark depot's cache")).toBeVisible();
  await a11y.check(customer.page);
  const rating = customer.page.getByRole("group", { name: "How satisfied are you with how we handled this request?" });
  await rating.getByLabel("5 – Very satisfied").check();
  await customer.page.getByRole("button", { name: "Send rating" }).click();
  await expect(customer.page.getByRole("status").filter({ hasText: "Thank you for rating this request 5 out of 5." })).toBeVisible();
  await a11y.check(customer.page);

  // The rating reaches the team's feedback page.
  await staff.page.goto("/staff/feedback");
  await expect(staff.page.getByRole("heading", { level: 1, name: "Customer feedback" })).toBeVisible();
  await a11y.check(staff.page);
  await customer.close();
  await staff.close();
});

/**
 * axe runs as script in the page, so it cannot check a page while JavaScript
 * is off. The no-JavaScript "check the help centre first" step only exists
 * as the answer to a POST, so its document is copied (without scripts) into a
 * page on the same origin, where its stylesheet loads, and checked there.
 */
async function checkDocument(browser: Browser, a11y: A11y, html: string) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/help");
  await page.setContent(html.replace(/<script\b[\s\S]*?<\/script>/gi, ""), { waitUntil: "load" });
  await a11y.check(page);
  await context.close();
}

test("without JavaScript the form shows matching articles once, then sends the request", async ({ browser, a11y }) => {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in?redirectTo=%2Fsupport%2Fnew%3Ftopic%3Dbilling");
  await page.getByRole("button", { name: /Sign in as Amelia Hart/ }).click();
  await expect(page).toHaveURL("/support/new?topic=billing");
  await expect(page.getByLabel("Topic")).toHaveValue("billing");
  await checkDocument(browser, a11y, await page.content());
  await page.getByLabel("Subject").fill("Tax ID missing on my invoice");
  await page.getByLabel("Message").fill("Our tax ID does not appear on the last invoice.");
  await page.getByRole("button", { name: "Send request" }).click();
  const check = page.getByRole("region", { name: "Check the help centre first" });
  await expect(check.getByRole("link").first()).toBeVisible();
  // Nothing typed is lost on the way.
  await expect(page.getByLabel("Subject")).toHaveValue("Tax ID missing on my invoice");
  await expect(page.getByLabel("Message")).toHaveValue("Our tax ID does not appear on the last invoice.");
  await checkDocument(browser, a11y, await page.content());
  await check.getByRole("button", { name: "Still need help? Send it" }).click();
  await expect(page).toHaveURL(/\/support\/requests\/[0-9a-f-]{36}\?sent=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tax ID missing on my invoice");
  await checkDocument(browser, a11y, await page.content());
  await context.close();
});

test("the NPS question is one click from the header", async ({ browser, a11y }) => {
  const customer = await signedIn(browser, a11y, "Olivia Newman", /\/account$/);
  await customer.page.getByRole("link", { name: "Give feedback" }).click();
  await expect(customer.page).toHaveURL("/feedback/nps");
  await a11y.check(customer.page);
  await customer.page.getByRole("button", { name: "Send" }).click();
  await expect(customer.page.getByRole("alert")).toHaveText("Please choose a score from 0 to 10.");
  await customer.page.getByRole("group", { name: /How likely are you to recommend/ }).getByLabel("9", { exact: true }).check();
  await customer.page.getByLabel("What is the main reason for your score? (optional)").fill("Setup was quick.");
  await customer.page.getByRole("button", { name: "Send" }).click();
  await expect(customer.page.getByRole("status")).toHaveText("Thank you! You gave us 9 out of 10.");
  await a11y.check(customer.page);
  await customer.close();
});

test("a score picked before the form's validation has loaded is kept when it binds", async ({ browser, a11y }) => {
  const customer = await signedIn(browser, a11y, "Amelia Hart", /\/account$/);
  const { page } = customer;
  // Hold the validation code back until the visitor has answered.
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/_shared\/form-binder-[\w-]+\.js$/, async (route) => {
    await answered;
    await route.continue();
  });
  await page.goto("/feedback/nps");
  await a11y.check(page);
  // Amelia answered 9 in October: the form starts from that answer.
  const scale = page.getByRole("group", { name: /How likely are you to recommend/ });
  await expect(scale.getByLabel("9", { exact: true })).toBeChecked();
  await scale.getByLabel("7", { exact: true }).check();
  await page.getByLabel("What is the main reason for your score? (optional)").fill("Reports save us a day a month.");
  release();
  await expect(page.locator('form[data-validation="bound"]')).toHaveCount(1);
  await expect(scale.getByLabel("7", { exact: true })).toBeChecked();
  await expect(page.getByLabel("What is the main reason for your score? (optional)")).toHaveValue("Reports save us a day a month.");
  await page.getByRole("button", { name: "Update my answer" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you! Your answer is now 7 out of 10.");
  await a11y.check(page);
  await customer.close();
});

test("the staff editor shows translations as outdated after the English article is edited", async ({ browser, a11y }) => {
  // axe takes seconds on the full article table (every language of every article is a link).
  test.slow();
  const staff = await signedIn(browser, a11y, "Maya Tan", /\/staff$/);
  const { page } = staff;
  await page.goto("/staff/help");
  await expect(page.getByRole("heading", { level: 1, name: "Help-centre articles" })).toBeVisible();
  await a11y.check(page);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Turning auto-renew on or off", exact: true }) });
  await expect(row.getByText("Outdated")).toHaveCount(0);

  await row.getByRole("link", { name: "Turning auto-renew on or off", exact: true }).click();
  await expect(page).toHaveURL("/staff/help/articles/auto-renew");
  await a11y.check(page);
  const body = page.getByLabel("Article (Markdown)");
  await body.fill(`${await body.inputValue()}\n\n## Before you switch it off\n\nTalk to your success manager <script>alert(1)</script> first.`);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Before you switch it off" })).toBeVisible();
  await expect(preview.locator("script")).toHaveCount(0);
  await a11y.check(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("navigation", { name: "Languages" }).getByText("Outdated")).toHaveCount(3);
  await a11y.check(page);

  await page.getByRole("link", { name: "Back to the articles" }).click();
  await expect(page).toHaveURL("/staff/help");
  const edited = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Turning auto-renew on or off", exact: true }) });
  await expect(edited.getByText("Outdated")).toHaveCount(3);
  await expect(edited.getByText("Published")).toHaveCount(1);
  await a11y.check(page);

  await page.getByRole("link", { name: "New article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New article" })).toBeVisible();
  await a11y.check(page);
  await page.getByRole("link", { name: "Back to the articles" }).click();
  await page.getByRole("link", { name: "Readers and searches" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Readers and searches" })).toBeVisible();
  await a11y.check(page);
  await staff.close();
});
