/**
 * Conformance cases for convolution and pooling and the gradient ops TF builds for them.
 * Inputs are distinct values (no two elements of a pooling window tie, so max pooling's
 * argmax, and so its finite differences, are unambiguous); windows cover the edges where
 * SAME padding and odd sizes make them partial.
 */
import type { Tensor } from "../../graph.js";
import type { TF } from "../../tf.js";
import type { OpCase, Value } from "./types.js";

/** A nested array of `shape` with distinct, irregular values in (-2, 2). */
function values(shape: number[], seed: number): Value {
  let i = 0;
  const build = (d: number): Value =>
    d === shape.length ? Math.round(2000 * Math.sin(seed * 7.31 + 1.7 * i++ + 0.37 * i * i)) / 1000 : Array.from({ length: shape[d] }, () => build(d + 1));
  return build(0);
}

type Conv = (tf: TF, x: Tensor, w: Tensor) => Tensor;
type Pool = (tf: TF, x: Tensor) => Tensor;

const sameConv: Conv = (tf, x, w) => tf.nn.conv2d(x, w, { strides: [1, 1, 1, 1], padding: "SAME" });
const stridedValid: Conv = (tf, x, w) => tf.nn.conv2d(x, w, { strides: 2, padding: "VALID" });
const stridedSame: Conv = (tf, x, w) => tf.nn.conv2d(x, w, { strides: [2, 3], padding: "SAME" });
const explicit: Conv = (tf, x, w) => tf.nn.conv2d(x, w, { strides: 1, padding: [[0, 0], [1, 0], [2, 1], [0, 0]] });

/** Conv2D on x [2, 5, 4, 2] with w [3, 2, 2, 3]. */
function convCase(name: string, conv: Conv, xShape = [2, 5, 4, 2], wShape = [3, 2, 2, 3], grad = true): OpCase {
  return {
    op: "Conv2D",
    name,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, xShape);
      const w = tf.placeholder(dt, wShape);
      return { y: conv(tf, x, w), feeds: [[x, values(xShape, 1)], [w, values(wShape, 2)]] };
    },
    grad,
  };
}

/** A Conv2D backprop op, built by tf.gradients with a fed upstream gradient. */
function convBackpropCase(op: "Conv2DBackpropInput" | "Conv2DBackpropFilter", name: string, conv: Conv): OpCase {
  return {
    op,
    name,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 5, 4, 2]);
      const w = tf.placeholder(dt, [3, 2, 2, 3]);
      const y = conv(tf, x, w);
      const dyShape = y.shape.as_list() as number[];
      const dy = tf.placeholder(dt, dyShape);
      const [gx, gw] = tf.gradients(y, [x, w], { grad_ys: [dy] }) as Tensor[];
      return {
        y: op === "Conv2DBackpropInput" ? gx : gw,
        feeds: [[x, values([2, 5, 4, 2], 1)], [w, values([3, 2, 2, 3], 2)], [dy, values(dyShape, 3)]],
      };
    },
    // The input's backprop reads only x's shape, the filter's only w's shape.
    noGradFor: op === "Conv2DBackpropInput" ? [0] : [1],
  };
}

const max2x2Same: Pool = (tf, x) => tf.nn.max_pool(x, { ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "SAME" });
const max3x3Valid: Pool = (tf, x) => tf.nn.max_pool(x, { ksize: 3, strides: [2, 1], padding: "VALID" });
const avg2x2Same: Pool = (tf, x) => tf.nn.avg_pool(x, { ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "SAME" });
const avg3x3Valid: Pool = (tf, x) => tf.nn.avg_pool(x, { ksize: [3, 2], strides: 1, padding: "VALID" });
const avg3x3Same: Pool = (tf, x) => tf.nn.avg_pool(x, { ksize: 3, strides: 2, padding: "SAME" });

const X_POOL = [2, 5, 5, 2];

function poolCase(op: "MaxPool" | "AvgPool", name: string, pool: Pool): OpCase {
  return {
    op,
    name,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, X_POOL);
      return { y: pool(tf, x), feeds: [[x, values(X_POOL, 4)]] };
    },
  };
}

/** The pooling gradient op, built by tf.gradients with a fed upstream gradient. */
function poolGradCase(op: "MaxPoolGrad" | "AvgPoolGrad", name: string, pool: Pool): OpCase {
  return {
    op,
    name,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, X_POOL);
      const y = pool(tf, x);
      const dyShape = y.shape.as_list() as number[];
      const dy = tf.placeholder(dt, dyShape);
      const [gx] = tf.gradients(y, [x], { grad_ys: [dy] }) as Tensor[];
      return { y: gx, feeds: [[x, values(X_POOL, 4)], [dy, values(dyShape, 5)]] };
    },
    // AvgPoolGrad reads only x's shape: no gradient flows back to x.
    noGradFor: op === "AvgPoolGrad" ? [0] : [],
  };
}

/** SpaceToBatchND or BatchToSpaceND of a fed x of `shape` (int32 block_shape and paddings/crops). */
function spaceBatchCase(op: "SpaceToBatchND" | "BatchToSpaceND", name: string, shape: number[], block: number[], amounts: number[][], known = true): OpCase {
  return {
    op,
    name,
    build: (tf, dt) => {
      const x = tf.placeholder(dt, known ? shape : shape.map(() => null));
      const y = op === "SpaceToBatchND" ? tf.space_to_batch_nd(x, block, amounts) : tf.batch_to_space_nd(x, block, amounts);
      return { y, feeds: [[x, values(shape, 7)]] };
    },
  };
}

export const convCases: OpCase[] = [
  spaceBatchCase("SpaceToBatchND", "pads height and width, then moves 2×2 blocks into the batch", [2, 3, 4, 2], [2, 2], [[1, 0], [1, 1]]),
  spaceBatchCase("SpaceToBatchND", "moves blocks of one spatial dimension of a rank-3 input of unknown shape", [2, 6, 3], [3], [[0, 0]], false),
  spaceBatchCase("SpaceToBatchND", "leaves a block of 1 without padding as it is (TF folds it into the batch)", [2, 2, 4, 1], [1, 2], [[0, 0], [0, 2]]),
  spaceBatchCase("BatchToSpaceND", "moves 2×2 batch blocks back into height and width, then crops", [8, 2, 3, 2], [2, 2], [[0, 1], [1, 1]]),
  spaceBatchCase("BatchToSpaceND", "moves batch blocks into one spatial dimension of an input of unknown shape", [6, 2, 3], [3], [[1, 0]], false),
  {
    op: "SpaceToDepth",
    name: "moves 2×2 blocks of height and width into the depth",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2, 4, 6, 2]);
      return { y: tf.space_to_depth(x, 2), feeds: [[x, values([2, 4, 6, 2], 8)]] };
    },
  },
  {
    op: "DepthToSpace",
    name: "moves depth into 3×3 blocks of height and width",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [1, 2, 1, 18]);
      return { y: tf.depth_to_space(x, 3), feeds: [[x, values([1, 2, 1, 18], 9)]] };
    },
  },
  convCase("runs a dilated convolution as SpaceToBatchND, Conv2D, BatchToSpaceND (tf.nn.atrous_conv2d, SAME), and trains", (tf, x, w) =>
    tf.nn.atrous_conv2d(x, w, 2, "SAME"), [1, 6, 5, 2], [2, 3, 2, 2],
  ),
  convCase("runs tf.nn.convolution with dilation_rate [2, 1] and VALID padding", (tf, x, w) =>
    tf.nn.convolution(x, w, "VALID", { dilation_rate: [2, 1] }), [2, 7, 4, 2], [3, 2, 2, 3],
  ),
  convCase("convolves with SAME padding and stride 1", sameConv),
  convCase("convolves with VALID padding and stride 2", stridedValid),
  convCase("convolves with SAME padding and different row and column strides", stridedSame),
  convCase("convolves with explicit paddings", explicit),
  convCase("convolves a dilated filter (forward only: TF 1.15's CPU backprop refuses dilations)", (tf, x, w) =>
    tf.nn.conv2d(x, w, { strides: 1, padding: "SAME", dilations: [1, 2, 2, 1] }),
    [1, 6, 5, 2], [2, 2, 2, 2], false,
  ),
  convBackpropCase("Conv2DBackpropInput", "is built by tf.gradients (SAME) and differentiates again", sameConv),
  convBackpropCase("Conv2DBackpropInput", "is built by tf.gradients (VALID, stride 2) and differentiates again", stridedValid),
  convBackpropCase("Conv2DBackpropFilter", "is built by tf.gradients (SAME, strides 2 and 3) and differentiates again", stridedSame),
  convBackpropCase("Conv2DBackpropFilter", "is built by tf.gradients (explicit paddings) and differentiates again", explicit),
  poolCase("MaxPool", "takes 2×2 maxima with SAME padding on odd sizes", max2x2Same),
  poolCase("MaxPool", "takes overlapping 3×3 maxima with VALID padding", max3x3Valid),
  poolGradCase("MaxPoolGrad", "is built by tf.gradients and differentiates again", max2x2Same),
  poolGradCase("MaxPoolGrad", "routes overlapping windows' gradients to their maxima", max3x3Valid),
  {
    op: "MaxPoolGradGrad",
    name: "is built by differentiating MaxPoolGrad and differentiates again",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, X_POOL);
      const y = max3x3Valid(tf, x);
      const dyShape = y.shape.as_list() as number[];
      const dy = tf.placeholder(dt, dyShape);
      const ddx = tf.placeholder(dt, X_POOL);
      const [gx] = tf.gradients(y, [x], { grad_ys: [dy] }) as Tensor[];
      const [gdy] = tf.gradients(gx, [dy], { grad_ys: [ddx] }) as Tensor[];
      return { y: gdy, feeds: [[x, values(X_POOL, 4)], [dy, values(dyShape, 5)], [ddx, values(X_POOL, 6)]] };
    },
    noGradFor: [1],
  },
  poolCase("AvgPool", "averages 2×2 windows with SAME padding, counting only the input they cover", avg2x2Same),
  poolCase("AvgPool", "averages overlapping 3×2 windows with VALID padding", avg3x3Valid),
  poolGradCase("AvgPoolGrad", "is built by tf.gradients and differentiates again", avg3x3Same),
  poolGradCase("AvgPoolGrad", "shares overlapping windows' gradients", avg3x3Valid),
];
