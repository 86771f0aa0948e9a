/**
 * The graph pane, driven as a learner drives it: run a tutorial program, read the graph's text
 * outline, open the explanation card, pick runs, select nodes on the canvas and in the outline,
 * collapse and expand scopes.
 */
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { opStates, stateTokens } from "../src/graph/model/highlight";
import { buildStructure } from "../src/graph/model/structure";
import type { NodeEvent, ProgramEvent, RunEvent } from "../src/runner/events";
import { runProgram } from "../src/runner/run_program";
import { openApp, runAndWait, setCode } from "./helpers";

const DIR = new URL("../examples/tutorial/", import.meta.url);
const SEED = 1;
const tutorial = (name: string) => readFileSync(new URL(name, DIR), "utf8");

function outline(page: Page) {
  return page.getByRole("list", { name: "Graph outline" });
}

function item(page: Page, op: string) {
  return outline(page).locator(`li[data-node="${op}"]`);
}

/** The outline's op items (series items hold ops; they are not ops themselves). */
function opItems(page: Page) {
  return outline(page).locator("li[data-node]:not([data-series])");
}

async function runTutorial(page: Page, name: string): Promise<string> {
  await openApp(page);
  await page.evaluate((seed) => window.__playground!.setSeed(seed), SEED);
  await setCode(page, tutorial(name));
  return runAndWait(page, 120_000);
}

/** Every op's `data-state`, as the page shows it. */
async function pageStates(page: Page): Promise<Record<string, string>> {
  const rows = await opItems(page).evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.node!, (e as HTMLElement).dataset.state!] as const));
  return Object.fromEntries(rows);
}

/** What the outline must say: the runner's events in Node, the default run (first failed, else last). */
async function expectedStates(source: string): Promise<Record<string, string>> {
  const nodes: NodeEvent[] = [];
  let firstFailed: RunEvent | undefined;
  let last: RunEvent | undefined;
  await runProgram(source, {
    seed: SEED,
    values: "fetches",
    emit: (e: ProgramEvent) => {
      if (e.type === "node") nodes.push(e);
      if (e.type === "run") {
        // Plans share arrays with later runs; keep what this run said.
        last = { ...e, side_effects: [...e.side_effects] };
        if (!e.ok && firstFailed === undefined) firstFailed = last;
      }
    },
  });
  const structure = buildStructure(nodes);
  const run = firstFailed ?? last;
  const states = run === undefined ? new Map() : opStates(structure, run);
  return Object.fromEntries(structure.order.map((op) => [op, stateTokens(states.get(op))]));
}

test.describe("the computation-path program (tutorial 10)", () => {
  test("its failed run lights the red path from the fetch to the unfed placeholder and explains the fix", async ({ page }) => {
    expect(await runTutorial(page, "10_computation_paths.ts")).toBe("error");

    await expect(item(page, "Placeholder")).toHaveAttribute("data-state", "path error");
    await expect(item(page, "add")).toHaveAttribute("data-state", "fetched error");
    await expect(item(page, "Const")).toHaveAttribute("data-state", "idle");

    const card = page.getByRole("region", { name: "Why this run failed" });
    await expect(card).toContainText("input_placeholder was not fed");
    await expect(card).toContainText("You ran sess.run(sum_node) on line 6.");
    await expect(card).toContainText("sum_node (add) needs input_placeholder (Placeholder).");
    await expect(card.locator("pre")).toHaveText("sess.run(sum_node, {feed_dict: {[input_placeholder]: /* value */}})");
    await expect(card).toContainText("such as three_node");
    await expect(page.getByRole("status").filter({ hasText: "fetched sum_node" })).toHaveText(
      "Run 1 on line 6: fetched sum_node; failed with InvalidArgumentError at input_placeholder.",
    );
    await expect(page.getByTestId("graph-run-summary")).toHaveText("Run #1 (of 2) · line 6 · ✕ failed");
  });

  test("picking the successful run lights only three_node's path, and the card goes away", async ({ page }) => {
    expect(await runTutorial(page, "10_computation_paths.ts")).toBe("error");
    await page.getByRole("listbox", { name: "Runs" }).locator('[data-run="0"]').click();
    await expect(item(page, "Const")).toHaveAttribute("data-state", "path fetched");
    await expect(item(page, "Placeholder")).toHaveAttribute("data-state", "idle");
    await expect(item(page, "add")).toHaveAttribute("data-state", "idle");
    await expect(page.getByRole("region", { name: "Why this run failed" })).toHaveCount(0);
  });

  test("feeding the placeholder as the card says makes the run succeed", async ({ page }) => {
    expect(await runTutorial(page, "10_computation_paths.ts")).toBe("error");
    const fix = await page.getByRole("region", { name: "Why this run failed" }).locator("pre").textContent();
    await setCode(page, tutorial("10_computation_paths.ts").replace("sess.run(sum_node)", fix!.replace("/* value */", "2")));
    expect(await runAndWait(page)).toBe("done");
    await expect(item(page, "Placeholder")).toHaveAttribute("data-state", "fed");
    await expect(item(page, "add")).toHaveAttribute("data-state", "path fetched");
  });
});

test.describe("graph outline states for every tutorial program", () => {
  const names = readdirSync(DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const name of names) {
    test(`tutorial ${name}`, async ({ page }) => {
      test.setTimeout(180_000);
      const want = await expectedStates(tutorial(name));
      await runTutorial(page, name);
      await expect(opItems(page)).toHaveCount(Object.keys(want).length);
      await expect.poll(() => pageStates(page)).toEqual(want);
    });
  }

  test("tutorial 12: the assign's side effect fires off the variable's path", async ({ page }) => {
    await runTutorial(page, "12_assign.ts");
    await page.getByRole("listbox", { name: "Runs" }).locator('[data-run="0"]').click();
    await expect(item(page, "Assign")).toHaveAttribute("data-state", "path fetched effect");
    await expect(item(page, "Const")).toHaveAttribute("data-state", "path");
    // The reference edge is non-dependent: the variable itself did not run.
    await expect(item(page, "count")).toHaveAttribute("data-state", "idle");
  });

  test("tutorial 18: a tf.Print off the path prints nothing", async ({ page }) => {
    await runTutorial(page, "18_tf_print_off_path.ts");
    await expect(item(page, "Print")).toHaveAttribute("data-state", "idle");
    await expect(item(page, "add")).toHaveAttribute("data-state", "path fetched");
  });
});

test.describe("scopes", () => {
  // Tutorial 15 trains for 100,000 steps: on a loaded machine that alone can take 20 s.
  test.describe.configure({ timeout: 120_000 });
  test("gradients and the optimizer start collapsed; Expand and Collapse all open and close them", async ({ page }) => {
    await runTutorial(page, "15_linear_regression.ts");
    await expect(item(page, "gradients/Fill")).toHaveAttribute("data-drawn-as", "gradients");
    await expect(item(page, "GradientDescent/update_m/ApplyGradientDescent")).toHaveAttribute("data-drawn-as", "GradientDescent");
    // Variable internals fold into the variable.
    await expect(item(page, "m/read")).toHaveAttribute("data-drawn-as", "m");

    await page.getByRole("button", { name: "Text view" }).click();
    await outline(page).getByRole("button", { name: /^gradients\/Fill \(Fill\)/ }).click();
    const inspector = page.getByTestId("inspector");
    await expect(inspector).toContainText("Drawn inside the collapsed scope gradients");
    await inspector.getByRole("button", { name: "Expand gradients" }).click();
    await expect(item(page, "gradients/Fill")).toHaveAttribute("data-drawn-as", "gradients/Fill");
    await expect(inspector).not.toContainText("Drawn inside the collapsed scope");

    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect(item(page, "gradients/Fill")).toHaveAttribute("data-drawn-as", "gradients");
    await expect(item(page, "m/read")).toHaveAttribute("data-drawn-as", "m");
    await page.getByRole("button", { name: "Expand all" }).click();
    await expect(item(page, "gradients/Fill")).toHaveAttribute("data-drawn-as", "gradients/Fill");
    await expect(item(page, "GradientDescent/learning_rate")).toHaveAttribute("data-drawn-as", "GradientDescent/learning_rate");
  });

  test("double-clicking a collapsed scope on the canvas expands it", async ({ page }) => {
    await runTutorial(page, "15_linear_regression.ts");
    await expect(item(page, "GradientDescent")).toHaveAttribute("data-drawn-as", "GradientDescent");
    const at = await page.waitForFunction(() => window.__graphBench!.pointOf("GradientDescent/learning_rate"));
    const p = (await at.jsonValue())!;
    await page.mouse.dblclick(p.x, p.y);
    await expect(item(page, "GradientDescent/learning_rate")).toHaveAttribute("data-drawn-as", "GradientDescent/learning_rate");
  });
});

test.describe("inspector and selection", () => {
  test("clicking a variable on the canvas inspects it: its type, line, and value in the session", async ({ page }) => {
    await runTutorial(page, "12_assign.ts");
    const at = await page.waitForFunction(() => window.__graphBench!.pointOf("count"));
    const p = (await at.jsonValue())!;
    await page.mouse.click(p.x, p.y);
    const inspector = page.getByTestId("inspector");
    await expect(inspector).toContainText("count VariableV2");
    await expect(inspector).toContainText("count_variable");
    await expect(inspector).toContainText("line 1");
    await expect(inspector).toContainText("session 0: 0");
    expect(await page.evaluate(() => window.__playground!.state().selection.node)).toBe("count");
    await expect(item(page, "count")).toHaveAttribute("data-selected", "true");
  });

  test("selecting an op in the outline selects it for the editor; the editor's line marks its ops", async ({ page }) => {
    await runTutorial(page, "10_computation_paths.ts");
    await page.getByRole("button", { name: "Text view" }).click();
    await outline(page).getByRole("button", { name: /^Const \(Const\)/ }).click();
    expect(await page.evaluate(() => window.__playground!.state().selection.node)).toBe("Const");
    await expect(page.getByTestId("inspector")).toContainText("Const Const");

    // Put the editor's cursor on line 3 (`const sum_node = ...`).
    await page.locator(".monaco-editor .view-line").nth(2).click();
    await expect.poll(() => page.evaluate(() => window.__playground!.state().selection.line)).toBe(3);
    await expect(item(page, "add")).toHaveAttribute("data-on-line", "true");
    await expect(item(page, "Const")).not.toHaveAttribute("data-on-line", "true");
  });
});
