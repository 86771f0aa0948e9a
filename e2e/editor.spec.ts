/** The editor: TypeScript for the tf API, operators on tensors, run markers, shortcuts. */
import { expect, test, type Page } from "@playwright/test";
import { openApp, runAndWait, setCode, status } from "./helpers";

const markers = (page: Page) => page.evaluate(() => window.__playground!.markers!());

test("operators on tensors type-check: sum_node.name and (a * 2).name are not errors", async ({ page }) => {
  await openApp(page);
  await setCode(page, 'const a = tf.constant(2.0, {name: "a"});\nconst b = tf.constant(3.0);\nconst sum_node = a + b;\nconst m = a * 2;\nprint(sum_node.name, m.name, (2 - a).name);\nconst wrong: number = "text";\n');
  // The deliberate error proves the checker ran; nothing else may be reported.
  await expect.poll(async () => (await markers(page)).filter((m) => m.owner === "typescript").map((m) => m.line), { timeout: 30_000 }).toEqual([6]);
});

test("hovering a tf function shows the engine's documentation", async ({ page }) => {
  await openApp(page);
  await setCode(page, 'const x = tf.placeholder(tf.float32, {name: "x"});\n');
  await page.locator(".view-line span", { hasText: "placeholder" }).first().hover();
  await expect(page.locator(".monaco-hover").filter({ hasText: "A node whose value must be fed" }).first()).toBeVisible({ timeout: 30_000 });
});

test("a failed run marks the sess.run line and the line that created the culprit", async ({ page }) => {
  await openApp(page);
  await setCode(page, 'const x = tf.placeholder(tf.float32, {name: "x"});\nconst y = x * 2.0;\nconst sess = tf.Session();\nsess.run(y);\n');
  expect(await runAndWait(page)).toBe("error");
  await expect.poll(async () => (await markers(page)).filter((m) => m.owner === "tf-run").map((m) => [m.line, m.severity])).toEqual([
    [4, "error"],
    [1, "warning"],
  ]);
});

test("Ctrl+Enter in the editor runs the program", async ({ page }) => {
  await openApp(page);
  await setCode(page, "print('from the keyboard');\n");
  await page.locator(".view-line").first().click();
  await page.keyboard.press("Control+Enter");
  await expect(status(page)).toHaveText("done");
  await expect(page.getByRole("log", { name: "Console" })).toContainText("from the keyboard");
});

test("the runs list steps with the keyboard and jumps to the first error", async ({ page }) => {
  await openApp(page);
  await setCode(page, 'const x = tf.placeholder(tf.float32);\nconst sess = tf.Session();\nfor (let i = 0; i < 3; i++) sess.run(x * 2.0, {feed_dict: {[x]: i}});\ntry { sess.run(x); } catch (e) {}\nsess.run(x * 2.0, {feed_dict: {[x]: 9}});\n');
  expect(await runAndWait(page)).toBe("done");
  const runs = page.getByRole("listbox", { name: "Runs" });
  await expect(runs.locator('[aria-selected="true"]')).toHaveAttribute("data-run", "3");
  await runs.locator('[data-run="0"]').click();
  await page.keyboard.press("ArrowDown");
  await expect(runs.locator('[aria-selected="true"]')).toHaveAttribute("data-run", "1");
  await page.keyboard.press("End");
  await expect(runs.locator('[aria-selected="true"]')).toHaveAttribute("data-run", "4");
  await page.getByRole("button", { name: "Jump to first error" }).click();
  await expect(runs.locator('[aria-selected="true"]')).toHaveAttribute("data-status", "error");
});
