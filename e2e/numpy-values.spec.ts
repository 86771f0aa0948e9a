/**
 * Values the app shows print as numpy prints them, with their dtype: a float32 7 is `7.0` in
 * the run's details, in Session memory and in the chart's readout; an int32 3 stays `3`.
 */
import { expect, test } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

test("a whole float prints as 7.0 in the run's details, Session memory and the chart readout", async ({ page }) => {
  await openApp(page);
  await setCode(
    page,
    [
      "const v = tf.Variable(7.0, {name: 'v'});",
      "const n = tf.Variable(3, {name: 'n'});",
      "const x = tf.placeholder(tf.float32, [], 'x');",
      "const total = tf.add(v, x, 'total');",
      "const sess = tf.Session();",
      "sess.run(tf.global_variables_initializer());",
      "for (const i of range(4)) sess.run([total, n], {feed_dict: {[x]: 0.0}});",
    ].join("\n"),
  );
  expect(await runAndWait(page)).toBe("done");

  await page.getByRole("listbox", { name: "Runs" }).locator('[data-run="2"]').click();
  const fetched = page.locator(".run-details .value-list li");
  await expect(fetched.filter({ hasText: "total" })).toContainText("= 7.0");
  await expect(fetched.filter({ hasText: "n" }).last()).toContainText("= 3");
  await expect(fetched.filter({ hasText: "n" }).last()).not.toContainText("3.0");

  await page.getByRole("tab", { name: "Session memory" }).click();
  await expect(page.locator('[data-variable="v"] td').last()).toHaveText("7.0");
  await expect(page.locator('[data-variable="n"] td').last()).toHaveText("3");

  await page.getByRole("tab", { name: "Chart" }).click();
  const over = page.locator(".scalar-chart .u-over").first();
  await expect(over).toBeVisible();
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId("chart-readout")).toHaveText(/total = 7\.0/);
});
