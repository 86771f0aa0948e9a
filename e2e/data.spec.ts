/**
 * tf.data in the page: an iterator's position is session memory, shown per session in the
 * Session memory tab as of the selected run; the end of the data is an OutOfRangeError the
 * program catches.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { consoleLines, openApp, runAndWait, setCode } from "./helpers";

test("the iterator's position shows in Session memory, per session and as of the selected run", async ({ page }) => {
  await openApp(page);
  await setCode(
    page,
    [
      "const dataset = tf.data.Dataset.range(3).map((x) => x * 2);",
      "const iterator = dataset.make_initializable_iterator();",
      "const next_element = iterator.get_next();",
      "const sess = tf.Session();",
      "sess.run(iterator.initializer);",
      "while (true) {",
      "  try {",
      "    print(sess.run(next_element));",
      "  } catch (e) {",
      "    if (e instanceof tf.errors.OutOfRangeError) { print('end of epoch'); break; }",
      "    throw e;",
      "  }",
      "}",
      "const other = tf.Session();",
      "other.run(iterator.initializer);",
      "other.run(next_element);",
    ].join("\n"),
  );
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["0", "2", "4", "end of epoch"]);
  // The map function's own graph is listed under its TF name.
  await expect(page.getByRole("combobox", { name: "Graph" }).locator("option")).toHaveText(["graph 0", /^function __inference_Dataset_map_<lambda>_\d+$/]);
  // The failed run's error line calls it the end of the data, not a mistake.
  await page.getByRole("tab", { name: "Selected run" }).click();
  await expect(page.locator(".run-error-line")).toContainText("has no elements left");
  await page.getByRole("tab", { name: "Session memory" }).click();
  const first = page.getByRole("region", { name: "Session 0" }).locator('[data-resource="IteratorV2"]');
  const second = page.getByRole("region", { name: "Session 1" }).locator('[data-resource="IteratorV2"]');
  // The failed run (#4, End of sequence) is selected after the program: its memory shows the end.
  await expect(first).toContainText("end of sequence");
  await expect(second).toContainText("not initialized");
  await page.getByRole("slider", { name: "Selected run" }).fill("6");
  await expect(first).toContainText("end of sequence");
  await expect(second).toContainText("position 1");
  // After run #2 (the second get_next), the first session's iterator was at position 2.
  await page.getByRole("slider", { name: "Selected run" }).fill("2");
  await expect(first).toContainText("position 2");
  await expect(second).toContainText("not initialized");
});

test("a queue's size shows in Session memory, and its end is an OutOfRangeError the program catches", async ({ page }) => {
  await openApp(page);
  await setCode(
    page,
    [
      "const q = tf.FIFOQueue(3, tf.int32);",
      "const sess = tf.Session();",
      "sess.run(q.enqueue_many([[1, 2, 3]]));",
      "sess.run(q.close());",
      "const x = q.dequeue();",
      "while (true) {",
      "  try { print(sess.run(x)); }",
      "  catch (e) { if (e instanceof tf.errors.OutOfRangeError) { print('drained'); break; } throw e; }",
      "}",
    ].join("\n"),
  );
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["1", "2", "3", "drained"]);
  await page.getByRole("tab", { name: "Session memory" }).click();
  const queue = page.getByRole("region", { name: "Session 0" }).locator('[data-resource="fifo_queue"]');
  await page.getByRole("slider", { name: "Selected run" }).fill("0");
  await expect(queue).toContainText("3 elements");
  await page.getByRole("slider", { name: "Selected run" }).fill("3");
  await expect(queue).toContainText("closed, 1 element");
  // The iterators-and-queues table passes axe like the rest of the page.
  const axe = await new AxeBuilder({ page }).include(".session-memory").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
