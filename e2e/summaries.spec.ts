/** tf.summary as a learner meets it: what a FileWriter writes appears in the Chart tab under its tag, by step. */
import { expect, test } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

const PROGRAM = [
  "const w = tf.Variable(5.0, {name: 'w'});",
  "const loss = tf.square(w);",
  "const train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss);",
  "tf.summary.scalar('loss', loss);",
  "tf.summary.histogram('weights', w);",
  "const merged = tf.summary.merge_all();",
  "const sess = tf.Session();",
  "sess.run(tf.global_variables_initializer());",
  "const writer = tf.summary.FileWriter('/tmp/logs', sess.graph);",
  "for (const step of range(20)) {",
  "  const [summary, _] = sess.run([merged, train_op]);",
  "  writer.add_summary(summary, step * 100);",
  "}",
  "writer.close();",
].join("\n");

test("a summary written by a FileWriter is charted under its tag by step, and shows as a side effect of its run", async ({ page }) => {
  await openApp(page);
  await setCode(page, PROGRAM);
  expect(await runAndWait(page)).toBe("done");
  await page.getByRole("tab", { name: "Chart" }).click();
  const chart = page.getByRole("figure", { name: "Summaries written, by step" });
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expect(chart.locator(".u-legend .u-series .u-label")).toHaveText(["loss"]);
  await expect(page.locator(".scalar-chart-plot")).toHaveAttribute("data-axis", "step");
  const over = chart.locator(".u-over");
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  // Step 0: the loss before the first update, 5² = 25 (a summary's float32 simple_value: 25.0).
  await expect(page.getByTestId("chart-readout")).toHaveText("step 0 · loss = 25.0");
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await expect(page.getByTestId("chart-readout")).toHaveText(/^step 1,900 · loss = /);

  // The run that computed the summary lists it among its side effects (the last run's: step 19).
  await page.getByRole("tab", { name: "Selected run" }).click();
  const effects = page.getByRole("tabpanel").locator(".value-list li").filter({ has: page.locator(".tag", { hasText: /^summary$/ }) });
  await expect(effects).toHaveCount(2);
  await expect(effects.first()).toContainText("loss");
  await expect(effects.nth(1)).toContainText("weights");
});
