/**
 * The scalar chart as a learner uses it: the loss named `loss`, a value fetched once left out,
 * a log scale that copes with exact zeros and says how, smoothing, a readout under the
 * pointer, and the previous program's loss overlaid for comparison.
 */
import { expect, test, type Page } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

/** A loss that is exactly 0 on every fifth run: (i mod 5 − 3)² fed through a placeholder. */
const program = (lr: number) =>
  [
    "const w = tf.get_variable('w', [], {initializer: tf.constant_initializer(0.0)});",
    "const x = tf.placeholder(tf.float32);",
    "const loss = tf.square(x - 3.0) + 0.0 * w;",
    `const train_op = tf.train.GradientDescentOptimizer(${lr}).minimize(loss);`,
    "const sess = tf.Session();",
    "sess.run(tf.global_variables_initializer());",
    "for (const i of range(50)) sess.run([loss, train_op], {feed_dict: {[x]: i % 5}});",
    "print(sess.run(w));",
  ].join("\n");

async function openChart(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Chart" }).click();
  await expect(page.locator(".scalar-chart canvas").first()).toBeVisible();
}

const legend = (page: Page) => page.locator(".scalar-chart .u-legend .u-series .u-label");

test("the loss is named as the learner fetched it, the log scale leaves out its zeros and says so, and the pointer reads a run's value", async ({ page }) => {
  await openApp(page);
  await setCode(page, program(0.01));
  expect(await runAndWait(page)).toBe("done");
  await openChart(page);
  // w (fetched once, at the end) is no curve.
  await expect(legend(page)).toHaveText(["loss"]);

  const plot = page.locator(".scalar-chart-plot");
  await expect(plot).toHaveAttribute("data-scale", "linear");
  await page.getByRole("checkbox", { name: "log scale" }).check();
  await expect(plot).toHaveAttribute("data-scale", "log");
  await expect(page.getByTestId("chart-log-note")).toHaveText("10 points ≤ 0 left out (no logarithm)");

  // The readout under the pointer: run i had loss (i mod 5 − 3)².
  const over = page.locator(".scalar-chart .u-over");
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  const text = (await page.getByTestId("chart-readout").textContent())!;
  const m = /^run (\d+) · loss = ([\d.]+)$/.exec(text);
  expect(m, text).not.toBeNull();
  // Run 0 initialized the variables; loop step i is run i + 1.
  const i = Number(m![1]) - 1;
  expect(Number(m![2])).toBe(((i % 5) - 3) ** 2);
});

test("the smoothing slider adds TensorBoard's smoothed line over the faint raw one, and the previous program's loss is overlaid", async ({ page }) => {
  await openApp(page);
  await setCode(page, program(0.01));
  expect(await runAndWait(page)).toBe("done");
  await setCode(page, program(0.1));
  expect(await runAndWait(page)).toBe("done");
  await openChart(page);
  await expect(legend(page)).toHaveText(["loss", "loss · previous program"]);

  await page.getByRole("slider", { name: "Smoothing" }).fill("0.6");
  await expect(legend(page)).toHaveText(["loss (raw)", "loss", "loss · previous program"]);
  await page.getByRole("checkbox", { name: "compare with the previous program" }).uncheck();
  await expect(legend(page)).toHaveText(["loss (raw)", "loss"]);
});
