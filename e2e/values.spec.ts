/**
 * Values on the graph and the run stepper, as a learner uses them: the selected run's values
 * on its nodes, shapes on edges, and stepping through a run in execution order with the
 * editor following — for a training step and for a failed run.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DEFAULT_PROGRAM } from "../src/app/defaultProgram";
import type { NodeEvent, RunEvent } from "../src/runner/events";
import { runProgram } from "../src/runner/run_program";
import { openApp, runAndWait, setCode } from "./helpers";

const SEED = 1;
const tutorial = (name: string) => readFileSync(new URL(`../examples/tutorial/${name}`, import.meta.url), "utf8");

async function run(page: Page, code: string): Promise<string> {
  await openApp(page);
  await page.evaluate((seed) => window.__playground!.setSeed(seed), SEED);
  await setCode(page, code);
  return runAndWait(page);
}

function badge(page: Page, op: string) {
  return page.getByTestId("graph-pane").locator(`.gp-badge[data-node="n:${op}"]`);
}

/** The line the editor highlights for the stepper's op (its gutter mark's line number). */
async function steppedLine(page: Page): Promise<number | null> {
  const row = page.locator(".margin-view-overlays > div:has(.gutter-step) .line-numbers");
  if ((await row.count()) === 0) return null;
  return Number(await row.first().textContent());
}

/** The runner's events for `source` in Node: the graph's nodes and every run. */
async function events(source: string): Promise<{ nodes: NodeEvent[]; runs: RunEvent[] }> {
  const nodes: NodeEvent[] = [];
  const runs: RunEvent[] = [];
  await runProgram(source, { seed: SEED, values: "kept", emit: (e) => void (e.type === "node" ? nodes.push(e) : e.type === "run" && runs.push({ ...e, path: [...e.path] })) });
  return { nodes, runs };
}

test("each op on the run's path shows the value it computed, numpy-printed; the Values toggle hides them", async ({ page }) => {
  expect(await run(page, DEFAULT_PROGRAM)).toBe("done");
  await expect(badge(page, "a")).toHaveText("3.0");
  await expect(badge(page, "mul")).toHaveText("6.0");
  await expect(badge(page, "add")).toHaveText("7.0");
  await expect(badge(page, "x")).toHaveText("fed 2.0");

  const values = page.getByRole("button", { name: "Values" });
  await expect(values).toHaveAttribute("aria-pressed", "true");
  await values.click();
  await expect(badge(page, "mul")).toHaveCount(0);
  await expect(badge(page, "x")).toHaveText("fed 2.0");
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole("button", { name: "Values" })).toHaveAttribute("aria-pressed", "false");
});

test("an array's badge shows its shape and first elements, and Shapes labels the edges with the tensors' shapes", async ({ page }) => {
  const code = [
    "const x = tf.placeholder(tf.float32, [null, 3], {name: 'x'});",
    "const w = tf.ones([3, 2], {name: 'w'});",
    "const y = tf.matmul(x, w);",
    "const sess = tf.Session();",
    "sess.run(y, {feed_dict: {[x]: [[1, 2, 3], [4, 5, 6]]}});",
  ].join("\n");
  expect(await run(page, code)).toBe("done");
  await expect(badge(page, "MatMul")).toHaveText("(2, 2) [ 6.  6. 15. 15.]");
  await expect(badge(page, "x")).toHaveText("fed (2, 3) [1. 2. 3. 4. …]");

  expect(await page.evaluate(() => window.__graphBench!.edgeLabels())).toEqual({});
  await page.getByRole("button", { name: "Shapes" }).click();
  await expect(page.getByRole("button", { name: "Shapes" })).toHaveAttribute("aria-pressed", "true");
  // The placeholder's static shape is (?, 3); the run fed 2 rows.
  await expect.poll(() => page.evaluate(() => window.__graphBench!.edgeLabels())).toEqual({ "x → MatMul": "2×3", "w → MatMul": "3×2" });
});

test("the stepper walks a training step in the run's execution order, with each op's line highlighted and the variable's before → after", async ({ page }) => {
  const code = tutorial("15_linear_regression.ts").replace("range(100000)", "range(3)");
  const { nodes, runs } = await events(code);
  const step = runs[2];
  const lineOf = new Map(nodes.map((n) => [n.name, n.line]));

  expect(await run(page, code)).toBe("done");
  await page.getByRole("listbox", { name: "Runs" }).locator('[data-run="2"]').click();
  await page.getByRole("button", { name: "Step through" }).click();
  const detail = page.getByTestId("step-detail");
  const seen: string[] = [];
  for (let i = 0; i < step.path.length; i++) {
    await expect(page.getByTestId("step-position")).toHaveText(`Step ${i + 1} of ${step.path.length}`);
    const op = (await detail.getAttribute("data-op"))!;
    seen.push(op);
    if (i % 8 === 0 && lineOf.get(op) !== null) await expect.poll(() => steppedLine(page)).toBe(lineOf.get(op));
    if (i < step.path.length - 1) await page.keyboard.press("ArrowRight");
  }
  expect(seen).toEqual(step.path);

  // The update of m says what it did to m.
  const update = step.side_effects.find((e) => e.target === "m")!;
  await page.getByRole("button", { name: "First step" }).click();
  await page.getByRole("button", { name: "Next step" }).focus();
  for (let i = 0; i < step.path.indexOf(update.op); i++) await page.keyboard.press("ArrowRight");
  await expect(detail).toHaveAttribute("data-op", update.op);
  await expect(detail).toContainText(/m: -?\d[\d.e-]* → -?\d[\d.e-]*/);
  // A value badge shows on the steps so far, none on the ones to come.
  await expect(badge(page, "add")).toHaveCount(1);
  await page.getByRole("button", { name: "First step" }).click();
  await expect(badge(page, "add")).toHaveCount(0);

  await page.getByRole("button", { name: "Whole run" }).click();
  await expect(detail).toHaveCount(0);
  await expect.poll(() => steppedLine(page)).toBe(null);
});

test("stepping a failed run ends at the culprit, the op the run failed at", async ({ page }) => {
  const code = tutorial("08_placeholder_not_fed.ts");
  const { runs } = await events(code);
  expect(await run(page, code)).toBe("error");
  await page.getByTestId("graph-pane").getByRole("button", { name: "Step through" }).focus();
  await page.keyboard.press("ArrowLeft");
  const detail = page.getByTestId("step-detail");
  await expect(detail).toHaveAttribute("data-op", runs[0].error!.op!);
  await expect(detail).toContainText("✕ the run failed here");
  await expect(page.getByTestId("step-position")).toHaveText(`Step ${runs[0].path.length} of ${runs[0].path.length}`);
  await expect.poll(() => steppedLine(page)).toBe(1);
});
