/** Share links, reload persistence and broken links. */
import { expect, test } from "@playwright/test";
import { consoleLines, getCode, openApp, runAndWait, setCode, status } from "./helpers";

const PROGRAM = 'const a = tf.constant(3.0, {name: "a"});\nconst sess = tf.Session();\nprint(sess.run(a * 2.0));\nprint(Math.random() < 2);\n';

test("a share link round-trips the code and seed, and opens without running", async ({ page, context }) => {
  await openApp(page);
  await setCode(page, PROGRAM);
  expect(await runAndWait(page)).toBe("done");
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Share link URL" }).inputValue();
  expect(link).toMatch(/#code\//);
  expect(link).toMatch(/[?&]seed=\d+/);

  const other = await context.newPage();
  await other.evaluate(() => localStorage.clear()).catch(() => undefined);
  await openApp(other, link);
  expect(await getCode(other)).toBe(PROGRAM);
  await expect(status(other)).toHaveText("idle");
  await expect(other.getByTestId("banner")).toContainText("has not run");
  expect(await runAndWait(other)).toBe("done");
  expect(await consoleLines(other)).toEqual(["6.0", "True"]);
});

test("Ctrl+S puts the share link in the address bar", async ({ page }) => {
  await openApp(page);
  await setCode(page, PROGRAM);
  await page.getByRole("log", { name: "Console" }).focus();
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("banner")).toBeVisible();
  expect(page.url()).toMatch(/#code\//);
});

test("the editor text survives a reload", async ({ page }) => {
  await openApp(page);
  const code = "// kept across reloads\nprint('hi');\n";
  await setCode(page, code);
  // Saving is debounced; give it its turn, then reload without the URL's copy of the code.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("tf-playground:code"))).toBe(code);
  await page.goto("/");
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  expect(await getCode(page)).toBe(code);
});

test("a corrupt or truncated link says so and keeps the learner's code", async ({ page }) => {
  await openApp(page);
  const mine = "print('my own work');\n";
  await setCode(page, mine);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("tf-playground:code"))).toBe(mine);
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Share link URL" }).inputValue();
  // Same code, different text: a truncated copy of a longer program's link.
  await setCode(page, mine.repeat(20));
  await page.getByRole("button", { name: "Share" }).click();
  const long = await page.getByRole("textbox", { name: "Share link URL" }).inputValue();
  await setCode(page, mine);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("tf-playground:code"))).toBe(mine);
  expect(link).toBeTruthy();

  await openApp(page, long.slice(0, long.length - 25));
  await expect(page.getByTestId("banner")).toContainText("could not be opened");
  expect(await getCode(page)).toBe(mine);

  await openApp(page, "/#code/%%%garbage");
  await expect(page.getByTestId("banner")).toContainText("could not be opened");
  expect(await getCode(page)).toBe(mine);
});

test("a link opened in the address bar of an open playground loads its program without running it", async ({ page }) => {
  await openApp(page);
  await setCode(page, PROGRAM);
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Share link URL" }).inputValue();
  const mine = "print('something else');\n";
  await setCode(page, mine);
  // The address bar follows the editor's code (debounced).
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(new URL(link).hash);

  // Only the hash differs from the page's address: the browser navigates without reloading.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, new URL(link).hash);
  await expect.poll(() => getCode(page)).toBe(PROGRAM);
  await expect(page.getByTestId("banner")).toContainText("has not run");
  await expect(status(page)).toHaveText("idle");

  await page.evaluate(() => {
    location.hash = "#code/%%%garbage";
  });
  await expect(page.getByTestId("banner")).toContainText("could not be opened");
  expect(await getCode(page)).toBe(PROGRAM);
});
