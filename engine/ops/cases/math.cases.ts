/**
 * Conformance cases for the math and shape ops: every op with broadcasting where it
 * broadcasts, unknown dims where shape inference has to fall back, and graphs where one value
 * feeds two consumers (so gradients must be summed).
 *
 * Over 400 lines because it is a table, a few lines per math op (about seventy ops), read by
 * the conformance test; the other families have their own case files.
 */
import type { Tensor } from "../../graph.js";
import { bool, int32 } from "../../dtypes.js";
import type { OpCase } from "./types.js";

const M23 = [
  [0.5, -1.25, 2],
  [1.5, 0.75, -2.5],
];
const POS23 = [
  [0.5, 1.25, 2],
  [1.5, 0.75, 2.5],
];

export const mathCases: OpCase[] = [
  // ---- shapes ----
  {
    op: "Shape",
    name: "reports a partly unknown shape at run time",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 3]);
      return { y: tf.shape(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "Reshape",
    name: "infers a -1 dimension",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reshape(x, [-1, 2]), feeds: [[x, M23]] };
    },
  },
  {
    op: "Reshape",
    name: "takes its shape from another tensor at run time",
    noGradFor: [1],
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 3]);
      const like = tf.placeholder(dt, [3, null]);
      return { y: tf.reshape(x, tf.shape(like)), feeds: [[x, M23], [like, [[1, 2], [3, 4], [5, 6]]]] };
    },
  },
  {
    op: "Fill",
    name: "broadcasts a fed scalar",
    build: (tf, dt) => {
      const v = tf.placeholder(dt, []);
      return { y: tf.fill([2, 3], v), feeds: [[v, 1.5]] };
    },
  },
  {
    op: "ZerosLike",
    name: "matches a partly unknown shape",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 2]);
      return { y: tf.add(x, tf.zeros_like(x)), feeds: [[x, [[1, 2], [3, 4], [5, 6]]]] };
    },
  },
  {
    op: "BroadcastGradientArgs",
    name: "finds the broadcast axes of both shapes",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [null, 1, 3]);
      const b = tf.placeholder(dt, [4, 1]);
      const [rx] = tf.broadcast_gradient_args(tf.shape(a), tf.shape(b));
      return { y: rx, feeds: [[a, [[[1, 2, 3]], [[4, 5, 6]]]], [b, [[1], [2], [3], [4]]]] };
    },
  },
  // ---- binary arithmetic ----
  {
    op: "Add",
    name: "broadcasts both operands ([2,1] + [3])",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 1]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.add(a, b), feeds: [[a, [[1], [-2]]], [b, [0.5, 1.5, -3]]] };
    },
  },
  {
    op: "Add",
    name: "takes the equal-shapes shortcut when one value feeds two consumers",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const sq = tf.multiply(a, a);
      return { y: tf.add(sq, tf.subtract(a, sq)), feeds: [[a, M23]] };
    },
  },
  {
    op: "Sub",
    name: "reduces an unknown batch dim",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [null, 3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.subtract(a, b), feeds: [[a, M23], [b, [1, 2, 3]]] };
    },
  },
  {
    op: "Mul",
    name: "broadcasts a row against a column",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [3, 1]);
      const b = tf.placeholder(dt, [1, 2]);
      return { y: tf.multiply(a, b), feeds: [[a, [[1], [-2], [0.5]]], [b, [[1.5, -0.25]]]] };
    },
  },
  {
    op: "RealDiv",
    name: "divides floats with broadcasting",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.truediv(a, b), feeds: [[a, M23], [b, [0.5, -2, 4]]] };
    },
  },
  {
    op: "DivNoNan",
    name: "divides where the divisor is not zero",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.div_no_nan(a, b), feeds: [[a, [1, 2, 3]], [b, [2, -4, 0.5]]] };
    },
  },
  {
    op: "FloorDiv",
    name: "floors float quotients",
    grad: false,
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [4]);
      const b = tf.placeholder(dt, []);
      return { y: tf.floordiv(a, b), feeds: [[a, [7, -7, 6.5, -0.5]], [b, 2]] };
    },
  },
  {
    op: "FloorMod",
    name: "keeps the divisor's sign",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [4]);
      const b = tf.placeholder(dt, [4]);
      return { y: tf.floormod(a, b), feeds: [[a, [7.5, -7.5, 6.25, -0.5]], [b, [2, 2, -4, 3]]] };
    },
  },
  {
    op: "Pow",
    name: "raises positive bases to broadcast exponents",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.pow(a, b), feeds: [[a, POS23], [b, [2, 0.5, -1.5]]] };
    },
  },
  {
    op: "Maximum",
    name: "picks the larger with broadcasting",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [3]);
      return { y: tf.maximum(a, b), feeds: [[a, M23], [b, [0.25, 0, -2]]] };
    },
  },
  {
    op: "Minimum",
    name: "picks the smaller with broadcasting",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, []);
      return { y: tf.minimum(a, b), feeds: [[a, M23], [b, 0.6]] };
    },
  },
  {
    op: "SquaredDifference",
    name: "squares broadcast differences",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [2, 1]);
      return { y: tf.squared_difference(a, b), feeds: [[a, M23], [b, [[0.25], [-1]]]] };
    },
  },
  // ---- unary ----
  ...(
    [
      ["Neg", (tf, x) => tf.negative(x), M23],
      ["Abs", (tf, x) => tf.abs(x), M23],
      ["Square", (tf, x) => tf.square(x), M23],
      ["Sqrt", (tf, x) => tf.sqrt(x), POS23],
      ["Rsqrt", (tf, x) => tf.rsqrt(x), POS23],
      ["Exp", (tf, x) => tf.exp(x), M23],
      ["Log", (tf, x) => tf.log(x), POS23],
      ["Log1p", (tf, x) => tf.log1p(x), POS23],
      ["Sign", (tf, x) => tf.sign(x), M23],
      ["Reciprocal", (tf, x) => tf.reciprocal(x), M23],
      ["Sigmoid", (tf, x) => tf.sigmoid(x), M23],
      ["Tanh", (tf, x) => tf.tanh(x), M23],
      ["Sin", (tf, x) => tf.sin(x), M23],
      ["Cos", (tf, x) => tf.cos(x), M23],
    ] as [string, (tf: Parameters<OpCase["build"]>[0], x: Tensor) => Tensor, number[][]][]
  ).map(
    ([op, f, v]): OpCase => ({
      op,
      name: "maps every element",
      build: (tf, dt) => {
        const x = tf.placeholder(dt, [2, 3]);
        return { y: f(tf, x), feeds: [[x, v]] };
      },
    }),
  ),
  ...(
    [
      ["Floor", (tf, x) => tf.floor(x)],
      ["Ceil", (tf, x) => tf.ceil(x)],
      ["Round", (tf, x) => tf.round(x)],
    ] as [string, (tf: Parameters<OpCase["build"]>[0], x: Tensor) => Tensor][]
  ).map(
    ([op, f]): OpCase => ({
      op,
      name: "rounds every element",
      grad: false,
      build: (tf, dt) => {
        const x = tf.placeholder(dt, [2, 3]);
        return { y: f(tf, x), feeds: [[x, [[0.5, 1.5, 2.5], [-0.5, -1.25, 3.75]]]] };
      },
    }),
  ),
  ...(
    [
      ["SqrtGrad", (tf, x) => tf.sqrt(x), POS23],
      ["RsqrtGrad", (tf, x) => tf.rsqrt(x), POS23],
      ["TanhGrad", (tf, x) => tf.tanh(x), M23],
      ["SigmoidGrad", (tf, x) => tf.sigmoid(x), M23],
      ["ReciprocalGrad", (tf, x) => tf.reciprocal(x), M23],
    ] as [string, (tf: Parameters<OpCase["build"]>[0], x: Tensor) => Tensor, number[][]][]
  ).map(
    ([op, f, v]): OpCase => ({
      op,
      name: "has a gradient itself (second derivative)",
      build: (tf, dt) => {
        const x = tf.placeholder(dt, [2, 3]);
        const [g] = tf.gradients(tf.multiply(f(tf, x), x), [x]);
        return { y: g as Tensor, feeds: [[x, v]] };
      },
    }),
  ),
  // ---- comparisons and logic ----
  ...(
    [
      ["Equal", (tf, a, b) => tf.equal(a, b)],
      ["NotEqual", (tf, a, b) => tf.not_equal(a, b)],
      ["Less", (tf, a, b) => tf.less(a, b)],
      ["LessEqual", (tf, a, b) => tf.less_equal(a, b)],
      ["Greater", (tf, a, b) => tf.greater(a, b)],
      ["GreaterEqual", (tf, a, b) => tf.greater_equal(a, b)],
    ] as [string, (tf: Parameters<OpCase["build"]>[0], a: Tensor, b: Tensor) => Tensor][]
  ).map(
    ([op, f]): OpCase => ({
      op,
      name: "compares with broadcasting",
      build: (tf, dt) => {
        const a = tf.placeholder(dt, [2, 3]);
        const b = tf.placeholder(dt, [3]);
        return { y: f(tf, a, b), feeds: [[a, [[1, 2, 3], [3, 2, 1]]], [b, [1, 2, 2]]] };
      },
    }),
  ),
  ...(
    [
      ["LogicalAnd", (tf, a, b) => tf.logical_and(a, b)],
      ["LogicalOr", (tf, a, b) => tf.logical_or(a, b)],
      ["LogicalNot", (tf, a) => tf.logical_not(a)],
    ] as [string, (tf: Parameters<OpCase["build"]>[0], a: Tensor, b: Tensor) => Tensor][]
  ).map(
    ([op, f]): OpCase => ({
      op,
      name: "combines bools with broadcasting",
      build: (tf) => {
        const a = tf.placeholder(bool, [2, 2]);
        const b = tf.placeholder(bool, [2]);
        return { y: f(tf, a, b), feeds: [[a, [[true, false], [false, true]]], [b, [true, false]]] };
      },
    }),
  ),
  // ---- reductions ----
  {
    op: "Sum",
    name: "reduces everything (TF's fast gradient path)",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reduce_sum(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "Sum",
    name: "reduces one axis keeping dims",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reduce_sum(x, { axis: 1, keepdims: true }), feeds: [[x, M23]] };
    },
  },
  {
    op: "Sum",
    name: "reduces a negative axis of an unknown batch",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 3]);
      return { y: tf.reduce_sum(x, -2), feeds: [[x, M23]] };
    },
  },
  {
    op: "Sum",
    name: "reduces the outer and inner runs of a 3-D tensor",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3, 2]);
      const v = [
        [[1, 2], [3, 4], [5, 6]],
        [[0.5, -1], [1.5, -2], [2.5, 3]],
      ];
      return { y: tf.reduce_sum(x, [0, 2]), feeds: [[x, v]] };
    },
  },
  {
    op: "Sum",
    name: "reduces alternating axes of a 4-D tensor",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 2, 2, 2]);
      const v = [
        [
          [[1, 2], [3, 4]],
          [[5, 6], [7, 8]],
        ],
        [
          [[-1, 0.5], [2.5, 3]],
          [[4, -2], [1, 1.5]],
        ],
      ];
      return { y: tf.reduce_sum(x, [0, 2]), feeds: [[x, v]] };
    },
  },
  {
    op: "Mean",
    name: "averages columns of a known shape",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reduce_mean(x, 0), feeds: [[x, M23]] };
    },
  },
  {
    op: "Mean",
    name: "averages everything of an unknown batch",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 3]);
      return { y: tf.reduce_mean(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "Max",
    name: "takes row maxima",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reduce_max(x, 1), feeds: [[x, M23]] };
    },
  },
  {
    op: "Min",
    name: "takes the minimum of everything",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reduce_min(x), feeds: [[x, M23]] };
    },
  },
  {
    op: "Prod",
    name: "multiplies along the last axis",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.reduce_prod(x, -1), feeds: [[x, M23]] };
    },
  },
  {
    op: "All",
    name: "ands along an axis",
    build: (tf) => {
      const x = tf.placeholder(bool, [2, 2]);
      return { y: tf.reduce_all(x, 1), feeds: [[x, [[true, false], [true, true]]]] };
    },
  },
  {
    op: "Any",
    name: "ors everything",
    build: (tf) => {
      const x = tf.placeholder(bool, [2, 2]);
      return { y: tf.reduce_any(x), feeds: [[x, [[false, false], [true, false]]]] };
    },
  },
  {
    op: "ArgMax",
    name: "finds row maxima",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.argmax(x, 1), feeds: [[x, M23]] };
    },
  },
  {
    op: "ArgMin",
    name: "finds column minima",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.argmin(x, 0), feeds: [[x, M23]] };
    },
  },
  // ---- n-ary, scans, casts, matmul ----
  {
    op: "AddN",
    name: "sums a list with a repeated input",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3]);
      const b = tf.placeholder(dt, [2, 3]);
      return { y: tf.add_n([a, b, a]), feeds: [[a, M23], [b, POS23]] };
    },
  },
  {
    op: "Cumsum",
    name: "sums exclusively from the end",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.cumsum(x, 1, { exclusive: true, reverse: true }), feeds: [[x, M23]] };
    },
  },
  {
    op: "Cumprod",
    name: "multiplies down columns",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.cumprod(x, 0), feeds: [[x, M23]] };
    },
  },
  {
    op: "Cast",
    name: "casts between float types",
    // Finite differences cannot see through float32's rounding: the gradient's structure is
    // unit-tested in cast.test.ts instead.
    grad: false,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 3]);
      return { y: tf.cast(tf.cast(x, tf.float32), dt), feeds: [[x, M23]] };
    },
  },
  {
    op: "Cast",
    name: "truncates floats to int32",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4]);
      return { y: tf.cast(x, int32), feeds: [[x, [1.9, -1.9, 0.5, 3]]] };
    },
  },
  {
    op: "Cast",
    name: "truncates floats to int64",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [4]);
      return { y: tf.cast(x, tf.int64), feeds: [[x, [1.9, -1.9, 0.5, 3]]] };
    },
  },
  {
    op: "Add",
    name: "adds int64 tensors beyond int32's range",
    build: (tf) => {
      const x = tf.placeholder(tf.int64, [3]);
      return { y: tf.add(x, tf.constant([1, 2, 2 ** 40], tf.int64)), feeds: [[x, [2 ** 31, -5, 7]]] };
    },
  },
  {
    op: "FloorMod",
    name: "takes the divisor's sign for int64",
    build: (tf) => {
      const x = tf.placeholder(tf.int64, [4]);
      return { y: tf.floormod(x, tf.constant([3, -3, 3, -3], tf.int64)), feeds: [[x, [7, 7, -7, -7]]] };
    },
  },
  ...([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const).map(
    ([ta, tb]): OpCase => ({
      op: "MatMul",
      name: `multiplies matrices (transpose_a=${ta}, transpose_b=${tb})`,
      build: (tf, dt) => {
        const a = tf.placeholder(dt, ta ? [3, 2] : [2, 3]);
        const b = tf.placeholder(dt, tb ? [4, 3] : [3, 4]);
        const av = ta ? [[1, 0.5], [-2, 1.5], [3, -1]] : [[1, -2, 3], [0.5, 1.5, -1]];
        const bv = Array.from({ length: tb ? 4 : 3 }, (_, i) => Array.from({ length: tb ? 3 : 4 }, (_, j) => (i + 1) * 0.5 - j * 0.25));
        return { y: tf.matmul(a, b, { transpose_a: ta, transpose_b: tb }), feeds: [[a, av], [b, bv]] };
      },
    }),
  ),
  {
    op: "BatchMatMul",
    name: "multiplies a batch of matrices with adjoints",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 3, 2]);
      const b = tf.placeholder(dt, [2, 2, 3]);
      const av = [
        [[1, 2], [3, 4], [5, 6]],
        [[-1, 0.5], [2, -2], [0.25, 1]],
      ];
      const bv = [
        [[1, -1, 2], [0.5, 3, -2]],
        [[2, 1, 0], [-1, 1, 0.5]],
      ];
      return { y: tf.matmul(a, b, { adjoint_a: true, adjoint_b: true }), feeds: [[a, av], [b, bv]] };
    },
  },
  {
    op: "BatchMatMul",
    name: "multiplies operands of unknown rank",
    build: (tf, dt) => {
      const a = tf.placeholder(dt);
      const b = tf.placeholder(dt);
      return { y: tf.matmul(a, b), feeds: [[a, [[1, 2], [3, 4]]], [b, [[0.5], [-1]]]] };
    },
  },
  {
    op: "Range",
    name: "counts up to a limit",
    build: (tf) => ({ y: tf.range(tf.constant(1), 10, 3), feeds: [] }),
  },
  {
    op: "DynamicStitch",
    name: "interleaves two parts",
    build: (tf, dt) => {
      const a = tf.placeholder(dt, [2, 2]);
      const b = tf.placeholder(dt, [1, 2]);
      return { y: tf.dynamic_stitch([tf.constant([0, 2]), tf.constant([1])], [a, b]), feeds: [[a, [[1, 2], [5, 6]]], [b, [[3, 4]]]] };
    },
  },
];
