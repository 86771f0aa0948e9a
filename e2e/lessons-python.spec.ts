/**
 * Lessons in Python: the learner's language choice applies to the lesson (its starter, text
 * and checks), a Python solution passes its task, and switching back to TypeScript keeps the
 * progress and each language's draft.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
// lz-string is CommonJS: Playwright's ESM loader sees only its default export.
import lzString from "lz-string";
import { parseLesson } from "../src/lessons/parse";
import { getCode, openApp, runAndWait, setCode } from "./helpers";

const lessonPane = (page: Page) => page.getByRole("region", { name: "Lesson" });
const task = (page: Page, n: number) => lessonPane(page).locator(".task-card").nth(n);
const placeholders = parseLesson(readFileSync(new URL("../lessons/06-placeholders.md", import.meta.url), "utf8"), "06-placeholders.md");

test("a lesson taken in Python: its starter, a solution that passes, and TypeScript again with the progress kept", async ({ page }) => {
  // Pyodide boots in the program worker and in the check worker: seconds each, more under load.
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByTestId("language").selectOption("python");
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await lessonPane(page).getByRole("button", { name: new RegExp(placeholders.title) }).click();

  expect(await getCode(page)).toBe(placeholders.starter.python);
  await expect(lessonPane(page)).toContainText("sess.run(node, feed_dict={celsius: 25})");
  await expect(lessonPane(page)).not.toContainText("{feed_dict: {[celsius]: 25}}");

  const feedIt = placeholders.tasks.findIndex((t) => t.id === "feed-it");
  await setCode(page, placeholders.tasks[feedIt].solution.python!);
  expect(await runAndWait(page, 180_000)).toBe("done");
  await expect(task(page, feedIt)).toContainText("Done: every check passes", { timeout: 180_000 });

  await page.getByTestId("language").selectOption("typescript");
  expect(await getCode(page)).toBe(placeholders.starter.typescript);
  await expect(lessonPane(page)).toContainText("{feed_dict: {[celsius]: 25}}");
  await expect(task(page, feedIt)).toContainText("Done");

  // The Python draft was kept: back in Python, the solution the learner ran is there.
  await page.getByTestId("language").selectOption("python");
  expect(await getCode(page)).toBe(placeholders.tasks[feedIt].solution.python);
});

test("a lesson without a Python version says so to a Python learner, and opens in TypeScript", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("language").selectOption("python");
  const tsOnly = ["---", "id: mine", "title: Mine", "order: 1", "summary: s.", "---", "", "Text.", "", "```ts starter", "print(1);", "```", "", "## Task: Run {#run}", "", "Run it.", "", "```check", "stdout is \"1\"", "```", "", "```ts solution", "print(1);", "```", ""].join("\n");
  await page.evaluate((hash) => (location.hash = hash), `#custom/${lzString.compressToEncodedURIComponent(tsOnly)}`);
  await expect(lessonPane(page).getByRole("note")).toHaveText("This lesson has no Python version: it is shown, and runs, in TypeScript.");
  expect(await getCode(page)).toBe("print(1);");
  await expect(page.getByTestId("language")).toHaveValue("typescript");
});
