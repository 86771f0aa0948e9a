/**
 * Before the first Run, the graph pane shows the graph the learner's program would build,
 * dimmed and labelled "not run yet" — but never for a link's code, and never at the cost of a
 * program that does not stop.
 */
import { expect, test, type Page } from "@playwright/test";
// lz-string is CommonJS: Playwright's ESM loader sees only its default export.
import lzString from "lz-string";
import { openApp, runAndWait, setCode } from "./helpers";

const outlineOps = (page: Page) => page.getByRole("list", { name: "Graph outline" }).locator("li[data-node]:not([data-series])");

test("the default program's graph shows dimmed and 'not run yet' before Run, follows the typing, and Run replaces it", async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId("graph-preview-label")).toHaveText("not run yet", { timeout: 15_000 });
  await expect(page.getByTestId("graph-run-summary")).toHaveText("Not run yet");
  await expect(outlineOps(page)).toHaveCount(5);
  // Nothing ran: no run, no output.
  expect(await page.evaluate(() => window.__playground!.state().program.runCount)).toBe(0);

  await setCode(page, "const a = tf.constant(1, {name: 'first'});\nconst b = tf.constant(2, {name: 'second'});\nconst sess = tf.Session();\nprint(sess.run(a + b));\nconst c = a * b;");
  // Built up to the first sess.run (its argument a + b included): the op made after it is not there.
  await expect.poll(() => outlineOps(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.node))).toEqual(["first", "second", "add"]);

  expect(await runAndWait(page)).toBe("done");
  await expect(page.getByTestId("graph-preview-label")).toHaveCount(0);
  await expect(page.getByTestId("graph-run-summary")).toHaveText(/^Run #0/);
  await expect(outlineOps(page)).toHaveCount(4);
});

test("a link's code is not built before Run", async ({ page }) => {
  await openApp(page, `/#code/${lzString.compressToEncodedURIComponent("const a = tf.constant(1);\nconst b = a + 1;")}`);
  // Absence needs time to show: longer than the preview's delay and its time limit.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId("graph-preview-label")).toHaveCount(0);
  await expect(outlineOps(page)).toHaveCount(0);
  expect(await page.evaluate(() => window.__playground!.state().program.preview)).toBeNull();
});

test("a program that never reaches sess.run is stopped by the preview's time limit and shows nothing", async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId("graph-preview-label")).toBeVisible({ timeout: 15_000 });
  await setCode(page, "const a = tf.constant(1);\nwhile (true) {}\n");
  await page.waitForTimeout(3000);
  // The page stays responsive (the loop runs in a worker that was terminated), and the last preview stays.
  expect(await page.evaluate(() => window.__playground!.state().program.preview?.source)).not.toContain("while (true)");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
});
