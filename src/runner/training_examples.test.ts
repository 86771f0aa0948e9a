/**
 * The training examples (examples/training/) run as the app runs them. Deep MNIST's full
 * widths take seconds per step on a CPU in JavaScript, so the learning test trains a narrower
 * copy of its graph (only the constants at the top of the example change: the same program
 * text otherwise); the full-width graph is built and run for its shapes and names.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { NodeEvent, ProgramEvent } from "./events";
import { runProgram } from "./run_program";

// --- Factories ----------------------------------------------------------------------------

const EXAMPLES = new URL("../../examples/training/", import.meta.url);

/** The example's source with some `const NAME = value;` lines at its top replaced. */
function exampleWith(name: string, constants: Record<string, string>): string {
  let source = readFileSync(new URL(`${name}.ts`, EXAMPLES), "utf8");
  for (const [k, v] of Object.entries(constants)) {
    const re = new RegExp(`^const ${k} = [^;]+;`, "m");
    if (!re.test(source)) throw new Error(`the example has no line 'const ${k} = ...;'`);
    source = source.replace(re, `const ${k} = ${v};`);
  }
  return source;
}

/** Runs a program; its printed lines, node events and end. */
async function run(source: string, seed = 1) {
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed, emit: (e) => events.push(e), values: "fetches" });
  return {
    end,
    stdout: events.filter((e) => e.type === "stdout").map((e) => (e as { text: string }).text),
    nodes: events.filter((e): e is NodeEvent => e.type === "node"),
  };
}

// --- Tests --------------------------------------------------------------------------------

describe("examples/training/deep_mnist_synthetic.ts", () => {
  it("builds the tutorial's full-width graph: 5×5 convolutions of 32 and 64 filters, 1024 units, dropout, Adam", async () => {
    const r = await run(exampleWith("deep_mnist_synthetic", { STEPS: "0", TEST_SIZE: "5" }));
    expect(r.end).toMatchObject({ ok: true });
    const byName = new Map(r.nodes.map((n) => [n.name, n]));
    for (const [name, op] of [
      ["Conv2D", "Conv2D"],
      ["MaxPool", "MaxPool"],
      ["Conv2D_1", "Conv2D"],
      ["MaxPool_1", "MaxPool"],
      ["MatMul", "MatMul"],
      ["dropout/Floor", "Floor"],
      ["gradients/Conv2D_1_grad/Conv2DBackpropFilter", "Conv2DBackpropFilter"],
      ["gradients/MaxPool_grad/MaxPoolGrad", "MaxPoolGrad"],
      ["Adam", "NoOp"],
    ]) {
      expect(byName.get(name)?.op, name).toBe(op);
    }
    expect(r.stdout).toHaveLength(1);
    expect(r.stdout[0]).toMatch(/^test accuracy [0-9.]+$/);
  });

  it("learns: a narrower copy (8 and 16 filters, 128 units, Adam at 1e-3, 100 steps) passes 90 % on its generated test digits", async () => {
    const r = await run(exampleWith("deep_mnist_synthetic", { CONV1: "8", CONV2: "16", FC1: "128", LEARNING_RATE: "1e-3", STEPS: "100" }));
    expect(r.end).toMatchObject({ ok: true });
    const last = r.stdout[r.stdout.length - 1];
    expect(last).toMatch(/^test accuracy [0-9.]+$/);
    expect(Number(last.split(" ")[2])).toBeGreaterThanOrEqual(0.9);
    // The batch accuracy is printed every 50 steps, as the tutorial prints it.
    expect(r.stdout.slice(0, -1).map((l) => l.replace(/[0-9.]+$/, "…"))).toEqual(["step 0, training accuracy …", "step 50, training accuracy …"]);
  });
});

describe("examples/training/small_cnn.ts", () => {
  it("trains the benchmarked CNN and prints its loss", async () => {
    const r = await run(exampleWith("small_cnn", { STEPS: "3" }));
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toHaveLength(1);
    expect(r.stdout[0]).toMatch(/^loss after 3 steps: [0-9]+\.[0-9]{4}$/);
  });
});
