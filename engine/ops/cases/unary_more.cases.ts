/**
 * Conformance cases for the extra elementwise functions: inputs inside each function's domain
 * (|x| < 1 for asin/acos/atanh, x > 1 for acosh) and away from its poles.
 */
import type { OpCase } from "./types.js";
import type { TF } from "../../tf.js";

type Unary = "tan" | "asin" | "acos" | "atan" | "sinh" | "cosh" | "asinh" | "acosh" | "atanh" | "expm1" | "erf";

const unaryCase = (op: string, f: Unary, values: number[]): OpCase => ({
  op,
  name: `${f} of a vector`,
  build: (tf, dt) => {
    const x = tf.placeholder(dt, [values.length]);
    return { y: tf[f](x), feeds: [[x, values]] };
  },
});

export const unaryMoreCases: OpCase[] = [
  unaryCase("Tan", "tan", [-1.2, 0.3, 1.0]),
  unaryCase("Asin", "asin", [-0.9, 0.2, 0.6]),
  unaryCase("Acos", "acos", [-0.9, 0.2, 0.6]),
  unaryCase("Atan", "atan", [-3, 0.2, 5]),
  unaryCase("Sinh", "sinh", [-2, 0.2, 1.5]),
  unaryCase("Cosh", "cosh", [-2, 0.2, 1.5]),
  unaryCase("Asinh", "asinh", [-2, 0.2, 1.5]),
  unaryCase("Acosh", "acosh", [1.5, 2, 10]),
  unaryCase("Atanh", "atanh", [-0.9, 0.2, 0.6]),
  unaryCase("Expm1", "expm1", [-2, 1e-3, 1.5]),
  unaryCase("Erf", "erf", [-1.5, 0.2, 0.9, 2.2]),
  {
    op: "Softsign",
    name: "softsign of a vector",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3]);
      return { y: tf.nn.softsign(x), feeds: [[x, [-3, 0.5, 2]]] };
    },
  },
  {
    op: "SoftsignGrad",
    name: "the softsign gradient of a vector",
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3]);
      const [g] = tf.gradients(tf.nn.softsign(x), [x]);
      return { y: g as ReturnType<TF["identity"]>, feeds: [[x, [-3, 0.5, 2]]] };
    },
  },
  {
    op: "Atan2",
    name: "atan2 in all four quadrants",
    build: (tf, dt) => {
      const y = tf.placeholder(dt, [4]);
      const x = tf.placeholder(dt, [4]);
      return { y: tf.atan2(y, x), feeds: [[y, [1, 1, -1, -1.5]], [x, [2, -1, -1, 0.5]]] };
    },
  },
];
