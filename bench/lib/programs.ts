/**
 * The benchmarked programs, read from the examples the app ships, so that the bench runs the
 * very code a learner runs. Only the step count changes (and, for the bare loop, the
 * per-step print is dropped).
 */
import { readFileSync } from "node:fs";

const EXAMPLES = new URL("../../examples/", import.meta.url);

function example(path: string): string {
  return readFileSync(new URL(path, EXAMPLES), "utf8");
}

/** Replaces exactly one occurrence of `from`, failing loudly if the example changed. */
function replaceOnce(source: string, from: string, to: string, what: string): string {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) throw new Error(`bench: cannot find ${what} (${JSON.stringify(from)}) exactly once`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/**
 * The seed tutorial's linear regression (examples/tutorial/15_linear_regression.ts) with
 * `steps` steps. `print: true` keeps its `print(update_i, _loss)` every step.
 */
export function tutorialProgram(steps: number, print: boolean): string {
  let s = replaceOnce(example("tutorial/15_linear_regression.ts"), "range(100000)", `range(${steps})`, "the tutorial's step count");
  if (!print) s = replaceOnce(s, "  print(update_i, _loss);\n", "", "the tutorial's per-step print");
  return s;
}

/** The 128×784 → 10 softmax regression (examples/training/softmax_regression.ts). */
export function denseProgram(steps: number): string {
  return replaceOnce(example("training/softmax_regression.ts"), "const STEPS = 200;", `const STEPS = ${steps};`, "the dense example's step count");
}

/** The small CNN (examples/training/small_cnn.ts). */
export function cnnProgram(steps: number): string {
  return replaceOnce(example("training/small_cnn.ts"), "const STEPS = 20;", `const STEPS = ${steps};`, "the CNN example's step count");
}
