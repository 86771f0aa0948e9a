/**
 * Control flow as a learner sees it: a tf.cond's branch not taken is dead in the outline and
 * labelled "not taken" on the canvas, while a tf.Print made outside the branches prints anyway;
 * a tf.while_loop's frame says how many iterations the selected run made.
 */
import { expect, test, type Page } from "@playwright/test";
import { consoleLines, openApp, runAndWait, setCode } from "./helpers";

function outline(page: Page) {
  return page.getByRole("list", { name: "Graph outline" });
}

const COND = `const x = tf.constant(2);
const y = tf.constant(5);
const shown = tf.Print(x, [x], "outside: ");
const r = tf.cond(tf.less(shown, y), () => tf.multiply(x, 17), () => tf.Print(tf.add(y, 23), [y], "inside: "));
const sess = tf.Session();
print(r);
print(sess.run(r));
`;

const LOOP = `const i = tf.constant(0);
const r = tf.while_loop((i) => tf.less(i, 10), (i) => tf.add(i, 1), [i]);
print(r);
const sess = tf.Session();
print(sess.run(r));
`;

test("a cond's branch not taken is dead and labelled, and the Print outside the branches prints", async ({ page }) => {
  await openApp(page);
  await setCode(page, COND);
  expect(await runAndWait(page)).toBe("done");
  const lines = await consoleLines(page);
  expect(lines).toContain('Tensor("cond/Merge:0", shape=(), dtype=int32)');
  expect(lines).toContain("34");
  expect(lines).toContain("outside: [2]");
  expect(lines.some((l) => l.startsWith("inside:"))).toBe(false);

  await expect(outline(page).locator('li[data-node="cond/Add"]')).toHaveAttribute("data-state", "dead");
  await expect(outline(page).locator('li[data-node="cond/Print"]')).toHaveAttribute("data-state", "dead");
  await expect(outline(page).locator('li[data-node="cond/Mul"]')).toHaveAttribute("data-state", "path");
  await expect(outline(page).locator('li[data-node="Print"]')).toHaveAttribute("data-state", "path effect");
  await expect(outline(page).locator('li[data-scope="cond/false branch"]')).toHaveAttribute("data-taken", "false");
  await expect(outline(page).locator('li[data-scope="cond/true branch"]')).toHaveAttribute("data-taken", "true");
  await expect(outline(page).locator('li[data-scope="cond"]')).toHaveAttribute("data-flow", "cond");
  // On the canvas, the untaken branch's box carries the callout.
  await expect(page.locator('.gp-badge-dead[data-node="g:cond/false branch"]')).toHaveText("not taken");
});

test("a while loop's frame says how many iterations the run made", async ({ page }) => {
  await openApp(page);
  await setCode(page, LOOP);
  expect(await runAndWait(page)).toBe("done");
  const lines = await consoleLines(page);
  expect(lines).toEqual(['Tensor("while/Exit:0", shape=(), dtype=int32)', "10"]);
  const frame = outline(page).locator('li[data-scope="while"]');
  await expect(frame).toHaveAttribute("data-flow", "while");
  await expect(frame).toHaveAttribute("data-iterations", "10");
  await expect(page.locator('.gp-badge-count[data-node="g:while"]')).toHaveText("↻ 10 iterations");
});

test("the stepper walks a while loop pass by pass, with each pass's value, and jumps between passes", async ({ page }) => {
  await openApp(page);
  await setCode(page, LOOP.replace("tf.less(i, 10)", "tf.less(i, 3)"));
  expect(await runAndWait(page)).toBe("done");
  await page.getByTestId("graph-pane").getByRole("button", { name: "Step through" }).click();
  const detail = page.getByTestId("step-detail");
  const loop = page.getByTestId("step-loop");
  // Walk to the body's first Add: pass 1 of 3, value 1.
  for (let i = 0; i < 40 && (await detail.getAttribute("data-op")) !== "while/Add"; i++) await page.getByRole("button", { name: "Next step" }).click();
  await expect(detail).toHaveAttribute("data-op", "while/Add");
  await expect(loop).toContainText("iteration 1 of 3");
  await expect(detail).toContainText("= 1");
  await page.getByRole("button", { name: "Next iteration" }).click();
  await expect(detail).toHaveAttribute("data-op", "while/Add");
  await expect(loop).toContainText("iteration 2 of 3");
  await expect(detail).toContainText("= 2");
  await page.getByRole("button", { name: "Next iteration" }).click();
  await expect(loop).toContainText("iteration 3 of 3");
  await expect(detail).toContainText("= 3");
  // The last pass only checks the condition: it lands on that pass's first op.
  await page.getByRole("button", { name: "Next iteration" }).click();
  await expect(loop).toContainText("loop check after 3 iterations: false, it ends");
  await expect(page.getByRole("button", { name: "Next iteration" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous iteration" }).click();
  await expect(loop).toHaveAttribute("data-iteration", "2");
});
