/**
 * Each optimizer's update, step by step, against values computed by hand from TF's kernels
 * (tensorflow/core/kernels/training_ops.cc) in float32: every product, sum, square root and
 * quotient rounded to float32, in the kernel's order. The gradient is fed through a
 * placeholder (apply_gradients), so only the update math is under test.
 *
 * The expectations are float32 values written as numpy prints them. Variable w starts at
 * [1, -2]; the fed gradients are [0.5, -1.25], then [0.1, 2], then [-0.3, 0.7].
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import { PyFloat } from "../pyfloat.js";
import { NDArray } from "../ndarray.js";
import { float32Repr } from "../format/floats.js";
import type { Optimizer } from "./optimizer.js";

// --- Factories ----------------------------------------------------------------------------

const f = (x: number) => new PyFloat(x);
const GRADS = [
  [0.5, -1.25],
  [0.1, 2],
  [-0.3, 0.7],
];

/** w after each of the three steps, as float32 reprs. */
function stepsOf(make: (tf: TF) => Optimizer): string[][] {
  const tf = createTF();
  const w = tf.Variable([f(1), f(-2)], { name: "w" });
  const g = tf.placeholder(tf.float32, [2], "g");
  const train = make(tf).apply_gradients([[g, w]]);
  const sess = tf.Session();
  sess.run(tf.global_variables_initializer());
  return GRADS.map((grad) => {
    sess.run(train, new Map([[g, grad]]));
    return Array.from((sess.run(w) as NDArray).data as Float32Array, float32Repr);
  });
}

// --- Tests --------------------------------------------------------------------------------

describe("ApplyGradientDescent", () => {
  // var -= grad * lr
  it("subtracts lr · grad", () => {
    expect(stepsOf((tf) => tf.train.GradientDescentOptimizer(0.1))).toEqual([
      ["0.95", "-1.875"],
      ["0.94", "-2.075"],
      ["0.97", "-2.145"],
    ]);
  });
});

describe("ApplyMomentum", () => {
  // accum = accum * momentum + grad; var -= accum * lr
  // Step 3 by hand: accum = 0.55·0.9 - 0.3 = 0.195 → w₀ = 0.895 - 0.0195, 0.87549996 in float32.
  it("accumulates a velocity and steps along it", () => {
    expect(stepsOf((tf) => tf.train.MomentumOptimizer(0.1, 0.9))).toEqual([
      ["0.95", "-1.875"],
      ["0.895", "-1.9625"],
      ["0.87549996", "-2.11125"],
    ]);
  });

  // accum = accum * momentum + grad; var -= grad * lr + accum * momentum * lr
  // Step 1 by hand: w₀ = 1 - (0.5·0.1 + 0.5·0.9·0.1) = 0.905.
  it("looks ahead along the velocity with use_nesterov", () => {
    expect(stepsOf((tf) => tf.train.MomentumOptimizer(0.1, 0.9, { use_nesterov: true }))).toEqual([
      ["0.905", "-1.7625"],
      ["0.8455", "-2.04125"],
      ["0.85795", "-2.245125"],
    ]);
  });
});

describe("ApplyAdam", () => {
  // alpha = lr * sqrt(1 - beta2_power) / (1 - beta1_power)   (the bias correction)
  // m += (grad - m) * (1 - beta1); v += (grad² - v) * (1 - beta2)
  // var -= m * alpha / (sqrt(v) + epsilon)
  // Step 1 by hand: alpha = 0.1·√0.001 / 0.1, m = 0.1·g, v = 0.001·g², so the step is
  // lr · g / |g| = 0.1 in each coordinate (0.90000004 after float32 rounding of alpha and √v).
  it("steps by lr in each coordinate first, then by the bias-corrected moment ratio", () => {
    expect(stepsOf((tf) => tf.train.AdamOptimizer(0.1))).toEqual([
      ["0.90000004", "-1.9"],
      ["0.81969625", "-1.9276112"],
      ["0.7986251", "-1.9662583"],
    ]);
  });
});

describe("ApplyRMSProp", () => {
  // ms += (grad² - ms) * (1 - rho); mom = mom * momentum + grad * lr / sqrt(ms + epsilon)
  // var -= mom. ms starts at 1 (the rms slot's ones).
  // Step 1 by hand: ms₀ = 1 + (0.25 - 1)·0.1 = 0.925, mom₀ = 0.05 / √0.925 = 0.0519875.
  it("divides by a running root mean square that starts at 1, with momentum", () => {
    expect(stepsOf((tf) => tf.train.RMSPropOptimizer(0.1, { momentum: 0.5 }))).toEqual([
      ["0.9480125", "-1.878374"],
      ["0.91106534", "-1.9896537"],
      ["0.9270234", "-2.107542"],
    ]);
  });
});

describe("ApplyAdagrad", () => {
  // accum += grad²; var -= grad * lr * rsqrt(accum). accum starts at 0.1.
  // Step 1 by hand: accum₀ = 0.35, w₀ = 1 - 0.05 / √0.35 = 0.9154846.
  it("divides by the root of the summed squared gradients", () => {
    expect(stepsOf((tf) => tf.train.AdagradOptimizer(0.1))).toEqual([
      ["0.91548455", "-1.9030541"],
      ["0.8988179", "-1.9871018"],
      ["0.94353926", "-2.0153227"],
    ]);
  });
});
