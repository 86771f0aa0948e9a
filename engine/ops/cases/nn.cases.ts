/**
 * Conformance cases for the nn ops: activations and their gradient ops, softmax, the
 * cross entropies, bias_add and l2_loss. Inputs stay away from kinks (0, 6) where finite
 * differences would straddle two pieces.
 */
import { int32 } from "../../dtypes.js";
import type { DType } from "../../dtypes.js";
import type { Tensor } from "../../graph.js";
import type { TF } from "../../tf.js";
import type { OpCase, Value } from "./types.js";

const X = [
  [-1.5, 0.5, 2],
  [3, -0.25, 7],
];
const DY = [
  [0.5, -1, 2],
  [1.5, 3, -0.5],
];

/** A case for an activation `y = f(x)`. */
function activationCase(op: string, f: (tf: TF, x: Tensor) => Tensor, values: Value = X): OpCase {
  return {
    op,
    name: "maps a matrix elementwise",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: f(tf, x), feeds: [[x, values]] };
    },
  };
}

/** A case for an activation's gradient op, built by tf.gradients with a fed upstream gradient. */
function gradOpCase(op: string, f: (tf: TF, x: Tensor) => Tensor, values: Value = X): OpCase {
  return {
    op,
    name: "is built by tf.gradients and differentiates again",
    build: (tf, dt: DType) => {
      const x = tf.placeholder(dt, [2, 3]);
      const dy = tf.placeholder(dt, [2, 3]);
      const [gx] = tf.gradients(f(tf, x), [x], { grad_ys: [dy] });
      return { y: gx as Tensor, feeds: [[x, values], [dy, DY]] };
    },
  };
}

const relu = (tf: TF, x: Tensor) => tf.nn.relu(x);
const relu6 = (tf: TF, x: Tensor) => tf.nn.relu6(x);
const elu = (tf: TF, x: Tensor) => tf.nn.elu(x);
const softplus = (tf: TF, x: Tensor) => tf.nn.softplus(x);
const leaky = (tf: TF, x: Tensor) => tf.nn.leaky_relu(x, { alpha: 0.1 });

export const nnCases: OpCase[] = [
  activationCase("Relu", relu),
  gradOpCase("ReluGrad", relu),
  activationCase("Relu6", relu6),
  gradOpCase("Relu6Grad", relu6),
  activationCase("Elu", elu),
  gradOpCase("EluGrad", elu),
  activationCase("Softplus", softplus),
  gradOpCase("SoftplusGrad", softplus),
  activationCase("LeakyRelu", leaky),
  gradOpCase("LeakyReluGrad", leaky),
  activationCase("Softmax", (tf, x) => tf.nn.softmax(x)),
  {
    op: "Softmax",
    name: "normalizes along axis 0 through transposes",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.nn.softmax(x, { axis: 0 }), feeds: [[x, X]] };
    },
  },
  activationCase("LogSoftmax", (tf, x) => tf.nn.log_softmax(x)),
  {
    op: "SoftmaxCrossEntropyWithLogits",
    name: "gives one loss per row, differentiable in labels and logits",
    build: (tf, dt) => {
      const logits = tf.placeholder(dt, [2, 3]);
      const labels = tf.placeholder(dt, [2, 3]);
      const y = tf.nn.softmax_cross_entropy_with_logits_v2({ labels, logits });
      return { y, feeds: [[logits, X], [labels, [[0.25, 0.25, 0.5], [0, 1, 0]]]] };
    },
  },
  {
    op: "SoftmaxCrossEntropyWithLogits",
    name: "stops the labels' gradient in the deprecated version",
    build: (tf, dt) => {
      const logits = tf.placeholder(dt, [null, 3]);
      const labels = tf.placeholder(dt, [null, 3]);
      const y = tf.nn.softmax_cross_entropy_with_logits({ labels, logits });
      return { y, feeds: [[logits, X], [labels, [[0.25, 0.25, 0.5], [0, 1, 0]]]] };
    },
    noGradFor: [1],
  },
  {
    op: "SparseSoftmaxCrossEntropyWithLogits",
    name: "gives one loss per row for class indices",
    build: (tf, dt) => {
      const logits = tf.placeholder(dt, [2, 3]);
      const labels = tf.placeholder(int32, [2]);
      const y = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels, logits });
      return { y, feeds: [[logits, X], [labels, [2, 0]]] };
    },
  },
  {
    op: "BiasAdd",
    name: "adds a bias to each row",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.nn.bias_add(x, b), feeds: [[x, X], [b, [0.5, -1, 2]]] };
    },
  },
  {
    op: "BiasAddGrad",
    name: "sums a fed gradient over the batch",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [3]);
      const dy = tf.placeholder(dt, [2, 3]);
      const [gb] = tf.gradients(tf.nn.bias_add(x, b), [b], { grad_ys: [dy] });
      return { y: gb as Tensor, feeds: [[dy, DY], [x, X], [b, [0.5, -1, 2]]] };
    },
    noGradFor: [1, 2],
  },
  activationCase("L2Loss", (tf, x) => tf.nn.l2_loss(x)),
];
