import { expect, test } from "./support/fixtures";

const LANGUAGES = [
  { accept: "en-GB", lang: "en", heading: "Your subscriptions and renewals, in one place", nav: "Help centre" },
  { accept: "ms-MY", lang: "ms", heading: "Langganan dan pembaharuan anda, di satu tempat", nav: "Pusat bantuan" },
  { accept: "zh-CN", lang: "zh-Hans", heading: "您的订阅与续订，尽在一处", nav: "帮助中心" },
  { accept: "zh-TW", lang: "zh-Hant", heading: "您的訂閱與續約，盡在一處", nav: "說明中心" },
] as const;

for (const language of LANGUAGES) {
  test(`home page speaks ${language.lang} to a browser asking for ${language.accept}`, async ({
    browser,
    a11y,
  }) => {
    const context = await browser.newContext({ locale: language.accept });
    const page = await context.newPage();
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(language.heading);
    await expect(page.getByRole("navigation").getByRole("link", { name: language.nav })).toBeVisible();
    await expect(page.getByRole("combobox")).toHaveValue(language.lang);
    await a11y.check(page);
    await page.screenshot({ path: `tests/e2e/__screenshots__/home-${language.lang}.png`, fullPage: true });
    await context.close();
  });
}

test("the language switcher changes the language and remembers it", async ({ page, a11y }) => {
  await page.goto("/");
  await a11y.check();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-Hant");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("您的訂閱與續約，盡在一處");
  await a11y.check();
  // The choice is a cookie: a new visit stays in Traditional Chinese.
  await page.goto("/help-does-not-exist");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到頁面");
  await a11y.check();
});

test("an unknown page is a localised 404 with a way back", async ({ page, a11y }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  await a11y.check();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL("/");
  await a11y.check();
});

test("keyboard users can skip straight to the content", async ({ page, a11y }) => {
  await page.goto("/");
  await a11y.check();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("health check reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
