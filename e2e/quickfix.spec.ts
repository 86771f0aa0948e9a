/**
 * The failure's marker in the editor offers the fix as a quick fix (the marker's hover, the
 * light bulb, Ctrl+.): applying it edits the learner's line, and the next run passes.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { consoleLines, getCode, openApp, runAndWait, setCode } from "./helpers";

const tutorial = (name: string) => readFileSync(new URL(`../examples/tutorial/${name}`, import.meta.url), "utf8");

async function runFailing(page: Page, code: string): Promise<void> {
  await openApp(page);
  await setCode(page, code);
  expect(await runAndWait(page)).toBe("error");
}

test("the marker's hover says why in one line and its quick fix feeds the placeholder, so the run passes", async ({ page }) => {
  await runFailing(page, tutorial("10_computation_paths.ts"));
  const line = page.locator(".view-line", { hasText: "print(sess.run(sum_node));" });
  await line.locator("span", { hasText: "sum_node" }).last().hover();
  const hover = page.locator(".monaco-hover").filter({ hasText: "input_placeholder was not fed" }).first();
  await expect(hover).toBeVisible({ timeout: 30_000 });
  await hover.getByText(/Quick Fix/).click();
  await page.locator(".action-widget").getByText("Feed `input_placeholder` in this run").click();
  await expect.poll(() => getCode(page)).toContain("print(sess.run(sum_node, {feed_dict: {[input_placeholder]: 1}}));");
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["3", "4"]);
});

test("Ctrl+. on the failing line offers to run the initializer first, and the run then passes", async ({ page }) => {
  await runFailing(page, tutorial("13_initializer_not_run.ts"));
  await page.locator(".view-line", { hasText: "print(sess.run([count_variable]));" }).click();
  const action = page.locator(".action-widget").getByText("Run the initializer first");
  // The menu waits for every fix provider, the TypeScript worker's too (it may be starting).
  await expect(async () => {
    await page.keyboard.press("Control+.");
    await expect(action).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  await action.click();
  await expect.poll(() => getCode(page)).toContain("sess.run(tf.global_variables_initializer());\nprint(sess.run([count_variable]));");
  expect(await runAndWait(page)).toBe("done");
  // The variable's initial value (how a fetched float32 scalar prints is the engine's business).
  expect(await consoleLines(page)).toEqual([expect.stringMatching(/^\[0(\.0)?\]$/)]);
});
