/** What the panels call things: the learner's names, counts that agree with their nouns. */
import { expect, test } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

test("runs show the learner's names for what they fetched and fed, with TF's names on hover", async ({ page }) => {
  await openApp(page);
  await setCode(
    page,
    [
      "const m = tf.get_variable('m', [], {initializer: tf.constant_initializer(0.0)});",
      "const input_placeholder = tf.placeholder(tf.float32);",
      "const loss = tf.square(3.0 - m * input_placeholder);",
      "const train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss);",
      "const sess = tf.Session();",
      "sess.run(tf.global_variables_initializer());",
      "for (const i of range(3)) {",
      "  const [l, _] = sess.run(",
      "    [loss, train_op],",
      "    {feed_dict: {[input_placeholder]: 1.0}});",
      "}",
    ].join("\n"),
  );
  expect(await runAndWait(page)).toBe("done");
  const row = page.getByRole("listbox", { name: "Runs" }).locator('[data-run="1"] .run-fetches');
  await expect(row).toHaveText("loss, train_op · fed input_placeholder");
  await expect(row).toHaveAttribute("title", "loss = Square:0 · train_op = GradientDescent");
  await expect(page.getByRole("listbox", { name: "Runs" }).locator('[data-run="0"] .run-fetches')).toHaveText("init");
  await page.getByRole("listbox", { name: "Runs" }).locator('[data-run="1"]').click();
  const details = page.locator(".run-details");
  await expect(details.locator(".value-list li").first()).toContainText("loss (Square:0) = ");
  await expect(page.getByTestId("run-position")).toHaveText("#1 of 4");
});

test("one run, one op: the stepper and the counts say so", async ({ page }) => {
  await openApp(page);
  await setCode(page, "const seven = tf.constant(7);\nprint(tf.Session().run(seven));\n");
  expect(await runAndWait(page)).toBe("done");
  await expect(page.getByTestId("run-position")).toHaveText("Run #0, the only run");
  await expect(page.getByRole("slider", { name: "Selected run" })).toHaveCount(0);
  await expect(page.locator(".run-details")).toContainText("1 op ran");
  await expect(page.getByTestId("console-counts")).toHaveText("1 line");
});

test("the console's header counts the error and the hint it shows, and the hint points to the explanation", async ({ page }) => {
  await openApp(page);
  await setCode(page, 'const x = tf.placeholder(tf.float32, {name: "x"});\nconst doubled = x * 2.0;\nconst sess = tf.Session();\nsess.run(doubled);\n');
  expect(await runAndWait(page)).toBe("error");
  await expect(page.getByTestId("console-counts")).toHaveText("0 lines · 1 error · 1 hint");
  const hint = page.getByRole("log", { name: "Console" }).locator(".console-hint");
  await expect(hint).toHaveText("hintline 4: run #0 failed: x was not fed Why, and how to fix it →");
  await expect(hint).not.toContainText("Fix:");
  await expect(hint.getByRole("button", { name: "Why, and how to fix it" })).toBeVisible();
  // The selected run's error is one line in the learner's words.
  await expect(page.locator(".run-error-line")).toHaveText(/^✕ x was not fed \(InvalidArgumentError\) Why, and how to fix it/);
});
