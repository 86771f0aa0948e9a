/** A 100,000-step loop printing every step: the page stays responsive and summarizes. */
import { expect, test } from "@playwright/test";
import { openApp, setCode, status } from "./helpers";

test("a 100,000-step loop printing every step does not freeze the page", async ({ page }) => {
  await openApp(page);
  await setCode(page, "for (let i = 0; i < 100000; i++) {\n  print('step', i);\n}\n");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  // The page answers while the program runs (the worker does the work).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await expect(status(page)).toHaveText("done", { timeout: 120_000 });
  await expect(page.getByTestId("console-omitted")).toContainText("94,000 lines omitted");
  const log = page.getByRole("log", { name: "Console" });
  await expect(log).toContainText("step 99999");
});

test("a training loop's runs are summarized: 100,001 runs, 2 distinct paths, a chart and session memory", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.__playground!.setSeed(1));
  await setCode(
    page,
    [
      "const w = tf.get_variable('w', [], {initializer: tf.constant_initializer(0.0)});",
      "const x = tf.placeholder(tf.float32);",
      "const loss = tf.square(w * x - 2.0 * x);",
      "const train = tf.train.GradientDescentOptimizer(0.01).minimize(loss);",
      "const sess = tf.Session();",
      "sess.run(tf.global_variables_initializer());",
      "for (let i = 0; i < 100000; i++) sess.run([loss, train], {feed_dict: {[x]: 1.0}});",
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(page)).toHaveText("done", { timeout: 120_000 });
  await expect(page.getByTestId("loop-summary")).toHaveText("100,001 runs, 2 distinct paths");
  // Runs say what the learner fetched, in their names.
  await expect(page.getByRole("listbox", { name: "Runs" }).locator('[data-run="100000"] .run-fetches')).toHaveText("loss, train · fed x");
  // A run from the middle of the loop is summarized, not kept.
  await page.getByRole("slider", { name: "Selected run" }).fill("50000");
  await expect(page.locator(".run-details")).toContainText("middle of a long loop");
  await expect(page.locator(".run-details")).toContainText("98,001 runs");
  await page.getByRole("tab", { name: "Chart" }).click();
  await expect(page.locator(".scalar-chart canvas")).toBeVisible();
  await page.getByRole("tab", { name: "Session memory" }).click();
  await expect(page.locator('[data-variable="w"]')).toHaveAttribute("data-initialized", "true");
  // The memory shown is the nearest kept run's, and the header says so about the selected run.
  await expect(page.getByTestId("memory-as-of")).toHaveText("· after run #999: run #50,000 is in the summarized middle of a long loop, where values are not kept");
});
