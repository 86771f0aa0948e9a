/**
 * Python's loading, as the learner sees it: how many of Pyodide's megabytes have arrived (a
 * progress bar with its value for screen readers), then "Starting Python…" until the worker
 * says it booted, then the program's output; a second visit says the files came from the
 * browser's cache.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { consoleLines, openApp, status } from "./helpers";

// Pyodide's first boot compiles CPython (9.6 MB of wasm): give it time on a busy machine.
test.setTimeout(180_000);

test("choosing Python shows the megabytes loaded in a progress bar, then 'Starting Python…', then the program runs", async ({ page }) => {
  await openApp(page);
  // Hold the standard library back until the test has seen the progress (the wasm arrives at once).
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/python_stdlib[^/]*\.zip$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.evaluate(() => {
    window.__playground!.setLanguage!("python");
    window.__playground!.setCode("print('ready', 6 * 7)");
  });
  await page.getByRole("button", { name: "Run", exact: true }).click();

  const banner = page.getByTestId("banner");
  const bar = banner.getByRole("progressbar", { name: /^Loading Python/ });
  await expect(banner).toContainText("Loading Python…");
  // The wasm's 9.6 MB are in, the standard library's 2.5 MB are not: the bar says so, in bytes.
  await expect(bar).toHaveAttribute("aria-valuenow", "9597892");
  const max = Number(await bar.getAttribute("aria-valuemax"));
  expect(max).toBeGreaterThan(12_000_000);
  await expect(bar).toHaveAttribute("aria-valuetext", "9.6 of 12.1 MB");
  await expect(banner).toContainText("9.6 of 12.1 MB");
  // The banner is a polite live region: its text is announced, the bytes are the bar's value.
  await expect(banner).toHaveAttribute("role", "status");
  await expect(status(page)).toHaveText("running");
  // axe finds nothing wrong with the banner and its bar (WCAG 2.1 AA and best practices).
  const axe = await new AxeBuilder({ page }).include('[data-testid="banner"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  release();
  // Pyodide's files are in: the worker boots (the bar no longer claims to know how far).
  const starting = banner.getByRole("progressbar", { name: "Starting Python…" });
  await expect(starting).toBeVisible();
  expect(await starting.getAttribute("aria-valuenow")).toBeNull();
  await expect(status(page)).toHaveText("done", { timeout: 150_000 });
  expect(await consoleLines(page)).toEqual(["ready 42"]);
  await expect(banner).toHaveCount(0);
});

test("a second visit loads Python from the browser's cache, and says so", async ({ page, context }) => {
  await openApp(page);
  await page.getByTestId("language").selectOption("python");
  // The first visit downloads the files (no banner left once Python is up).
  await expect(page.getByTestId("banner")).toContainText(/Python/);
  await expect(page.getByTestId("banner")).toHaveCount(0, { timeout: 150_000 });

  const again = await context.newPage();
  await openApp(again);
  await again.getByTestId("language").selectOption("python");
  await expect(again.getByTestId("banner")).toContainText("from the browser's cache", { timeout: 60_000 });
  await expect(again.getByTestId("banner")).toHaveCount(0, { timeout: 150_000 });
  await again.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(again)).toHaveText("done", { timeout: 60_000 });
});
