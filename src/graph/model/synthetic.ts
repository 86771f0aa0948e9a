/**
 * Generated programs of a given size for the performance bench: a stack of dense layers
 * trained with gradient descent, built with TF's naming (layer scopes, variables with their
 * internals, a `gradients/` scope, an optimizer scope), so folding and collapsing do what
 * they do on real programs. `flat` instead makes n top-level ops in a random DAG: the worst
 * case, where nothing folds.
 */
import type { NodeEvent } from "../../runner/events";
import { op, variable } from "./testing";

/** A deterministic PRNG (mulberry32) so that every bench draws the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exactly `n` ops of a layered model (summary ops reading the loss fill the remainder). */
export function syntheticModel(n: number): NodeEvent[] {
  const forward: NodeEvent[] = [op("x", "Placeholder", { line: 1 }), op("y", "Placeholder", { line: 2 })];
  const grads: NodeEvent[] = [];
  const updates: NodeEvent[] = [op("GradientDescent/learning_rate", "Const", { line: 9 })];
  const perLayer = 19;
  const layers = Math.max(1, Math.floor((n - 10) / perLayer));
  let h = "x:0";
  let g = "gradients/Fill:0";
  grads.push(op("gradients/Shape", "Shape", { line: 9 }), op("gradients/grad_ys_0", "Const", { line: 9 }), op("gradients/Fill", "Fill", { inputs: ["gradients/Shape:0", "gradients/grad_ys_0:0"], line: 9 }));
  for (let i = 0; i < layers; i++) {
    const s = `layer_${i}`;
    forward.push(...variable(`${s}/W`, 3), ...variable(`${s}/b`, 3));
    forward.push(op(`${s}/MatMul`, "MatMul", { inputs: [h, `${s}/W/read:0`], line: 4 }));
    forward.push(op(`${s}/add`, "Add", { inputs: [`${s}/MatMul:0`, `${s}/b/read:0`], line: 4 }));
    forward.push(op(`${s}/Relu`, "Relu", { inputs: [`${s}/add:0`], line: 4 }));
    h = `${s}/Relu:0`;
    const gs = `gradients/${s}`;
    grads.push(
      op(`${gs}/Relu_grad/ReluGrad`, "ReluGrad", { inputs: [g, `${s}/Relu:0`], line: 9 }),
      op(`${gs}/add_grad/Sum`, "Sum", { inputs: [`${gs}/Relu_grad/ReluGrad:0`], line: 9 }),
      op(`${gs}/add_grad/Identity`, "Identity", { inputs: [`${gs}/Relu_grad/ReluGrad:0`], line: 9 }),
      op(`${gs}/MatMul_grad/MatMul`, "MatMul", { inputs: [`${gs}/add_grad/Identity:0`, `${s}/W/read:0`], line: 9 }),
      op(`${gs}/MatMul_grad/MatMul_1`, "MatMul", { inputs: [`${gs}/add_grad/Identity:0`, i === 0 ? "x:0" : `layer_${i - 1}/Relu:0`], line: 9 }),
      op(`${gs}/MatMul_grad/tuple/group_deps`, "NoOp", { control: [`${gs}/MatMul_grad/MatMul`, `${gs}/MatMul_grad/MatMul_1`], line: 9, dtype: null, shape: null }),
    );
    g = `${gs}/MatMul_grad/MatMul:0`;
    for (const [v, grad] of [["W", `${gs}/MatMul_grad/MatMul_1:0`], ["b", `${gs}/add_grad/Sum:0`]] as const) {
      updates.push(
        op(`GradientDescent/update_${s}/${v}/ApplyGradientDescent`, "ApplyGradientDescent", {
          inputs: ["GradientDescent/learning_rate:0", grad],
          ref: [`${s}/${v}:0`],
          line: 9,
        }),
      );
    }
  }
  forward.push(op("sub", "Sub", { inputs: ["y:0", h], line: 5 }), op("Square", "Square", { inputs: ["sub:0"], line: 5 }), op("Mean", "Mean", { inputs: ["Square:0"], line: 5 }));
  const train = op("GradientDescent", "NoOp", {
    control: updates.filter((u) => u.op === "ApplyGradientDescent").map((u) => u.name),
    line: 9,
    dtype: null,
    shape: null,
  });
  const vars = forward.filter((f) => f.op === "VariableV2").map((v) => `${v.name}/Assign`);
  const init = op("init", "NoOp", { control: vars, line: 6, dtype: null, shape: null });
  const all = [...forward, init, ...grads, ...updates, train].slice(0, n);
  for (let i = 0; all.length < n; i++) all.push(op(`summary_${i}`, "Identity", { inputs: ["Mean:0"], line: 10 }));
  return all;
}

/** `n` top-level ops in a random DAG: each op reads one or two earlier ones. */
export function syntheticFlat(n: number, seed = 1): NodeEvent[] {
  const rand = prng(seed);
  const out: NodeEvent[] = [];
  for (let i = 0; i < n; i++) {
    if (i < Math.max(2, n / 20) || rand() < 0.05) {
      out.push(op(`Const_${i}`, rand() < 0.5 ? "Const" : "Placeholder", { line: 1 }));
      continue;
    }
    const window = Math.min(i, 30);
    const a = out[i - 1 - Math.floor(rand() * window)].name;
    const b = out[i - 1 - Math.floor(rand() * window)].name;
    out.push(op(`op_${i}`, rand() < 0.5 ? "Add" : "Mul", { inputs: a === b ? [`${a}:0`] : [`${a}:0`, `${b}:0`], line: 2 }));
  }
  return out;
}
